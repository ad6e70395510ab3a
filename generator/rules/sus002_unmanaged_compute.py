"""Self-managed servers where a managed service would do.

What it checks:
    EC2 instances fail (managed containers or functions share hardware better). Passes when compute
    is Fargate or Lambda only; not applicable when the model has no compute.
Why it matters:
    Managed services run at higher utilisation on shared, right-sized hardware, and remove patching work.
How to fix:
    Move workloads to Fargate, Lambda or a managed database.
Example:
    kind: ecs_fargate
Best practices:
    SUS05-BP03, SUS05-BP01
"""

from generator.rules.base import MODEL, Outcome, Rule


def check(ctx):
    ec2 = ctx.index.of_kind("ec2")
    managed = ctx.index.of_kind("ecs_fargate", "lambda")
    for s in ec2:
        yield Outcome(s.id, "fail", f"{s.id} is a self-managed EC2 instance")
    if not ec2 and managed:
        yield Outcome(MODEL, "pass", "compute is managed (Fargate/Lambda)")
    # no compute at all: not applicable


RULE = Rule(
    "SUS002",
    "Self-managed compute",
    "sustainability",
    "MEDIUM",
    ("SUS05-BP03", "SUS05-BP01"),
    check,
    __doc__,
    outcomes=("pass", "fail"),
)
