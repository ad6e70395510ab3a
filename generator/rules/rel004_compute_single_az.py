"""Compute or a load balancer is placed in one Availability Zone.

What it checks:
    ECS Fargate, EC2 and ALB services in a VPC whose placement is neither Multi-AZ nor spans two or
    more AZs. Unknown when no placement is given.
Why it matters:
    Spreading tasks over AZs keeps the service up during an AZ impairment; an ALB needs two AZs anyway.
How to fix:
    `placement: {multi_az: true, az_count: 2}` and subnets in two AZs.
Example:
    placement: {vpc: main_vpc, subnet: private, multi_az: true, az_count: 2}
Best practices:
    REL10-BP01
"""

from generator.rules._helpers import placement_given
from generator.rules.base import Outcome, Rule


def check(ctx):
    for s in ctx.index.of_kind("ecs_fargate", "ec2", "alb"):
        if not placement_given(s):
            yield Outcome(s.id, "unknown", f"{s.id} states no placement")
        elif s.placement.multi_az or s.placement.az_count >= 2:
            yield Outcome(s.id, "pass", f"{s.id} spans {max(s.placement.az_count, 2)} AZs")
        else:
            yield Outcome(s.id, "fail", f"{s.id} is placed in a single AZ")


RULE = Rule("REL004", "Compute in a single Availability Zone", "reliability", "MEDIUM", ("REL10-BP01",), check, __doc__)
