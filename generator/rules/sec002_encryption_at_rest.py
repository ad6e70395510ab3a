"""Encryption at rest is off or unstated.

What it checks:
    `sizing.encrypted_at_rest` on every stateful service: false fails, unset is unknown.
Why it matters:
    Encryption at rest protects snapshots, disks and backups that leave your control; RDS cannot be
    encrypted after creation without a snapshot restore.
How to fix:
    Set `encrypted_at_rest: true` (KMS-managed keys cost nothing extra for most services).
Example:
    sizing: {encrypted_at_rest: true}
Best practices:
    SEC08-BP02
"""

from generator.rules._helpers import stateful
from generator.rules.base import Outcome, Rule


def check(ctx):
    for s in stateful(ctx.index):
        value = s.sizing.encrypted_at_rest
        if value is None:
            yield Outcome(s.id, "unknown", f"{s.id} does not state encryption at rest")
        else:
            yield Outcome(
                s.id, "pass" if value else "fail", f"{s.id} is {'encrypted' if value else 'not encrypted'} at rest"
            )


RULE = Rule("SEC002", "Encryption at rest unset", "security", "HIGH", ("SEC08-BP02",), check, __doc__)
