"""Located diagnostics: where, what, and what to do; plus their text/github/json renderings."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Location:
    """A position in a source file; line and column are 1-based."""

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


def _source_excerpt(location: Location, sources: dict[str, str]) -> list[str]:
    text = sources.get(location.file)
    if text is None or location.line < 1:
        return []
    lines = text.splitlines()
    if location.line > len(lines):
        return []
    line = lines[location.line - 1].replace("\t", " ")
    if len(line) > 160:
        line = line[:157] + "..."
    gutter = f"{location.line:>5} | "
    caret_col = max(location.column, 1)
    return [gutter + line, " " * (len(gutter) - 2) + "| " + " " * (caret_col - 1) + "^"]


def format_location(location: Location) -> str:
    if location.line:
        return f"{location.file}:{location.line}:{location.column}"
    return location.file


def render_text(diagnostics: list[Diagnostic], sources: dict[str, str]) -> str:
    out: list[str] = []
    for d in diagnostics:
        prefix = "" if d.severity == "error" else f"{d.severity}: "
        out.append(f"{format_location(d.location)} {d.code} {prefix}{d.message}")
        out.extend(_source_excerpt(d.location, sources))
        if d.hint:
            out.append(f"  hint: {d.hint}")
    return "\n".join(out)


def _github_escape(value: str, *, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def render_github(diagnostics: list[Diagnostic]) -> str:
    out = []
    for d in diagnostics:
        level = "error" if d.severity == "error" else "warning"
        props = [f"file={_github_escape(d.location.file, property_value=True)}"]
        if d.location.line:
            props += [f"line={d.location.line}", f"col={d.location.column}"]
        props.append(f"title={_github_escape(d.code, property_value=True)}")
        message = d.message + (f" (hint: {d.hint})" if d.hint else "")
        out.append(f"::{level} {','.join(props)}::{_github_escape(message)}")
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
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
