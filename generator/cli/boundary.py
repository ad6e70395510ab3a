"""The one place an archgen error becomes output and an exit code."""

from __future__ import annotations

import sys

import click

from generator.cli.common import err
from generator.diagnostics import render_github, render_json, render_text
from generator.errors import ArchgenError, ModelInvalid


def show_error(exc: ArchgenError) -> None:
    """Print an error the way the command was asked to print diagnostics."""
    fmt = getattr(exc, "diagnostic_format", "text")
    if isinstance(exc, ModelInvalid):
        if fmt == "json":
            print(render_json(exc.diagnostics))
        elif fmt == "github":
            print(render_github(exc.diagnostics))
            err.print(f"invalid: {len(exc.diagnostics)} problem(s)", markup=False)
        else:
            print(render_text(exc.diagnostics, exc.sources), file=sys.stderr, flush=True)  # plain: rich adds nothing
            err.print(f"invalid: {len(exc.diagnostics)} problem(s) found; nothing was written", markup=False)
        return
    err.print(f"{exc.prefix}{exc.message}", markup=False)
    for line in exc.details:
        err.print(f"  {line}", markup=False)
    if exc.hint:
        err.print(f"  hint: {exc.hint}", markup=False)


class ArchgenGroup(click.Group):
    """The command group: any ArchgenError a command raises is shown here and sets the exit code.
    Commands are listed in the order they were added, as `archgen --help` shows them."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ArchgenError as exc:
            show_error(exc)
            raise click.exceptions.Exit(exc.exit_code) from None
