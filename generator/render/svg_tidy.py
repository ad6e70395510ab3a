"""Graphviz's SVG without what nobody sees: its comments (one per node and edge, plus the Graphviz
version, which differs between machines) and the <title> of every node, edge and cluster (model ids
such as "k4->c19"; a node's hover text is its tooltip). The drawing's own title stays: it names the
diagram for screen readers. Coordinates of shapes, edges and text are whole points (Graphviz writes
hundredths of a point, a 72nd of an inch: invisible, and 7% of every diagram's bytes), and whole font
sizes are written without their decimals ("10.00" -> "10"). Every text is in archgen's one font:
it is named once, on the drawing, and inherited (a text in another font keeps its own; 14,000 texts
repeated it in the 2,000-element landscape's diagrams, 0.36 MB of each copy)."""

from __future__ import annotations

import re

_COMMENT = re.compile(r"<!--.*?-->\n?", re.S)
_TITLE = re.compile(r"<title>[^<]*</title>\n?")
# geometry attributes only: text content, ids, links and transforms are never touched
_GEOMETRY = re.compile(r' (points|d|x|y|width|height)="([-0-9., MCLZ]*)"')
_DECIMAL = re.compile(r"-?\d+\.\d+")
_WHOLE_FONT_SIZE = re.compile(r' font-size="(\d+)\.0+"')
_FONT = ' font-family="Sans-Serif"'  # what `diagrams` gives every node, edge and graph
_SVG_OPEN = re.compile(r"<svg\b")


def _whole(match: re.Match) -> str:
    return f' {match.group(1)}="{_DECIMAL.sub(lambda n: str(round(float(n.group(0)))), match.group(2))}"'


def tidy_svg(svg: bytes) -> bytes:
    text = _WHOLE_FONT_SIZE.sub(r' font-size="\1"', _GEOMETRY.sub(_whole, _COMMENT.sub("", svg.decode())))
    if _FONT in text:
        text = _SVG_OPEN.sub("<svg" + _FONT, text.replace(_FONT, ""), count=1)
    first = text.find("</title>")
    if first == -1:
        return text.encode()
    cut = first + len("</title>")
    return (text[:cut] + _TITLE.sub("", text[cut:])).encode()
