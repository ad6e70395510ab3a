"""Requests cannot be traced across services.

What it checks:
    An X-Ray service, or a relationship that sends traces to an external system (technology naming
    OTLP or tracing). Not applicable with one compute service or fewer (no request crosses services);
    a Step Functions state machine counts (it calls other services and X-Ray traces it).
Why it matters:
    Without traces, a slow request across ALB, API, database and queue is guesswork.
How to fix:
    Add `xray` (100,000 traces a month free) or send OpenTelemetry traces to a vendor and model it.
Example:
    - {from: api, to: honeycomb, description: sends traces, technology: OTLP/HTTPS}
Best practices:
    OPS04-BP05, REL06-BP07
"""

from generator.rules.base import MODEL, Outcome, Rule


def check(ctx):
    index = ctx.index
    xray = index.of_kind("xray")
    otlp = [r for r in index.model.relationships if "otlp" in r.technology.lower() or "trace" in r.description.lower()]
    compute = index.of_kind("ecs_fargate", "lambda", "ec2", "step_functions")
    if xray or otlp:
        yield Outcome(xray[0].id if xray else MODEL, "pass", "distributed tracing is in place")
    elif len(compute) > 1:  # one compute service has no request to follow across services: not applicable
        yield Outcome(MODEL, "fail", f"{len(compute)} compute services and no tracing")


RULE = Rule(
    "OPS003",
    "No distributed tracing",
    "operational_excellence",
    "HIGH",
    ("OPS04-BP05", "REL06-BP07"),
    check,
    __doc__,
    outcomes=("pass", "fail"),
)
