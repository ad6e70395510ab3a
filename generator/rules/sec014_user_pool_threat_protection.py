"""A user pool has no threat protection.

What it checks:
    Cognito user pools' `safeguards.threat_protection` (compromised-credential detection and
    adaptive authentication, which blocks or challenges risky sign-ins). Unknown when not stated.
    Not applicable without a user pool.
Why it matters:
    Sign-ins with passwords known to be leaked, and bursts from unfamiliar places, go through
    unchallenged; MFA that users never enrolled in does not stop them.
How to fix:
    Enable threat protection in full-function mode on the user pool (priced per monthly active
    user) and choose the action per risk level: `safeguards: {threat_protection: true}`.
Example:
    - {id: user_pool, kind: cognito, name: Users, safeguards: {mfa: optional, threat_protection: true}}
Best practices:
    SEC02-BP01
"""

from generator.rules.base import Outcome, Rule


def check(ctx):
    for s in ctx.index.of_kind("cognito"):
        protection = s.safeguards.threat_protection
        if protection is None:
            yield Outcome(s.id, "unknown", f"{s.id} does not state whether threat protection is on")
        elif protection:
            yield Outcome(s.id, "pass", f"{s.id} challenges risky sign-ins")
        else:
            yield Outcome(s.id, "fail", f"{s.id} lets sign-ins with leaked credentials through unchallenged")


RULE = Rule("SEC014", "User pool without threat protection", "security", "HIGH", ("SEC02-BP01",), check, __doc__)
