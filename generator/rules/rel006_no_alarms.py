"""No alarms are defined.

What it checks:
    That a CloudWatch service declares alarms in its usage. Fails when there is no CloudWatch service
    or it has zero alarms; unknown when CloudWatch is there but alarms are not stated.
Why it matters:
    Without alarms, failures are found by customers; REL 6 asks that notifications are sent.
How to fix:
    Add alarms (ALB 5xx, target health, RDS CPU and free storage) and state them: `usage: {alarms: 10}`.
Example:
    usage: {alarms: 10, logs_ingested_gb: 3}
Best practices:
    REL06-BP03, OPS08-BP04
"""

from generator.rules.base import MODEL, Outcome, Rule


def check(ctx):
    watches = ctx.index.of_kind("cloudwatch")
    if not ctx.index.model.services:
        return  # nothing running to watch: not applicable
    if not watches:
        yield Outcome(MODEL, "fail", "no CloudWatch service: nothing raises an alarm")
        return
    for s in watches:
        if "alarms" not in s.usage:
            yield Outcome(s.id, "unknown", f"{s.id} does not state how many alarms it has")
        elif s.usage["alarms"] > 0:
            yield Outcome(s.id, "pass", f"{s.id} has {s.usage['alarms']} alarms")
        else:
            yield Outcome(s.id, "fail", f"{s.id} has no alarms")


RULE = Rule("REL006", "No alarms", "reliability", "HIGH", ("REL06-BP03", "OPS08-BP04"), check, __doc__)
