"""The second wall: each page's HTML body is sanitised after Markdown, so no script runs even if an
escaper ever missed a construct. The third: every page carries a Content-Security-Policy that lets
only the theme's own script files and its inline scripts (by their SHA-256, computed from the finished
page) run, so a script that got in anyway would be refused by the browser. Added to every MkDocs build
archgen runs, and to its plugin."""

from __future__ import annotations

import base64
import hashlib
import re

import nh3
from mkdocs.plugins import BasePlugin, event_priority

TAGS = frozenset(nh3.ALLOWED_TAGS | {"object", "section", "main"})
COMMON = {"id", "class", "title", "lang", "dir", "role", "aria-label", "aria-hidden", "aria-describedby"}
ATTRIBUTES = {
    "*": COMMON,
    "a": COMMON | {"href", "target", "data-type", "data-width", "data-height", "data-title"},  # the zoom viewer
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


_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)
_HEAD = re.compile(r"<head[^>]*>(\s*<meta charset=[^>]*>)?", re.IGNORECASE)


def content_security_policy(page_html: str) -> str:
    """The policy for one finished page: scripts from the site itself and the inline scripts it has now."""
    hashes = sorted(
        {
            "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
            for body in _INLINE_SCRIPT.findall(page_html)
        }
    )
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' " + " ".join(hashes) if hashes else "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",  # the theme sets inline styles; styles cannot run code
            "img-src 'self' data:",
            "font-src 'self' data:",
            "object-src 'self'",  # diagrams are SVG files of the site itself
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def with_content_security_policy(page_html: str) -> str:
    """The page with its policy at the top of <head>, after the charset, before any script it governs."""
    match = _HEAD.search(page_html)
    if match is None:
        return page_html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(page_html)}">'
    return page_html[: match.end()] + meta + page_html[match.end() :]


class SanitisePages(BasePlugin):
    """Registered by archgen itself (not in mkdocs.yml): runs after every other page_content handler."""

    @event_priority(-100)
    def on_page_content(self, html: str, **kwargs) -> str:
        return sanitise_page_html(html)

    @event_priority(-100)
    def on_post_page(self, output: str, **kwargs) -> str:
        return with_content_security_policy(output)


def install(config) -> None:
    """Add the sanitiser to a loaded MkDocs config."""
    config.plugins["archgen-sanitise"] = SanitisePages()
