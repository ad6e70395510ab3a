"""A service on the request path runs as a single task or instance.

What it checks:
    ECS Fargate and EC2 services on the user request path (the stated `request_path`, or what people
    reach synchronously) whose normal running count, `min_count` or else `desired_count`, is below
    two. Auto scaling does not make one task redundant: a failed task is replaced only after
    minutes, and every request fails meanwhile. Unknown when the service states no task counts.
    Services off the request path (queue workers, batch jobs) are not applicable.
Why it matters:
    One task is a single point of failure for every user request; it is also restarted on every
    deployment and every Fargate platform update.
How to fix:
    Run at least two tasks in two Availability Zones behind the load balancer:
    `sizing: {desired_count: 2, min_count: 2, max_count: 4}`, `placement: {multi_az: true, az_count: 2}`.
Example:
    sizing: {vcpu: 0.25, memory_gb: 0.5, desired_count: 2, min_count: 2, max_count: 4}
Best practices:
    REL10-BP01, REL11-BP02
"""

from generator.flows import request_path
from generator.placement import running
from generator.rules.base import Outcome, Rule


def check(ctx):
    on_path = set(request_path(ctx.index))
    for s in ctx.index.of_kind("ecs_fargate", "ec2"):
        if s.id not in on_path:
            continue  # off the request path: not applicable
        z = s.sizing
        if not ({"desired_count", "max_count", "min_count"} & z.model_fields_set):
            yield Outcome(s.id, "unknown", f"{s.id} states no task counts")
        elif running(z) >= 2:
            yield Outcome(s.id, "pass", f"{s.id} runs {running(z)} tasks")
        else:
            scale = f" (auto scaling up to {z.max_count} does not replace a failed task at once)" if z.max_count else ""
            yield Outcome(s.id, "fail", f"{s.id} serves the request path from {running(z)} task{scale}")


RULE = Rule(
    "REL003", "Single task on the request path", "reliability", "HIGH", ("REL10-BP01", "REL11-BP02"), check, __doc__
)
