"""Logs are kept forever.

What it checks:
    CloudWatch `sizing.log_retention_days`: 0 (never expire) fails, unset is unknown.
Why it matters:
    Log groups default to never expire; storage grows every month and is paid forever.
How to fix:
    Set a retention that matches what you investigate with (14-30 days), archive to S3 if needed.
Example:
    sizing: {log_retention_days: 14}
Best practices:
    COST04-BP05, SUS04-BP03
"""

from generator.rules.base import Outcome, Rule


def check(ctx):
    for s in ctx.index.of_kind("cloudwatch"):
        days = s.sizing.log_retention_days
        if days is None:
            yield Outcome(s.id, "unknown", f"{s.id} does not state log retention")
        elif days == 0:
            yield Outcome(s.id, "fail", f"{s.id} keeps logs forever")
        else:
            yield Outcome(s.id, "pass", f"{s.id} keeps logs {days} days")


RULE = Rule(
    "COST007", "Logs never expire", "cost_optimization", "MEDIUM", ("COST04-BP05", "SUS04-BP03"), check, __doc__
)
