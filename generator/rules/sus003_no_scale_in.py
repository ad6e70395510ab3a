"""Capacity cannot shrink when demand does.

What it checks:
    Fargate and EC2 services whose `min_count` equals `max_count` above one (fixed capacity).
    Unknown when min/max are not stated.
Why it matters:
    Fixed capacity runs idle at night; scaling in saves energy and money without affecting users.
How to fix:
    Set `min_count` below `max_count` and scale on CPU or request count.
Example:
    sizing: {min_count: 1, max_count: 4}
Best practices:
    SUS02-BP01, COST09-BP03
"""

from generator.rules.base import Outcome, Rule


def check(ctx):
    for s in ctx.index.of_kind("ecs_fargate", "ec2"):
        z = s.sizing
        if z.min_count is None or z.max_count is None:
            yield Outcome(s.id, "unknown", f"{s.id} states no scaling range")
        elif z.min_count == z.max_count and z.max_count > 1:
            yield Outcome(s.id, "fail", f"{s.id} is fixed at {z.max_count} tasks")
        else:
            yield Outcome(s.id, "pass", f"{s.id} scales between {z.min_count} and {z.max_count}")


RULE = Rule("SUS003", "No scale-in", "sustainability", "MEDIUM", ("SUS02-BP01", "COST09-BP03"), check, __doc__)
