"""Compiled templates kept in the user's cache folder: a second process loads them instead of compiling,
a damaged or foreign file is compiled anew, and a folder that is not private is not used."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from jinja2 import DictLoader, Environment

from generator.site.template_cache import TemplateBytecode, cache_folder
from tests.conftest import ROOT


def _compiles(env: Environment, name: str) -> bool:
    """Whether getting `name` ran Jinja's compiler."""
    calls = []
    original = env.compile
    env.compile = lambda *a, **k: calls.append(1) or original(*a, **k)
    env.get_template(name)
    return bool(calls)


def _env(folder: Path | None, source: str = "Hello {{ who }}") -> Environment:
    return Environment(loader=DictLoader({"page.md": source}), bytecode_cache=TemplateBytecode(folder))


def test_a_new_process_loads_what_an_earlier_one_compiled(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = cache_folder()
    assert folder == tmp_path / "archgen" / "jinja"
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
    assert _compiles(_env(folder), "page.md")
    assert list(folder.iterdir())
    fresh = _env(folder)  # a new environment and store: only the disk carries the compiled template
    assert not _compiles(fresh, "page.md")
    assert fresh.get_template("page.md").render(who="CTO") == "Hello CTO"


def test_a_changed_template_is_compiled_again(tmp_path) -> None:
    _env(tmp_path).get_template("page.md")
    changed = _env(tmp_path, "Bye {{ who }}")
    assert _compiles(changed, "page.md")
    assert changed.get_template("page.md").render(who="CTO") == "Bye CTO"


def test_a_damaged_file_is_compiled_anew(tmp_path) -> None:
    _env(tmp_path).get_template("page.md")
    for stored in tmp_path.iterdir():
        stored.write_bytes(stored.read_bytes()[:20])  # the header survives, the code is cut short
    again = _env(tmp_path)
    assert _compiles(again, "page.md")
    assert again.get_template("page.md").render(who="CTO") == "Hello CTO"


def test_a_folder_others_can_write_is_not_used(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = tmp_path / "archgen" / "jinja"
    folder.mkdir(parents=True)
    folder.chmod(0o777)
    assert cache_folder() is None
    folder.chmod(0o700)
    assert cache_folder() == folder
    link = tmp_path / "elsewhere"
    link.mkdir()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "via"))
    (tmp_path / "via" / "archgen").mkdir(parents=True)
    (tmp_path / "via" / "archgen" / "jinja").symlink_to(link)
    assert cache_folder() is None  # a link could point anywhere


def test_an_unwritable_cache_only_costs_time(tmp_path, monkeypatch) -> None:
    """A build with a cache folder that cannot be made works as before."""
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    env = {**os.environ, "XDG_CACHE_HOME": str(blocker)}
    code = "from generator.site.markdown import environment as e; print(e().get_template('cost.md.j2').name)"
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "cost.md.j2"
