"""No IAM roles are modeled for the workloads.

What it checks:
    That compute exists alongside an `iam` service describing roles. Unknown without compute.
Why it matters:
    Workloads without their own roles end up with long-lived access keys or shared admin rights.
How to fix:
    Add an `iam` service describing task roles, execution roles and Lambda roles with least privilege.
Example:
    - {id: access, kind: iam, name: IAM roles, description: Task and Lambda roles, least privilege}
Best practices:
    SEC02-BP02, SEC03-BP02
"""

from generator.rules.base import MODEL, Outcome, Rule


def check(ctx):
    compute = ctx.index.of_kind("ecs_fargate", "lambda", "ec2", "codebuild")
    iam = ctx.index.of_kind("iam")
    if not compute:
        yield Outcome(MODEL, "unknown", "no compute services")
    elif iam:
        yield Outcome(iam[0].id, "pass", f"roles described in {iam[0].id}")
    else:
        yield Outcome(MODEL, "fail", "compute with no IAM roles modeled")


RULE = Rule("SEC008", "No workload roles", "security", "MEDIUM", ("SEC02-BP02", "SEC03-BP02"), check, __doc__)
