"""One escaping function per output context: model text in, text that can only ever display as text out.

Templates choose the context (a Jinja filter per function); callers never pick an escaper by hand.
The Markdown escapers neutralise every construct Python-Markdown and the site's extensions honour:
raw HTML and entities, emphasis, code spans, links and images, attr_list `{: ...}`, tables, block
markers at the start of a line, admonition and details syntax, and Jinja delimiters.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote, urlsplit

from generator.diagnostics import github_escape, printable

# Markdown's own backslash escapes, for the characters that start emphasis, code and links anywhere,
# and numeric entities for those no backslash neutralises everywhere; one table for str.translate
_MD_ESCAPES = str.maketrans({**{ch: "\\" + ch for ch in "\\`*_[]"}, "{": "&#123;", "}": "&#125;", "|": "&#124;"})
# a line that starts like a block (heading, list, quote, admonition, table, code fence) stays text
_BLOCK_START = re.compile(r"^(?:(?P<mark>[#+\-!])|\d+(?P<number>[.)])|(?P<other>[?~]))")


def _inline(text: str, *, line_start: bool = True) -> str:
    if line_start:
        text = text.lstrip()  # leading spaces or a tab would start an indented code block
    escaped = html.escape(printable(text), quote=False).translate(_MD_ESCAPES)
    match = _BLOCK_START.match(escaped) if line_start else None
    if match and match.group("other"):  # `???` details and `~~~` fences: no backslash escape exists
        at = match.start("other")
        escaped = escaped[:at] + f"&#{ord(escaped[at])};" + escaped[at + 1 :]
    elif match:
        at = match.start("mark") if match.group("mark") else match.start("number")
        escaped = escaped[:at] + "\\" + escaped[at:]
    return escaped


def md_inline(value: object) -> str:
    """Text inside a Markdown paragraph, list item, link text or image alt text: one line, no markup."""
    lines = str(value).splitlines()
    return " ".join(_inline(line, line_start=i == 0) for i, line in enumerate(lines))


def md_cell(value: object) -> str:
    """Text inside a Markdown table cell: as `md_inline`, line breaks kept as <br>."""
    return "<br>".join(_inline(line, line_start=False) for line in str(value).splitlines())


def md_heading(value: object) -> str:
    """Text of a Markdown heading. The page title comes from it and MkDocs themes un-escape titles
    (`striptags`) into <title>, so angle brackets become look-alike guillemets as well as escaped."""
    return md_inline(str(value).replace("<", "\u2039").replace(">", "\u203a"))


def admonition_title(value: object) -> str:
    """Text inside an admonition or details title (`!!! note "..."`): no quote can end the title early."""
    return md_heading(value).replace('"', "&quot;")


def html_text(value: object) -> str:
    """Text between HTML tags."""
    return html.escape(printable(str(value)), quote=False)


def html_attr(value: object) -> str:
    """Text inside a double- or single-quoted HTML attribute value."""
    return html.escape(printable(str(value)).replace("\n", " "), quote=True)


def safe_url(value: object) -> str:
    """A link target: http(s) URLs and relative paths pass (percent-encoded); anything else becomes '#'."""
    text = str(value).strip()
    parts = urlsplit(text)
    if parts.scheme and parts.scheme.lower() not in ("http", "https"):
        return "#"
    if not parts.scheme and (text.startswith("//") or ":" in text.split("/", 1)[0]):
        return "#"
    return quote(text, safe="/:#?&=%.-_~+,;@!$'*")


def dot_text(value: object) -> str:
    """Plain (non-HTML) Graphviz label text: backslashes are literal, never escape sequences."""
    return printable(str(value)).replace("\\", "\\\\")


def terminal_text(value: object) -> str:
    """Text for the terminal: control characters (escape sequences) removed, tabs and newlines kept."""
    return printable(str(value))


def annotation_text(value: object) -> str:
    """A GitHub workflow command message (`::error ...::message`): %, CR and LF encoded as GitHub expects."""
    return github_escape(str(value))


def cloudformation_text(value: object) -> str:
    """A string in a CloudFormation template: dynamic references (`{{resolve:...}}`) are broken apart."""
    return str(value).replace("{{", "{ {").replace("}}", "} }")


def md_code(value: object) -> str:
    """A Markdown code span holding the text verbatim: fenced by more backticks than the text contains."""
    text = printable(str(value)).replace("\n", " ")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or longest else ""
    return f"{fence}{pad}{text}{pad}{fence}"


_MERMAID_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-.,:/()")


def mermaid_text(value: object) -> str:
    """A Mermaid label: every character outside a small safe set becomes a `#code;` entity, so quotes,
    brackets, pipes and markup in model text can neither end the label nor add syntax."""
    return "".join(c if c in _MERMAID_SAFE else f"#{ord(c)};" for c in printable(str(value)))
