"""Private subnets in several AZs share one NAT gateway.

What it checks:
    A VPC whose compute spans two or more Availability Zones (`az_count`, or `multi_az`) but whose
    NAT gateways number fewer than those AZs (`desired_count` of the `nat_gateway` services in it).
    Not applicable without a NAT gateway or with compute in one AZ.
Why it matters:
    A NAT gateway lives in one AZ: when that AZ is impaired, tasks in the others lose their way out
    (to ECR, third-party APIs), so the second AZ does not keep the service up.
How to fix:
    One NAT gateway per AZ with a route table per AZ, or replace the NAT with VPC endpoints (S3,
    DynamoDB gateway endpoints are free) so nothing depends on it.
Example:
    - {id: nat, kind: nat_gateway, name: NAT gateways, placement: {vpc: main_vpc}, sizing: {desired_count: 2}}
Best practices:
    REL10-BP01
"""

from generator.rules.base import Outcome, Rule


def check(ctx):
    compute = ctx.index.of_kind("ecs_fargate", "ec2", "lambda")
    for vpc in ctx.index.of_kind("vpc"):
        nats = [n for n in ctx.index.of_kind("nat_gateway") if n.placement.vpc in (vpc.id, None)]
        inside = [c for c in compute if c.placement.vpc == vpc.id]
        zones = max((max(c.placement.az_count, 2 if c.placement.multi_az else 1) for c in inside), default=1)
        if not nats or zones < 2:
            continue  # no NAT, or nothing spread over AZs: not applicable
        count = sum(n.sizing.desired_count for n in nats)
        if count >= zones:
            yield Outcome(nats[0].id, "pass", f"{count} NAT gateway(s) for {zones} AZs in {vpc.id}")
        else:
            yield Outcome(nats[0].id, "fail", f"{count} NAT gateway(s) serve compute in {zones} AZs of {vpc.id}")


RULE = Rule(
    "REL012",
    "One NAT gateway for several AZs",
    "reliability",
    "HIGH",
    ("REL10-BP01",),
    check,
    __doc__,
    outcomes=("pass", "fail"),
)
