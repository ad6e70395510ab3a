"""A Lambda function's memory is not sized.

What it checks:
    `sizing.memory_mb` on every Lambda service: unset is unknown (128 MB default), 128 MB with an
    average duration over 1 s fails (CPU scales with memory, so more memory often costs less).
Why it matters:
    Lambda's CPU is proportional to memory; an undersized function runs longer and can cost more.
How to fix:
    Measure with Lambda Power Tuning and set `memory_mb` explicitly.
Example:
    sizing: {memory_mb: 512, architecture: arm64}
Best practices:
    PERF02-BP04
"""

from generator.rules.base import Outcome, Rule


def check(ctx):
    for s in ctx.index.of_kind("lambda"):
        memory = s.sizing.memory_mb
        duration = s.usage.get("average_duration_ms")
        if memory is None:
            yield Outcome(s.id, "unknown", f"{s.id} does not set memory_mb")
        elif memory <= 128 and duration is not None and duration > 1000:
            yield Outcome(s.id, "fail", f"{s.id} runs {duration} ms at {memory} MB: likely CPU-starved")
        else:
            yield Outcome(s.id, "pass", f"{s.id} is sized at {memory} MB")


RULE = Rule("PERF003", "Lambda memory not sized", "performance_efficiency", "MEDIUM", ("PERF02-BP04",), check, __doc__)
