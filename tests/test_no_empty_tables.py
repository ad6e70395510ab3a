"""No page shows a table with a heading row and nothing under it (it reads as broken): where there is
nothing to list, the page says so in a sentence. Checked on every example and on the minimal model
`archgen init` writes, which leaves most sections empty."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

SEPARATOR = re.compile(r"^\s*\|( *:?-{3,}:? *\|)+\s*$")


def _empty_tables(docs: Path) -> list[str]:
    found = []
    for page in sorted(docs.rglob("*.md")):
        lines = page.read_text().splitlines()
        for i, line in enumerate(lines):
            following = lines[i + 1] if i + 1 < len(lines) else ""
            if SEPARATOR.match(line) and not following.strip().startswith("|"):
                found.append(f"{page.relative_to(docs)}:{i}")
    return found


@pytest.mark.parametrize("name", ["serverless-wild-rydes", "hybrid-enterprise-orders", "init"])
def test_no_page_has_an_empty_table(name: str, tmp_path: Path) -> None:
    project = tmp_path / name
    if name == "init":
        assert run_cli("init", str(project), cwd=tmp_path).exit_code == 0
    else:
        shutil.copytree(ROOT / "examples" / name, project, ignore=shutil.ignore_patterns("docs", "site"))
    result = run_cli("build", "--no-site", cwd=project)
    assert result.exit_code == 0, result.output
    assert _empty_tables(project / "docs") == []


def test_the_example_pages_have_no_empty_table() -> None:
    assert _empty_tables(ROOT / "docs") == []
