"""A service has no written justification.

What it checks:
    Every service has `justification` with at least one alternative weighed. A justification with no
    alternatives is unknown (the trade-off is not visible).
Why it matters:
    A CTO review asks "why this and not that?" for every line on the bill; undocumented choices get
    re-argued in every meeting.
How to fix:
    Add `justification: {requirement, why, alternatives: [{option, why_not}]}`.
Example:
    justification: {requirement: Sign-in, why: Free to 10k MAU, alternatives: [{option: Auth0, why_not: cost}]}
Best practices:
    OPS01-BP06
"""

from generator.rules.base import Outcome, Rule


def check(ctx):
    for s in ctx.index.model.services:
        j = s.justification
        if j is None:
            yield Outcome(s.id, "fail", f"{s.id} has no justification")
        elif not j.alternatives:
            yield Outcome(s.id, "unknown", f"{s.id} weighs no alternatives")
        else:
            yield Outcome(s.id, "pass", f"{s.id} is justified against {len(j.alternatives)} alternative(s)")


RULE = Rule(
    "OPS006",
    "Service without justification",
    "operational_excellence",
    "MEDIUM",
    ("OPS01-BP06",),
    check,
    __doc__,
)
