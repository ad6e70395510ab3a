"""Edge labels that Graphviz placed across a cluster border move to a numbered legend.

Graphviz puts an edge's label beside the edge's middle, wherever that falls; when the edge leaves a
cluster, the label can sit across the cluster's border and read as part of neither. After the first
layout, `straddling_edges` finds those labels from Graphviz's own coordinates (its JSON output: each
label's position and text widths, each cluster's bounding box); the view is then laid out again with
those labels replaced by numbers drawn beside the arrowhead (inside the cluster the edge enters),
explained in a legend under the title (`legend_title`).
"""

from __future__ import annotations

import json

from generator.render.escape import html_text

_LINE_SPACING = 1.2  # Graphviz's line height, as a multiple of the font size


def _box(edge: dict) -> tuple[float, float, float, float] | None:
    """The label's box (x1, y1, x2, y2) in Graphviz points, from its text drawing operations."""
    texts = [op for op in edge.get("_ldraw_", ()) if op.get("op") == "T"]
    sizes = [op.get("size", 14.0) for op in edge.get("_ldraw_", ()) if op.get("op") == "F"]
    if not texts or "lp" not in edge:
        return None
    x, y = (float(v) for v in edge["lp"].split(","))
    # browsers draw text a little wider than Graphviz's estimate: a label that ends on a border crosses it
    width = max(float(op.get("width", 0)) for op in texts) * 1.08 + 8
    height = len(texts) * (sizes[0] if sizes else 14.0) * _LINE_SPACING
    return x - width / 2, y - height / 2, x + width / 2, y + height / 2


def label_key(text: str) -> str:
    """An edge label as Graphviz reports it and as the legend lists it: its words joined by single spaces
    (the DOT wraps labels onto lines; Graphviz gives one text per line)."""
    return " ".join(text.split())


def _crosses(label: tuple[float, ...], cluster: tuple[float, ...]) -> bool:
    lx1, ly1, lx2, ly2 = label
    cx1, cy1, cx2, cy2 = cluster
    overlaps = lx1 < cx2 and lx2 > cx1 and ly1 < cy2 and ly2 > cy1
    inside = lx1 >= cx1 and ly1 >= cy1 and lx2 <= cx2 and ly2 <= cy2
    return overlaps and not inside


def straddling_edges(layout_json: bytes) -> set[tuple[str, str, str]]:
    """(tail node id, head node id, label text with spaces joined) of each edge whose label crosses a
    cluster border. (Graphviz numbers edges in its own order, not the DOT's: they are named by ends.)"""
    try:
        graph = json.loads(layout_json)
    except ValueError:
        return set()
    objects = graph.get("objects", ())
    clusters = [
        tuple(float(v) for v in obj["bb"].split(","))
        for obj in objects
        if str(obj.get("name", "")).startswith("cluster") and "bb" in obj
    ]
    names = {obj.get("_gvid"): str(obj.get("name", "")) for obj in objects}
    found = set()
    for edge in graph.get("edges", ()):
        box = _box(edge)
        if box is not None and any(_crosses(box, cluster) for cluster in clusters):
            text = " ".join(op.get("text", "") for op in edge["_ldraw_"] if op.get("op") == "T")
            found.add((names.get(edge.get("tail"), ""), names.get(edge.get("head"), ""), label_key(text)))
    return found


def legend_title(title: str, entries: list[tuple[int, str]]) -> str:
    """The view's title with a legend below it: one row per numbered edge label (HTML-like, escaped)."""
    rows = "".join(
        f'<TR><TD ALIGN="RIGHT"><FONT POINT-SIZE="11"><B>{number}</B></FONT></TD>'
        f'<TD ALIGN="LEFT"><FONT POINT-SIZE="11">{html_text(text)}</FONT></TD></TR>'
        for number, text in entries
    )
    return (
        '<<TABLE BORDER="0" CELLSPACING="2" CELLPADDING="1">'
        f'<TR><TD COLSPAN="2">{html_text(title)}</TD></TR>'
        f'<TR><TD COLSPAN="2" ALIGN="LEFT"><FONT POINT-SIZE="11">Numbered arrows (their labels did not fit '
        f"inside one box):</FONT></TD></TR>{rows}</TABLE>>"
    )
