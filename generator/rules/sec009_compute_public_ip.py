"""Compute runs in a public subnet or with a public IP address.

What it checks:
    ECS Fargate and EC2 services placed in a `public` subnet or given a public IP
    (`safeguards.public_ip: true`). Tasks belong in private subnets behind the load balancer, with
    VPC endpoints or a NAT gateway for what they call out to. Unknown when neither the subnet nor
    the public IP is stated for a service in a VPC. Not applicable to compute outside a VPC.
Why it matters:
    A task with a public address is reachable from the internet as soon as one security-group rule
    is wrong; the load balancer should be the only way in.
How to fix:
    Place tasks in private subnets (`placement: {subnet: private}`, `safeguards: {public_ip: false}`)
    and give them VPC endpoints for ECR, S3 and CloudWatch Logs, or a NAT gateway.
Example:
    placement: {vpc: main_vpc, subnet: private, multi_az: true, az_count: 2}
Best practices:
    SEC05-BP01, SEC05-BP02
"""

from generator.rules.base import Outcome, Rule


def check(ctx):
    for s in ctx.index.of_kind("ecs_fargate", "ec2"):
        if s.placement.vpc is None:
            continue  # not in a VPC: not applicable
        public_ip, subnet = s.safeguards.public_ip, s.placement.subnet
        if public_ip or subnet == "public":
            where = "a public subnet" if subnet == "public" else "its subnet"
            ip = " with public IP addresses" if public_ip else ""
            yield Outcome(s.id, "fail", f"{s.id} runs in {where}{ip}: reachable without the load balancer")
        elif subnet is None and public_ip is None:
            yield Outcome(s.id, "unknown", f"{s.id}: which subnet, and does it get a public IP?")
        else:
            yield Outcome(s.id, "pass", f"{s.id} runs in a {subnet or 'non-public'} subnet without public IPs")


RULE = Rule(
    "SEC009", "Compute reachable from the internet", "security", "HIGH", ("SEC05-BP01", "SEC05-BP02"), check, __doc__
)
