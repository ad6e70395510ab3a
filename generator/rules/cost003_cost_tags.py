"""A service has no cost-allocation tags.

What it checks:
    Every billable service has `tags`; IAM and ACM are free and skipped. This rule is never unknown:
    a service without tags is untagged.
Why it matters:
    Untagged spend cannot be attributed to a team, an environment or a feature in Cost Explorer.
How to fix:
    Tag every resource with at least `app` and `env`, and activate them as cost-allocation tags.
Example:
    tags: {app: cruddur, env: prod}
Best practices:
    COST03-BP02, COST03-BP03
"""

from generator.rules.base import Outcome, Rule

FREE_KINDS = ("iam", "acm")


def check(ctx):
    for s in ctx.index.model.services:
        if s.kind in FREE_KINDS:
            continue
        if s.tags:
            yield Outcome(s.id, "pass", f"{s.id} is tagged {', '.join(sorted(s.tags))}")
        else:
            yield Outcome(s.id, "fail", f"{s.id} has no cost-allocation tags")


RULE = Rule(
    "COST003",
    "No cost-allocation tags",
    "cost_optimization",
    "MEDIUM",
    ("COST03-BP02", "COST03-BP03"),
    check,
    __doc__,
    outcomes=("pass", "fail"),
)
