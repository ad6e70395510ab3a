"""Cost settings: free tier, scenarios, budget, billing alarm and health notifications."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field, model_validator

from generator.values import Email, Id, Money, Name, Percent, Quantity, Strict, Text


class FreeTier(Strict):
    program: Literal["legacy", "free_plan", "none"] = "none"
    """Which AWS Free Tier the account has. `legacy`: accounts created before 2025-07-15, within their
    first 12 months (always-free plus 12-month allowances). `free_plan`: accounts created on or after
    2025-07-15 on the free plan (credits of up to $200 for up to 6 months, plus always-free allowances).
    `none` (the default): always-free allowances only, as for any account past its first year."""
    credits_usd: Money = Decimal(0)
    """Free-plan credits left (AWS gives up to $200: $100 at sign-up and up to $100 from activities)."""
    months_left: int | None = Field(default=None, ge=0, le=12)
    """Months left on the free plan (at most 6 from account creation)."""
    eligible: bool | None = None
    """Older spelling: `true` means `program: legacy`, `false` means `program: none`."""
    apply_always_free: bool = True
    """Deduct the always-free allowances (Lambda, DynamoDB, CloudFront...)."""

    @model_validator(mode="before")
    @classmethod
    def _older_spelling(cls, value):
        if isinstance(value, dict) and "program" not in value and isinstance(value.get("eligible"), bool):
            return {**value, "program": "legacy" if value["eligible"] else "none"}
        return value

    @property
    def twelve_month_offers(self) -> bool:
        return self.program == "legacy"


class Scenario(Strict):
    id: Id
    """Unique id, e.g. `launch` or `growth`."""
    name: Name
    """Display name."""
    description: Text = ""
    """What the scenario assumes."""
    multiplier: Quantity = Decimal(1)
    """Factor applied to every usage quantity of the base model."""
    service_multipliers: dict[Id, Quantity] = {}
    """Per-service factor applied instead of `multiplier`."""
    overrides: dict[Id, dict[str, Quantity]] = {}
    """Per-service usage values that replace the scaled ones."""
    sizing_overrides: dict[Id, dict[str, Quantity]] = {}
    """Per-service sizing changes (desired_count, vcpu, memory_gb, storage_gb)."""
    free_tier: bool | None = None
    """Override the model's free-tier eligibility for this scenario."""
    budget: Money | None = None
    """This stage's monthly budget in USD. Without it, only the first scenario is held to `cost.budget`
    (the budget is set for what is launched; later stages get their own when they are planned)."""


class Threshold(Strict):
    percent: Percent
    """Percentage of the budget that triggers the alert."""
    type: Literal["actual", "forecasted"] = "actual"
    """Alert on actual or forecasted spend."""


class BillingAlarm(Strict):
    threshold: Money
    """Estimated charges (USD) that trigger the CloudWatch billing alarm (in us-east-1)."""
    topic: Id = "billing-alarms"
    """Name of the SNS topic the alarm notifies."""


class Budget(Strict):
    monthly_limit: Money
    """Monthly cost budget in USD."""
    thresholds: tuple[Threshold, ...] = Field(min_length=1)
    """Alert thresholds."""
    subscribers: tuple[Email, ...] = ()
    """Email addresses that receive budget alerts."""
    billing_alarm: BillingAlarm | None = None
    """CloudWatch billing alarm on EstimatedCharges."""
    health_notifications: bool = False
    """EventBridge rule sending AWS Health events to SNS."""


class CostSettings(Strict):
    free_tier: FreeTier = FreeTier()
    """Free-tier assumptions."""
    scenarios: tuple[Scenario, ...] = ()
    """Usage scenarios compared side by side (the base usage is the first scenario's baseline)."""
    budget: Budget | None = None
    """The monthly budget with alerts."""
    price_max_age_days: int = Field(180, ge=1, le=3650)
    """Warn when a price the estimate uses was read longer ago than this many days (C104)."""

    def limit_for(self, scenario_id: str) -> Decimal | None:
        """The monthly budget a scenario is held to: its own `budget`; else `budget.monthly_limit` for the
        first scenario (what is launched; the only one when none are listed); else none (a later stage
        is held only to a budget of its own)."""
        first = not self.scenarios  # the baseline, when no scenarios are listed
        for position, scenario in enumerate(self.scenarios):
            if scenario.id == scenario_id:
                if scenario.budget is not None:
                    return scenario.budget
                first = position == 0
                break
        return self.budget.monthly_limit if first and self.budget is not None else None
