"""Prices read too long ago: the estimate still uses them, and says so (C104, a located warning; an
error under --strict), so nobody presents a figure that AWS may since have changed as current.

"Today" is the build's date (generator.clock).
"""

from __future__ import annotations

from datetime import date

from generator.diagnostics import Diagnostic, Location
from generator.parse.sourcemap import SourceMap
from generator.pricing.estimate import CostReport
from generator.schema import Model


def age_days(read: str, today: date) -> int:
    """How many days before `today` a price was read (its `read` date, YYYY-MM-DD)."""
    return (today - date.fromisoformat(read)).days


def stale_prices(reports: tuple[CostReport, ...], today: date, max_age_days: int) -> list[tuple[str, str, int]]:
    """(price id, read date, age in days) of every price the estimate uses that is older than the limit."""
    used = {line.price.id: line.price.read for r in reports for s in r.services for line in s.lines if line.price}
    ages = ((pid, read, age_days(read, today)) for pid, read in sorted(used.items()))
    return [entry for entry in ages if entry[2] > max_age_days]


def stale_price_diagnostics(
    model: Model, source_map: SourceMap, reports: tuple[CostReport, ...], fallback: Location, today: date
) -> list[Diagnostic]:
    limit = model.cost.price_max_age_days
    stale = stale_prices(reports, today, limit)
    if not stale:
        return []
    oldest = min(stale, key=lambda s: s[1])
    return [
        Diagnostic(
            source_map.nearest(("cost", "price_max_age_days")) or source_map.nearest(("cost",)) or fallback,
            "C104",
            f"{len(stale)} price(s) the estimate uses were read more than {limit} days ago "
            f"(oldest: {oldest[0]}, read {oldest[1]}, {oldest[2]} days)",
            hint="refresh them with `archgen prices update --from OFFERS` or check them against their pages "
            "(`archgen prices` lists each with its source)",
            severity="warning",
        )
    ]
