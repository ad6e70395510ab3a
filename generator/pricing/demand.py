"""What each service kind is billed for: usage and sizing turned into billable quantities.

Kinds whose bill is their usage keys as stated need no code here; the others have one function
each in `SHAPED`, looked up by kind id. What a kind takes (usage keys, which are optional) is data
in catalogue/data/service_kinds.yaml.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from generator.catalogue.service_kinds import required_usage
from generator.pricing.scenario import ScenarioService

HOURS_PER_MONTH = Decimal(730)


@dataclass(frozen=True)
class Demand:
    """A billable quantity of one dimension, with the variant that selects its price."""

    dimension: str
    quantity: Decimal
    variant: dict[str, str] = field(default_factory=dict)
    basis: str = ""  # how the quantity was derived, shown to the reader


@dataclass(frozen=True)
class ServiceDemand:
    """What one service would be billed for: its priced quantities, the usage it lacks, the assumptions made."""

    demands: tuple[Demand, ...]
    needs_usage: tuple[str, ...]
    assumptions: tuple[str, ...] = ()


def _fmt(value: Decimal) -> str:
    return f"{value:,.6f}".rstrip("0").rstrip(".")


class _Bill:
    """The demands of one service being collected, with the assumptions made on the way; `others` are
    the services placed in this one when it is a VPC, as the same scenario sees them (what its public
    addresses are derived from)."""

    def __init__(self, ss: ScenarioService, others: tuple[ScenarioService, ...] = ()) -> None:
        self.ss = ss
        self.others = others
        self.usage = ss.usage
        self.demands: list[Demand] = []
        self.assumptions: list[str] = []

    def use(self, key: str) -> Decimal:
        return self.usage.get(key, Decimal(0))

    def add(self, dimension: str, quantity: Decimal, variant: dict | None = None, basis: str = "") -> None:
        self.demands.append(Demand(dimension, quantity, variant or {}, basis))

    def direct(self, *keys: str, variant: dict | None = None) -> None:
        """Usage keys billed as stated."""
        for key in keys:
            if key in self.usage:
                self.add(key, self.usage[key], variant, "from usage")

    def assume(self, text: str) -> None:
        self.assumptions.append(text)


def _lambda(b: _Bill) -> None:
    memory = b.ss.memory_mb
    if memory is None:
        memory = Decimal(128)
        b.assume("memory_mb not set: Lambda's default of 128 MB assumed")
    requests, duration = b.use("requests"), b.use("average_duration_ms")
    gb_seconds = requests * duration / Decimal(1000) * memory / Decimal(1024)
    b.add("requests", requests, {}, "from usage")
    b.add(
        "gb_seconds",
        gb_seconds,
        {"architecture": b.ss.service.sizing.architecture},
        f"{_fmt(requests)} requests × {_fmt(duration)} ms × {_fmt(memory)} MB",
    )


def _fargate(b: _Bill) -> None:
    ss, arch = b.ss, b.ss.service.sizing.architecture
    tasks, hours = ss.desired_count, b.use("hours")
    vcpu = ss.vcpu if ss.vcpu is not None else Decimal("0.25")
    memory = ss.memory_gb if ss.memory_gb is not None else Decimal("0.5")
    if ss.vcpu is None or ss.memory_gb is None:
        b.assume("vcpu/memory_gb not set: the smallest task (0.25 vCPU, 0.5 GB) assumed")
    basis = f"{_fmt(tasks)} tasks × {_fmt(hours)} h"
    b.add("vcpu_hours", tasks * vcpu * hours, {"architecture": arch}, f"{basis} × {_fmt(vcpu)} vCPU")
    b.add("gb_hours", tasks * memory * hours, {"architecture": arch}, f"{basis} × {_fmt(memory)} GB")
    if "ephemeral_storage_gb" in b.usage:
        storage = b.use("ephemeral_storage_gb")
        b.add("ephemeral_storage_gb_hours", tasks * storage * hours, {}, f"{basis} × {_fmt(storage)} GB")


def _alb(b: _Bill) -> None:
    count, hours = b.ss.desired_count, b.use("hours")
    b.add("hours", count * hours, {}, f"{_fmt(count)} × {_fmt(hours)} h")
    b.add("lcu_hours", count * hours * b.use("lcus"), {}, f"{_fmt(b.use('lcus'))} LCU × {_fmt(hours)} h")


def _rds(b: _Bill) -> None:
    s = b.ss.service
    deployment = "multi_az" if s.placement.multi_az else "single_az"
    engine = s.sizing.engine or "postgres"
    if s.sizing.engine is None:
        b.assume("engine not set: PostgreSQL assumed")
    variant = {"instance_class": s.sizing.instance_class or "", "engine": engine, "deployment": deployment}
    count, hours = b.ss.desired_count, b.use("hours")
    b.add("instance_hours", count * hours, variant, f"{_fmt(count)} × {_fmt(hours)} h, {deployment}")
    storage = b.ss.storage_gb if b.ss.storage_gb is not None else Decimal(20)
    if b.ss.storage_gb is None:
        b.assume("storage_gb not set: the 20 GB minimum assumed")
    b.add("storage_gb_months", count * storage, {"deployment": deployment}, f"{_fmt(storage)} GB")
    b.direct("backup_storage_gb")


def _s3(b: _Bill) -> None:
    b.direct("storage_gb", variant={"storage_class": b.ss.service.sizing.storage_class or "standard"})
    b.direct("put_requests", "get_requests", "data_transfer_out_gb")


def _api_gateway(b: _Bill) -> None:
    api_type = b.ss.service.sizing.api_type or "rest"
    if b.ss.service.sizing.api_type is None:
        b.assume("api_type not set: REST API pricing assumed")
    b.direct("requests", variant={"api_type": api_type})


def public_ipv4_sources(vpc_id: str, others: tuple[ScenarioService, ...]) -> list[tuple[str, Decimal]]:
    """Public IPv4 addresses the model implies in a VPC: an internet-facing ALB has one per AZ, a NAT
    gateway one, and each running task or instance given a public IP one."""
    found = []
    for o in others:
        s = o.service
        if s.placement.vpc != vpc_id:
            continue
        if s.kind == "alb" and s.placement.publicly_accessible:
            zones = max(s.placement.az_count, 2)  # an ALB spans at least two AZs
            found.append((f"{s.id} ({_fmt(o.desired_count)} × {zones} AZs)", o.desired_count * zones))
        elif s.kind == "nat_gateway":
            found.append((s.id, o.desired_count))
        elif s.kind in ("ecs_fargate", "ec2") and s.safeguards.public_ip:
            found.append((f"{s.id} tasks", o.desired_count))
    return found


def _vpc(b: _Bill) -> None:
    if "public_ipv4_addresses" in b.usage:
        addresses = b.use("public_ipv4_addresses")
        b.add("public_ipv4_hours", addresses * HOURS_PER_MONTH, {}, f"{_fmt(addresses)} addresses × 730 h")
        return
    sources = public_ipv4_sources(b.ss.service.id, b.others)
    if sources:
        addresses = sum((n for _, n in sources), Decimal(0))
        parts = " + ".join(f"{_fmt(n)} {what}" for what, n in sources)
        b.add("public_ipv4_hours", addresses * HOURS_PER_MONTH, {}, f"{parts} = {_fmt(addresses)} addresses × 730 h")


def _nat_gateway(b: _Bill) -> None:
    count, hours = b.ss.desired_count, b.use("hours")
    b.add("hours", count * hours, {}, f"{_fmt(count)} gateways × {_fmt(hours)} h")
    b.direct("processed_gb")


def _instances(dimension: str) -> Callable[[_Bill], None]:
    def shaped(b: _Bill) -> None:
        count, hours = b.ss.desired_count, b.use("hours")
        b.add(
            dimension,
            count * hours,
            {"instance_class": b.ss.service.sizing.instance_class or ""},
            f"{_fmt(count)} × {_fmt(hours)} h",
        )

    return shaped


def _dynamodb(b: _Bill) -> None:
    b.direct(*b.usage.keys())
    if b.ss.service.sizing.point_in_time_recovery:
        storage = b.use("storage_gb")
        b.add("pitr_gb_months", storage, {}, f"point-in-time recovery on {_fmt(storage)} GB")


def _codebuild(b: _Bill) -> None:
    b.direct("build_minutes", variant={"architecture": b.ss.service.sizing.architecture})


# Kinds whose billable quantities are shaped by sizing (counts, memory, classes); every other kind
# is billed on its usage keys as stated.
SHAPED: dict[str, Callable[[_Bill], None]] = {
    "lambda": _lambda,
    "ecs_fargate": _fargate,
    "alb": _alb,
    "rds": _rds,
    "s3": _s3,
    "api_gateway": _api_gateway,
    "vpc": _vpc,
    "nat_gateway": _nat_gateway,
    "elasticache": _instances("node_hours"),
    "ec2": _instances("instance_hours"),
    "codebuild": _codebuild,
    "dynamodb": _dynamodb,
}


def demand_for(ss: ScenarioService, others: tuple[ScenarioService, ...] = ()) -> ServiceDemand:
    bill = _Bill(ss, others)
    kind = ss.service.kind
    shaped = SHAPED.get(kind)
    if shaped is None:
        bill.direct(*ss.usage.keys())
    else:
        shaped(bill)
    missing = tuple(key for key in required_usage(kind) if key not in ss.usage)
    return ServiceDemand(tuple(bill.demands), missing, tuple(bill.assumptions))
