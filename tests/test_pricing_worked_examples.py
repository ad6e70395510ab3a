"""Worked examples from AWS's pricing pages, reproduced to the cent with the offline catalogue.

Where a page's own example is reproduced, the test says so; the others apply the page's published
rates to a round quantity, the way the page's examples do.
"""

from __future__ import annotations

from decimal import Decimal

from generator.catalogue.prices import default_catalogue
from generator.pricing.estimate import estimate
from tests.pricing_helpers import monthly, one_service


def test_lambda_page_example_512mb_3m_invocations_1s() -> None:
    """https://aws.amazon.com/lambda/pricing/ : 512 MB, 3 million invocations of 1 s, with the free tier
    (1M requests, 400,000 GB-s): 1,100,000 billable GB-s + 2 million billable requests.

    The page's example shows $18.34 + $0.40 = $18.74 because it rounds the rate to $0.00001667; the rate
    table on the same page is $0.0000166667, which gives $18.33 + $0.40 = $18.73. We keep the rate
    table's precision and check both figures.
    """
    m = one_service(
        "lambda",
        usage={"requests": 3_000_000, "average_duration_ms": 1000},
        sizing={"memory_mb": 512, "architecture": "x86_64"},
        always_free=True,
    )
    assert monthly(m) == Decimal("18.73")
    assert (Decimal(1_100_000) * Decimal("0.00001667")).quantize(Decimal("0.01")) + Decimal("0.40") == Decimal("18.74")


def test_lambda_page_example_128mb_30m_invocations_200ms() -> None:
    """https://aws.amazon.com/lambda/pricing/ : 128 MB, 30 million invocations of 200 ms, with the free
    tier: compute $5.83 + requests $5.80 = $11.63 (x86)."""
    m = one_service(
        "lambda",
        usage={"requests": 30_000_000, "average_duration_ms": 200},
        sizing={"memory_mb": 128, "architecture": "x86_64"},
        always_free=True,
    )
    assert monthly(m) == Decimal("11.63")


def test_lambda_arm64_same_workload_is_cheaper() -> None:
    """https://aws.amazon.com/lambda/pricing/ : arm64 duration $0.0000133334 per GB-s:
    1,100,000 billable GB-s = $14.67, + $0.40 requests = $15.07."""
    m = one_service(
        "lambda",
        usage={"requests": 3_000_000, "average_duration_ms": 1000},
        sizing={"memory_mb": 512, "architecture": "arm64"},
        always_free=True,
    )
    assert monthly(m) == Decimal("15.07")


def test_fargate_page_example_5_tasks_10_minutes_a_day() -> None:
    """https://aws.amazon.com/fargate/pricing/ : 5 tasks of 1 vCPU / 2 GB running 10 minutes a day for 30
    days: vCPU $1.01 + memory $0.22 = $1.23 (Linux/x86)."""
    m = one_service(
        "ecs_fargate", usage={"hours": Decimal(600 * 30) / 3600}, sizing={"vcpu": 1, "memory_gb": 2, "desired_count": 5}
    )
    assert monthly(m) == Decimal("1.23")


def test_alb_page_example_1_08_lcu_for_a_month() -> None:
    """https://aws.amazon.com/elasticloadbalancing/pricing/ : an ALB whose largest dimension is 1.08 LCU
    (processed bytes), 730 hours: $0.0225 x 730 + $0.008 x 1.08 x 730 = $22.73."""
    m = one_service("alb", usage={"hours": 730, "lcus": "1.08"})
    assert monthly(m) == Decimal("22.73")


def test_s3_standard_100_gb() -> None:
    """https://aws.amazon.com/s3/pricing/ : S3 Standard, first 50 TB at $0.023 per GB-month: 100 GB = $2.30."""
    m = one_service("s3", usage={"storage_gb": 100}, sizing={"storage_class": "standard"})
    assert monthly(m) == Decimal("2.30")


def test_dynamodb_on_demand_requests() -> None:
    """https://aws.amazon.com/dynamodb/pricing/on-demand/ : $0.625 per million WRU and $0.125 per million
    RRU: 10 million writes + 50 million reads = $6.25 + $6.25 = $12.50."""
    m = one_service("dynamodb", usage={"write_request_units": 10_000_000, "read_request_units": 50_000_000})
    assert monthly(m) == Decimal("12.50")


