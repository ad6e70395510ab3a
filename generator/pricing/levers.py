"""'How we keep spending low': each savings lever that applies to the model, with its monthly saving."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.catalogue.prices import PriceCatalogue
from generator.catalogue.service_kinds import SERVICE_KINDS
from generator.pricing.estimate import CostReport, DemandMemo, estimate_variant
from generator.schema import Model
from generator.schema.aws import Pricing, Service

ARM_CAPABLE = tuple(kind for kind, entry in SERVICE_KINDS.items() if entry.graviton)


@dataclass(frozen=True)
class Lever:
    """A way to spend less (free tier, pricing model, architecture) and what it saves a month."""

    id: str
    title: str
    status: str  # applied | available | not-applicable
    monthly_saving: Decimal
    detail: str


def _with_services(model: Model, services: list[Service]) -> Model:
    return model.model_copy(update={"services": tuple(services)})


def _delta(model: Model, changed: Model, catalogue: PriceCatalogue, report: CostReport, memo: DemandMemo) -> Decimal:
    """What `changed` (the model with some services replaced) costs more than `model` (estimated as `report`)."""
    return estimate_variant(model, report, changed, catalogue, memo).total - report.total


def free_tier(model: Model, catalogue: PriceCatalogue, report: CostReport, memo: DemandMemo) -> Lever:
    value = report.free_value
    kind = "always-free and 12-month" if report.free_tier_12_months else "always-free"
    return Lever(
        "free-tier",
        "Free tier first",
        "applied" if value > 0 else "not-applicable",
        value,
        f"The {kind} allowances cover this much of the {report.scenario.name} usage.",
    )


def graviton(model: Model, catalogue: PriceCatalogue, report: CostReport, memo: DemandMemo) -> Lever:
    arm = [s for s in model.services if s.kind in ARM_CAPABLE and s.sizing.architecture == "arm64"]
    x86 = [s for s in model.services if s.kind in ARM_CAPABLE and s.sizing.architecture == "x86_64"]
    if x86:
        moving = {s.id for s in x86}
        changed = [replace_arch(s, "arm64") if s.id in moving else s for s in model.services]
        saving = -_delta(model, _with_services(model, changed), catalogue, report, memo)
        return Lever(
            "graviton", "Graviton (arm64)", "available", saving, f"Move {', '.join(s.id for s in x86)} to arm64."
        )
    if arm:
        moving = {s.id for s in arm}
        changed = [replace_arch(s, "x86_64") if s.id in moving else s for s in model.services]
        saving = _delta(model, _with_services(model, changed), catalogue, report, memo)
        return Lever(
            "graviton",
            "Graviton (arm64)",
            "applied",
            saving,
            f"{', '.join(s.id for s in arm)} already run on arm64; this is what x86 would add.",
        )
    return Lever("graviton", "Graviton (arm64)", "not-applicable", Decimal(0), "No arm64-capable compute.")


def replace_arch(service: Service, arch: str) -> Service:
    return service.model_copy(update={"sizing": service.sizing.model_copy(update={"architecture": arch})})


def commitments(model: Model, catalogue: PriceCatalogue, report: CostReport, memo: DemandMemo) -> Lever:
    """1-year Savings Plans / reserved capacity for steady, always-on compute."""
    steady = [
        s
        for s in model.services
        if s.pricing.model == "on_demand"
        and catalogue.discount(s.kind, _commitment(s.kind), 1) is not None
        and s.usage.get("hours", Decimal(0)) >= 700
    ]
    if not steady:
        committed = [s.id for s in model.services if s.pricing.model in ("reserved", "savings_plan")]
        status = "applied" if committed else "not-applicable"
        return Lever(
            "commitments",
            "Savings Plans and reserved capacity",
            status,
            Decimal(0),
            f"Committed: {', '.join(committed)}." if committed else "No steady 24/7 compute on demand.",
        )
    committing = {s.id for s in steady}
    changed = [
        s.model_copy(update={"pricing": Pricing(model=_commitment(s.kind), term_years=1)}) if s.id in committing else s
        for s in model.services
    ]
    saving = -_delta(model, _with_services(model, changed), catalogue, report, memo)
    return Lever(
        "commitments",
        "Savings Plans and reserved capacity",
        "available",
        saving,
        f"A 1-year commitment for {', '.join(s.id for s in steady)} (steady 24/7); worth it once the "
        f"size is stable and the free tier has ended.",
    )


def _commitment(kind: str) -> str:
    return SERVICE_KINDS[kind].commitment or "savings_plan"


def spot(model: Model, catalogue: PriceCatalogue, report: CostReport, memo: DemandMemo) -> Lever:
    candidates = [s for s in model.services if s.kind == "ecs_fargate" and s.pricing.model != "spot"]
    if not candidates:
        return Lever("spot", "Fargate Spot", "not-applicable", Decimal(0), "No Fargate services on demand.")
    moving = {s.id for s in candidates}
    changed = [s.model_copy(update={"pricing": Pricing(model="spot")}) if s.id in moving else s for s in model.services]
    saving = -_delta(model, _with_services(model, changed), catalogue, report, memo)
    return Lever(
        "spot",
        "Fargate Spot",
        "available",
        saving,
        "Only for interruptible work (workers, batch); keep at least one on-demand task for the API.",
    )


def no_nat(model: Model, catalogue: PriceCatalogue, report: CostReport, memo: DemandMemo) -> Lever:
    vpcs = [s for s in model.services if s.kind == "vpc"]
    nats = [s for s in model.services if s.kind == "nat_gateway"]
    price = catalogue.matching("nat_gateway", "hours", {})
    if nats or not vpcs or price is None:
        return Lever(
            "no-nat", "No NAT gateway", "not-applicable", Decimal(0), "NAT gateways are in use." if nats else "No VPC."
        )
    gateways = sum(v.placement.az_count for v in vpcs)
    saving = Decimal(gateways) * Decimal(730) * price.usd
    return Lever(
        "no-nat",
        "No NAT gateway",
        "applied",
        saving,
        f"One NAT gateway per AZ ({gateways}) would cost this much before data processing.",
    )


def storage_tiering(model: Model, catalogue: PriceCatalogue, report: CostReport, memo: DemandMemo) -> Lever:
    standard = [
        s
        for s in model.services
        if s.kind == "s3" and (s.sizing.storage_class in (None, "standard")) and not s.sizing.lifecycle_rules
    ]
    standard_ids = {s.id for s in standard}
    tiered = [s for s in model.services if s.kind == "s3" and s.id not in standard_ids]
    std, ia = (
        catalogue.matching("s3", "storage_gb", {"storage_class": "standard"}),
        catalogue.matching("s3", "storage_gb", {"storage_class": "standard_ia"}),
    )
    gb = sum(
        (
            s.usage.get("storage_gb", Decimal(0))
            * report.scenario.service_multipliers.get(s.id, report.scenario.multiplier)
            for s in standard
        ),
        Decimal(0),
    )
    if standard and std and ia:
        saving = gb / 2 * (std.usd - ia.usd)
        return Lever(
            "storage-tiering",
            "S3 lifecycle / Intelligent-Tiering",
            "available",
            saving,
            f"If half of the {gb:.1f} GB in {', '.join(s.id for s in standard)} is cold "
            f"(assumption) and moves to an infrequent-access tier.",
        )
    status = "applied" if tiered else "not-applicable"
    return Lever(
        "storage-tiering",
        "S3 lifecycle / Intelligent-Tiering",
        status,
        Decimal(0),
        f"{', '.join(s.id for s in tiered)} use tiering or lifecycle rules." if tiered else "No S3 buckets.",
    )


def guardrails(model: Model, catalogue: PriceCatalogue, report: CostReport, memo: DemandMemo) -> Lever:
    budget = model.cost.budget
    if budget is None:
        return Lever(
            "guardrails",
            "Budgets and billing alarms",
            "available",
            Decimal(0),
            "No budget declared: add `cost.budget` so overspend is caught within a day.",
        )
    parts = [
        f"budget ${budget.monthly_limit} with alerts at "
        + ", ".join(f"{t.percent}% {t.type}" for t in budget.thresholds)
    ]
    if budget.billing_alarm:
        parts.append(f"billing alarm at ${budget.billing_alarm.threshold}")
    if budget.health_notifications:
        parts.append("AWS Health events to SNS")
    return Lever(
        "guardrails",
        "Budgets and billing alarms",
        "applied",
        Decimal(0),
        "; ".join(parts) + ". Saves nothing by itself; limits how long a mistake runs.",
    )


LEVERS = (free_tier, graviton, commitments, spot, no_nat, storage_tiering, guardrails)


def savings_levers(model: Model, catalogue: PriceCatalogue, report: CostReport) -> list[Lever]:
    """Every lever, each re-estimating the model with its change: the unchanged services' demand is
    worked out once for all of them (DemandMemo)."""
    memo = DemandMemo(report.scenario)
    return [lever(model, catalogue, report, memo) for lever in LEVERS]
