"""A table as data: headers, rows of text, alignment and an optional footer (rendered in render/tables)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Table:
    """A table any renderer can write (Markdown, terminal, JSON): headers, rows, alignment, footer."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    align: tuple[str, ...] = ()  # "l" or "r" per column
    footer: tuple[str, ...] | None = None
