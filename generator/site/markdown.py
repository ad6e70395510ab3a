"""Jinja2 for Markdown pages: every value from the model is escaped, so model text never becomes markup."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from generator.render.tables import md_cell, to_markdown
from generator.views.diagram import anchor_for
from generator.views.table import Table

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _md(value) -> Markup:
    """Escape text for Markdown prose: HTML escaped, Markdown punctuation neutralised."""
    return Markup(md_cell(str(value)).replace("<br>", " "))


def _table(table: Table, raw_columns: tuple[int, ...] = ()) -> Markup:
    return Markup(to_markdown(table, raw_columns=frozenset(raw_columns)))


@cache
def environment() -> Environment:
    """One environment per process: templates are compiled once (rendering is thread-safe)."""
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                      keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["md"] = _md
    env.filters["table"] = _table
    env.filters["anchor"] = anchor_for
    return env
