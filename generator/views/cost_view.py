"""Cost tables: per service and scenario, per billing dimension, savings levers and the budget."""

from __future__ import annotations

from decimal import Decimal

from generator.catalogue.prices import PriceCatalogue
from generator.catalogue.service_kinds import SERVICE_KINDS
from generator.pricing.budget import standing
from generator.pricing.estimate import CostReport, ServiceCost, cents
from generator.pricing.levers import Lever
from generator.schema import Model
from generator.views.table import Table


def usd(value: Decimal) -> str:
    return f"${cents(value):,.2f}"


def total_text(cost: CostReport | ServiceCost) -> str:
    """A scenario's or a service's total; 'at least' when a line has no price or lacks usage, so a floor never
    reads as the bill; 'unknown' for a service none of whose bill could be priced."""
    if isinstance(cost, ServiceCost) and cost.unknown:
        return "unknown"
    return ("at least " if cost.lower_bound else "") + usd(cost.total)


def unpriced_note(reports) -> str:
    """'3 lines not priced: a, b, c' across the reports (each line once; usage not stated included), or ''."""
    lines = list(dict.fromkeys(line for r in reports for line in r.unpriced_lines))
    return f"{len(lines)} line{'s' if len(lines) != 1 else ''} not priced: {'; '.join(lines)}" if lines else ""


def qty(value: Decimal) -> str:
    if value == value.to_integral_value():
        return f"{int(value):,}"
    text = f"{value:,.4f}".rstrip("0").rstrip(".")
    return text


def price_text(line) -> str:
    if line.price is None:
        return "NOT PRICED"
    per = "" if line.price.per == 1 else f" per {qty(line.price.per)}"
    return f"${line.price.usd.normalize():f}{per}"


def summary_table(model: Model, reports: tuple[CostReport, ...]) -> Table:
    """One row per service, one column per scenario."""
    headers = ("Service", "Kind") + tuple(r.scenario.name for r in reports)
    rows = []
    for service in model.services:
        costs = [r.by_service()[service.id] for r in reports]
        rows.append(
            (service.name, SERVICE_KINDS[service.kind].title)
            + tuple(total_text(c) + (" (needs usage)" if c.needs_usage else "") for c in costs)
        )
    footer = ("Total per month", "") + tuple(total_text(r) for r in reports)
    return Table(headers, tuple(rows), ("l", "l") + ("r",) * len(reports), footer)


def detail_table(model: Model, report: CostReport) -> Table:
    """Every billing dimension: quantity (the assumption), price, free tier, cost; services by name."""
    names = {s.id: s.name for s in model.services}
    rows = []
    for s in report.services:
        for line in s.lines:
            rows.append(
                (
                    names[s.service],
                    line.dimension,
                    qty(line.quantity),
                    line.unit,
                    price_text(line),
                    qty(line.free_quantity) if line.free_quantity else "",
                    usd(line.cost) if line.price is not None else "unknown",  # never $0 for what has no price
                    line.basis + (f"; {line.discount_note}" if line.discount_note else ""),
                )
            )
        for key in s.needs_usage:  # what the kind bills and the model does not state: a row, never a silent gap
            rows.append((names[s.service], key, "not stated", "", "", "", "unknown", "usage not stated"))
    footer = ("Total", "", "", "", "", "", total_text(report), "")
    return Table(
        ("Service", "Dimension", "Quantity", "Unit", "Unit price", "Free tier", "Monthly", "Basis"),
        tuple(rows),
        ("l", "l", "r", "l", "r", "r", "r", "l"),
        footer,
    )


def levers_table(levers: list[Lever]) -> Table:
    rows = tuple(
        (lv.title, lv.status, usd(lv.monthly_saving) if lv.monthly_saving else "-", lv.detail) for lv in levers
    )
    return Table(("Lever", "Status", "Monthly saving", "How"), rows, ("l", "l", "r", "l"))


def pricing_models_table(model: Model, reports: tuple[CostReport, ...]) -> Table:
    report = reports[0]
    names = {s.id: s.name for s in model.services}
    rows = []
    for s in report.services:
        if s.on_demand_total != s.total or s.pricing_model != "on_demand":
            rows.append(
                (
                    names[s.service],
                    s.pricing_model,
                    usd(s.on_demand_total),
                    usd(s.total),
                    usd(s.on_demand_total - s.total),
                )
            )
    return Table(("Service", "Pricing model", "On demand", "Chosen", "Saving"), tuple(rows), ("l", "l", "r", "r", "r"))


def _alerts_text(crossed: list[str], floor: bool) -> str:
    """The budget alerts a scenario's estimate reaches; from a floor, those are certain and more may fire."""
    if not floor:
        return ", ".join(crossed) or "none"
    return f"{', '.join(crossed)} and maybe more" if crossed else "not known: estimate incomplete"


_STATUS = {"over": "over budget", "unknown": "unknown: estimate incomplete", "within": "within budget"}


def _held_status(total: Decimal, limit: Decimal | None, floor: bool) -> str:
    """Where a scenario stands against the budget it is held to (`CostSettings.limit_for`), as COST008 judges."""
    return "no budget of its own" if limit is None else _STATUS[standing(total, limit, floor)]


def budget_rows(model: Model, reports: tuple[CostReport, ...]) -> Table | None:
    """Each scenario against the budget it is held to, and against the AWS Budget as configured: the
    share of its limit and the alerts it would send if that scenario's usage happened."""
    cost, budget = model.cost, model.cost.budget
    limits = [cost.limit_for(r.scenario.id) for r in reports]
    if budget is None and all(limit is None for limit in limits):
        return None
    rows = []
    for r, limit in zip(reports, limits, strict=True):
        at_least = "at least " if r.lower_bound else ""
        if budget is None:
            share, alerts = "none configured", "none configured"
        else:
            percent = r.total / budget.monthly_limit * 100 if budget.monthly_limit else Decimal(0)
            share = f"{at_least}{percent:.0f}%"
            crossed = [
                f"{t.percent}% {t.type}" for t in budget.thresholds if r.total >= budget.monthly_limit * t.percent / 100
            ]
            alerts = _alerts_text(crossed, r.lower_bound)
        rows.append(
            (
                r.scenario.name,
                total_text(r),
                usd(limit) if limit is not None else "none",
                _held_status(r.total, limit, r.lower_bound),
                share,
                alerts,
            )
        )
    aws = f"AWS Budget ({usd(budget.monthly_limit)})" if budget is not None else "AWS Budget"
    return Table(
        ("Scenario", "Estimate", "Its budget", "Status", f"Share of the {aws}", "Alerts the AWS Budget would send"),
        tuple(rows),
        ("l", "r", "r", "l", "r", "l"),
    )


def sources_table(catalogue: PriceCatalogue, reports: tuple[CostReport, ...]) -> Table:
    used = sorted({line.price.id for r in reports for s in r.services for line in s.lines if line.price})
    by_id = {p.id: p for p in catalogue.prices}
    rows = tuple(
        (pid, by_id[pid].unit, price_text_entry(by_id[pid]), by_id[pid].source, by_id[pid].read) for pid in used
    )
    return Table(("Price", "Unit", "USD", "Source", "Read"), rows)


def price_text_entry(entry) -> str:
    per = "" if entry.per == 1 else f" per {qty(entry.per)}"
    free = ""
    if entry.free is not None:
        free = f" ({qty(entry.free.quantity)} free, {entry.free.type.replace('_', ' ')})"
    return f"${entry.usd.normalize():f}{per}{free}"
