"""No budget is declared.

What it checks:
    `cost.budget` with a monthly limit and at least one alert threshold. Not applicable while the model
    has no services (nothing is billed).
Why it matters:
    Without a budget, overspend is found on the monthly bill (week 0 homework: set an AWS Budget).
How to fix:
    Add `cost.budget` with thresholds on actual and forecasted spend; `archgen guardrails` emits it.
Example:
    budget: {monthly_limit: 100, thresholds: [{percent: 80, type: actual}, {percent: 100, type: forecasted}]}
Best practices:
    COST01-BP03, COST02-BP05
"""

from generator.rules.base import MODEL, Outcome, Rule


def check(ctx):
    m = ctx.index.model
    if not m.services:
        return  # nothing is billed yet: not applicable
    if m.cost.budget is None:
        yield Outcome(MODEL, "fail", "no monthly budget")
    else:
        yield Outcome(MODEL, "pass", f"budget of ${m.cost.budget.monthly_limit} a month")


RULE = Rule(
    "COST001",
    "No budget",
    "cost_optimization",
    "HIGH",
    ("COST01-BP03", "COST02-BP05"),
    check,
    __doc__,
    outcomes=("pass", "fail"),
)
