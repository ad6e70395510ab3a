"""Errors carry their exit code; the CLI shows them at one boundary."""

from __future__ import annotations

from generator.diagnostics import Diagnostic

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_GATE = 3


class ArchgenError(Exception):
    """Base: a message for the user and the exit code that goes with it."""

    exit_code = EXIT_INVALID

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


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
    exit_code = EXIT_GATE
