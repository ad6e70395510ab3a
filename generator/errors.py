"""Errors carry their exit code; the CLI shows them at one boundary (`generator.cli.boundary`)."""

from __future__ import annotations

from generator.diagnostics import Diagnostic

EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_GATE = 3


class ArchgenError(Exception):
    """Base: a message for the user and the exit code that goes with it."""

    exit_code = EXIT_INVALID
    prefix = "error: "  # how the boundary introduces the message

    def __init__(self, message: str, *, hint: str = "", details: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.details = details  # further lines shown under the message, one per problem


class UsageError(ArchgenError):
    exit_code = EXIT_USAGE


class ToolMissing(ArchgenError):
    """An external program (Graphviz, mkdocs) is not available."""


class ExternalToolFailed(ArchgenError):
    """An external program ran and failed."""


class ModelInvalid(ArchgenError):
    """The model (or a data file) has errors; carries every diagnostic at once."""

    def __init__(self, diagnostics: list[Diagnostic], sources: dict[str, str]) -> None:
        super().__init__(f"{len(diagnostics)} problem(s) found")
        self.diagnostics = diagnostics
        self.sources = sources


class GateFailed(ArchgenError):
    """A gate the user asked for (`diff --gate`, `review --fail-on`) did not pass; the message says which."""

    exit_code = EXIT_GATE
    prefix = ""


class OutOfDate(ArchgenError):
    """`archgen check`: committed outputs differ from what the model produces."""

    prefix = ""
