"""No dashboard shows the workload's health.

What it checks:
    CloudWatch services' `usage.dashboards`: 0 fails, one or more passes. Unknown when not stated.
    Not applicable without CloudWatch.
Why it matters:
    During an incident the team needs one page that shows errors, latency and saturation of every
    service; building it then costs the minutes that matter.
How to fix:
    Build a dashboard per workload with the golden signals of each service on the request path
    (the first three are free) and state it: `usage: {dashboards: 1}`.
Example:
    usage: {alarms: 8, dashboards: 1, logs_ingested_gb: 3}
Best practices:
    OPS08-BP05
"""

from generator.rules.base import Outcome, Rule


def check(ctx):
    for s in ctx.index.of_kind("cloudwatch"):
        dashboards = s.usage.get("dashboards")
        if dashboards is None:
            yield Outcome(s.id, "unknown", f"{s.id} does not state its dashboards")
        elif dashboards > 0:
            yield Outcome(s.id, "pass", f"{s.id} has {dashboards} dashboard(s)")
        else:
            yield Outcome(s.id, "fail", f"{s.id} has no dashboard")


RULE = Rule("OPS008", "No dashboard", "operational_excellence", "MEDIUM", ("OPS08-BP05",), check, __doc__)
