"""Public endpoints exist but no certificates are managed.

What it checks:
    That a model with a CloudFront, ALB or API Gateway endpoint also has an ACM service.
    Unknown when the model has no public endpoint.
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
    endpoints = public_endpoints(ctx.index)
    certs = ctx.index.of_kind("acm")
    if not endpoints:
        yield Outcome(MODEL, "unknown", "no public endpoints")
    elif certs:
        yield Outcome(certs[0].id, "pass", f"certificates managed by {certs[0].id}")
    else:
        yield Outcome(MODEL, "fail", "public endpoints without managed certificates (ACM)")


RULE = Rule("SEC007", "No managed certificates", "security", "MEDIUM", ("SEC09-BP01",), check, __doc__)
