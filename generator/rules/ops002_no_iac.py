"""Infrastructure is not defined as code.

What it checks:
    That the infrastructure is created from code: `pipeline.infrastructure_as_code` names the tool
    (CloudFormation, CDK, SAM, Terraform, OpenTofu, Pulumi, Serverless Framework, Copilot), or a
    `cloudformation` service is in the model. Not applicable while the model has no AWS services.
Why it matters:
    Click-ops environments drift, cannot be reviewed in a pull request and cannot be rebuilt after
    an accident.
How to fix:
    Keep the templates beside the code, deploy them from the pipeline, and say which tool:
    `pipeline: {infrastructure_as_code: terraform, stages: [...]}`.
Example:
    pipeline: {infrastructure_as_code: cdk, stages: [{id: deploy, name: Deploy, services: [iac]}]}
Best practices:
    OPS05-BP03, REL08-BP05
"""

from generator.rules.base import MODEL, Outcome, Rule


def check(ctx):
    model = ctx.index.model
    if not model.services:
        return  # nothing to create yet: not applicable
    tool = model.pipeline.infrastructure_as_code if model.pipeline is not None else None
    stacks = ctx.index.of_kind("cloudformation")
    if tool:
        yield Outcome(MODEL, "pass", f"infrastructure as code with {tool}")
    elif stacks:
        yield Outcome(stacks[0].id, "pass", f"infrastructure as code in {stacks[0].id}")
    else:
        yield Outcome(MODEL, "fail", "no infrastructure-as-code tool is named (pipeline.infrastructure_as_code)")


RULE = Rule(
    "OPS002",
    "No infrastructure as code",
    "operational_excellence",
    "MEDIUM",
    ("OPS05-BP03", "REL08-BP05"),
    check,
    __doc__,
    outcomes=("pass", "fail"),
)
