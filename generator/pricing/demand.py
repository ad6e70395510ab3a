"""What each service kind is billed for: usage and sizing turned into billable quantities."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from generator.pricing.scenario import ScenarioService

HOURS_PER_MONTH = Decimal(730)

# usage dimensions that may be left out without the estimate being incomplete
OPTIONAL = frozenset({
    "ephemeral_storage_gb", "backup_storage_gb", "data_transfer_out_gb", "traces_retrieved", "api_interactions",
    "advanced_parameters", "stream_read_requests", "mobile_push_deliveries", "email_deliveries", "logs_stored_gb",
    "dashboards", "handler_operations", "io_requests", "rules", "public_certificates", "custom_events",
    "public_ipv4_addresses", "budgets", "processed_gb",
})


@dataclass(frozen=True)
class Demand:
    """A billable quantity of one dimension, with the variant that selects its price."""

    dimension: str
    quantity: Decimal
    variant: dict[str, str] = field(default_factory=dict)
    basis: str = ""  # how the quantity was derived, shown to the reader


@dataclass(frozen=True)
class ServiceDemand:
    demands: tuple[Demand, ...]
    needs_usage: tuple[str, ...]
    assumptions: tuple[str, ...] = ()


def _d(value) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _fmt(value: Decimal) -> str:
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return text


def demand_for(ss: ScenarioService) -> ServiceDemand:
    s = ss.service
    u = ss.usage
    arch = s.sizing.architecture
    assumptions: list[str] = []
    demands: list[Demand] = []

    def use(key: str) -> Decimal:
        return u.get(key, Decimal(0))

    def direct(*keys: str, variant: dict | None = None) -> None:
        for key in keys:
            if key in u:
                demands.append(Demand(key, u[key], variant or {}, "from usage"))

    kind = s.kind
    if kind == "lambda":
        memory = ss.memory_mb
        if memory is None:
            memory = Decimal(128)
            assumptions.append("memory_mb not set: Lambda's default of 128 MB assumed")
        seconds = use("requests") * use("average_duration_ms") / Decimal(1000)
        gb_seconds = seconds * memory / Decimal(1024)
        demands.append(Demand("requests", use("requests"), {}, "from usage"))
        demands.append(Demand("gb_seconds", gb_seconds, {"architecture": arch},
                              f"{_fmt(use('requests'))} requests × {_fmt(use('average_duration_ms'))} ms × {_fmt(memory)} MB"))
    elif kind == "ecs_fargate":
        tasks, hours = ss.desired_count, use("hours")
        vcpu = ss.vcpu if ss.vcpu is not None else Decimal("0.25")
        memory = ss.memory_gb if ss.memory_gb is not None else Decimal("0.5")
        if ss.vcpu is None or ss.memory_gb is None:
            assumptions.append("vcpu/memory_gb not set: the smallest task (0.25 vCPU, 0.5 GB) assumed")
        basis = f"{_fmt(tasks)} tasks × {_fmt(hours)} h"
        demands.append(Demand("vcpu_hours", tasks * vcpu * hours, {"architecture": arch}, f"{basis} × {_fmt(vcpu)} vCPU"))
        demands.append(Demand("gb_hours", tasks * memory * hours, {"architecture": arch}, f"{basis} × {_fmt(memory)} GB"))
        if "ephemeral_storage_gb" in u:
            demands.append(Demand("ephemeral_storage_gb_hours", tasks * use("ephemeral_storage_gb") * hours, {},
                                  f"{basis} × {_fmt(use('ephemeral_storage_gb'))} GB"))
    elif kind == "alb":
        count, hours = ss.desired_count, use("hours")
        demands.append(Demand("hours", count * hours, {}, f"{_fmt(count)} × {_fmt(hours)} h"))
        demands.append(Demand("lcu_hours", count * hours * use("lcus"), {}, f"{_fmt(use('lcus'))} LCU × {_fmt(hours)} h"))
    elif kind == "rds":
        deployment = "multi_az" if s.placement.multi_az else "single_az"
        variant = {"instance_class": s.sizing.instance_class or "", "deployment": deployment}
        count, hours = ss.desired_count, use("hours")
        demands.append(Demand("instance_hours", count * hours, variant, f"{_fmt(count)} × {_fmt(hours)} h, {deployment}"))
        storage = ss.storage_gb if ss.storage_gb is not None else Decimal(20)
        if ss.storage_gb is None:
            assumptions.append("storage_gb not set: the 20 GB minimum assumed")
        demands.append(Demand("storage_gb_months", count * storage, {"deployment": deployment}, f"{_fmt(storage)} GB"))
        direct("backup_storage_gb")
    elif kind == "s3":
        storage_class = s.sizing.storage_class or "standard"
        direct("storage_gb", variant={"storage_class": storage_class})
        direct("put_requests", "get_requests", "data_transfer_out_gb")
    elif kind == "api_gateway":
        api_type = s.sizing.api_type or "rest"
        if s.sizing.api_type is None:
            assumptions.append("api_type not set: REST API pricing assumed")
        direct("requests", variant={"api_type": api_type})
    elif kind == "vpc":
        if "public_ipv4_addresses" in u:
            demands.append(Demand("public_ipv4_hours", use("public_ipv4_addresses") * HOURS_PER_MONTH, {},
                                  f"{_fmt(use('public_ipv4_addresses'))} addresses × 730 h"))
    elif kind == "nat_gateway":
        count, hours = ss.desired_count, use("hours")
        demands.append(Demand("hours", count * hours, {}, f"{_fmt(count)} gateways × {_fmt(hours)} h"))
        direct("processed_gb")
    elif kind in ("elasticache", "ec2"):
        count, hours = ss.desired_count, use("hours")
        dim = "node_hours" if kind == "elasticache" else "instance_hours"
        demands.append(Demand(dim, count * hours, {"instance_class": s.sizing.instance_class or ""},
                              f"{_fmt(count)} × {_fmt(hours)} h"))
    elif kind == "codebuild":
        direct("build_minutes", variant={"architecture": arch})
    else:
        direct(*u.keys())

    from generator.catalogue.service_kinds import usage_dimensions

    missing = tuple(d for d in usage_dimensions(kind) if d not in u and d not in OPTIONAL)
    return ServiceDemand(tuple(demands), missing, tuple(assumptions))
