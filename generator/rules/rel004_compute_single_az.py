"""Compute or a load balancer runs in one Availability Zone.

What it checks:
    ECS Fargate and EC2 services whose running tasks cover fewer than two AZs, and ALBs placed in one
    AZ. What runs decides: one task is in one AZ whatever `multi_az` says, so the AZs covered are the
    smaller of the AZs stated (`az_count`, two for `multi_az`) and the running count (`min_count`,
    else `desired_count`). A single task on the request path is left to REL003. Unknown when no
    placement is given.
Why it matters:
    Spreading tasks over AZs keeps the service up during an AZ impairment; an ALB needs two AZs anyway.
How to fix:
    Run two or more tasks with `placement: {multi_az: true, az_count: 2}` and subnets in two AZs.
Example:
    placement: {vpc: main_vpc, subnet: private, multi_az: true, az_count: 2}
Best practices:
    REL10-BP01
"""

from generator.flows import request_path
from generator.placement import running, zones_stated, zones_used
from generator.rules._helpers import placement_given
from generator.rules.base import Outcome, Rule


def _zones(s) -> int:
    """What runs for compute; for an ALB, what is stated (a one-AZ ALB is a model mistake to report)."""
    return zones_stated(s) if s.kind == "alb" else zones_used(s)


def check(ctx):
    on_path = set(request_path(ctx.index))
    for s in ctx.index.of_kind("ecs_fargate", "ec2", "alb"):
        if s.kind != "alb" and s.id in on_path and running(s.sizing) < 2:
            continue  # one task on the request path: REL003 reports it, once
        if not placement_given(s):
            yield Outcome(s.id, "unknown", f"{s.id} states no placement")
        elif _zones(s) >= 2:
            yield Outcome(s.id, "pass", f"{s.id} runs in {_zones(s)} AZs")
        elif s.kind != "alb" and running(s.sizing) < 2:
            yield Outcome(s.id, "fail", f"{s.id} runs {running(s.sizing)} task, so in one AZ at a time")
        else:
            yield Outcome(s.id, "fail", f"{s.id} is placed in a single AZ")


RULE = Rule("REL004", "Compute in a single Availability Zone", "reliability", "HIGH", ("REL10-BP01",), check, __doc__)
