"""Compute runs as a single task or instance with no auto scaling.

What it checks:
    ECS Fargate and EC2 services whose `max_count` is unset or not above one.
    Unknown when the sizing states no counts at all.
Why it matters:
    One task is one failure away from an outage, and it cannot absorb a traffic spike.
How to fix:
    Run at least two tasks across AZs, or allow scaling out: `min_count: 1, max_count: 4`.
Example:
    sizing: {desired_count: 2, min_count: 2, max_count: 6}
Best practices:
    REL07-BP01, REL11-BP02
"""

from generator.rules.base import Outcome, Rule


def check(ctx):
    for s in ctx.index.of_kind("ecs_fargate", "ec2"):
        z = s.sizing
        if not ({"desired_count", "max_count", "min_count"} & z.model_fields_set):
            yield Outcome(s.id, "unknown", f"{s.id} states no task counts")
        elif z.desired_count >= 2 or (z.max_count or 0) > z.desired_count:
            yield Outcome(s.id, "pass", f"{s.id} runs {z.desired_count} and scales to {z.max_count or z.desired_count}")
        else:
            yield Outcome(s.id, "fail", f"{s.id} runs a single task with no auto scaling")


RULE = Rule(
    "REL003", "Single task with no auto scaling", "reliability", "HIGH", ("REL07-BP01", "REL11-BP02"), check, __doc__
)
