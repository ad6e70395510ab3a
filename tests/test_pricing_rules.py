"""Pricing behaviour: free-tier pools, scenarios, pricing models, needs-usage, a bad catalogue."""

from __future__ import annotations

import json
from datetime import date
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
    service = report.services[0]
    assert service.needs_usage == ("average_duration_ms",)
    # the requests are priced, the duration is not known: a floor, never the bill
    assert service.lower_bound and not service.unknown and report.lower_bound
    assert report.unpriced_lines == ["svc: average_duration_ms (usage not stated)"]


def test_a_service_with_no_usage_at_all_is_unknown_not_zero() -> None:
    report = estimate(one_service("generic", usage={}), default_catalogue())
    assert report.services[0].unknown and report.lower_bound
    assert report.unpriced_lines == ["svc: fixed_monthly_usd (usage not stated)"]


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
        # read on or after the catalogue's date (prices added later carry their own reading date)
        assert catalogue.catalogue.read <= date.fromisoformat(entry.read).isoformat() <= "2026-12-31", entry.id
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
    assert not report.lower_bound and report.unpriced_lines == []


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
    assert data["scenarios"][0]["total_usd"] == "20.33"
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
    assert "Total per month" in result.stdout and "$20.33" in result.stdout and "$129.89" in result.stdout


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


def test_queries_to_alias_records_are_free() -> None:
    """Route 53: alias records for AWS resources answer free; standard queries cost $0.40 a million."""
    alias = one_service("route53", usage={"hosted_zones": 1, "alias_queries": 5_000_000})
    standard = one_service("route53", usage={"hosted_zones": 1, "queries": 5_000_000})
    assert monthly(alias) == Decimal("0.50") and monthly(standard) == Decimal("2.50")


def test_point_in_time_recovery_is_priced_on_the_table_size() -> None:
    usage = {"write_request_units": 0, "read_request_units": 0, "storage_gb": 100}
    on = one_service("dynamodb", usage=usage, sizing={"point_in_time_recovery": True})
    off = one_service("dynamodb", usage=usage, sizing={"point_in_time_recovery": False})
    assert monthly(on) - monthly(off) == Decimal("20.00")  # 100 GB x $0.20 per GB-month


def test_the_five_free_gb_of_logs_cover_ingestion_and_storage_together() -> None:
    model = one_service("cloudwatch", usage={"logs_ingested_gb": 3, "logs_stored_gb": 4}, always_free=True)
    lines = {line.dimension: line for line in estimate(model, default_catalogue()).services[0].lines}
    assert lines["logs_ingested_gb"].free_quantity == 3 and lines["logs_stored_gb"].free_quantity == 2
    assert monthly(model) == Decimal("0.06")  # 2 GB archived beyond the shared 5 GB, at $0.03


def test_public_ipv4_addresses_are_derived_from_what_the_vpc_runs() -> None:
    base = one_service("vpc", usage={})
    vpc = base.services[0].model_copy(update={"id": "net"})

    def service(sid, kind, **fields):
        return vpc.model_copy(update={"id": sid, "kind": kind, "usage": {}, **fields})

    lb = service("lb", "alb", placement=vpc.placement.model_copy(update={"vpc": "net", "publicly_accessible": True}))
    tasks = service(
        "api",
        "ecs_fargate",
        placement=vpc.placement.model_copy(update={"vpc": "net"}),
        sizing=vpc.sizing.model_copy(update={"desired_count": 3}),
        safeguards=vpc.safeguards.model_copy(update={"public_ip": True}),
    )
    nat = service("nat", "nat_gateway", placement=vpc.placement.model_copy(update={"vpc": "net"}))
    model = base.model_copy(update={"services": (vpc, lb, tasks, nat)})
    line = next(s for s in estimate(model, default_catalogue()).services if s.service == "net").lines[0]
    assert line.quantity == 6 * 730  # 2 ALB nodes + 3 tasks + 1 NAT gateway, all month
    assert "2 lb" in line.basis and "3 api tasks" in line.basis and "1 nat" in line.basis
    stated = vpc.model_copy(update={"usage": {"public_ipv4_addresses": Decimal(1)}})
    model = base.model_copy(update={"services": (stated, lb, tasks, nat)})
    line = next(s for s in estimate(model, default_catalogue()).services if s.service == "net").lines[0]
    assert line.quantity == 730  # what the model states wins
