"""Backups are taken but a restore has never been tested.

What it checks:
    Datastores with backups (RDS or Aurora with `backup_retention_days` above 0, DynamoDB with
    point-in-time recovery) must give the date a restore was last tested:
    `safeguards.restore_tested`. An answer claiming REL09-BP04 without that date is a
    contradiction, and the finding says so. Not applicable to datastores without backups (REL002
    reports those).
Why it matters:
    A backup nobody has restored is a hope: restores fail on permissions, on size, on a missing
    parameter group, and the first try should not be during an outage.
How to fix:
    Restore the latest backup to a scratch instance every quarter, time it against the recovery
    time objective, and record the date: `safeguards: {restore_tested: "2026-10-01"}`.
Example:
    - {id: main_db, kind: rds, name: DB, sizing: {backup_retention_days: 7}, safeguards: {restore_tested: "2026-10-01"}}
Best practices:
    REL09-BP04
"""

from generator.rules.base import Outcome, Rule


def _backed_up(s) -> bool:
    if s.kind == "dynamodb":
        return bool(s.sizing.point_in_time_recovery)
    return (s.sizing.backup_retention_days or 0) > 0


def check(ctx):
    for s in ctx.index.of_kind("rds", "aurora_serverless", "dynamodb"):
        if not _backed_up(s):
            continue  # no backups to restore (REL002): not applicable
        tested = s.safeguards.restore_tested
        if tested:
            yield Outcome(s.id, "pass", f"{s.id} was last restored from backup on {tested}")
        else:
            yield Outcome(s.id, "fail", f"{s.id} is backed up but a restore has never been tested")


RULE = Rule(
    "REL010",
    "Restores never tested",
    "reliability",
    "MEDIUM",
    ("REL09-BP04",),
    check,
    __doc__,
    outcomes=("pass", "fail"),
)
