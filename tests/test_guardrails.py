"""`archgen guardrails`: the CloudFormation template the model declares, checked by cfn-lint."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import FIXTURES, check_golden, run_cli

GOLDENS = Path(__file__).parent / "goldens" / "guardrails"


def cfn_lint(path: Path) -> subprocess.CompletedProcess:
    exe = shutil.which("cfn-lint") or str(Path(sys.executable).parent / "cfn-lint")
    return subprocess.run([exe, str(path)], capture_output=True, text=True, timeout=300)


def test_example_template_golden_and_valid(project: Path) -> None:
    result = run_cli("guardrails", "-o", "guardrails.yaml", cwd=project)
    assert result.exit_code == 0, result.output
    text = (project / "guardrails.yaml").read_text()
    check_golden(GOLDENS / "cruddur.yaml", text)
    lint = cfn_lint(project / "guardrails.yaml")
    assert lint.returncode == 0, lint.stdout + lint.stderr
    template = yaml.safe_load(text)
    resources = template["Resources"]
    assert resources["MonthlyBudget"]["Properties"]["Budget"]["BudgetLimit"] == {"Amount": 100.0, "Unit": "USD"}
    thresholds = [
        (n["Notification"]["NotificationType"], n["Notification"]["Threshold"])
        for n in resources["MonthlyBudget"]["Properties"]["NotificationsWithSubscribers"]
    ]
    assert thresholds == [("ACTUAL", 50.0), ("ACTUAL", 80.0), ("FORECASTED", 100.0)]
    assert resources["BillingAlarm"]["Properties"]["Threshold"] == 80.0
    assert resources["HealthEventsRule"]["Properties"]["EventPattern"]["source"] == ["aws.health"]
    assert resources["AlertsEmail1"]["Properties"]["Endpoint"] == "team@cruddur.example"


def test_only_what_the_model_declares(tmp_path: Path) -> None:
    text = (FIXTURES / "minimal.yaml").read_text() + (
        "cost:\n  budget:\n    monthly_limit: 20\n    thresholds: [{percent: 90}]\n"
    )
    (tmp_path / "m.yaml").write_text(text)
    result = run_cli("guardrails", "m.yaml", cwd=tmp_path)
    assert result.exit_code == 0
    template = yaml.safe_load(result.stdout)
    assert sorted(template["Resources"]) == ["AlertsTopic", "AlertsTopicPolicy", "MonthlyBudget"]
    assert "Rules" not in template
    (tmp_path / "t.yaml").write_text(result.stdout)
    lint = cfn_lint(tmp_path / "t.yaml")
    assert lint.returncode == 0, lint.stdout


def test_deterministic(project: Path) -> None:
    first = run_cli("guardrails", cwd=project).stdout
    assert run_cli("guardrails", cwd=project).stdout == first


def test_no_budget_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text((FIXTURES / "minimal.yaml").read_text())
    result = run_cli("guardrails", "m.yaml", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: the model declares no budget")


@pytest.mark.parametrize("bad", ["/proc/nope/x.yaml"])
def test_unwritable_output(project: Path, bad: str) -> None:
    result = run_cli("guardrails", "-o", bad, cwd=project)
    assert result.exit_code == 1 and result.stderr.startswith("error: cannot write")


@pytest.mark.parametrize(
    "text",
    ["plain", "a: b", "- x", "üñíçødé ☃ 😀", "x" * 250, "line1\nline2", "  lead", "trail ", "\"q\" 'q'",
     "{{resolve:ssm:x}}", "#hash", "null", "010", "3.10", "yes", "", "\t tab", "a" * 60 + " " + "b" * 60,
     "\u2028", "%p", "@a", "x: {y}", "[1]"],
)  # fmt: skip
def test_libyaml_and_python_emitters_write_the_same_template(text: str) -> None:
    """The template is written by libyaml's emitter when PyYAML has it: machines without it must still
    produce the same bytes, or committed outputs would differ between them."""
    from generator.render.guardrails import template_yaml

    if not hasattr(yaml, "CSafeDumper"):
        pytest.skip("PyYAML without libyaml: only one emitter to compare")
    template = {"Resources": {"R": {"Properties": {"Name": text, "List": [text, {"k": text}]}}}}
    assert template_yaml(template, yaml.CSafeDumper) == template_yaml(template, yaml.SafeDumper)
