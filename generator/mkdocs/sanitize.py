"""The second wall: each page's HTML body is sanitised after Markdown, so no script runs even if an
escaper ever missed a construct. Added to every MkDocs build archgen runs, and to its plugin."""

from __future__ import annotations

import nh3
from mkdocs.plugins import BasePlugin, event_priority

TAGS = frozenset(nh3.ALLOWED_TAGS | {"object", "section", "main"})
COMMON = {"id", "class", "title", "lang", "dir", "role", "aria-label", "aria-hidden", "aria-describedby"}
ATTRIBUTES = {
    "*": COMMON,
    "a": COMMON | {"href", "target"},
    "img": COMMON | {"src", "alt", "width", "height", "loading"},
    "object": COMMON | {"data", "type", "width", "height"},
    "th": COMMON | {"style", "align", "colspan", "rowspan"},
    "td": COMMON | {"style", "align", "colspan", "rowspan"},
    "details": COMMON | {"open"},
    "ol": COMMON | {"start"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})


def sanitise_page_html(html: str) -> str:
    """Only known tags and attributes; no event handlers, no script or style elements, http(s) links only."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags={"script", "style"},
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        filter_style_properties={"text-align"},
        link_rel=None,
        strip_comments=True,
    )


class SanitisePages(BasePlugin):
    """Registered by archgen itself (not in mkdocs.yml): runs after every other page_content handler."""

    @event_priority(-100)
    def on_page_content(self, html: str, **kwargs) -> str:
        return sanitise_page_html(html)


def install(config) -> None:
    """Add the sanitiser to a loaded MkDocs config."""
    config.plugins["archgen-sanitise"] = SanitisePages()
