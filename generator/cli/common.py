"""What every command shares: consoles, the options several commands take, and how diagnostics and
warnings are printed."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from enum import Enum
from pathlib import Path

import click

from generator.diagnostics import printable, render_github, render_text
from generator.errors import ArchgenError, ModelInvalid


class PlainOut:
    """Results on standard output, or messages on standard error: the text as it is, control characters
    removed. Rich's console wrapped and measured every line (0.15 s for the 21,000-line cost table of a
    10,000-element model) to print what needs no styling, and cost every command 0.04 s to import; the
    stream is looked up at each call, so a test runner can capture it."""

    def __init__(self, stream: str) -> None:
        self.stream = stream

    def print(self, text: str, *, markup: bool = False, end: str = "\n") -> None:
        assert not markup, "archgen's messages carry no markup"
        stream = getattr(sys, self.stream)
        stream.write(printable(text) + end)
        stream.flush()

    def status(self, message: str) -> AbstractContextManager:
        """A spinner with `message` while the block runs, on a terminal only (rich is imported then)."""
        stream = getattr(sys, self.stream)
        if not stream.isatty():
            return nullcontext()
        from rich.console import Console  # noqa: PLC0415 - a terminal's spinner only

        return Console(file=stream, highlight=False, soft_wrap=True, emoji=False).status(message)


out = PlainOut("stdout")
err = PlainOut("stderr")


class DiagFormat(str, Enum):
    text = "text"
    github = "github"
    json = "json"


def argument(name: str, help: str, default=None, *, type=None, required: bool = False):  # noqa: A002 - click's names
    """A positional argument with help (a Path unless `type` says otherwise), optional unless `required`."""
    # click tells "no default" from a default of None: pass one only when there is one
    given = {} if default is None else {"default": default}
    return click.argument(
        name,
        help=help if default is None else f"{help}  [default: {default}]",
        required=required,
        type=type or click.Path(path_type=Path),
        **given,
    )


def option(*names: str, help: str, **kwargs):  # noqa: A002 - click's own name
    """An option; a Path unless a type, an Enum default or a flag says otherwise."""
    default = kwargs.get("default")
    if "type" not in kwargs and not kwargs.get("is_flag"):
        kwargs["type"] = click.Choice(type(default)) if isinstance(default, Enum) else click.Path(path_type=Path)
    return click.option(*names, help=help, show_default=kwargs.pop("show_default", default is not None), **kwargs)


model_argument = argument("model", "Model folder or YAML file.", Path("model"))
format_option = option("--format", "-f", "fmt", help="How to print diagnostics.", default=DiagFormat.text)


@contextmanager
def diagnostics_as(fmt: DiagFormat) -> Iterator[None]:
    """Errors raised inside are shown in `fmt` at the boundary (for commands with a --format option)."""
    try:
        yield
    except ArchgenError as exc:
        exc.diagnostic_format = fmt.value
        raise


strict_option = option(
    "--strict", help="Treat what cannot be priced as an error (exit 1) instead of a warning.", is_flag=True
)


def refuse_if_strict(strict: bool, warnings, sources: dict[str, str]) -> None:
    """Under --strict, located warnings become errors: nothing is written and the exit code is 1."""
    if strict and warnings:
        raise ModelInvalid([dataclasses.replace(w, severity="error") for w in warnings], sources)


def print_warnings(warnings, sources, fmt: DiagFormat = DiagFormat.text) -> None:
    if not warnings:
        return
    if fmt is DiagFormat.github:
        print(render_github(list(warnings)))
    elif fmt is DiagFormat.text:
        err.print(render_text(list(warnings), sources), markup=False)


def write_output(output: Path, data: bytes) -> None:
    """Write a generated file where --output says ('-' is stdout), atomically; a refused path is a clear error."""
    # imported here: staging is only needed by the commands that write
    from generator.publish.staging import write_file_atomic

    if str(output) == "-":
        click.echo(data.decode(), nl=False)
        return
    try:
        write_file_atomic(output, data)
    except OSError as exc:
        raise ArchgenError(
            f"cannot write {output.as_posix()}: {exc.strerror}", hint="choose a writable path with --output"
        ) from None
    out.print(f"wrote {output.as_posix()}", markup=False)
