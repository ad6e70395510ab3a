"""Pricing behaviour: free-tier pools, scenarios, pricing models, needs-usage, a bad catalogue."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalogue.prices import default_catalogue, load_catalogue
from generator.errors import ModelInvalid
from generator.pricing.estimate import cents, estimate
from tests.conftest import ROOT, check_golden, run_cli
from tests.pricing_helpers import monthly, one_service

GOLDENS = Path(__file__).parent / "goldens" / "cost"


def test_free_tier_is_shared_between_services_of_a_kind() -> None:
    base = one_service("lambda", usage={"requests": 800_000, "average_duration_ms": 1}, always_free=True)
    services = tuple(base.services[0].model_copy(update={"id": f"fn{i}"}) for i in range(2))
    model = base.model_copy(update={"services": services})
    report = estimate(model, default_catalogue())
    first, second = (s.lines[0] for s in report.services)
    assert first.free_quantity == 800_000 and second.free_quantity == 200_000
    assert cents(report.total) == Decimal("0.12")  # 600,000 billable requests


def test_12_month_free_tier_only_when_eligible() -> None:
    rds = {"usage": {"hours": 730}, "sizing": {"instance_class": "db.t4g.micro", "storage_gb": 20}}
    assert monthly(one_service("rds", free_tier=True, **rds)) == Decimal("0.00")
    assert monthly(one_service("rds", free_tier=False, **rds)) == Decimal("13.98")


def test_fargate_spot_and_savings_plan_discounts() -> None:
    base = {"usage": {"hours": 730}, "sizing": {"vcpu": 1, "memory_gb": 2}}
    on_demand = monthly(one_service("ecs_fargate", **base))
    assert on_demand == Decimal("36.04")
    assert monthly(one_service("ecs_fargate", pricing={"model": "spot"}, **base)) == Decimal("10.81")
    assert monthly(one_service("ecs_fargate", pricing={"model": "savings_plan", "term_years": 1}, **base)) == Decimal(
        "28.83"
    )


def test_missing_usage_is_reported_never_a_silent_zero() -> None:
    report = estimate(one_service("lambda", usage={"requests": 10}), default_catalogue())
    assert report.services[0].needs_usage == ("average_duration_ms",)
    assert report.warnings == ["svc: needs usage average_duration_ms (the estimate counts them as 0)"]


def test_unknown_instance_class_is_unpriced_not_zero() -> None:
    report = estimate(
        one_service("rds", usage={"hours": 730}, sizing={"instance_class": "db.x2iedn.32xlarge"}), default_catalogue()
    )
    assert report.lower_bound
    assert report.unpriced_lines == [
        "svc: instance_hours (deployment=single_az, engine=postgres, instance_class=db.x2iedn.32xlarge)"
    ]


def test_every_price_has_a_source_and_date() -> None:
    catalogue = default_catalogue()
    for entry in catalogue.prices:
        assert entry.source.startswith("https://aws.amazon.com/"), entry.id
        assert entry.read == "2026-11-23"
    assert {e.kind for e in catalogue.prices} >= {
        "lambda",
        "ecs_fargate",
        "rds",
        "dynamodb",
        "s3",
        "cloudfront",
        "alb",
        "nat_gateway",
        "api_gateway",
        "cognito",
        "sns",
        "sqs",
        "route53",
        "cloudwatch",
        "ecr",
        "ssm_parameter_store",
        "secrets_manager",
        "codebuild",
        "codepipeline",
    }


def test_every_example_service_is_priced() -> None:
    from generator.load.model_loader import load_model

    model = load_model(ROOT / "model").model
    report = estimate(model, default_catalogue())
    assert report.warnings == []


def test_bad_price_file_gives_a_located_error(tmp_path: Path) -> None:
    text = (ROOT / "generator/catalogue/data/prices.yaml").read_text()
    bad = text.replace('usd: "0.20"', 'usd: "twenty cents"', 1)
    (tmp_path / "prices.yaml").write_text(bad)
    with pytest.raises(ModelInvalid) as info:
        load_catalogue(tmp_path / "prices.yaml", "prices.yaml")
    [d] = info.value.diagnostics
    line = next(i for i, ln in enumerate(bad.splitlines(), 1) if "twenty cents" in ln)
    assert (d.location.file, d.location.line, d.code) == ("prices.yaml", line, "S103")


def test_example_cost_golden_markdown(project: Path) -> None:
    result = run_cli("cost", "--format", "markdown", cwd=project)
    assert result.exit_code == 0, result.output
    check_golden(GOLDENS / "example-cost.md", result.stdout)


def test_example_cost_golden_json(project: Path) -> None:
    result = run_cli("cost", "--format", "json", "--scenario", "launch", cwd=project)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["scenarios"][0]["total_usd"] == "20.99"
    check_golden(GOLDENS / "example-cost-launch.json", result.stdout)


def test_services_table_golden(project: Path) -> None:
    result = run_cli("services", "--format", "markdown", cwd=project)
    assert result.exit_code == 0
    check_golden(GOLDENS / "example-services.md", result.stdout)


def test_unknown_scenario_is_a_usage_error(project: Path) -> None:
    result = run_cli("cost", "--scenario", "groth", cwd=project)
    assert result.exit_code == 2
    assert result.stderr == "error: unknown scenario 'groth'\n  hint: did you mean 'growth'?\n"


def test_cost_table_text_has_totals(project: Path) -> None:
    result = run_cli("cost", cwd=project)
    assert "Total per month" in result.stdout and "$20.99" in result.stdout and "$131.89" in result.stdout


def test_generic_services_follow_scenario_multipliers() -> None:
    """Regression: a `generic` flat fee ignored even an explicit `service_multipliers: {svc: 10}`."""
    from generator.schema.cost import Scenario

    model = one_service("generic", usage={"fixed_monthly_usd": 12})
    catalogue = default_catalogue()
    explicit = Scenario(id="s", name="S", multiplier=Decimal(1), service_multipliers={"svc": Decimal(10)})
    assert cents(estimate(model, catalogue, explicit).total) == Decimal("120.00")
    everything = Scenario(id="t", name="T", multiplier=Decimal(3))
    assert cents(estimate(model, catalogue, everything).total) == Decimal("36.00")


def test_what_a_multiplier_leaves_alone_is_data_on_the_kind() -> None:
    """Hours are provisioned time, not traffic: a 10x traffic scenario keeps one load balancer at 730 h."""
    from generator.catalogue.service_kinds import SERVICE_KINDS
    from generator.pricing.scenario import apply_scenario
    from generator.schema.cost import Scenario

    assert SERVICE_KINDS["alb"].usage_keys["hours"].scales is False
    model = one_service("alb", usage={"hours": 730, "lcus": 1})
    scaled = apply_scenario(model.services[0], Scenario(id="x", name="X", multiplier=Decimal(10)))
    assert scaled.usage == {"hours": Decimal(730), "lcus": Decimal(10)}
