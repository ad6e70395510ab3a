"""Loading pauses Python's cyclic garbage collector and always gives it back as it found it."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from generator.errors import ModelInvalid
from generator.load.model_loader import load_model
from tests.conftest import ROOT


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
