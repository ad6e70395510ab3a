"""Compute runs without a role of its own.

What it checks:
    Every compute service (ECS Fargate, Lambda, EC2, CodeBuild, Step Functions state machines) names
    the IAM `role` it runs as, and no two share one: a shared role grants each service what all of
    them need. An `iam` service existing says nothing about either. Not applicable without compute.
Why it matters:
    Workloads without their own roles end up with long-lived access keys or shared broad rights; a
    compromise of one service then reaches everything the others may touch.
How to fix:
    Give each service its own task or execution role with only the actions and resources it uses,
    and name it: `role: cruddur-api-task`.
Example:
    - {id: api_service, kind: ecs_fargate, name: API, role: cruddur-api-task}
Best practices:
    SEC02-BP02, SEC03-BP02
"""

from collections import Counter

from generator.rules.base import Outcome, Rule

COMPUTE = ("ecs_fargate", "lambda", "ec2", "codebuild", "step_functions")


def check(ctx):
    compute = ctx.index.of_kind(*COMPUTE)
    shared = {role for role, n in Counter(s.role for s in compute if s.role).items() if n > 1}
    for s in compute:
        if not s.role:
            yield Outcome(s.id, "fail", f"{s.id} names no IAM role of its own")
        elif s.role in shared:
            others = [o.id for o in compute if o.role == s.role and o.id != s.id]
            yield Outcome(s.id, "fail", f"{s.id} shares role {s.role} with {', '.join(others)}")
        else:
            yield Outcome(s.id, "pass", f"{s.id} runs as {s.role}")


RULE = Rule(
    "SEC008",
    "Compute without its own role",
    "security",
    "HIGH",
    ("SEC02-BP02", "SEC03-BP02"),
    check,
    __doc__,
    outcomes=("pass", "fail"),
)
