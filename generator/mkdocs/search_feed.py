"""Material's search plugin reads every page's HTML with Python's `html.parser` to split it into
sections; tokenising in pure Python was 0.07 s of a 1.5 s build of the example. In a build archgen
runs, every page reaches the plugin as the sanitiser's output (mkdocs/sanitize.py): well-formed
HTML5 as html5ever serialises it. For such HTML a lexbor parse yields the same start tags,
attributes, text runs and end tags in the same order, and this module feeds those to Material's own
parser (its handlers unchanged, so its sectioning rules stay Material's), in place of html.parser's
tokenizer.

Anything the two tokenizers could read differently goes through html.parser as before: raw-text and
foreign content (script, style, svg, math, template, ...), comments, a newline right after the start
of <pre>, document-level tags, and every page of a site whose plugins could change the HTML after the
sanitiser (only the plugins below are known not to). The test suite compares both ways on every page
of every example site.
"""

from __future__ import annotations

import re
from contextlib import contextmanager

# plugins that leave page content alone after the sanitiser has run (it runs last: priority -100)
KNOWN_PLUGINS = frozenset(
    {"search", "material/search", "glightbox", "archgen", "archgen-sanitise", "offline", "material/offline"}
)
# where the two tokenizers may differ: html.parser reads these itself
_DIFFERENT = re.compile(
    r"<(?:script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext|template|svg|math"
    r"|html|head|body|frameset)\b|<!|<\?|<(?:pre|listing)\b[^>]*>\r?\n",
    re.IGNORECASE,
)
# elements with no end tag: html.parser reports none for them, and neither does this walk
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)


def feed_from_dom(parser, html: str) -> None:
    """Call `parser`'s handle_starttag / handle_data / handle_endtag as html.parser would for `html`."""
    from selectolax.lexbor import LexborHTMLParser  # a dependency of archgen and of mkdocs-glightbox

    start, end, data = parser.handle_starttag, parser.handle_endtag, parser.handle_data
    open_elements = []
    node = LexborHTMLParser("<body>" + html).body.child
    while node is not None:
        tag = node.tag
        if tag == "-text":
            data(node.text_content)
        else:
            start(tag, list(node.attributes.items()))
            child = node.child
            if child is not None:
                open_elements.append(node)
                node = child
                continue
            if tag not in VOID:
                end(tag)
        following = node.next
        while following is None and open_elements:
            node = open_elements.pop()
            end(node.tag)
            following = node.next
        node = following


def _dom_fed(parser_class):
    class DomFedParser(parser_class):
        """Material's parser, fed from a lexbor parse when that is known to read the page alike."""

        def feed(self, data: str) -> None:
            if _DIFFERENT.search(data):
                super().feed(data)
            else:
                feed_from_dom(self, data)

        def close(self) -> None:
            if self.rawdata:  # only html.parser's own path buffers anything
                super().close()

    return DomFedParser


@contextmanager
def faster_search_index(config):
    """During one build: Material's search parser fed from lexbor, when every plugin is a known one."""
    try:
        from material.plugins.search import plugin as search
    except ImportError:  # no Material: nothing to speed up
        yield
        return
    original = getattr(search, "Parser", None)
    plugins = set(config.plugins.keys())
    if original is None or not hasattr(original, "handle_starttag") or not plugins <= KNOWN_PLUGINS:
        yield
        return
    search.Parser = _dom_fed(original)
    try:
        yield
    finally:
        search.Parser = original
