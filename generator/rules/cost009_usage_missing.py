"""A service's usage is missing, so its cost is unknown.

What it checks:
    Every service's billing dimensions are given in `usage` (the cost estimate's needs-usage list).
Why it matters:
    A service priced at $0 because nobody wrote its usage is the line that surprises the CTO later.
How to fix:
    Add the missing usage quantities (see `archgen cost` warnings for the names).
Example:
    usage: {requests: 3000000, average_duration_ms: 120}
Best practices:
    COST06-BP01, COST05-BP02
"""

from generator.rules.base import Outcome, Rule


def check(ctx):
    launch = ctx.cost_reports[0]
    for s in launch.services:
        if s.unpriced:
            yield Outcome(s.service, "unknown", f"{s.service}: no price for {', '.join(s.unpriced)}")
        elif s.needs_usage:
            yield Outcome(s.service, "fail", f"{s.service} needs usage: {', '.join(s.needs_usage)}")
        else:
            yield Outcome(s.service, "pass", f"{s.service} is fully priced")


RULE = Rule("COST009", "Usage missing", "cost_optimization", "HIGH", ("COST06-BP01", "COST05-BP02"), check, __doc__)
