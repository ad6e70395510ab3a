"""API activity is not recorded by a CloudTrail trail.

What it checks:
    That a `cloudtrail` service (a trail delivering management events to S3) is in the model. The
    console's 90-day event history is not a trail: it cannot be retained, alarmed on or searched
    after an incident. Not applicable while the model has no services.
Why it matters:
    Without a trail there is no record of who changed what: an incident cannot be investigated and
    a compliance review cannot be answered. The first trail's management events are free.
How to fix:
    Add a multi-Region trail to an S3 bucket with log file validation, and list it as a service.
Example:
    - {id: audit_trail, kind: cloudtrail, name: Account trail, usage: {trails: 1}}
Best practices:
    SEC04-BP01
"""

from generator.rules._helpers import account_service
from generator.rules.base import Rule


def check(ctx):
    return account_service(
        ctx, "cloudtrail", "API activity is recorded by", "no CloudTrail trail records who changed what"
    )


RULE = Rule(
    "SEC010", "No CloudTrail trail", "security", "HIGH", ("SEC04-BP01",), check, __doc__, outcomes=("pass", "fail")
)
