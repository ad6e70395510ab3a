"""Graphviz's SVG without what nobody sees: its comments (one per node and edge, plus the Graphviz
version, which differs between machines) and the <title> of every node, edge and cluster (model ids
such as "k4->c19"; a node's hover text is its tooltip). The drawing's own title stays: it names the
diagram for screen readers."""

from __future__ import annotations

import re

_COMMENT = re.compile(r"<!--.*?-->\n?", re.S)
_TITLE = re.compile(r"<title>[^<]*</title>\n?")


def tidy_svg(svg: bytes) -> bytes:
    text = _COMMENT.sub("", svg.decode())
    first = text.find("</title>")
    if first == -1:
        return text.encode()
    cut = first + len("</title>")
    return (text[:cut] + _TITLE.sub("", text[cut:])).encode()
