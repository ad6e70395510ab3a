"""The monthly estimate: price every demand, share free-tier allowances, apply pricing models."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from generator.catalogue.prices import PriceCatalogue, PriceEntry
from generator.catalogue.service_kinds import SERVICE_KINDS
from generator.pricing.demand import Demand, ServiceDemand, demand_for
from generator.pricing.scenario import BASELINE, ScenarioService, apply_scenario
from generator.schema import Model
from generator.schema.aws import Service
from generator.schema.cost import Scenario

CENT = Decimal("0.01")


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class CostLine:
    """One billed dimension of one service in one scenario: quantity, price entry, free quantity, cost."""

    service: str
    dimension: str
    quantity: Decimal
    unit: str
    basis: str
    price: PriceEntry | None
    free_quantity: Decimal = Decimal(0)
    on_demand: Decimal = Decimal(0)
    cost: Decimal = Decimal(0)
    discount_note: str = ""

    @property
    def billable(self) -> Decimal:
        return max(self.quantity - self.free_quantity, Decimal(0))

    @property
    def free_value(self) -> Decimal:
        if self.price is None:
            return Decimal(0)
        return self.free_quantity / self.price.per * self.price.usd


@dataclass(frozen=True)
class ServiceCost:
    """A service's cost in one scenario: its lines, and what could not be priced or lacks usage."""

    service: str
    kind: str
    lines: tuple[CostLine, ...]
    needs_usage: tuple[str, ...]
    unpriced: tuple[str, ...]
    assumptions: tuple[str, ...]
    pricing_model: str

    @property
    def total(self) -> Decimal:
        return sum((line.cost for line in self.lines), Decimal(0))

    @property
    def on_demand_total(self) -> Decimal:
        return sum((line.on_demand for line in self.lines), Decimal(0))

    @property
    def free_value(self) -> Decimal:
        return sum((line.free_value for line in self.lines), Decimal(0))

    @property
    def lower_bound(self) -> bool:
        """True when a line has no price or a usage key the kind needs is not stated: the total is only a floor."""
        return bool(self.unpriced or self.needs_usage)

    @property
    def unknown(self) -> bool:
        """True when nothing of this service could be priced although something of it is billed: no figure at all."""
        return self.lower_bound and all(line.price is None for line in self.lines)


@dataclass(frozen=True)
class CostReport:
    """The monthly estimate of one scenario: every service's cost, with or without the 12-month free tier."""

    scenario: Scenario
    services: tuple[ServiceCost, ...]
    free_tier_12_months: bool

    @property
    def total(self) -> Decimal:
        return sum((s.total for s in self.services), Decimal(0))

    @property
    def on_demand_total(self) -> Decimal:
        return sum((s.on_demand_total for s in self.services), Decimal(0))

    @property
    def free_value(self) -> Decimal:
        return sum((s.free_value for s in self.services), Decimal(0))

    def by_service(self) -> dict[str, ServiceCost]:
        return self._by_service

    @cached_property
    def _by_service(self) -> dict[str, ServiceCost]:
        return {s.service: s for s in self.services}

    @property
    def unpriced_lines(self) -> list[str]:
        """`service: dimension (variant)` for every billable quantity the catalogue has no price for, and
        `service: key (usage not stated)` for every usage key a service's kind needs and the model leaves
        out: both are left out of the totals, which then read 'at least' (located: pricing.coverage)."""
        return [
            line
            for s in self.services
            for line in [f"{s.service}: {dim}" for dim in s.unpriced]
            + [f"{s.service}: {key} (usage not stated)" for key in s.needs_usage]
        ]

    @property
    def lower_bound(self) -> bool:
        """True when the total leaves out unpriced lines or usage not stated: it is only a floor."""
        return any(s.lower_bound for s in self.services)


