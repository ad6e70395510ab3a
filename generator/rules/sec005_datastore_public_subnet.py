"""A database sits in a public subnet.

What it checks:
    RDS, Aurora and ElastiCache services placed in a `public` subnet. Unknown when no subnet is given.
Why it matters:
    A public subnet has a route to the internet gateway; one security-group mistake exposes the database.
How to fix:
    Place databases in `private` or `isolated` subnets; only the application tier reaches them.
Example:
    placement: {vpc: main_vpc, subnet: private}
Best practices:
    SEC05-BP01, SEC05-BP02
"""

from generator.rules._helpers import DATABASES
from generator.rules.base import Outcome, Rule


def check(ctx):
    for s in ctx.index.of_kind(*DATABASES):
        if s.placement.subnet is None:
            yield Outcome(s.id, "unknown", f"{s.id} states no subnet")
        elif s.placement.subnet == "public":
            yield Outcome(s.id, "fail", f"{s.id} is in a public subnet")
        else:
            yield Outcome(s.id, "pass", f"{s.id} is in a {s.placement.subnet} subnet")


RULE = Rule("SEC005", "Database in a public subnet", "security", "HIGH", ("SEC05-BP01", "SEC05-BP02"), check, __doc__)
