"""A public endpoint has no WAF or CDN in front of it.

What it checks:
    ALBs and API Gateway APIs that are not fronted (`fronts`) by CloudFront or AWS WAF.
    Unknown when no public endpoint states whether it is publicly accessible.
Why it matters:
    Nothing filters common web exploits, bots or floods before they reach the application.
How to fix:
    Put CloudFront in front (with AWS Shield Standard at no cost) and attach a WAF web ACL with the
    AWS managed rule groups; list the endpoint under the CDN's or WAF's `fronts`.
Example:
    - {id: waf, kind: waf, name: Web ACL, fronts: [api_lb], usage: {web_acls: 1, rules: 3}}
Best practices:
    SEC05-BP03, SEC06-BP05
"""

from generator.rules._helpers import fronted_by
from generator.rules.base import Outcome, Rule


def check(ctx):
    for s in ctx.index.of_kind("alb", "api_gateway"):
        guards = [g for g in fronted_by(ctx.index, s.id) if g.kind in ("cloudfront", "waf")]
        if guards:
            yield Outcome(s.id, "pass", f"{s.id} is behind {', '.join(g.id for g in guards)}")
        elif "placement" not in s.model_fields_set:
            yield Outcome(s.id, "unknown", f"{s.id}: is it public? no placement stated")
        elif s.placement.publicly_accessible:
            yield Outcome(s.id, "fail", f"{s.id} is public with no WAF or CDN in front")
        else:
            yield Outcome(s.id, "pass", f"{s.id} is not publicly accessible")


RULE = Rule(
    "SEC003",
    "No WAF or CDN in front of a public endpoint",
    "security",
    "MEDIUM",
    ("SEC05-BP03", "SEC06-BP05"),
    check,
    __doc__,
)
