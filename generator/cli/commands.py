"""CLI commands, one module per command group; registered explicitly, never by import side effect."""

from __future__ import annotations

import typer


def register_all(app: typer.Typer) -> None:
    from generator.cli import (
        build,
        compare,
        cost,
        diagrams,
        guardrails,
        pr,
        review,
        validate,
    )

    validate.register(app)
    compare.register(app)
    guardrails.register(app)
    pr.register(app)
    review.register(app)
    cost.register(app)
    diagrams.register(app)
    build.register(app)
