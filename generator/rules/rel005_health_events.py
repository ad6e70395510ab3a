"""AWS Health events reach nobody.

What it checks:
    That `cost.budget.health_notifications` is on: an EventBridge rule sends AWS Health events to
    an SNS topic (week 0 homework: Health -> EventBridge -> SNS). An EventBridge service alone does
    not pass: which events it routes is not stated. Not applicable while nothing runs.
Why it matters:
    During an AWS incident the team learns about it from its users instead of from AWS.
How to fix:
    Add an EventBridge rule on `aws.health` events targeting an SNS topic, and set
    `health_notifications: true` so `archgen guardrails` emits it.
Example:
    cost: {budget: {monthly_limit: 100, thresholds: [{percent: 80}], health_notifications: true}}
Best practices:
    REL11-BP06
"""

from generator.rules.base import MODEL, Outcome, Rule


def check(ctx):
    if not ctx.index.model.services:
        return  # nothing running to be affected: not applicable
    budget = ctx.index.model.cost.budget
    if budget is not None and budget.health_notifications:
        yield Outcome(MODEL, "pass", "AWS Health events are routed to the team (EventBridge rule to SNS)")
    else:
        # an EventBridge service alone says nothing about which events it routes
        yield Outcome(MODEL, "fail", "AWS Health events are not routed to the team (`health_notifications` is off)")


RULE = Rule(
    "REL005",
    "AWS Health events not routed",
    "reliability",
    "MEDIUM",
    ("REL11-BP06",),
    check,
    __doc__,
    outcomes=("pass", "fail"),
)
