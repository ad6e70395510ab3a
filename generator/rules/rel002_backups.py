"""A datastore has no backups, or zero-day retention.

What it checks:
    RDS `sizing.backup_retention_days` (0 disables automated backups) and DynamoDB
    `sizing.point_in_time_recovery`. Unknown when the model does not say.
Why it matters:
    Without backups a bad migration, a bug or a deleted table is permanent data loss.
How to fix:
    Set `backup_retention_days: 7` (free up to the database's size) or `point_in_time_recovery: true`.
Example:
    sizing: {instance_class: db.t4g.micro, backup_retention_days: 7}
Best practices:
    REL09-BP01, REL09-BP03
"""

from generator.rules.base import Outcome, Rule


def check(ctx):
    for s in ctx.index.of_kind("rds", "aurora_serverless"):
        days = s.sizing.backup_retention_days
        if days is None:
            yield Outcome(s.id, "unknown", f"{s.id} does not state its backup retention")
        elif days == 0:
            yield Outcome(s.id, "fail", f"{s.id} has automated backups disabled (0 days)")
        else:
            yield Outcome(s.id, "pass", f"{s.id} keeps {days} days of automated backups")
    for s in ctx.index.of_kind("dynamodb"):
        pitr = s.sizing.point_in_time_recovery
        if pitr is None:
            yield Outcome(s.id, "unknown", f"{s.id} does not state point-in-time recovery")
        else:
            yield Outcome(
                s.id, "pass" if pitr else "fail", f"{s.id} point-in-time recovery is {'on' if pitr else 'off'}"
            )


RULE = Rule(
    "REL002", "No backups or zero-day retention", "reliability", "HIGH", ("REL09-BP01", "REL09-BP03"), check, __doc__
)
