"""No billing alarm is declared.

What it checks:
    `cost.budget.billing_alarm` (a CloudWatch alarm on EstimatedCharges in us-east-1). Not applicable
    without a budget (COST001 reports that) or services.
Why it matters:
    A billing alarm fires within hours of the estimate crossing the line, independent of Budgets
    (week 0 homework: set a billing alarm).
How to fix:
    Add `billing_alarm: {threshold: 80}`; `archgen guardrails` emits the alarm and its SNS topic.
Example:
    billing_alarm: {threshold: 80, topic: billing-alarms}
Best practices:
    COST01-BP06
"""

from generator.rules.base import MODEL, Outcome, Rule


def check(ctx):
    budget = ctx.index.model.cost.budget
    if budget is None or not ctx.index.model.services:
        return  # no budget (COST001 says so) or nothing billed: not applicable
    if budget.billing_alarm is None:
        yield Outcome(MODEL, "fail", "no billing alarm")
    else:
        yield Outcome(MODEL, "pass", f"billing alarm at ${budget.billing_alarm.threshold}")


RULE = Rule(
    "COST002",
    "No billing alarm",
    "cost_optimization",
    "MEDIUM",
    ("COST01-BP06",),
    check,
    __doc__,
    outcomes=("pass", "fail"),
)
