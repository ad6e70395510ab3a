"""What every command shares: consoles, option types, and the one place failures are shown."""

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from generator.diagnostics import render_github, render_json, render_text
from generator.errors import ArchgenError, ModelInvalid

out = Console(highlight=False, soft_wrap=True, emoji=False)
err = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)


class DiagFormat(str, Enum):
    text = "text"
    github = "github"
    json = "json"


ModelArg = Annotated[Path, typer.Argument(help="Model folder or YAML file.", show_default=True)]
FormatOpt = Annotated[DiagFormat, typer.Option("--format", "-f", help="How to print diagnostics.")]


def report_failure(exc: ArchgenError, fmt: DiagFormat = DiagFormat.text) -> None:
    """Print an error the way the user asked for, then exit with its code."""
    if isinstance(exc, ModelInvalid):
        if fmt is DiagFormat.json:
            print(render_json(exc.diagnostics))
        elif fmt is DiagFormat.github:
            print(render_github(exc.diagnostics))
            err.print(f"invalid: {len(exc.diagnostics)} problem(s)", markup=False)
        else:
            err.print(render_text(exc.diagnostics, exc.sources), markup=False)
            err.print(f"invalid: {len(exc.diagnostics)} problem(s) found; nothing was written", markup=False)
    else:
        err.print(f"error: {exc.message}", markup=False)
        if exc.hint:
            err.print(f"  hint: {exc.hint}", markup=False)
    raise typer.Exit(exc.exit_code)


def print_warnings(warnings, sources, fmt: DiagFormat = DiagFormat.text) -> None:
    if not warnings:
        return
    if fmt is DiagFormat.github:
        print(render_github(list(warnings)))
    elif fmt is DiagFormat.text:
        err.print(render_text(list(warnings), sources), markup=False)


