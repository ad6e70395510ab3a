"""A service has no cost-allocation tags.

What it checks:
    Every billable service has `tags`; IAM and ACM are free and skipped. One finding for the model,
    listing every untagged service (tagging is one policy, not one problem per service). Not
    applicable without billable services.
Why it matters:
    Untagged spend cannot be attributed to a team, an environment or a feature in Cost Explorer.
How to fix:
    Tag every resource with at least `app` and `env`, and activate them as cost-allocation tags.
Example:
    tags: {app: cruddur, env: prod}
Best practices:
    COST03-BP02
"""

from generator.rules.base import MODEL, Outcome, Rule

FREE_KINDS = ("iam", "acm")


def check(ctx):
    billable = [s for s in ctx.index.model.services if s.kind not in FREE_KINDS]
    untagged = [s.id for s in billable if not s.tags]
    if untagged:
        yield Outcome(
            MODEL, "fail", f"{len(untagged)} of {len(billable)} services carry no tags: {', '.join(untagged)}"
        )
    elif billable:
        yield Outcome(MODEL, "pass", f"all {len(billable)} billable services are tagged")


RULE = Rule(
    "COST003",
    "No cost-allocation tags",
    "cost_optimization",
    "MEDIUM",
    ("COST03-BP02",),
    check,
    __doc__,
    outcomes=("pass", "fail"),
)
