"""Which budget holds which scenario is one rule (`CostSettings.limit_for`): the scenario's own `budget`,
else `cost.budget` for the first. The Well-Architected check (COST008), the Cost page, `archgen cost` and
a pull request's budget lines all judge by it, so the page never says "over budget" where the review
says "within budget". Tried on the serverless example (not Cruddur)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "serverless-wild-rydes"
BUDGET = """  budget:
    monthly_limit: 200
    thresholds:
      - {percent: 80, type: actual}
      - {percent: 100, type: forecasted}
    subscribers: [platform@wildrydes.example]
"""


def _project(tmp_path: Path, *, aws_budget: bool, city_budget: str | None, limit: str = "200") -> Path:
    project = tmp_path / "project"
    shutil.copytree(EXAMPLE, project)
    model = project / "model" / "model.yaml"
    text = model.read_text()
    assert text.count(BUDGET) == 1 and text.count("      multiplier: 3\n") == 1
    text = text.replace(BUDGET, BUDGET.replace("200", limit) if aws_budget else "")
    if city_budget is not None:
        text = text.replace("      multiplier: 3\n", f"      multiplier: 3\n      budget: {city_budget}\n")
    model.write_text(text)
    return project


def _cost008(project: Path) -> list[dict]:
    """COST008's open findings (a pass is not a finding)."""
    review = json.loads(run_cli("review", "--format", "json", cwd=project).stdout)
    return [f for f in review["findings"] if f["key"].startswith("COST008")]


def _budget_row(project: Path, scenario: str) -> list[str]:
    table = run_cli("cost", "--format", "markdown", cwd=project).stdout
    row = next(line for line in table.splitlines() if line.startswith(f"| {scenario} |") and "budget" in line)
    return [cell.strip() for cell in row.strip("|").split("|")]


def test_a_later_stage_without_a_budget_of_its_own_is_not_called_over_budget(tmp_path: Path) -> None:
    """The second city costs more than the AWS Budget, which would alert, but it is not held to it."""
    project = _project(tmp_path, aws_budget=True, city_budget=None, limit="1")
    city = _budget_row(project, "Second city")
    assert city[2:4] == ["none", "no budget of its own"], city
    assert city[5] != "none"  # the AWS Budget as configured would still send its alerts
    launch = _budget_row(project, "Launch month")
    assert launch[2:4] == ["$1.00", "over budget"], launch
    (finding,) = _cost008(project)
    assert finding["status"] == "fail" and "Launch month" in finding["message"], finding
    assert "Second city" not in finding["message"]


def test_a_stage_with_its_own_budget_is_judged_without_an_aws_budget(tmp_path: Path) -> None:
    """Without `cost.budget`, a scenario's own budget still holds it: COST008 used to skip it silently."""
    project = _project(tmp_path, aws_budget=False, city_budget="1")
    city = _budget_row(project, "Second city")
    assert city[2:6] == ["$1.00", "over budget", "none configured", "none configured"], city
    assert _budget_row(project, "Launch month")[2:4] == ["none", "no budget of its own"]
    (finding,) = _cost008(project)
    assert finding["status"] == "fail" and "Second city" in finding["message"], finding
    assert run_cli("build", "--no-site", cwd=project).exit_code == 0
    cost_page = (project / "docs" / "cost.md").read_text()
    assert "| Second city | " in cost_page and "| $1.00 | over budget |" in cost_page
    assert "Monthly budget:" not in cost_page  # nothing to say about an AWS Budget that is not configured
    monthly = next(
        line for line in (project / "docs" / "index.md").read_text().splitlines() if "**Monthly cost**" in line
    )
    assert "Launch month **$" in monthly and monthly.count("(budget") == 1 and monthly.endswith("(budget $1.00).")


def test_the_pull_request_holds_the_same_scenarios(tmp_path: Path) -> None:
    base = _project(tmp_path, aws_budget=False, city_budget="1")
    head = tmp_path / "head"
    shutil.copytree(base, head)
    result = run_cli("diff", str(base / "model"), str(head / "model"), "--format", "json", cwd=tmp_path)
    budgets = json.loads(result.stdout)["budgets"]
    assert [b["scenario"] for b in budgets] == ["Second city"], budgets
    assert budgets[0]["limit_usd"] == "1"


def test_one_standing_for_every_judge() -> None:
    """COST008, the budget table and the PR comment all call `standing`: over is certain even from a
    floor, a floor under the limit is unknown, and the comparison is in cents."""
    from decimal import Decimal

    from generator.pricing.budget import standing

    assert standing(Decimal("100.004"), Decimal("100"), False) == "within"  # $100.00 is not over $100
    assert standing(Decimal("100.006"), Decimal("100"), False) == "over"
    assert standing(Decimal("150"), Decimal("100"), True) == "over"
    assert standing(Decimal("50"), Decimal("100"), True) == "unknown"
