"""Logs are not collected.

What it checks:
    A CloudWatch service with `logs_ingested_gb` in its usage. Fails without CloudWatch; unknown when
    CloudWatch does not state log volume.
Why it matters:
    Without application and service logs there is nothing to investigate an incident or a security
    event with.
How to fix:
    Send container and function logs to CloudWatch Logs and state the volume so it is priced.
Example:
    usage: {logs_ingested_gb: 3, logs_stored_gb: 2}
Best practices:
    OPS04-BP02, SEC04-BP01
"""

from generator.rules.base import MODEL, Outcome, Rule


def check(ctx):
    watches = ctx.index.of_kind("cloudwatch")
    if not ctx.index.of_kind("ecs_fargate", "lambda", "ec2", "api_gateway", "alb") and not watches:
        return  # nothing that writes logs: not applicable
    if not watches:
        yield Outcome(MODEL, "fail", "no CloudWatch service: logs go nowhere")
    for s in watches:
        if "logs_ingested_gb" not in s.usage:
            yield Outcome(s.id, "unknown", f"{s.id} does not state log volume")
        else:
            yield Outcome(
                s.id,
                "pass" if s.usage["logs_ingested_gb"] > 0 else "fail",
                f"{s.id} ingests {s.usage['logs_ingested_gb']} GB of logs a month",
            )


RULE = Rule(
    "OPS004", "No logs collected", "operational_excellence", "HIGH", ("OPS04-BP02", "SEC04-BP01"), check, __doc__
)
