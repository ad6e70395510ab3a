"""A bucket holding data nobody can rebuild keeps no earlier versions.

What it checks:
    S3 buckets' `sizing.versioning`, unless the bucket is marked `safeguards.reproducible: true`
    (its objects are derived and can be rebuilt, like resized images or build artefacts): those are
    not applicable. Unknown when versioning is not stated.
Why it matters:
    Without versioning, an overwrite or a delete (a bug, a bad script, a compromised key) destroys
    the only copy of users' files.
How to fix:
    Turn on versioning with a lifecycle rule that expires noncurrent versions after 30 days:
    `sizing: {versioning: true, lifecycle_rules: true}`.
Example:
    - {id: uploads, kind: s3, name: User uploads, sizing: {versioning: true, lifecycle_rules: true}}
Best practices:
    REL09-BP01
"""

from generator.rules.base import Outcome, Rule


def check(ctx):
    for s in ctx.index.of_kind("s3"):
        if s.safeguards.reproducible:
            continue  # its data can be rebuilt: not applicable
        versioning = s.sizing.versioning
        if versioning is None:
            yield Outcome(s.id, "unknown", f"{s.id}: is versioning on? (or mark it reproducible)")
        elif versioning:
            yield Outcome(s.id, "pass", f"{s.id} keeps earlier versions of its objects")
        else:
            yield Outcome(s.id, "fail", f"{s.id} holds data that cannot be rebuilt and keeps no earlier versions")


RULE = Rule("REL009", "Bucket without versioning", "reliability", "HIGH", ("REL09-BP01",), check, __doc__)
