"""Infrastructure is not defined as code.

What it checks:
    That a CloudFormation service (stacks, CDK or SAM deploy through it) is in the model.
    Unknown when the model has no AWS services yet.
Why it matters:
    Click-ops environments drift, cannot be reviewed in a pull request and cannot be rebuilt after
    an accident.
How to fix:
    Add a `cloudformation` service and keep the templates beside the code.
Example:
    - {id: iac, kind: cloudformation, name: CloudFormation stacks, justification: {...}}
Best practices:
    OPS05-BP03, REL08-BP05
"""

from generator.rules.base import MODEL, Outcome, Rule


def check(ctx):
    stacks = ctx.index.of_kind("cloudformation")
    if stacks:
        yield Outcome(stacks[0].id, "pass", f"infrastructure as code in {stacks[0].id}")
    elif not ctx.index.model.services:
        yield Outcome(MODEL, "unknown", "no services yet")
    else:
        yield Outcome(MODEL, "fail", "no infrastructure as code (CloudFormation) in the model")


RULE = Rule(
    "OPS002",
    "No infrastructure as code",
    "operational_excellence",
    "MEDIUM",
    ("OPS05-BP03", "REL08-BP05"),
    check,
    __doc__,
)
