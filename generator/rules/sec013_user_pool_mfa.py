"""A user pool signs people in without multi-factor authentication.

What it checks:
    Cognito user pools' `safeguards.mfa`: `off` fails; `optional` and `required` pass (optional lets
    each user enrol, the usual choice for a consumer app). Unknown when MFA is not stated. Not
    applicable without a user pool.
Why it matters:
    A password alone falls to credential stuffing with passwords leaked elsewhere.
How to fix:
    Turn on MFA (TOTP or passkeys; SMS costs per message) as optional, or required for staff:
    `safeguards: {mfa: optional}`.
Example:
    - {id: user_pool, kind: cognito, name: Users, safeguards: {mfa: optional, threat_protection: true}}
Best practices:
    SEC02-BP01
"""

from generator.rules.base import Outcome, Rule


def check(ctx):
    for s in ctx.index.of_kind("cognito"):
        mfa = s.safeguards.mfa
        if mfa is None:
            yield Outcome(s.id, "unknown", f"{s.id} does not state whether MFA is on")
        elif mfa == "off":
            yield Outcome(s.id, "fail", f"{s.id} signs users in with a password alone")
        else:
            yield Outcome(s.id, "pass", f"{s.id} has MFA {mfa}")


RULE = Rule("SEC013", "User pool without MFA", "security", "HIGH", ("SEC02-BP01",), check, __doc__)
