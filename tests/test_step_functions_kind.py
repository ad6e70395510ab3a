"""A Step Functions state machine, added to the serverless example as a new user would: priced from
its state transitions, Express usage loud rather than $0, and judged like the compute it is (its own
IAM role, tracing across it)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "serverless-wild-rydes"
STATE_MACHINE = """  - id: dispatch_sfn
    kind: step_functions
    name: Dispatch workflow
    description: Assigns a unicorn, waits for pick-up, settles the ride.
    usage: {state_transitions: 400000%s}
    %s
    justification:
      requirement: A ride runs through steps that must each happen exactly once.
      why: Standard workflows keep each step's state and retry it without hand-written code.
      alternatives:
        - {option: Lambda functions chained through SQS, why_not: retries and compensation by hand}
"""


def _project(tmp_path: Path, *, express: bool = False, role: str | None = None) -> Path:
    project = tmp_path / "project"
    shutil.copytree(EXAMPLE, project)
    model = project / "model" / "model.yaml"
    text = model.read_text()
    extra = ", express_requests: 20000" if express else ""
    block = STATE_MACHINE % (extra, f"role: {role}" if role else "tags: {}")
    model.write_text(text.replace("\ncost:\n", "\n" + block + "\ncost:\n", 1))
    return project


def _findings(project: Path) -> dict[str, dict]:
    review = json.loads(run_cli("review", "--format", "json", cwd=project).stdout)
    return {f["key"]: f for f in review["findings"]}


def test_the_state_machine_is_priced_by_its_transitions(tmp_path: Path) -> None:
    project = _project(tmp_path, role="wildrydes-dispatch")
    data = json.loads(run_cli("cost", "--format", "json", cwd=project).stdout)
    launch = data["scenarios"][0]
    (sfn,) = [s for s in launch["services"] if s["id"] == "dispatch_sfn"]
    # 400,000 transitions less the 4,000 always free, at $0.025 per 1,000: $9.90
    assert sfn["total_usd"] == "9.90" and not sfn["total_is_lower_bound"], sfn


def test_express_usage_is_a_located_unpriced_line_not_zero(tmp_path: Path) -> None:
    project = _project(tmp_path, express=True, role="wildrydes-dispatch")
    result = run_cli("cost", cwd=project)
    assert "at least $" in next(line for line in result.stdout.splitlines() if line.startswith("Total per month"))
    assert "C101" in result.stderr and "express_requests is not priced" in result.stderr
    model = (project / "model" / "model.yaml").read_text().splitlines()
    line = next(i for i, text in enumerate(model, 1) if "express_requests: 20000" in text)
    assert f"model/model.yaml:{line}:" in result.stderr  # at the usage key, not the service's kind
    assert run_cli("cost", "--strict", cwd=project).exit_code != 0


def test_a_state_machine_needs_its_own_role(tmp_path: Path) -> None:
    assert "SEC008@dispatch_sfn" in _findings(_project(tmp_path / "a"))
    assert "SEC008@dispatch_sfn" not in _findings(_project(tmp_path / "b", role="wildrydes-dispatch"))
