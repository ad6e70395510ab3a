"""The theme's file list archgen gives MkDocs is Jinja's, less the paths MkDocs drops anyway (any part
starting with a dot): the site gets the same static files without walking Material's 14,000 icons."""

from __future__ import annotations

import fnmatch
from pathlib import Path

import material
from jinja2 import FileSystemLoader

from generator.mkdocs.run import theme_files


def _what_mkdocs_keeps(names: list[str]) -> list[str]:
    return [n for n in names if not (fnmatch.fnmatch(n.lower(), ".*") or fnmatch.fnmatch(n.lower(), "*/.*"))]


def test_the_installed_theme_lists_the_same_files(tmp_path: Path) -> None:
    folders = (str(tmp_path), str(Path(material.__file__).parent / "templates"))
    for name in ("main.html", ".hidden", "assets/.cache/x.js", "assets/app.js", "deep/er/.x/y.css", "Nested/A.CSS"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    full = FileSystemLoader(list(folders)).list_templates()
    assert theme_files(folders) == _what_mkdocs_keeps(full)
    assert "assets/app.js" in theme_files(folders) and "assets/.cache/x.js" not in theme_files(folders)
    assert len(full) > 10_000 > len(theme_files(folders))
