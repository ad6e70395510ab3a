"""The one place an archgen error becomes output and an exit code."""

from __future__ import annotations

import importlib
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

    `command_modules` maps each command name to its module under generator/cli/, in the order
    `archgen --help` lists them; the module is imported, and registers its commands (`register`), when
    one of them is first looked up.
    """

    def __init__(self, *args, command_modules: dict[str, str] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.command_modules = dict(command_modules or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(dict.fromkeys([*self.command_modules, *self.commands]))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.command_modules:
            importlib.import_module(f"generator.cli.{self.command_modules[cmd_name]}").register(self)
        return self.commands.get(cmd_name)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ArchgenError as exc:
            show_error(exc)
            raise click.exceptions.Exit(exc.exit_code) from None
