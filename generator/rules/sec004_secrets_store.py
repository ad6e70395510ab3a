"""Secrets have no managed store.

What it checks:
    That the model has a Parameter Store or Secrets Manager service when it has compute that talks
    to a database or a third party. Unknown when there is no compute.
Why it matters:
    Without a store, secrets end up in images, environment files or the repository.
How to fix:
    Add `ssm_parameter_store` (SecureString, free) or `secrets_manager` (rotation), and inject them
    into tasks and functions at start.
Example:
    - {id: parameters, kind: ssm_parameter_store, name: Parameter Store, usage: {standard_parameters: 12}}
Best practices:
    SEC02-BP03
"""

from generator.rules.base import MODEL, Outcome, Rule


def check(ctx):
    compute = ctx.index.of_kind("ecs_fargate", "lambda", "ec2")
    stores = ctx.index.of_kind("ssm_parameter_store", "secrets_manager")
    if stores:
        yield Outcome(stores[0].id, "pass", f"secrets live in {', '.join(s.id for s in stores)}")
    elif not compute:
        yield Outcome(MODEL, "unknown", "no compute services: secret handling not applicable yet")
    else:
        yield Outcome(MODEL, "fail", "no Parameter Store or Secrets Manager for the compute's secrets")


RULE = Rule("SEC004", "Secrets outside a managed store", "security", "HIGH", ("SEC02-BP03",), check, __doc__)
