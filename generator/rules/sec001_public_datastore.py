"""A database or bucket is reachable from the internet.

What it checks:
    Stateful services (RDS, Aurora, ElastiCache, DynamoDB, S3) with `placement.publicly_accessible: true`.
    Unknown when the service gives no placement.
Why it matters:
    A public database or bucket is one leaked credential, or one misconfigured policy, away from a breach.
How to fix:
    Keep data stores private; serve files through CloudFront with origin access control.
Example:
    placement: {vpc: main_vpc, subnet: private, publicly_accessible: false}
Best practices:
    SEC03-BP07, SEC05-BP01
"""

from generator.rules._helpers import placement_given, stateful
from generator.rules.base import Outcome, Rule


def check(ctx):
    for s in stateful(ctx.index):
        if not placement_given(s):
            yield Outcome(s.id, "unknown", f"{s.id} states no placement")
        elif s.placement.publicly_accessible:
            yield Outcome(s.id, "fail", f"{s.id} is publicly accessible")
        else:
            yield Outcome(s.id, "pass", f"{s.id} is private")


RULE = Rule("SEC001", "Public datastore or bucket", "security", "HIGH", ("SEC03-BP07", "SEC05-BP01"), check, __doc__)
