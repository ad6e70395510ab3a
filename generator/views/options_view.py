"""Options side by side: cost per scenario, risk, availability, and the decision that picked one."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.pricing.estimate import CostReport, cents, scenarios_of
from generator.review.review import Review
from generator.schema import Model
from generator.views.table import Table


@dataclass(frozen=True)
class OptionRow:
    """One option beside the proposal: cost per scenario and review counts."""

    id: str
    title: str
    totals: tuple[Decimal, ...]
    lower_bounds: tuple[bool, ...]  # per scenario: the total leaves out lines without a price or usage
    high_questions: int
    medium_questions: int
    open_findings: int
    failing_findings: int
    availability: Decimal
    decision: str | None
    chosen: bool


def option_row(
    option_id: str, title: str, reports: tuple[CostReport, ...], rv: Review, decision: str | None, chosen: bool
) -> OptionRow:
    counts = rv.risk_counts()
    return OptionRow(
        option_id,
        title,
        tuple(cents(r.total) for r in reports),
        tuple(r.lower_bound for r in reports),
        counts["HIGH"],
        counts["MEDIUM"],
        len(rv.open_findings()),
        sum(1 for f in rv.findings if f.status == "fail"),
        rv.availability.percent,
        decision,
        chosen,
    )


def comparison_table(base: Model, rows: list[OptionRow], *, link_decisions: bool = False) -> Table:
    scenarios = [s.name for s in scenarios_of(base)]
    baseline = rows[0]
    body = []
    for r in rows:
        costs = []
        for i, total in enumerate(r.totals):
            delta = total - baseline.totals[i] if i < len(baseline.totals) else Decimal(0)
            floor = r.lower_bounds[i] or (i < len(baseline.lower_bounds) and baseline.lower_bounds[i])
            change = "change not known" if floor else f"{'+' if delta >= 0 else '-'}${abs(delta):,.2f}"
            text = ("at least " if r.lower_bounds[i] else "") + f"${total:,.2f}"
            costs.append(text if r is baseline else f"{text} ({change})")
        decision = r.decision or "-"
        if link_decisions and r.decision:
            decision = f"[{r.decision}](decisions/{r.decision}.md)"
        body.append(
            (
                r.title + (" (chosen)" if r.chosen else ""),
                *costs,
                str(r.high_questions),
                str(r.failing_findings),
                str(r.open_findings),
                f"{r.availability:.3f}%",
                decision,
            )
        )
    headers = (
        "Option",
        *scenarios,
        "HIGH-risk questions",
        "Failing findings",
        "Open findings",
        "Availability",
        "Decision",
    )
    return Table(headers, tuple(body), ("l",) + ("r",) * (len(scenarios) + 4) + ("l",))
