"""The `archgen` command group (click): the commands, and the last-resort boundary for internal errors."""

from __future__ import annotations

import sys

import click

from generator import __version__
from generator.cli.boundary import ArchgenGroup
from generator.cli.common import err, out
from generator.cli.completion import completion_options
from generator.errors import EXIT_INVALID


def version_callback(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        from generator.parse.yaml_nodes import C_READER  # noqa: PLC0415 - only --version asks

        reader = "C (libyaml)" if C_READER else "Python (the C reader was not built: install libyaml-dev)"
        out.print(f"archgen {__version__}\nYAML reader: {reader}", markup=False)
        ctx.exit(0)


# each command and the module under generator/cli/ that defines it, in the order `archgen --help` lists
# them: a module is imported only when one of its commands runs (all of them for --help and completion),
# so a command does not pay for importing the other eleven (about 30 ms)
COMMAND_MODULES = {
    "init": "init",
    "validate": "validate",
    "schema": "validate",
    "compare": "compare",
    "guardrails": "guardrails",
    "check": "pr",
    "diff": "pr",
    "review": "review",
    "rules": "review",
    "explain": "review",
    "cost": "cost",
    "services": "cost",
    "prices": "prices",
    "diagrams": "diagrams",
    "build": "build",
    "serve": "build",
    "pdf": "pdf",
}


@click.group(
    "archgen",
    cls=ArchgenGroup,
    command_modules=COMMAND_MODULES,
    help="Architecture as code: validate a C4 + AWS Well-Architected model and render the proposal site.",
    context_settings={"help_option_names": ["--help"], "max_content_width": 110},
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=version_callback,
    help="Show the version and exit.",
)
@click.option("--debug", is_flag=True, expose_value=False, help="Show tracebacks of internal errors.")
@completion_options
def app() -> None:
    """archgen: architecture proposals as a build artefact."""


EXIT_INTERNAL = EXIT_INVALID + 69  # 70, EX_SOFTWARE


def main(input_fingerprint: str = "") -> None:
    """Run the CLI; `input_fingerprint` is the entry point's hash of a build's inputs, when it made one."""
    debug = "--debug" in sys.argv[1:]
    try:
        app.main(prog_name="archgen", obj={"input_fingerprint": input_fingerprint})
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
