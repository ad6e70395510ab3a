"""Tables to Markdown or plain text; every cell from the model is escaped so it stays text."""

from __future__ import annotations

from generator.render.escape import md_cell
from generator.views.table import Table


def to_markdown(table: Table, *, raw_columns: frozenset[int] = frozenset()) -> str:
    """A Markdown table; columns in `raw_columns` hold archgen-made Markdown (links) and are not escaped."""
    align = table.align or ("l",) * len(table.headers)
    sep = ["---:" if a == "r" else "---" for a in align]
    lines = ["| " + " | ".join(md_cell(h) for h in table.headers) + " |", "| " + " | ".join(sep) + " |"]
    rows = list(table.rows) + ([table.footer] if table.footer else [])
    for i, row in enumerate(rows):
        cells = [c if j in raw_columns else md_cell(c) for j, c in enumerate(row)]
        if table.footer and i == len(rows) - 1:
            cells = [f"**{c}**" if c else "" for c in cells]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def to_text(table: Table) -> str:
    """A plain fixed-width table for the terminal."""
    rows = [table.headers] + list(table.rows) + ([table.footer] if table.footer else [])
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(table.headers))]
    align = table.align or ("l",) * len(table.headers)

    def fmt(row) -> str:
        return "  ".join(
            str(c).rjust(w) if a == "r" else str(c).ljust(w) for c, w, a in zip(row, widths, align)
        ).rstrip()

    out = [fmt(table.headers), "  ".join("-" * w for w in widths)]
    out += [fmt(r) for r in table.rows]
    if table.footer:
        out += ["  ".join("-" * w for w in widths), fmt(table.footer)]
    return "\n".join(out) + "\n"
