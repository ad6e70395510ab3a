"""Static content is served without a CDN.

What it checks:
    Buckets hosting a web app or files for clients (`spa`, `web_app`, `bucket` containers) that no
    CloudFront distribution fronts. A bucket that hosts no such container (nothing, or a data lake
    held as a `datastore` for Athena or Glue) is not static content: not applicable.
Why it matters:
    Every page load travels to one region; CloudFront caches at the edge and its always-free tier
    covers 1 TB a month.
How to fix:
    Put CloudFront in front of the bucket: list the bucket in the distribution's `fronts`.
Example:
    - {id: cdn, kind: cloudfront, name: CDN, fronts: [web_bucket]}
Best practices:
    PERF04-BP06, PERF03-BP05
"""

from generator.rules._helpers import fronted_by
from generator.rules.base import Outcome, Rule

STATIC = ("spa", "web_app", "bucket")  # container kinds a client downloads from the bucket


def check(ctx):
    for s in ctx.index.of_kind("s3"):
        hosted = [c for c in ctx.index.hosted.get(s.id, []) if c.kind in STATIC]
        if not hosted:
            continue  # a bucket that serves no client container is not static content: not applicable
        if any(g.kind == "cloudfront" for g in fronted_by(ctx.index, s.id)):
            yield Outcome(s.id, "pass", f"{s.id} is served through CloudFront")
        else:
            yield Outcome(s.id, "fail", f"{s.id} serves {hosted[0].name} without a CDN")


RULE = Rule(
    "PERF001",
    "Static content without a CDN",
    "performance_efficiency",
    "MEDIUM",
    ("PERF04-BP06", "PERF03-BP05"),
    check,
    __doc__,
    outcomes=("pass", "fail"),
)
