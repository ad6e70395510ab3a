"""Jinja2 for Markdown pages: each output context has its own filter, so model text never becomes markup.

`md` (paragraph text), `heading` (a heading, and so a page title), `admonition_title`, `attr` (an HTML
attribute value), `url` (a link target), `table` (a Table) and `anchor` (an element's HTML id). Anything
printed without a filter is HTML-escaped by autoescape; the template picks the context.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from generator.render import escape
from generator.render.tables import to_markdown
from generator.site.template_cache import template_bytecode
from generator.index import anchor_for
from generator.views.table import Table

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _escaper(function):
    return lambda value: Markup(function(value))


def _table(table: Table, raw_columns: tuple[int, ...] = ()) -> Markup:
    return Markup(to_markdown(table, raw_columns=frozenset(raw_columns)))


@cache
def environment() -> Environment:
    """One environment per process: templates are compiled once (rendering is thread-safe)."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=template_bytecode(),  # compiled once per machine, not once per build
    )
    env.filters["md"] = _escaper(escape.md_inline)
    env.filters["heading"] = _escaper(escape.md_heading)
    env.filters["admonition_title"] = _escaper(escape.admonition_title)
    env.filters["attr"] = _escaper(escape.html_attr)
    env.filters["url"] = _escaper(escape.safe_url)
    env.filters["table"] = _table
    env.filters["anchor"] = anchor_for
    return env
