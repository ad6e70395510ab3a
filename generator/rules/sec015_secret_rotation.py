"""Secrets are never rotated.

What it checks:
    Secrets Manager services' `safeguards.rotation_days`: 0 (never) fails, a period passes. Unknown
    when the rotation is not stated. Parameter Store has no rotation of its own and is not checked
    here. Not applicable without Secrets Manager.
Why it matters:
    A credential that never changes stays useful to whoever copied it, for as long as it exists.
How to fix:
    Turn on automatic rotation with the managed rotation function for the database (every 30 to 90
    days) and have the application read the secret at connect time: `safeguards: {rotation_days: 30}`.
Example:
    - {id: secrets, kind: secrets_manager, name: Secrets, usage: {secrets: 2}, safeguards: {rotation_days: 30}}
Best practices:
    SEC02-BP05
"""

from generator.rules.base import Outcome, Rule


def check(ctx):
    for s in ctx.index.of_kind("secrets_manager"):
        days = s.safeguards.rotation_days
        if days is None:
            yield Outcome(s.id, "unknown", f"{s.id} does not state how often its secrets rotate")
        elif days == 0:
            yield Outcome(s.id, "fail", f"{s.id} never rotates its secrets")
        else:
            yield Outcome(s.id, "pass", f"{s.id} rotates its secrets every {days} days")


RULE = Rule("SEC015", "Secrets never rotated", "security", "HIGH", ("SEC02-BP05",), check, __doc__)
