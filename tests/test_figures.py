"""Numbers in prose come from the analysis: `{cost.<service>.<scenario>}` in a decision or the proposal
renders as the computed figure, so the ADR cannot contradict the Cost page; a reference to nothing is
a located warning (an error with --strict)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.conftest import ROOT, run_cli


def _project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "model", tmp_path / "model")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def test_the_adr_states_the_figures_the_cost_estimate_computes(tmp_path: Path) -> None:
    import json

    project = _project(tmp_path)
    assert run_cli("build", "--no-site", cwd=project).exit_code == 0
    adr = (project / "docs" / "decisions" / "adr-001-fargate.md").read_text()
    assert "{cost." not in adr
    launch, growth = re.search(r"it is \$([\d,.]+) a month at launch.*?and \$([\d,.]+) in year two", adr).groups()
    cost = json.loads(run_cli("cost", "--format", "json", cwd=project).stdout)
    alb = [next(s for s in scenario["services"] if s["id"] == "api_lb") for scenario in cost["scenarios"]]
    assert (launch, growth) == (alb[0]["total_usd"], alb[1]["total_usd"])


def test_a_reference_to_nothing_is_a_located_warning_and_strict_refuses_it(tmp_path: Path) -> None:
    project = _project(tmp_path)
    decisions = project / "model" / "decisions.yaml"
    decisions.write_text(decisions.read_text().replace("{cost.api_lb.growth}", "{cost.api_lbb.growth}", 1))
    result = run_cli("build", "--no-site", cwd=project)
    assert result.exit_code == 0
    assert re.search(
        r"model/decisions\.yaml:\d+:\d+ C103 warning: \{cost\.api_lbb\.growth\} names no figure", result.stderr
    )
    assert run_cli("build", "--no-site", "--strict", cwd=project).exit_code == 1
