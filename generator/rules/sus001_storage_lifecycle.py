"""Object storage keeps everything in its hottest tier forever.

What it checks:
    S3 buckets with neither `lifecycle_rules: true` nor the Intelligent-Tiering storage class.
    Unknown when a bucket states no storage class.
Why it matters:
    Cold data on hot storage costs more and needs more hardware; lifecycle rules expire temporary
    uploads and move old objects down.
How to fix:
    Add lifecycle rules (expire uploads, transition old objects) or use Intelligent-Tiering.
Example:
    sizing: {storage_class: intelligent_tiering, lifecycle_rules: true}
Best practices:
    SUS04-BP03, COST04-BP05
"""

from generator.rules.base import Outcome, Rule


def check(ctx):
    for s in ctx.index.of_kind("s3"):
        z = s.sizing
        if z.lifecycle_rules or z.storage_class == "intelligent_tiering":
            yield Outcome(s.id, "pass", f"{s.id} tiers or expires its objects")
        elif z.storage_class is None:
            yield Outcome(s.id, "unknown", f"{s.id} states no storage class")
        else:
            yield Outcome(s.id, "fail", f"{s.id} keeps every object in {z.storage_class}")


RULE = Rule("SUS001", "No storage lifecycle", "sustainability", "MEDIUM", ("SUS04-BP03", "COST04-BP05"), check, __doc__)
