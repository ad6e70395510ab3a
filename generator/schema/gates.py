"""Gates a pull request must pass, checked by `archgen diff --gate`."""

from __future__ import annotations

from typing import Literal

from generator.values import Money, Strict


class Gates(Strict):
    max_monthly_cost: Money | None = None
    """Ceiling (USD) for any scenario's monthly estimate."""
    no_new_findings_at: Literal["high", "medium"] | None = "high"
    """Fail when a change adds unacknowledged findings at or above this risk."""
