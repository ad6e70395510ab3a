"""A steady 24/7 workload is paid on demand and no pricing-model analysis is recorded.

What it checks:
    Fargate, RDS, EC2 and ElastiCache services running 700+ hours a month on `on_demand` pricing,
    when the model records no pricing-model analysis: the answer to COST 7 claiming COST07-BP01
    with its evidence. Staying on demand after that analysis (a free tier, a size not yet stable)
    is a decision, not a finding. Unknown when `usage.hours` is not stated.
Why it matters:
    A 1-year Savings Plan or reservation cuts steady compute by roughly 20-30% for no engineering
    work; the practice asks that the choice is analysed, not that a commitment is bought at once.
How to fix:
    Compare on demand, Savings Plans and reservations for the steady services (the Cost page's
    levers show the figures) and record the outcome in the COST 7 answer; buy the commitment when
    the size is stable: `pricing: {model: savings_plan, term_years: 1}` (or `reserved` for RDS).
Example:
    - {question: COST 7, practices: [COST07-BP01], evidence: "Compared with a 1-year plan: wait until month 6"}
Best practices:
    COST07-BP01
"""

from generator.rules.base import Outcome, Rule


def _analysis_recorded(ctx) -> bool:
    return any(
        a.status == "answered" and "COST07-BP01" in a.practices and a.evidence.strip()
        for a in ctx.index.model.well_architected.answers
    )


def check(ctx):
    analysed = _analysis_recorded(ctx)
    for s in ctx.index.of_kind("ecs_fargate", "rds", "ec2", "elasticache"):
        hours = s.usage.get("hours")
        if hours is None:
            yield Outcome(s.id, "unknown", f"{s.id} does not state its hours")
        elif hours < 700 or s.pricing.model != "on_demand":
            yield Outcome(s.id, "pass", f"{s.id}: {s.pricing.model}, {hours} h")
        elif analysed:
            yield Outcome(s.id, "pass", f"{s.id} stays on demand after the recorded pricing-model analysis")
        else:
            yield Outcome(
                s.id, "fail", f"{s.id} runs {hours} h a month on demand and no pricing-model analysis is recorded"
            )


RULE = Rule(
    "COST005", "Steady workload on demand, unanalysed", "cost_optimization", "HIGH", ("COST07-BP01",), check, __doc__
)
