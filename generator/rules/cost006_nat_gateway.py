"""NAT gateways carry a fixed monthly cost.

What it checks:
    NAT gateway services (about $33 a month each before data). Passes for a VPC without one;
    not applicable without a VPC (serverless designs need no NAT).
Why it matters:
    One NAT gateway per AZ is often the largest line of a small workload's bill, and data processed
    through it is charged again.
How to fix:
    Use VPC gateway endpoints for S3 and DynamoDB (free), interface endpoints for ECR, or public
    subnets with tight security groups; keep one NAT gateway if any.
Example:
    Replace nat_gateway with endpoints for s3, dynamodb, ecr.api and ecr.dkr.
Best practices:
    COST08-BP02, COST08-BP03
"""

from generator.rules.base import Outcome, Rule


def check(ctx):
    nats = ctx.index.of_kind("nat_gateway")
    vpcs = ctx.index.of_kind("vpc")
    for s in nats:
        yield Outcome(s.id, "fail", f"{s.id}: {s.sizing.desired_count} NAT gateway(s) at a fixed hourly charge")
    if not nats and vpcs:
        yield Outcome(vpcs[0].id, "pass", f"{vpcs[0].id} has no NAT gateway")
    # no VPC (a serverless design): not applicable


RULE = Rule(
    "COST006",
    "NAT gateway cost",
    "cost_optimization",
    "MEDIUM",
    ("COST08-BP02", "COST08-BP03"),
    check,
    __doc__,
    outcomes=("pass", "fail"),
)
