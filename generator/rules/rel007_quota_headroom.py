"""A default service quota would be reached in one of the scenarios.

What it checks:
    The quota check (Lambda concurrency, API Gateway throttle, Fargate vCPUs, Elastic IPs, ...):
    every modeled need against the default quota, in every scenario. Unknown when a need cannot be
    computed from the model.
Why it matters:
    Hitting a quota at growth means throttled users or failed scale-outs at the worst moment; some
    increases take days.
How to fix:
    Request the increase ahead of time (week 0 homework: open a support case) or change the design.
Example:
    Raise "Fargate On-Demand vCPU resources" before the growth launch.
Best practices:
    REL01-BP01, REL01-BP04
"""

from generator.rules.base import Outcome, Rule


def check(ctx):
    for qc in ctx.quotas:
        if qc.need is None:
            yield Outcome(qc.element, "unknown", f"{qc.quota.name}: need not computable ({qc.note})")
        elif qc.status == "exceeded":
            yield Outcome(qc.element, "fail", f"{qc.quota.name}: {qc.scenario} needs {qc.need} of {qc.quota.default}")
        else:
            yield Outcome(qc.element, "pass", f"{qc.quota.name}: {qc.scenario} needs {qc.need} of {qc.quota.default}")


RULE = Rule("REL007", "Default quota reached", "reliability", "HIGH", ("REL01-BP01", "REL01-BP04"), check, __doc__)
