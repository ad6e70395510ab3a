"""Resource configuration is not recorded or checked.

What it checks:
    That an `aws_config` service is in the model: AWS Config records every configuration change and
    evaluates rules (public buckets, unencrypted volumes, open security groups) so non-compliant
    resources are found and remediated. Not applicable while the model has no services.
Why it matters:
    A bucket made public by hand at 2 am stays public until someone happens to look.
How to fix:
    Enable AWS Config with the managed rules that match your controls and send non-compliance to
    the alerts topic; remediate with Systems Manager automation.
Example:
    - {id: config, kind: aws_config, name: AWS Config, usage: {configuration_items: 500, rule_evaluations: 2000}}
Best practices:
    SEC04-BP04
"""

from generator.rules._helpers import account_service
from generator.rules.base import Rule


def check(ctx):
    return account_service(
        ctx,
        "aws_config",
        "configuration recorded and evaluated by",
        "no AWS Config: configuration drift and non-compliant resources go unnoticed",
    )


RULE = Rule(
    "SEC012",
    "No configuration recording",
    "security",
    "MEDIUM",
    ("SEC04-BP04",),
    check,
    __doc__,
    outcomes=("pass", "fail"),
)
