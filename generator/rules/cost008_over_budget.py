"""A scenario's estimate exceeds the budget.

What it checks:
    Each scenario's monthly estimate against the budget set for it: the scenario's own `budget`,
    or `cost.budget.monthly_limit` for the first scenario (the budget is set for what is launched;
    a later stage such as year-two growth is held only to a budget of its own). Not applicable
    when no scenario is held to a budget (COST001 reports a missing `cost.budget`). Unknown when an
    estimate under its budget leaves out lines with no price or usage the model does not state: a floor
    under the limit proves nothing. The Cost page's budget table judges each scenario the same way
    (`CostSettings.limit_for`).
Why it matters:
    The CTO approves a number; a scenario above it needs a bigger budget or a cheaper design before
    it happens, not after.
How to fix:
    Apply the savings levers on the Cost page, or raise the budget for that stage with a decision.
Example:
    scenarios: [{id: launch, name: Launch}, {id: growth, name: Year two, multiplier: 10, budget: 400}]
Best practices:
    COST01-BP03, COST06-BP01
"""

from generator.pricing.budget import standing
from generator.pricing.estimate import cents
from generator.rules.base import MODEL, Outcome, Rule


def check(ctx):
    cost = ctx.index.model.cost
    held, over, incomplete = [], [], []
    for report in ctx.cost_reports:
        limit = cost.limit_for(report.scenario.id)
        if limit is None:
            continue  # no budget at all is COST001's finding
        held.append(report.scenario.name)
        where = standing(report.total, limit, report.lower_bound)
        if where == "over":
            over.append(f"{report.scenario.name} ${cents(report.total)} over its ${limit}")
        elif where == "unknown":
            incomplete.append(f"{report.scenario.name} at least ${cents(report.total)} of its ${limit}")
    if over:
        yield Outcome(MODEL, "fail", f"over budget: {'; '.join(over)}")
    elif incomplete:
        yield Outcome(MODEL, "unknown", f"estimate incomplete (lines not priced): {'; '.join(incomplete)}")
    elif held:
        yield Outcome(MODEL, "pass", f"within budget: {', '.join(held)}")


RULE = Rule(
    "COST008",
    "Estimate over budget",
    "cost_optimization",
    "HIGH",
    ("COST01-BP03", "COST06-BP01"),
    check,
    __doc__,
    outcomes=("pass", "fail", "unknown"),
)
