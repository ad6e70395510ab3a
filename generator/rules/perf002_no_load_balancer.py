"""Scalable compute has no load balancer in front.

What it checks:
    ECS Fargate and EC2 services that can run more than one task (`max_count` > 1) and hosts an API
    or web app, but no ALB fronts. Not applicable when the service hosts no container.
Why it matters:
    Without a load balancer, new tasks receive no traffic and failed tasks keep receiving it.
How to fix:
    Put an ALB in front: `fronts: [api_service]` on the load balancer.
Example:
    - {id: api_lb, kind: alb, name: API load balancer, fronts: [api_service]}
Best practices:
    PERF04-BP04, REL11-BP02
"""

from generator.rules._helpers import fronted_by
from generator.rules.base import Outcome, Rule


def check(ctx):
    for s in ctx.index.of_kind("ecs_fargate", "ec2"):
        hosted = ctx.index.hosted.get(s.id, [])
        if not hosted:
            continue  # hosts nothing: not applicable
        if max(s.sizing.max_count or 0, s.sizing.desired_count) <= 1:
            yield Outcome(s.id, "pass", f"{s.id} runs a single task")
        elif any(g.kind == "alb" for g in fronted_by(ctx.index, s.id)):
            yield Outcome(s.id, "pass", f"{s.id} is behind a load balancer")
        else:
            yield Outcome(s.id, "fail", f"{s.id} scales out but nothing spreads the load")


RULE = Rule(
    "PERF002",
    "No load balancer for scalable compute",
    "performance_efficiency",
    "HIGH",
    ("PERF04-BP04", "REL11-BP02"),
    check,
    __doc__,
    outcomes=("pass", "fail"),
)
