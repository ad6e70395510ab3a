"""Every malformed-model case in tests/cases/loader gives its golden diagnostic, exit 1, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import check_golden, run_cli

CASES = Path(__file__).parent / "cases" / "loader"


@pytest.mark.parametrize("case", sorted(p.stem for p in CASES.glob("*.yaml")))
def test_case_gives_golden_diagnostic(case: str, tmp_path: Path) -> None:
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / f"{case}.yaml").write_bytes((CASES / f"{case}.yaml").read_bytes())
    result = run_cli("validate", "model", cwd=tmp_path)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    check_golden(CASES / f"{case}.expected", result.stderr)
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"model/{case}.yaml:"), first


@pytest.mark.parametrize("case", sorted(p.stem for p in CASES.glob("*.yaml")))
def test_case_as_json_names_file_line_column_code(case: str, tmp_path: Path) -> None:
    import json

    (tmp_path / "model").mkdir()
    (tmp_path / "model" / f"{case}.yaml").write_bytes((CASES / f"{case}.yaml").read_bytes())
    result = run_cli("validate", "model", "--format", "json", cwd=tmp_path)
    assert result.exit_code == 1
    problems = json.loads(result.stdout)
    assert problems
    for p in problems:
        assert p["file"] == f"model/{case}.yaml"
        assert p["line"] >= 1 and p["column"] >= 1
        assert p["code"][0] in "YSR" and p["message"]
