"""Endpoints served under your own domain have no managed certificates.

What it checks:
    Public endpoints (CloudFront, ALB, API Gateway) that a Route 53 zone names (`fronts`), so they
    serve a custom domain and need a certificate of yours: an ACM service must be in the model.
    Endpoints on their AWS default names (`*.cloudfront.net`, `execute-api`) are served with
    certificates AWS manages and are not applicable; so is a model without public endpoints.
Why it matters:
    Certificates bought and installed by hand expire; ACM renews them automatically.
How to fix:
    Add an `acm` service with the public certificates the endpoints use.
Example:
    - {id: certificates, kind: acm, name: TLS certificates, usage: {public_certificates: 2}}
Best practices:
    SEC09-BP01
"""

from generator.rules._helpers import public_endpoints
from generator.rules.base import MODEL, Outcome, Rule


def check(ctx):
    named = {sid for zone in ctx.index.of_kind("route53") for sid in zone.fronts}
    endpoints = [s.id for s in public_endpoints(ctx.index) if s.id in named]
    if not endpoints:
        return  # no endpoint under a custom domain (AWS-managed certificates): not applicable
    certs = ctx.index.of_kind("acm")
    if certs:
        yield Outcome(certs[0].id, "pass", f"certificates for {', '.join(endpoints)} managed by {certs[0].id}")
    else:
        yield Outcome(MODEL, "fail", f"{', '.join(endpoints)} serve a custom domain without ACM certificates")


RULE = Rule(
    "SEC007", "No managed certificates", "security", "HIGH", ("SEC09-BP01",), check, __doc__, outcomes=("pass", "fail")
)
