"""Resources have no identified owner.

What it checks:
    Every service has an owner: its own `owner` or `team` tag, or the proposal's `owners`, which own
    whatever carries no tag of its own. Fails listing the services nobody owns. Not applicable
    while the model has no services.
Why it matters:
    Resources without owners are never patched, reviewed or decommissioned, and nobody answers the
    alarm they raise.
How to fix:
    Name the owning team for the whole proposal, `proposal: {owners: [Cruddur engineering team]}`,
    and tag services another team owns: `tags: {owner: data-platform}`.
Example:
    proposal: {owners: [Platform team]}
Best practices:
    OPS02-BP01
"""

from generator.rules.base import MODEL, Outcome, Rule

OWNER_TAGS = ("owner", "team")


def check(ctx):
    model = ctx.index.model
    if not model.services:
        return  # nothing to own yet: not applicable
    default = model.proposal.owners
    unowned = [s.id for s in model.services if not any(t in s.tags for t in OWNER_TAGS)]
    if default:
        tagged = len(model.services) - len(unowned)
        extra = f"; {tagged} service(s) name their own owner" if tagged else ""
        yield Outcome(MODEL, "pass", f"owned by {', '.join(default)}{extra}")
    elif unowned:
        yield Outcome(MODEL, "fail", f"no proposal owners, and no owner tag on: {', '.join(unowned)}")
    else:
        yield Outcome(MODEL, "pass", "every service names its owner in its tags")


RULE = Rule(
    "OPS005",
    "No identified owners",
    "operational_excellence",
    "HIGH",
    ("OPS02-BP01",),
    check,
    __doc__,
    outcomes=("pass", "fail"),
)