def _free_allowed(entry: PriceEntry, model: Model, scenario: Scenario) -> bool:
    if entry.free is None:
        return False
    if entry.free.type == "always":
        return model.cost.free_tier.apply_always_free
    eligible = scenario.free_tier if scenario.free_tier is not None else model.cost.free_tier.twelve_month_offers
    return eligible


class DemandMemo:
    """What each service asks for under one scenario, kept across estimates of variants of one model
    (the savings levers re-estimate the model with a few services changed): a service object that did
    not change, with the same services placed in it, is not worked out again. Keyed by identity: the
    memo holds every object it was asked about, so an identity is never reused while it lives."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self._seen: dict[int, tuple[Service, ScenarioService]] = {}
        self._demand: dict[tuple[int, ...], tuple[ScenarioService, tuple, ServiceDemand]] = {}

    def seen(self, service: Service) -> ScenarioService:
        hit = self._seen.get(id(service))
        if hit is None:
            hit = self._seen[id(service)] = (service, apply_scenario(service, self.scenario))
        return hit[1]

    def demand(self, ss: ScenarioService, placed: tuple[ScenarioService, ...]) -> ServiceDemand:
        key = (id(ss), *map(id, placed))
        hit = self._demand.get(key)
        if hit is None:
            hit = self._demand[key] = (ss, placed, demand_for(ss, placed))
        return hit[2]


def estimate(
    model: Model, catalogue: PriceCatalogue, scenario: Scenario = BASELINE, memo: DemandMemo | None = None
) -> CostReport:
    """The monthly cost of every service of the model under one scenario. `memo` (for this scenario)
    carries demand over from earlier estimates of the same model with some services changed."""
    memo = memo if memo is not None and memo.scenario is scenario else DemandMemo(scenario)
    pools: dict[str, Decimal] = {}
    placed = _placed(model, memo)
    services = [
        _price_service(service, memo.demand(ss, placed.get(service.id, ())), catalogue, model, scenario, pools)
        for service, ss in zip(model.services, (memo.seen(s) for s in model.services), strict=True)
    ]
    return _report(model, scenario, services)


def estimate_variant(
    base: Model, report: CostReport, variant: Model, catalogue: PriceCatalogue, memo: DemandMemo
) -> CostReport:
    """`estimate(variant, ...)` for a variant of `base` (whose estimate is `report`) that replaced some
    service objects and kept the others: only the services whose cost can differ are priced again.

    Those are the replaced services, a VPC holding one of them (its public addresses come from what is
    placed in it), and every service sharing a free-tier pool with any of these, closed over the pools
    they use in turn: a pool is drawn down in service order, so all of its users are priced again in
    order; services outside the closure never touch its pools, and keep their cost from `report`.
    """
    scenario = report.scenario
    old_ids, new_ids = [s.id for s in base.services], [s.id for s in variant.services]
    if old_ids != new_ids or memo.scenario is not scenario or variant.cost is not base.cost:
        return estimate(variant, catalogue, scenario, memo)
    placed = _placed(variant, memo)
    changed = {new.id for old, new in zip(base.services, variant.services, strict=True) if old is not new}
    holding = {s.id for s in variant.services if any(p.service.id in changed for p in placed.get(s.id, ()))}
    changed |= holding  # a VPC's public addresses come from the services placed in it
    demands = {s.id: memo.demand(memo.seen(s), placed.get(s.id, ())) for s in variant.services if s.id in changed}
    old_costs = report.by_service()
    pools_of = {sid: {_pool(line.price) for line in old_costs[sid].lines} - {None} for sid in old_ids}
    kinds = {s.id: s.kind for s in variant.services}
    pools: set[str] = set()
    for sid in changed:
        new_entries = (catalogue.matching(kinds[sid], d.dimension, d.variant) for d in demands[sid].demands)
        pools |= pools_of[sid] | ({_pool(entry) for entry in new_entries} - {None})
    affected = set(changed)
    grew = True
    while grew:  # a handful of passes: each one adds at least one of the few pools
        grew = False
        for sid in old_ids:
            if sid not in affected and pools_of[sid] & pools:
                affected.add(sid)
                pools |= pools_of[sid]
                grew = True
    state: dict[str, Decimal] = {}
    services = [
        _price_service(
            service,
            demands[service.id]
            if service.id in demands
            else memo.demand(memo.seen(service), placed.get(service.id, ())),
            catalogue,
            variant,
            scenario,
            state,
        )
        if service.id in affected
        else old_costs[service.id]
        for service in variant.services
    ]
    return _report(variant, scenario, services)


def _pool(entry: PriceEntry | None) -> str | None:
    """The free-tier pool a price draws from (its own id when it has an allowance of its own)."""
    if entry is None or entry.free is None:
        return None
    return entry.free.pool or entry.id


def _placed(model: Model, memo: DemandMemo) -> dict[str, tuple[ScenarioService, ...]]:
    """The services placed in each VPC, as this scenario sees them."""
    in_vpc: dict[str, list[ScenarioService]] = {}
    for service in model.services:
        if service.placement.vpc:
            in_vpc.setdefault(service.placement.vpc, []).append(memo.seen(service))
    return {vpc: tuple(members) for vpc, members in in_vpc.items()}


def _price_service(service, demand: ServiceDemand, catalogue, model, scenario, pools) -> ServiceCost:
    discount = None
    if service.pricing.model != "on_demand":
        discount = catalogue.discount(service.kind, service.pricing.model, service.pricing.term_years)
    lines: list[CostLine] = []
    unpriced: list[str] = []
    for d in demand.demands:
        lines.append(_price_line(service.id, service.kind, d, catalogue, model, scenario, pools, discount))
        if lines[-1].price is None:
            variant = ", ".join(f"{k}={v}" for k, v in sorted(d.variant.items()))
            unpriced.append(f"{d.dimension} ({variant})" if variant else d.dimension)
    assumptions = list(demand.assumptions)
    if service.pricing.model != "on_demand" and discount is None:
        assumptions.append(f"no {service.pricing.model} discount data for {service.kind}; priced on demand")
    model_label = service.pricing.model + (f" {service.pricing.term_years}y" if service.pricing.term_years else "")
    return ServiceCost(
        service.id, service.kind, tuple(lines), demand.needs_usage, tuple(unpriced), tuple(assumptions), model_label
    )


def _report(model: Model, scenario: Scenario, services: list[ServiceCost]) -> CostReport:
    eligible = scenario.free_tier if scenario.free_tier is not None else model.cost.free_tier.twelve_month_offers
    return CostReport(scenario, tuple(services), eligible)


def _price_line(service_id, kind, d: Demand, catalogue, model, scenario, pools, discount) -> CostLine:
    entry = catalogue.matching(kind, d.dimension, d.variant)
    if entry is None:
        return CostLine(service_id, d.dimension, d.quantity, d.dimension, d.basis, None)
    free = Decimal(0)
    if _free_allowed(entry, model, scenario):
        pool = entry.free.pool or entry.id
        remaining = pools.setdefault(pool, entry.free.quantity)
        free = min(remaining, d.quantity)
        pools[pool] = remaining - free
    billable = max(d.quantity - free, Decimal(0))
    on_demand = billable / entry.per * entry.usd
    cost, note = on_demand, ""
    if discount is not None and d.dimension in SERVICE_KINDS[kind].compute_dimensions:
        cost = on_demand * (Decimal(100) - discount.discount_percent) / Decimal(100)
        note = f"{discount.discount_percent}% off: {discount.note}"
    return CostLine(service_id, d.dimension, d.quantity, entry.unit, d.basis, entry, free, on_demand, cost, note)


def scenarios_of(model: Model) -> tuple[Scenario, ...]:
    return model.cost.scenarios or (BASELINE,)


def estimate_all(model: Model, catalogue: PriceCatalogue) -> tuple[CostReport, ...]:
    return tuple(estimate(model, catalogue, sc) for sc in scenarios_of(model))
