"""The estimate rendered as JSON, and the service-justification table as JSON and as a table."""

from __future__ import annotations

from generator.pricing.estimate import CostReport, cents
from generator.pricing.levers import Lever
from generator.schema import Model
from generator.views.cost_view import total_text
from generator.views.services_view import ServiceRow
from generator.views.table import Table


def cost_json(model: Model, reports: tuple[CostReport, ...], levers: dict[str, list[Lever]]) -> dict:
    def line_json(line) -> dict:
        return {
            "dimension": line.dimension,
            "quantity": str(line.quantity),
            "unit": line.unit,
            "basis": line.basis,
            "price_id": line.price.id if line.price else None,
            "unit_price_usd": str(line.price.usd) if line.price else None,
            "per": str(line.price.per) if line.price else None,
            "free_quantity": str(line.free_quantity),
            # null, not "0.00", for a line with no price: the scenario's `unpriced` list names it
            "on_demand_usd": str(cents(line.on_demand)) if line.price else None,
            "cost_usd": str(cents(line.cost)) if line.price else None,
            "source": line.price.source if line.price else None,
        }

    return {
        "currency": "USD",
        "budget": str(model.cost.budget.monthly_limit) if model.cost.budget else None,
        "scenarios": [
            {
                "id": r.scenario.id,
                "name": r.scenario.name,
                "total_usd": str(cents(r.total)),
                "total_is_lower_bound": r.lower_bound,
                "unpriced": r.unpriced_lines,
                "free_tier_value_usd": str(cents(r.free_value)),
                "services": [
                    {
                        "id": s.service,
                        "kind": s.kind,
                        # null when nothing of the service could be priced; a floor when lower_bound
                        "total_usd": None if s.unknown else str(cents(s.total)),
                        "total_is_lower_bound": s.lower_bound,
                        "pricing_model": s.pricing_model,
                        "needs_usage": list(s.needs_usage),
                        "assumptions": list(s.assumptions),
                        "lines": [line_json(ln) for ln in s.lines],
                    }
                    for s in r.services
                ],
                "levers": [
                    {
                        "id": lv.id,
                        "status": lv.status,
                        "monthly_saving_usd": str(cents(lv.monthly_saving)),
                        "detail": lv.detail,
                    }
                    for lv in levers[r.scenario.id]
                ],
            }
            for r in reports
        ],
    }


def services_json(rows: list[ServiceRow], *, priced_only: bool = False) -> list[dict]:
    """`share_of` says what `share_percent` is of: "total", or "priced" when some of the total is not known."""
    share_of = "priced" if priced_only else "total"
    return [
        {
            "id": r.id,
            "name": r.name,
            "kind": r.kind,
            "role": r.role,
            "requirement": r.requirement,
            "why": r.why,
            "alternatives": [{"option": o, "why_not": w} for o, w in r.alternatives],
            "decision": r.decision,
            "pillars": list(r.pillars),
            "monthly_usd": None if r.cost.unknown else str(round(r.monthly, 2)),
            "monthly_is_lower_bound": r.cost.lower_bound,
            "share_percent": None if r.cost.unknown else f"{r.share:.1f}",
            "share_of": share_of,
        }
        for r in rows
    ]


def services_table(rows: list[ServiceRow], scenario_name: str, share: str = "Share") -> Table:
    return Table(
        (
            "Service",
            "Kind",
            "Role",
            "Requirement",
            "Why",
            "Alternatives (why not)",
            "Decision",
            f"Monthly ({scenario_name})",
            share,
        ),
        tuple(
            (
                r.name,
                r.kind,
                r.role,
                r.requirement,
                r.why,
                "; ".join(f"{o}: {w}" for o, w in r.alternatives) or "-",
                r.decision or "-",
                total_text(r.cost),
                r.share_text,
            )
            for r in rows
        ),
        ("l",) * 7 + ("r", "r"),
    )
