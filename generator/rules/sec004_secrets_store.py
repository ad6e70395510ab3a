"""Secrets the workload needs have no managed store.

What it checks:
    What needs a secret: a database or cache that authenticates with a password (RDS, Aurora,
    ElastiCache) and every third-party system a container calls (an API key). When anything does,
    a Parameter Store or Secrets Manager service must hold them. A design whose services all
    authenticate with IAM roles (Lambda, DynamoDB, S3, SQS) needs no secret: not applicable.
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

PASSWORD_AUTH = ("rds", "aurora_serverless", "elasticache")


def _needs(ctx) -> list[str]:
    index = ctx.index
    needs = [f"{s.id} credentials" for s in index.of_kind(*PASSWORD_AUTH)]
    external = {s.id for s in index.model.systems if s.external}
    for r in index.model.relationships:
        if r.destination in external and index.container_of(r.source) is not None:
            needs.append(f"{r.destination} API key")
    return list(dict.fromkeys(needs))


def check(ctx):
    needs = _needs(ctx)
    if not needs:
        return  # everything authenticates with IAM roles: not applicable
    stores = ctx.index.of_kind("ssm_parameter_store", "secrets_manager")
    if stores:
        yield Outcome(stores[0].id, "pass", f"{', '.join(s.id for s in stores)} hold {', '.join(needs)}")
    else:
        yield Outcome(MODEL, "fail", f"no Parameter Store or Secrets Manager for {', '.join(needs)}")


RULE = Rule(
    "SEC004",
    "Secrets outside a managed store",
    "security",
    "HIGH",
    ("SEC02-BP03",),
    check,
    __doc__,
    outcomes=("pass", "fail"),
)
