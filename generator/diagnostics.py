"""Located diagnostics: where, what, and what to do; plus their text/github/json renderings."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple


class Location(NamedTuple):
    """A position in a source file; line and column are 1-based (0: the whole file).

    A named tuple, not a dataclass: a large model records hundreds of thousands of them, and a tuple
    is made several times faster; it orders and hashes the same way."""

    file: str
    line: int = 0
    column: int = 0


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in the input, with a stable code."""

    location: Location
    code: str
    message: str
    hint: str = ""
    severity: str = "error"

    def sort_key(self) -> tuple:
        return (self.location, self.code, self.message)


MAX_RENDERED = 200  # diagnostics shown in full; the rest are counted
# C0 controls but tab and newline, DEL and C1: what model text may not hold (values.py refuses them)
# and what no output shows (printable, and every escaper in render/escape.py)
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Terminal text: control characters (escape sequences from model text) removed, tab and newline kept."""
    return CONTROL_CHARACTERS.sub("", text)


def _source_excerpt(location: Location, lines_of: Callable[[str], list[str] | None]) -> list[str]:
    lines = lines_of(location.file)
    if lines is None or location.line < 1 or location.line > len(lines):
        return []
    line = printable(lines[location.line - 1].replace("\t", " "))
    if len(line) > 160:
        line = line[:157] + "..."
    gutter = f"{location.line:>5} | "
    caret_col = max(location.column, 1)
    return [gutter + line, " " * (len(gutter) - 2) + "| " + " " * (caret_col - 1) + "^"]


def format_location(location: Location) -> str:
    if location.line:
        return f"{location.file}:{location.line}:{location.column}"
    return location.file


def render_text(diagnostics: list[Diagnostic], sources: dict[str, str], *, limit: int = MAX_RENDERED) -> str:
    """Each diagnostic with its line and a caret; linear in the sources (each file is split once)."""
    split: dict[str, list[str] | None] = {}

    def lines_of(file: str) -> list[str] | None:
        if file not in split:
            text = sources.get(file)
            split[file] = None if text is None else text.splitlines()
        return split[file]

    out: list[str] = []
    for d in diagnostics[:limit]:
        prefix = "" if d.severity == "error" else f"{d.severity}: "
        out.append(printable(f"{format_location(d.location)} {d.code} {prefix}{d.message}"))
        out.extend(_source_excerpt(d.location, lines_of))
        if d.hint:
            out.append(printable(f"  hint: {d.hint}"))
    if len(diagnostics) > limit:
        out.append(f"... and {len(diagnostics) - limit:,} more problem(s) not shown; fix these first")
    return "\n".join(out)


def github_escape(value: str, *, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def render_github(diagnostics: list[Diagnostic]) -> str:
    out = []
    for d in diagnostics:
        level = "error" if d.severity == "error" else "warning"
        props = [f"file={github_escape(d.location.file, property_value=True)}"]
        if d.location.line:
            props += [f"line={d.location.line}", f"col={d.location.column}"]
        props.append(f"title={github_escape(d.code, property_value=True)}")
        message = d.message + (f" (hint: {d.hint})" if d.hint else "")
        out.append(f"::{level} {','.join(props)}::{github_escape(message)}")
    return "\n".join(out)


def as_dicts(diagnostics: list[Diagnostic]) -> list[dict]:
    return [
        {
            "file": d.location.file,
            "line": d.location.line,
            "column": d.location.column,
            "code": d.code,
            "severity": d.severity,
            "message": d.message,
            "hint": d.hint,
        }
        for d in diagnostics
    ]


def render_json(diagnostics: list[Diagnostic]) -> str:
    return json.dumps(as_dicts(diagnostics), indent=2, sort_keys=True)


def display_path(path: Path, base: Path | None = None) -> str:
    """A path as the user typed it relative to the working directory, POSIX style."""
    try:
        base = base or Path.cwd()
        # the folder is resolved, not the file: a link is shown under its own name, never its target's
        return (path.parent.resolve() / path.name).relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
