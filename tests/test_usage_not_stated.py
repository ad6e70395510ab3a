"""A usage key a service's kind bills by and the model leaves out is never a silent $0: the line reads
'unknown', every total that includes it 'at least', the budget is not claimed to hold, and a located
warning (C105) names the service; `--strict` and a pull request's gate refuse it. Tried on the serverless
example (not Cruddur), as a user would."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from generator.publish.staging import read_tree
from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "serverless-wild-rydes"
WITH_DURATION = "usage: {requests: 900000, average_duration_ms: 120}"
WITHOUT_DURATION = "usage: {requests: 900000}"


def _project(tmp_path: Path, name: str = "project") -> Path:
    project = tmp_path / name
    shutil.copytree(EXAMPLE, project)
    return project


def _drop_duration(project: Path) -> int:
    """Leave one function's duration out; the line it was on."""
    model = project / "model" / "model.yaml"
    text = model.read_text()
    assert text.count(WITH_DURATION) == 1
    model.write_text(text.replace(WITH_DURATION, WITHOUT_DURATION))
    return text[: text.index(WITH_DURATION)].count("\n") + 1


def test_cost_says_unknown_and_at_least_with_a_located_warning(tmp_path: Path) -> None:
    project = _project(tmp_path)
    line = _drop_duration(project)
    result = run_cli("cost", cwd=project)
    assert result.exit_code == 0, result.output
    total = next(line for line in result.stdout.splitlines() if line.startswith("Total per month"))
    assert "at least $" in total
    assert "(needs usage)" in result.stdout and "unknown | usage not stated" not in result.stdout
    assert "average_duration_ms" in result.stdout and "not stated" in result.stdout
    assert f"model/model.yaml:{line}:" in result.stderr and "C105" in result.stderr
    assert "usage average_duration_ms is not stated" in result.stderr and "Traceback" not in result.stderr

    data = json.loads(run_cli("cost", "--format", "json", cwd=project).stdout)
    scenario = data["scenarios"][0]
    assert scenario["total_is_lower_bound"] is True
    assert any(x.endswith("average_duration_ms (usage not stated)") for x in scenario["unpriced"])
    flagged = [s for s in scenario["services"] if s["needs_usage"]]
    assert flagged and all(s["total_is_lower_bound"] for s in flagged)


def test_a_service_with_no_usage_reads_unknown_not_zero(tmp_path: Path) -> None:
    project = _project(tmp_path)
    model = project / "model" / "model.yaml"
    text = model.read_text()
    assert text.count("usage: {requests: 2700000}") == 1  # the billing queue: SQS bills by requests
    model.write_text(text.replace("usage: {requests: 2700000}", "usage: {}"))
    result = run_cli("cost", "--format", "json", cwd=project)
    scenario = json.loads(result.stdout)["scenarios"][0]
    queue = next(s for s in scenario["services"] if s["needs_usage"] == ["requests"])
    assert queue["total_usd"] is None and queue["total_is_lower_bound"] is True
    services = json.loads(run_cli("services", "--format", "json", cwd=project).stdout)
    row = next(r for r in services if r["id"] == queue["id"])
    assert row["monthly_usd"] is None and row["share_percent"] is None


def test_the_site_and_the_budget_never_claim_what_is_not_known(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _drop_duration(project)
    built = run_cli("build", "--no-site", cwd=project)
    assert built.exit_code == 0, built.output
    assert "monthly cost: " in built.stdout and "at least $" in built.stdout
    cost = (project / "docs" / "cost.md").read_text()
    assert "usage not stated" in cost and "unknown" in cost
    assert "within budget" not in cost and "unknown: estimate incomplete" in cost
    proposal = (project / "docs" / "index.md").read_text()
    assert "at least $" in proposal and "(usage not stated)" in proposal


def test_strict_refuses_it_and_keeps_the_last_build(tmp_path: Path) -> None:
    project = _project(tmp_path)
    assert run_cli("build", "--no-site", cwd=project).exit_code == 0
    before = read_tree(project / "docs")
    _drop_duration(project)
    result = run_cli("build", "--no-site", "--strict", cwd=project)
    assert result.exit_code == 1 and "C105" in result.stderr and "Traceback" not in result.stderr
    assert read_tree(project / "docs") == before


def test_a_pull_request_that_drops_usage_shows_it_and_fails_the_gate(tmp_path: Path) -> None:
    old, new = _project(tmp_path, "old"), _project(tmp_path, "new")
    _drop_duration(new)
    md = run_cli("diff", str(old / "model"), str(new / "model"), cwd=tmp_path).stdout
    assert "average\\_duration\\_ms (usage not stated) (new in this change)" in md
    row = next(line for line in md.splitlines() if line.startswith("|") and "at least $" in line)
    assert row.rstrip().endswith("| not known |")
    gated = run_cli("diff", str(old / "model"), str(new / "model"), "--gate", cwd=tmp_path)
    assert gated.exit_code == 3, gated.output  # the gate's own exit code
    assert "moved out of the estimate" in gated.stderr
    assert "the whole change is not known" in md


def test_the_budget_alerts_are_not_claimed_silent_from_a_floor(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _drop_duration(project)
    result = run_cli("cost", "--format", "markdown", cwd=project)
    budget_rows = [line for line in result.stdout.splitlines() if line.startswith("| Launch month |")]
    assert budget_rows and all(row.rstrip().endswith("| not known: estimate incomplete |") for row in budget_rows)


def test_shares_of_an_incomplete_total_say_they_are_of_what_is_priced(tmp_path: Path) -> None:
    """A share of a floor is no share of the bill: the heading and the JSON say what the shares are of."""
    complete = _project(tmp_path, "complete")
    table = run_cli("services", "--format", "markdown", cwd=complete).stdout
    assert "| Share |" in table and "what is priced" not in table
    assert {s["share_of"] for s in json.loads(run_cli("services", "--format", "json", cwd=complete).stdout)} == {
        "total"
    }

    incomplete = _project(tmp_path, "incomplete")
    _drop_duration(incomplete)
    table = run_cli("services", "--format", "markdown", cwd=incomplete).stdout
    assert "| Share of what is priced |" in table
    rows = json.loads(run_cli("services", "--format", "json", cwd=incomplete).stdout)
    assert {s["share_of"] for s in rows} == {"priced"}
    assert run_cli("build", "--no-site", cwd=incomplete).exit_code == 0
    page = (incomplete / "docs" / "services.md").read_text()
    assert "Share of what is priced" in page and "of the priced part of the total" in page
