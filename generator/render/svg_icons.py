"""Icons in the SVG diagrams: `diagrams` points each node's <image> at a PNG in its package; the published
SVG must stand alone, and should carry each icon once however many nodes use it."""

from __future__ import annotations

import base64
import functools
import re
from pathlib import Path

import diagrams

RESOURCES = Path(diagrams.__file__).resolve().parent.parent / "resources"
ICON_PLACEHOLDER = "@diagrams-resources"  # in DOT files, so they are the same on every machine

_IMAGE = re.compile(r'<image xlink:href="([^"]+\.png)"([^>]*?)/>')
_SVG_OPEN = re.compile(r"<svg\b[^>]*>")
_FIT = ' preserveAspectRatio="xMinYMin meet"'


@functools.lru_cache(maxsize=256)
def _icon(path: str) -> tuple[str, int, int] | None:
    """An icon file as base64 with its pixel size (read once per process, however many nodes use it)."""
    p = Path(path)
    if not p.is_file():
        return None
    data = p.read_bytes()
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")  # PNG IHDR
    return base64.b64encode(data).decode(), width, height


def embed_icons(svg: bytes) -> bytes:
    """Make the SVG self-contained with each icon once: every distinct icon becomes one <symbol> in
    <defs>, and each node's <image> a <use> of it (a deployment view had 300 copies of 9 icons)."""
    text = svg.decode()
    symbols: dict[str, str] = {}

    def use(match: re.Match) -> str:
        icon = _icon(match.group(1))
        if icon is None:
            return match.group(0)
        if match.group(1) not in symbols:
            symbols[match.group(1)] = f"archgen-icon-{len(symbols)}"
        # how Graphviz fits every icon into its box: said once, on the symbol (a symbol's own viewport rule)
        attrs = match.group(2).replace("px", "").replace(_FIT, "")
        return f'<use xlink:href="#{symbols[match.group(1)]}"{attrs}/>'

    text = _IMAGE.sub(use, text)
    if symbols:
        defs = "".join(
            f'<symbol id="{sid}" viewBox="0 0 {w} {h}"{_FIT}><image width="{w}" height="{h}" '
            f'xlink:href="data:image/png;base64,{data}"/></symbol>'
            for path, sid in symbols.items()
            for data, w, h in [_icon(path)]
        )
        opening = _SVG_OPEN.search(text)
        text = text[: opening.end()] + f"\n<defs>{defs}</defs>" + text[opening.end() :]
    return text.replace(str(RESOURCES), ICON_PLACEHOLDER).encode()
