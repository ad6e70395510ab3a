"""Compute runs on x86 where Graviton (arm64) fits.

What it checks:
    Lambda, Fargate and CodeBuild services on `x86_64`. Unknown when the architecture is not stated.
Why it matters:
    Graviton is about 20% cheaper per vCPU-hour and per GB-second for the same work, and uses less
    energy; most Python, Node.js and Java code runs unchanged.
How to fix:
    Build multi-arch images (`docker buildx --platform linux/arm64`) and set `architecture: arm64`.
Example:
    sizing: {architecture: arm64}
Best practices:
    COST06-BP02, SUS05-BP02
"""

from generator.rules.base import Outcome, Rule


def check(ctx):
    for s in ctx.index.of_kind("lambda", "ecs_fargate", "codebuild"):
        if "architecture" not in s.sizing.model_fields_set:
            yield Outcome(s.id, "unknown", f"{s.id} does not state its CPU architecture")
        elif s.sizing.architecture == "arm64":
            yield Outcome(s.id, "pass", f"{s.id} runs on Graviton")
        else:
            yield Outcome(s.id, "fail", f"{s.id} runs on x86 where arm64 would do")


RULE = Rule(
    "COST004", "x86 where Graviton fits", "cost_optimization", "MEDIUM", ("COST06-BP02", "SUS05-BP02"), check, __doc__
)
