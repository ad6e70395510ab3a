"""Loading pauses Python's cyclic garbage collector and always gives it back as it found it."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from generator.errors import ModelInvalid
from generator.load.model_loader import load_model
from tests.conftest import ROOT, run_python


def test_collector_is_paused_while_loading_and_back_after(monkeypatch) -> None:
    import generator.parse.yaml_file as loader

    seen = []
    original = loader.load_yaml

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return original(*args, **kwargs)

    monkeypatch.setattr(loader, "load_yaml", spy)
    assert gc.isenabled()
    load_model(ROOT / "model")
    assert seen and not any(seen)
    assert gc.isenabled()


def test_collector_comes_back_after_an_invalid_model(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("proposal: [unclosed\n")
    with pytest.raises(ModelInvalid):
        load_model(tmp_path)
    assert gc.isenabled()


def test_a_disabled_collector_stays_disabled() -> None:
    gc.disable()
    try:
        load_model(ROOT / "model")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_startup_pause_lasts_until_the_first_load_has_finished(tmp_path: Path) -> None:
    """The entry point pauses collection for the imports; the first (outermost) load resumes it, even
    when it fails, and a later load pauses and resumes as usual."""
    from generator.parse import gc_pause

    gc_pause.pause_for_startup()
    try:
        assert not gc.isenabled()
        load_model(ROOT / "model")  # nested loads inside: only the outermost resumes
        assert gc.isenabled()
        gc_pause.pause_for_startup()
        with pytest.raises(ModelInvalid):
            (tmp_path / "bad.yaml").write_text("proposal: [unclosed\n")
            load_model(tmp_path)
        assert gc.isenabled()
    finally:
        gc.enable()
        gc_pause._paused_for_startup = False


def test_a_command_that_loads_nothing_leaves_the_collector_paused_until_exit() -> None:

    code = (
        "import gc, sys\n"
        "sys.argv = ['archgen', 'rules']\n"
        "from generator.cli.entry import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(gc.isenabled(), file=sys.stderr)\n"
    )
    done = run_python(code, check=False)
    assert done.stderr.strip().endswith("False")
