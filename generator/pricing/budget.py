"""Where a scenario's estimate stands against the monthly budget it is held to (which budget that is:
`CostSettings.limit_for`). One judgment for the Well-Architected check (COST008), the budget table of
the Proposal and Cost pages and a pull request's budget lines."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from generator.pricing.estimate import cents

Standing = Literal["over", "unknown", "within"]


def standing(total: Decimal, limit: Decimal, floor: bool) -> Standing:
    """Over the limit (certain even from a floor), within it, or unknown: a floor under the limit (an
    estimate that leaves out unpriced lines or usage not stated) proves nothing. Compared in cents."""
    if cents(total) > limit:
        return "over"
    return "unknown" if floor else "within"
