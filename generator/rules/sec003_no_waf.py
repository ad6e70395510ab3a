"""A public endpoint has no web application firewall inspecting its requests.

What it checks:
    Public ALBs and REST APIs must have AWS WAF in front: a `waf` service that `fronts` the endpoint,
    or fronts the CloudFront distribution in front of it. CloudFront alone is not inspection (it
    absorbs floods with Shield Standard, but filters no exploit). HTTP and WebSocket APIs are left
    out: AWS WAF cannot attach to them (they rely on authorizers and throttling, or a WAF on a
    CloudFront distribution in front). Unknown when it is not stated whether an ALB is public or
    which type an API is.
Why it matters:
    Nothing filters common web exploits (SQL injection, cross-site scripting), bad bots or request
    floods before they reach the application.
How to fix:
    Add a WAF web ACL with the AWS managed rule groups and list the endpoint (or the CloudFront
    distribution in front of it) under the WAF's `fronts`.
Example:
    - {id: waf, kind: waf, name: Web ACL, fronts: [api_lb], usage: {web_acls: 1, rules: 3}}
Best practices:
    SEC05-BP03
"""

from generator.rules._helpers import fronted_by
from generator.rules.base import Outcome, Rule


def _web_acls(ctx, service_id: str) -> list[str]:
    """WAF services in front of the endpoint, directly or on a CloudFront distribution in front of it."""
    found = []
    for guard in fronted_by(ctx.index, service_id):
        if guard.kind == "waf":
            found.append(guard.id)
        elif guard.kind == "cloudfront":
            found += [w.id for w in fronted_by(ctx.index, guard.id) if w.kind == "waf"]
    return found


def check(ctx):
    for s in ctx.index.of_kind("alb", "api_gateway"):
        acls = _web_acls(ctx, s.id)
        if s.kind == "api_gateway" and s.sizing.api_type in ("http", "websocket") and not acls:
            continue  # AWS WAF cannot attach to HTTP or WebSocket APIs: not applicable
        if acls:
            yield Outcome(s.id, "pass", f"{s.id} is inspected by {', '.join(acls)}")
        elif s.kind == "api_gateway" and s.sizing.api_type is None:
            yield Outcome(s.id, "unknown", f"{s.id}: which API type? (AWS WAF attaches to REST APIs only)")
        elif s.kind == "alb" and "placement" not in s.model_fields_set:
            yield Outcome(s.id, "unknown", f"{s.id}: is it public? no placement stated")
        elif s.kind == "alb" and not s.placement.publicly_accessible:
            yield Outcome(s.id, "pass", f"{s.id} is not publicly accessible")
        else:
            behind = [g.id for g in fronted_by(ctx.index, s.id) if g.kind == "cloudfront"]
            note = f" ({', '.join(behind)} filters no exploits without a web ACL)" if behind else ""
            yield Outcome(s.id, "fail", f"{s.id} is public with no WAF web ACL inspecting it{note}")


RULE = Rule(
    "SEC003",
    "No web application firewall on a public endpoint",
    "security",
    "MEDIUM",
    ("SEC05-BP03",),
    check,
    __doc__,
)
