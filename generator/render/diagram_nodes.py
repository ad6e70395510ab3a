"""Model elements as `diagrams` nodes: AWS icons with their name and service below, C4 boxes that grow to
their text, and plain boxes for tools and for the parts of a split view. Model text is escaped for the
label's context (plain DOT text or an HTML-like label) here, and nowhere else."""

from __future__ import annotations

import textwrap
from pathlib import Path

from diagrams import Node, c4
from graphviz import nohtml

from generator.catalogue.service_kinds import FALLBACK_ICON
from generator.render.escape import dot_text, html_attr, html_text
from generator.render.icon_files import icon_file
from generator.views.diagram import ViewNode


def wrap(text: str, width: int = 26) -> str:
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines += textwrap.wrap(paragraph, width) or [""]
    return "\n".join(lines)


def _node_attrs(node: ViewNode, link_base: str | None) -> dict:
    attrs = {"nodeid": node.id}
    if link_base and node.anchor:
        attrs.update(URL=f"{link_base}#{node.anchor}", target="_top")
    # without a tooltip Graphviz shows the label, which for C4 boxes is HTML markup
    attrs["tooltip"] = nohtml(dot_text((node.description or node.label)[:300]))
    return attrs


ICON_POINTS = 101  # the icon's side: 1.4 in, the `diagrams` default


def _icon_label(icon_path: Path, node: ViewNode) -> str:
    """An icon node as an HTML-like table: the icon at a fixed size on top, the name and service below.
    Graphviz measures the text itself, so the node is as wide as its widest line (a fixed 1.4 in box let
    long names spill over neighbours and cluster borders) and an edge from above ends at the icon
    (`diagrams` centres the icon in a taller box: arrows stopped 30-50 px short of it)."""
    icon = html_attr(str(icon_path))
    lines = wrap(node.label, 18).splitlines() + wrap(node.sublabel, 20).splitlines()
    text = "<BR/>".join(html_text(line) for line in lines)
    return (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
        f'<TR><TD FIXEDSIZE="TRUE" WIDTH="{ICON_POINTS}" HEIGHT="{ICON_POINTS}">'
        f'<IMG SRC="{icon}" SCALE="TRUE"/></TD></TR>'
        f"<TR><TD>{text}</TD></TR></TABLE>>"
    )


# C4 boxes grow to their text (the `diagrams` default is a fixed 2.6 x 1.6 in box that cuts long names)
C4_BOX = {"fixedsize": "false", "margin": "0.18,0.1"}


def make_node(node: ViewNode, link_base: str | None, warnings: list[str]) -> Node:
    attrs = _node_attrs(node, link_base)
    if node.icon is not None:
        path = icon_file(node.icon)
        if path is None:
            warnings.append(f"no icon {node.icon!r} for {node.id!r}; using the generic icon")
            path = icon_file(FALLBACK_ICON)
        return Node(_icon_label(path, node), shape="plain", fixedsize="false", **attrs)
    if node.shape in ("person", "system", "database", "container", "component"):
        attrs = {**C4_BOX, **attrs}
    if node.shape == "person":
        return c4.Person(node.label, node.description, external=node.external, **attrs)
    if node.shape == "system":
        return c4.System(node.label, node.description, external=node.external, **attrs)
    if node.shape == "database":
        technology = node.sublabel.removeprefix("Container: ").removeprefix("Container")
        return c4.Database(node.label, technology, node.description, **attrs)
    if node.shape in ("container", "component"):
        kind = "Component" if node.shape == "component" else "Container"
        technology = node.sublabel.removeprefix(f"{kind}: ").removeprefix(kind)
        extra = {"fillcolor": "lightskyblue3"} if node.shape == "component" else {}
        return c4.C4Node(node.label, technology, node.description, type=kind, **extra, **attrs)
    # a box standing for a part of a split view, or for folded neighbours: dashed, saying what it holds
    group = node.shape == "group"
    # tools and anything else: a plain box
    return Node(
        nohtml(wrap(dot_text(node.label)) + ("\n" + wrap(dot_text(node.sublabel), 30) if group else "")),
        shape="box",
        style="rounded,filled,dashed" if group else "rounded,filled",
        fillcolor="#F4F6F8" if group else "#FFFFFF",
        width="1.6",
        height="0.6",
        fixedsize="false",
        labelloc="c",
        imagescale="false",
        **attrs,
    )
