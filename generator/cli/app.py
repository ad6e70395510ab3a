"""The `archgen` command line: thin commands over the pipeline; the only module that prints and exits."""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from generator import __version__
from generator.cli.common import err, out
from generator.errors import EXIT_INVALID

app = typer.Typer(
    name="archgen",
    help="Architecture as code: validate a C4 + AWS Well-Architected model and render the proposal site.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
def version_callback(value: bool) -> None:
    if value:
        out.print(f"archgen {__version__}", markup=False)
        raise typer.Exit(0)


@app.callback()
def root(
    version: Annotated[Optional[bool], typer.Option("--version", callback=version_callback, is_eager=True,
                                                    help="Show the version and exit.")] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
) -> None:
    """archgen: architecture proposals as a build artefact."""


def _register() -> None:
    from generator.cli.commands import register_all

    register_all(app)


_register()


def main() -> None:
    debug = "--debug" in sys.argv[1:]
    try:
        app(prog_name="archgen")
    except SystemExit:
        raise
    except KeyboardInterrupt:
        err.print("interrupted: earlier outputs are untouched", markup=False)
        sys.exit(130)
    except Exception as exc:  # the last-resort boundary
        if debug:
            raise
        err.print(f"internal error: {type(exc).__name__}: {exc}", markup=False)
        err.print("  this is a bug in archgen; rerun with --debug for a traceback and report it", markup=False)
        sys.exit(EXIT_INVALID + 69)
