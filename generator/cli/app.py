"""The `archgen` Typer app: the commands, and the last-resort boundary for internal errors."""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from generator import __version__
from generator.cli import (
    build,
    compare,
    cost,
    diagrams,
    guardrails,
    init,
    pdf,
    pr,
    prices,
    review,
    validate,
)
from generator.cli.boundary import ArchgenGroup
from generator.cli.common import err, out
from generator.errors import EXIT_INVALID

app = typer.Typer(
    name="archgen",
    cls=ArchgenGroup,
    help="Architecture as code: validate a C4 + AWS Well-Architected model and render the proposal site.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish and PowerShell
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def version_callback(value: bool) -> None:
    if value:
        from generator.parse.yaml_nodes import C_READER  # noqa: PLC0415 - only --version asks

        reader = "C (libyaml)" if C_READER else "Python (the C reader was not built: install libyaml-dev)"
        out.print(f"archgen {__version__}\nYAML reader: {reader}", markup=False)
        raise typer.Exit(0)


@app.callback()
def root(
    version: Annotated[
        Optional[bool],
        typer.Option("--version", callback=version_callback, is_eager=True, help="Show the version and exit."),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
) -> None:
    """archgen: architecture proposals as a build artefact."""


# registered explicitly, in the order `archgen --help` lists them
for command_group in (init, validate, compare, guardrails, pr, review, cost, prices, diagrams, build, pdf):
    command_group.register(app)

EXIT_INTERNAL = EXIT_INVALID + 69  # 70, EX_SOFTWARE


def main(input_fingerprint: str = "") -> None:
    """Run the CLI; `input_fingerprint` is the entry point's hash of a build's inputs, when it made one."""
    debug = "--debug" in sys.argv[1:]
    try:
        app(prog_name="archgen", obj={"input_fingerprint": input_fingerprint})
    except SystemExit:
        raise
    except KeyboardInterrupt:
        err.print("interrupted: earlier outputs are untouched", markup=False)
        sys.exit(130)
    except Exception as exc:  # the last-resort boundary: anything else is a bug in archgen
        if debug:
            raise
        err.print(f"internal error: {type(exc).__name__}: {exc}", markup=False)
        err.print("  this is a bug in archgen; rerun with --debug for a traceback and report it", markup=False)
        sys.exit(EXIT_INTERNAL)
