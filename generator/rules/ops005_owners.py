"""The proposal names no owner.

What it checks:
    `proposal.owners` is not empty, and every service carries an `owner` or `team` tag or the
    proposal has owners. Unknown when owners are not stated at all.
Why it matters:
    Resources without owners are never patched, reviewed or decommissioned.
How to fix:
    Name the owning team: `owners: [Cruddur engineering team]`.
Example:
    proposal: {owners: [Platform team]}
Best practices:
    OPS02-BP01
"""

from generator.rules.base import MODEL, Outcome, Rule


def check(ctx):
    proposal = ctx.index.model.proposal
    if "owners" not in proposal.model_fields_set:
        yield Outcome(MODEL, "unknown", "the proposal does not state its owners")
    elif proposal.owners:
        yield Outcome(MODEL, "pass", f"owned by {', '.join(proposal.owners)}")
    else:
        yield Outcome(MODEL, "fail", "the proposal has an empty owners list")


RULE = Rule("OPS005", "No identified owners", "operational_excellence", "HIGH", ("OPS02-BP01",), check, __doc__)
