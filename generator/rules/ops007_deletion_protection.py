"""A database can be deleted by one mistaken change.

What it checks:
    RDS, Aurora and DynamoDB services' `safeguards.deletion_protection`. Databases marked
    `safeguards.reproducible: true` are not applicable. Unknown when it is not stated.
Why it matters:
    A stack update that replaces the database, a `terraform destroy` in the wrong workspace or a
    console click removes it with its automated backups; deletion protection makes the change fail
    instead.
How to fix:
    Turn on deletion protection (and a retain or snapshot deletion policy in the template):
    `safeguards: {deletion_protection: true}`.
Example:
    - {id: main_db, kind: rds, name: Database, safeguards: {deletion_protection: true}}
Best practices:
    OPS06-BP01
"""

from generator.rules.base import Outcome, Rule


def check(ctx):
    for s in ctx.index.of_kind("rds", "aurora_serverless", "dynamodb"):
        if s.safeguards.reproducible:
            continue  # rebuilt from elsewhere: not applicable
        protected = s.safeguards.deletion_protection
        if protected is None:
            yield Outcome(s.id, "unknown", f"{s.id} does not state deletion protection")
        elif protected:
            yield Outcome(s.id, "pass", f"{s.id} has deletion protection")
        else:
            yield Outcome(s.id, "fail", f"{s.id} can be deleted by a single mistaken change")


RULE = Rule(
    "OPS007", "Database without deletion protection", "operational_excellence", "HIGH", ("OPS06-BP01",), check, __doc__
)
