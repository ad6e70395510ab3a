"""A scenario's estimate exceeds the budget.

What it checks:
    Every cost scenario's monthly estimate against `cost.budget.monthly_limit`. Unknown without a budget.
Why it matters:
    The CTO approves a number; a scenario above it needs a bigger budget or a cheaper design before
    it happens, not after.
How to fix:
    Apply the savings levers on the Cost page, or raise the budget for that stage with a decision.
Example:
    budget: {monthly_limit: 150}
Best practices:
    COST01-BP03, COST06-BP01
"""

from generator.pricing.estimate import cents
from generator.rules.base import MODEL, Outcome, Rule


def check(ctx):
    budget = ctx.index.model.cost.budget
    if budget is None:
        yield Outcome(MODEL, "unknown", "no budget to compare the estimate with")
        return
    over = [f"{r.scenario.name} ${cents(r.total)}" for r in ctx.cost_reports if cents(r.total) > budget.monthly_limit]
    if over:
        yield Outcome(MODEL, "fail", f"over the ${budget.monthly_limit} budget: {'; '.join(over)}")
    else:
        yield Outcome(MODEL, "pass", f"every scenario fits the ${budget.monthly_limit} budget")


RULE = Rule(
    "COST008", "Estimate over budget", "cost_optimization", "HIGH", ("COST01-BP03", "COST06-BP01"), check, __doc__
)
