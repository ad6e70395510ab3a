"""A steady 24/7 workload is paid on demand.

What it checks:
    Fargate, RDS, EC2 and ElastiCache services running 700+ hours a month on `on_demand` pricing.
    Unknown when `usage.hours` is not stated.
Why it matters:
    A 1-year Savings Plan or reservation cuts steady compute by roughly 20-30% for no engineering work.
How to fix:
    Once the size is stable (and any free tier has ended), buy a 1-year commitment and set
    `pricing: {model: savings_plan, term_years: 1}` (or `reserved` for RDS).
Example:
    pricing: {model: reserved, term_years: 1, payment: no_upfront}
Best practices:
    COST07-BP01
"""

from generator.rules.base import Outcome, Rule


def check(ctx):
    for s in ctx.index.of_kind("ecs_fargate", "rds", "ec2", "elasticache"):
        hours = s.usage.get("hours")
        if hours is None:
            yield Outcome(s.id, "unknown", f"{s.id} does not state its hours")
        elif hours >= 700 and s.pricing.model == "on_demand":
            yield Outcome(s.id, "fail", f"{s.id} runs {hours} h a month on demand")
        else:
            yield Outcome(s.id, "pass", f"{s.id}: {s.pricing.model}, {hours} h")


RULE = Rule("COST005", "Steady workload on demand", "cost_optimization", "LOW", ("COST07-BP01",), check, __doc__)
