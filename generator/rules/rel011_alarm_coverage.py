"""Alarms do not cover every service on the request path.

What it checks:
    The services that CloudWatch alarms watch (`monitors` on the `cloudwatch` services) against the
    user request path (the stated `request_path`, or what people reach synchronously): every service
    on the path needs an alarm on its errors or health, its own or one on the service in front of it
    (a CloudFront alarm sees its origin's errors); Route 53 is left out. Counting alarms says nothing
    about what they watch. Unknown when alarms exist but no `monitors` are stated. Not applicable without CloudWatch
    (REL006 reports that) or without a request path.
Why it matters:
    The service without an alarm is the one whose failure users report first.
How to fix:
    Add an alarm per service on the path (ALB 5xx and unhealthy hosts, API 5xx and latency, database
    CPU and connections, CDN error rate) and list them: `monitors: [cdn, api_lb, api_service, main_db]`.
Example:
    - {id: monitoring, kind: cloudwatch, name: CloudWatch, usage: {alarms: 8}, monitors: [api_lb, api_service]}
Best practices:
    REL06-BP01
"""

from generator.flows import fronted_chain, fronting, request_path
from generator.rules.base import MODEL, Outcome, Rule

UNWATCHED = ("route53",)  # DNS answers from a 100% SLA data plane; health checks are another matter


def check(ctx):
    watches = ctx.index.of_kind("cloudwatch")
    path = request_path(ctx.index)
    if not watches or not path:
        return  # no CloudWatch (REL006) or no request path: not applicable
    watched = {sid for w in watches for sid in w.monitors}
    if not watched:
        yield Outcome(MODEL, "unknown", "alarms state no `monitors`: what they watch is not known")
        return
    front = fronting(ctx.index)
    # watched itself, or through the service in front (a CloudFront alarm sees its origin's errors)
    missing = [
        sid
        for sid in path
        if watched.isdisjoint(fronted_chain(front, sid)) and ctx.index.services[sid].kind not in UNWATCHED
    ]
    if missing:
        yield Outcome(MODEL, "fail", f"no alarm watches {', '.join(missing)} on the request path")
    else:
        yield Outcome(MODEL, "pass", f"alarms watch all {len(path)} services on the request path")


RULE = Rule("REL011", "Request path not covered by alarms", "reliability", "HIGH", ("REL06-BP01",), check, __doc__)
