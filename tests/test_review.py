"""The Well-Architected review as a user meets it: catalogue counts, risk, CLI, goldens, gates."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

from generator.catalogue.framework import framework
from generator.index import ModelIndex
from generator.load.model_loader import load_model
from generator.review.availability import estimate_availability
from generator.review.risk import question_risks
from tests.conftest import FIXTURES, ROOT, check_golden, run_cli

GOLDENS = Path(__file__).parent / "goldens" / "review"


def test_risk_follows_missing_practices() -> None:
    model = load_model(FIXTURES / "minimal.yaml").model
    risks = {q.question.id: q.risk for q in question_risks(model, framework())}
    assert set(risks.values()) == {"UNANSWERED"}
    answered = model.model_copy(
        update={
            "well_architected": model.well_architected.model_copy(
                update={
                    "answers": (
                        _answer("SUS 1", ["SUS01-BP01"]),
                        _answer("SEC 9", ["SEC09-BP01", "SEC09-BP02"]),
                        _answer("SEC 8", []),
                        _answer("OPS 9", ["OPS09-BP01", "OPS09-BP02"]),
                    )
                }
            )
        }
    )
    risks = {q.question.id: q.risk for q in question_risks(answered, framework())}
    # SEC09-BP03 is LOW on its page: missing only it leaves SEC 9 with no risk
    assert (risks["SUS 1"], risks["SEC 9"], risks["SEC 8"], risks["OPS 9"]) == ("NONE", "NONE", "HIGH", "MEDIUM")


def _answer(question, practices):
    from generator.schema.wellarchitected import Answer

    return Answer(question=question, practices=tuple(practices))


def test_example_answers_every_question() -> None:
    model = load_model(ROOT / "model").model
    risks = question_risks(model, framework())
    assert len(risks) == 57 and not [q for q in risks if q.risk == "UNANSWERED"]


def test_availability_estimate_of_the_example() -> None:
    estimate = estimate_availability(ModelIndex(load_model(ROOT / "model").model))
    path = ["dns", "cdn", "frontend_bucket", "user_pool_service", "api_lb", "api_service", "main_db"]
    assert [s.service for s in estimate.steps] == path  # sign-in (Cognito) is on the path
    # 100 x 99.9 x 99.9 x 99.9 (Cognito) x 99.99 x 99.5 (one Fargate task) x 99.5 (single-AZ RDS)
    assert f"{estimate.percent:.4f}" == "98.6959"
    assert estimate.single_points == ["api_service", "main_db"]


def test_one_task_is_a_single_point_even_when_marked_multi_az() -> None:
    """Regression: `multi_az: true` used to make one task count as 99.99% (the path read 99.28%, not 98.8%)."""
    index = ModelIndex(load_model(ROOT / "model").model)
    api = index.services["api_service"]
    assert api.placement.multi_az and api.sizing.desired_count == 1
    assert "api_service" in estimate_availability(index).single_points


def test_a_scaling_floor_of_one_task_is_a_single_point_like_the_rules_say(tmp_path: Path) -> None:
    """Two desired tasks in two AZs, but a floor of one: at a quiet hour one task runs, in one AZ."""
    model = tmp_path / "model"
    shutil.copytree(ROOT / "model", model)
    services = model / "services.yaml"
    text = services.read_text()
    assert "desired_count: 1, min_count: 1" in text
    services.write_text(text.replace("desired_count: 1, min_count: 1", "desired_count: 2, min_count: 1", 1))
    index = ModelIndex(load_model(model).model)
    api = index.services["api_service"]
    assert api.sizing.desired_count == 2 and api.sizing.min_count == 1
    assert "api_service" in estimate_availability(index).single_points


def test_the_worst_outcome_of_a_rule_wins(project: Path) -> None:
    """Regression: the first outcome per element used to win, so REL007 never fired when the growth
    scenario exceeded the Fargate vCPU quota after the launch scenario passed."""
    cost = project / "model" / "cost.yaml"
    cost.write_text(cost.read_text().replace("api_service: {desired_count: 2}", "api_service: {desired_count: 30}"))
    result = run_cli("review", "--format", "json", cwd=project)
    assert result.exit_code == 0, result.output
    keys = {f["key"]: f for f in json.loads(result.stdout)["findings"]}
    assert keys["REL007@api_service"]["status"] == "fail", keys.keys()


def test_example_review_golden(project: Path) -> None:
    result = run_cli("review", "--format", "json", cwd=project)
    assert result.exit_code == 0, result.output
    check_golden(GOLDENS / "example-review.json", result.stdout)
    data = json.loads(result.stdout)
    assert data["risk_counts"] == {"HIGH": 30, "MEDIUM": 20, "NONE": 7}
    assert data["schema_version"] == 2 and data["summary"]["findings"]["open"] == 16


def test_fail_on_exits_3_for_unacknowledged_findings(project: Path) -> None:
    first = run_cli("review", "--fail-on", "high", cwd=project)
    assert first.exit_code == 3 and "REL003@api_service" in first.stderr  # the example's open HIGH findings
    assert "REL001@main_db" not in first.stderr  # acknowledged
    text = (project / "model" / "well-architected.yaml").read_text()
    cut = text.index("    - finding: REL001@main_db")
    end = text.index("    - finding: SEC003@api_lb")
    (project / "model" / "well-architected.yaml").write_text(text[:cut] + text[end:])
    result = run_cli("review", "--fail-on", "high", cwd=project)
    assert result.exit_code == 3
    assert "REL001@main_db" in result.stderr
    assert run_cli("review", "--fail-on", "medium", cwd=project).exit_code == 3


def test_github_format_annotates_open_findings(project: Path) -> None:
    text = (project / "model" / "well-architected.yaml").read_text()
    cut = text.index("  acknowledgements:")
    (project / "model" / "well-architected.yaml").write_text(text[:cut])
    result = run_cli("review", "--format", "github", cwd=project)
    lines = result.stdout.splitlines()
    assert any(line.startswith("::error file=model/services.yaml,line=") and "title=REL001" in line for line in lines)


def test_answer_errors_are_located(tmp_path: Path) -> None:
    text = (FIXTURES / "minimal.yaml").read_text() + (
        "well_architected:\n  answers:\n    - {question: SEC 42, practices: []}\n"
        "    - {question: SEC 9, practices: [SEC09-BP07]}\n"
    )
    (tmp_path / "m.yaml").write_text(text)
    result = run_cli("validate", "m.yaml", "--format", "json", cwd=tmp_path)
    problems = [(p["line"], p["code"], p["message"]) for p in json.loads(result.stdout)]
    assert problems == [
        (30, "R201", "unknown question 'SEC 42'"),
        (31, "R201", "'SEC09-BP07' is not a best practice of SEC 9"),
    ]


def test_rules_and_explain(project: Path) -> None:
    listing = run_cli("rules", cwd=project).stdout.splitlines()
    assert len(listing) >= 30 and listing[0].startswith("COST001")
    result = run_cli("explain", "REL001", cwd=project)
    assert result.exit_code == 0 and "How to fix" in result.stdout and "REL10-BP01" in result.stdout
    bad = run_cli("explain", "REL001x", cwd=project)
    assert bad.exit_code == 2 and "did you mean 'REL001'" in bad.stderr


def test_the_sla_follows_the_configuration_in_the_model() -> None:
    """S3 Intelligent-Tiering and Standard-IA are held to 99.0% on the S3 SLA page, Standard to 99.9%."""
    model = load_model(ROOT / "model").model
    bucket = next(s for s in model.services if s.id == "frontend_bucket")
    tiered = bucket.model_copy(
        update={"sizing": bucket.sizing.model_copy(update={"storage_class": "intelligent_tiering"})}
    )
    services = tuple(tiered if s.id == "frontend_bucket" else s for s in model.services)
    steps = {
        s.service: s for s in estimate_availability(ModelIndex(model.model_copy(update={"services": services}))).steps
    }
    assert steps["frontend_bucket"].sla_percent == Decimal("99.0")
    standard = {s.service: s for s in estimate_availability(ModelIndex(model)).steps}
    assert standard["frontend_bucket"].sla_percent == Decimal("99.9")