def test_api_gateway_http_api_100m_requests() -> None:
    """https://aws.amazon.com/api-gateway/pricing/ : HTTP APIs at $1.00 per million for the first 300
    million: 100 million requests = $100.00."""
    m = one_service("api_gateway", usage={"requests": 100_000_000}, sizing={"api_type": "http"})
    assert monthly(m) == Decimal("100.00")


def test_api_gateway_rest_api_is_3_50_per_million() -> None:
    """https://aws.amazon.com/api-gateway/pricing/ : REST APIs at $3.50 per million: 10 million = $35.00."""
    m = one_service("api_gateway", usage={"requests": 10_000_000}, sizing={"api_type": "rest"})
    assert monthly(m) == Decimal("35.00")


def test_route53_zone_and_queries() -> None:
    """https://aws.amazon.com/route53/pricing/ : $0.50 per hosted zone, $0.40 per million standard
    queries: 1 zone + 10 million queries = $4.50."""
    m = one_service("route53", usage={"hosted_zones": 1, "queries": 10_000_000})
    assert monthly(m) == Decimal("4.50")


def test_cognito_essentials_100k_mau() -> None:
    """https://aws.amazon.com/cognito/pricing/ : Essentials, 10,000 MAUs free, then $0.015 per MAU:
    100,000 MAUs = 90,000 x $0.015 = $1,350.00."""
    m = one_service("cognito", usage={"monthly_active_users": 100_000}, always_free=True)
    assert monthly(m) == Decimal("1350.00")


def test_nat_gateway_month_and_100_gb() -> None:
    """https://aws.amazon.com/vpc/pricing/ : $0.045 per NAT gateway-hour and per GB processed:
    730 hours + 100 GB = $32.85 + $4.50 = $37.35."""
    m = one_service("nat_gateway", usage={"hours": 730, "processed_gb": 100})
    assert monthly(m) == Decimal("37.35")


def test_rds_multi_az_doubles_instance_and_storage() -> None:
    """https://aws.amazon.com/rds/postgresql/pricing/ : db.t4g.micro Multi-AZ $0.032/h and gp2 $0.23 per
    GB-month in Multi-AZ: 730 h + 20 GB = $23.36 + $4.60 = $27.96."""
    m = one_service(
        "rds",
        usage={"hours": 730},
        sizing={"instance_class": "db.t4g.micro", "storage_gb": 20},
        placement={"multi_az": True, "az_count": 2},
    )
    assert monthly(m) == Decimal("27.96")


def test_cloudfront_2_tb_with_the_always_free_terabyte() -> None:
    """https://aws.amazon.com/cloudfront/pricing/ : 1 TB a month always free, then $0.085 per GB
    (North America): 2,048 GB = 1,024 billable GB = $87.04."""
    m = one_service("cloudfront", usage={"data_transfer_out_gb": 2048}, always_free=True)
    assert monthly(m) == Decimal("87.04")


def test_step_functions_standard_1m_state_transitions() -> None:
    """https://aws.amazon.com/step-functions/pricing/ (read 2026-12-06): $0.025 per 1,000 state transitions
    in US East (N. Virginia) and US West (Oregon), 4,000 a month free, not expiring: 100,000 orders of 10
    steps = 1,000,000 transitions, 996,000 billable = $24.90; without the free allowance $25.00."""
    with_free = one_service("step_functions", usage={"state_transitions": 1_000_000}, always_free=True)
    assert monthly(with_free) == Decimal("24.90")
    assert monthly(one_service("step_functions", usage={"state_transitions": 1_000_000})) == Decimal("25.00")


def test_step_functions_express_usage_is_never_a_silent_zero() -> None:
    """Express workflows have no price in the catalogue yet: their usage is a line without a price (the
    totals read 'at least'), never $0."""
    m = one_service("step_functions", usage={"state_transitions": 0, "express_requests": 50_000})
    report = estimate(m, default_catalogue())
    assert report.lower_bound and report.unpriced_lines == ["svc: express_requests"]
