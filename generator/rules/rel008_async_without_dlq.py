"""An asynchronous consumer has nowhere to put what it fails to process.

What it checks:
    For every asynchronous relationship (`interaction: async`), the compute that receives it (the
    Lambda function, Fargate service or EC2 instance hosting the destination) must name where
    failed events go: `safeguards.on_failure`, an SQS dead-letter queue or an on-failure
    destination. Not applicable without asynchronous relationships into compute.
Why it matters:
    A message that fails every retry is dropped (Lambda asynchronous invocations give up after two
    retries) or blocks the queue for hours; either way the work is lost and nobody is told.
How to fix:
    Give the queue a redrive policy to a dead-letter queue, or the function an on-failure
    destination, alarm on its depth, and name it: `safeguards: {on_failure: processing_dlq}`.
Example:
    - {id: thumbnailer, kind: lambda, name: Thumbnailer, safeguards: {on_failure: thumbnail_dlq}}
Best practices:
    REL05-BP04
"""

from generator.rules.base import Outcome, Rule

CONSUMERS = ("lambda", "ecs_fargate", "ec2")


def _consumers(index) -> dict[str, list[str]]:
    """Compute service id -> the async relationships it receives, as `source -> destination`."""
    out: dict[str, list[str]] = {}
    containers = {c.id: c for c in index.model.containers}
    for r in index.model.relationships:
        if r.interaction != "async":
            continue
        container = containers.get(index.container_of(r.destination) or "")
        host = index.services.get(container.hosted_on) if container and container.hosted_on else None
        if host is not None and host.kind in CONSUMERS:
            out.setdefault(host.id, []).append(f"{r.source} -> {r.destination}")
    return out


def check(ctx):
    for service_id, flows in _consumers(ctx.index).items():
        target = ctx.index.services[service_id].safeguards.on_failure
        if target:
            yield Outcome(service_id, "pass", f"{service_id} sends what it fails to process to {target}")
        else:
            yield Outcome(
                service_id,
                "fail",
                f"{service_id} consumes {', '.join(flows)} with no dead-letter queue or on-failure destination",
            )


RULE = Rule(
    "REL008",
    "Async consumer without a dead-letter queue",
    "reliability",
    "HIGH",
    ("REL05-BP04",),
    check,
    __doc__,
    outcomes=("pass", "fail"),
)
