"""No managed threat detection watches the account.

What it checks:
    That a `guardduty` service is in the model: Amazon GuardDuty analyses CloudTrail, VPC flow and
    DNS logs for compromised credentials, crypto-mining and reconnaissance, and reports findings to
    one place. Not applicable while the model has no services.
Why it matters:
    Logs nobody reads detect nothing; a leaked access key is usually found by the bill.
How to fix:
    Enable GuardDuty in the workload's regions (30-day free trial, then priced by events and log
    volume analysed) and route its findings to the alerts topic with EventBridge.
Example:
    - {id: threats, kind: guardduty, name: GuardDuty, usage: {management_events: 200000, flow_and_dns_logs_gb: 2}}
Best practices:
    SEC04-BP02, SEC04-BP03
"""

from generator.rules._helpers import account_service
from generator.rules.base import Rule


def check(ctx):
    return account_service(
        ctx,
        "guardduty",
        "threat detection by",
        "no GuardDuty: compromised credentials and unusual activity go unnoticed",
    )


RULE = Rule(
    "SEC011",
    "No managed threat detection",
    "security",
    "MEDIUM",
    ("SEC04-BP02", "SEC04-BP03"),
    check,
    __doc__,
    outcomes=("pass", "fail"),
)
