"""A stateful database runs in a single Availability Zone.

What it checks:
    Every RDS, Aurora or ElastiCache service whose placement is not Multi-AZ.
    Unknown when the service states no placement at all.
Why it matters:
    An AZ outage or a host failure takes the database down; recovery means a restore from backup,
    losing the writes since the last backup and minutes to hours of downtime.
How to fix:
    Set `placement: {multi_az: true, az_count: 2}` (RDS Multi-AZ doubles the instance charge), or
    acknowledge the finding with the recovery time you accept.
Example:
    placement: {vpc: main_vpc, subnet: private, multi_az: true, az_count: 2}
Best practices:
    REL10-BP01, REL11-BP02
"""

from generator.rules._helpers import DATABASES, placement_given
from generator.rules.base import Outcome, Rule


def check(ctx):
    for s in ctx.index.of_kind(*DATABASES):
        if not placement_given(s):
            yield Outcome(s.id, "unknown", f"{s.id} states no placement; is it Multi-AZ?")
        elif s.placement.multi_az:
            yield Outcome(s.id, "pass", f"{s.id} is Multi-AZ")
        else:
            yield Outcome(s.id, "fail", f"{s.id} runs in a single Availability Zone")


RULE = Rule(
    "REL001",
    "Database in a single Availability Zone",
    "reliability",
    "HIGH",
    ("REL10-BP01", "REL11-BP02"),
    check,
    __doc__,
)
