"""The region choice is not recorded as a decision.

What it checks:
    That a decision record mentions the primary region by name (the choice of region has cost,
    latency and carbon consequences). Not applicable while the model has no services.
Why it matters:
    Regions differ in price, latency to users and the carbon intensity of their grid; the choice
    should be deliberate and revisitable.
How to fix:
    Record a decision: "Deploy to us-east-1 because ...", weighing a lower-carbon region.
Example:
    decisions: [{id: adr-region, title: Deploy to us-east-1, status: accepted, context: ..., decision: ...}]
Best practices:
    SUS01-BP01, COST07-BP02
"""

from generator.rules.base import MODEL, Outcome, Rule


def check(ctx):
    m = ctx.index.model
    region = m.proposal.regions[0]
    if not m.services:
        return  # nothing deployed anywhere yet: not applicable
    if any(region in f"{d.title} {d.context} {d.decision}" for d in m.decisions):
        yield Outcome(MODEL, "pass", f"the choice of {region} is recorded")
    else:
        yield Outcome(MODEL, "fail", f"no decision explains the choice of {region}")


RULE = Rule(
    "SUS004",
    "Region choice not recorded",
    "sustainability",
    "MEDIUM",
    ("SUS01-BP01", "COST07-BP02"),
    check,
    __doc__,
    outcomes=("pass", "fail"),
)
