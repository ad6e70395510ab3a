"""Changes reach production without a pipeline.

What it checks:
    That the model has a `pipeline` whose stages include a build and a deploy (a stage that
    `deploys` a container). Not applicable when there is no container to deploy.
Why it matters:
    Manual deploys are slow, unrepeatable and skip tests; the week 0 homework asks for this pipeline.
How to fix:
    Describe the pipeline: source -> build and test -> deploy, with the services each stage uses.
Example:
    pipeline: {stages: [{id: source, name: Source}, {id: deploy, name: Deploy, deploys: [api]}]}
Best practices:
    OPS05-BP04, OPS05-BP10, SEC11-BP06
"""

from generator.rules.base import MODEL, Outcome, Rule


def check(ctx):
    m = ctx.index.model
    if m.pipeline is None:
        if m.containers:  # no containers: nothing to deploy, not applicable
            yield Outcome(MODEL, "fail", "no CI/CD pipeline is described")
    elif any(stage.deploys for stage in m.pipeline.stages):
        yield Outcome(MODEL, "pass", f"{len(m.pipeline.stages)}-stage pipeline deploys the containers")
    else:
        yield Outcome(MODEL, "fail", "the pipeline has no stage that deploys a container")


RULE = Rule(
    "OPS001",
    "No deployment pipeline",
    "operational_excellence",
    "HIGH",
    ("OPS05-BP04", "OPS05-BP10", "SEC11-BP06"),
    check,
    __doc__,
    outcomes=("pass", "fail"),
)
