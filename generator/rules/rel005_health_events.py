"""AWS Health events reach nobody.

What it checks:
    That `cost.budget.health_notifications` is on or an EventBridge service routes AWS Health
    events (week 0 homework: Health -> EventBridge -> SNS). Unknown when the model has no budget section.
Why it matters:
    During an AWS incident the team learns about it from its users instead of from AWS.
How to fix:
    Add an EventBridge rule on `aws.health` events targeting an SNS topic, and set
    `health_notifications: true` so `archgen guardrails` emits it.
Example:
    cost: {budget: {monthly_limit: 100, thresholds: [{percent: 80}], health_notifications: true}}
Best practices:
    REL11-BP06, OPS10-BP01
"""

from generator.rules.base import MODEL, Outcome, Rule


def check(ctx):
    budget = ctx.index.model.cost.budget
    if budget is None and not ctx.index.of_kind("eventbridge"):
        yield Outcome(MODEL, "unknown", "no budget section and no EventBridge service: health routing not stated")
    elif (budget is not None and budget.health_notifications) or ctx.index.of_kind("eventbridge"):
        yield Outcome(MODEL, "pass", "AWS Health events are routed to the team")
    else:
        yield Outcome(MODEL, "fail", "AWS Health events are not routed anywhere")


RULE = Rule(
    "REL005", "AWS Health events not routed", "reliability", "MEDIUM", ("REL11-BP06", "OPS10-BP01"), check, __doc__
)
