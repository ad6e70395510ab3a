"""Any text through any escaping context comes back as the same text and never as markup: rendered with
the site's own Markdown extensions (or parsed as DOT/HTML), the result holds no element or attribute
that the text did not get from archgen."""

from __future__ import annotations

import html
from html.parser import HTMLParser

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.render import escape

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.details", "pymdownx.superfences"]
# printable text, with the characters every Markdown and HTML construct is made of over-represented
PIECES = st.one_of(
    st.sampled_from(list("<>&\"'`*_[](){}|!#:;=/\\-+.~^?@ \n\t") + ["{:", "](", "javascript:", "!!!", "???"]),
    st.characters(blacklist_categories=("Cs", "Cc")),
)
TEXT = st.lists(PIECES, max_size=30).map("".join)


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data) -> None:
        self.text.append(data)


def _render(source: str) -> _Elements:
    parser = _Elements()
    parser.feed(markdown.markdown(source, extensions=EXTENSIONS))
    return parser


def _same_text(rendered: str, original: str) -> bool:
    squash = lambda s: " ".join(s.split())  # noqa: E731
    return squash(rendered) == squash(original)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_markdown_text_stays_text(value: str) -> None:
    parsed = _render("before " + escape.md_inline(value) + " after")
    assert [t for t, _ in parsed.tags] == ["p"], parsed.tags
    assert all(not attrs for _, attrs in parsed.tags)
    assert _same_text("".join(parsed.text), "before " + value + " after")


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_markdown_at_the_start_of_a_line_stays_a_paragraph(value: str) -> None:
    parsed = _render(escape.md_inline(value))
    assert {t for t, _ in parsed.tags} <= {"p"}, parsed.tags
    assert _same_text("".join(parsed.text), value)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_table_cells_stay_one_cell(value: str) -> None:
    table = f"| a | b |\n|---|---|\n| {escape.md_cell(value)} | x |\n"
    parsed = _render(table)
    assert [t for t, _ in parsed.tags].count("td") == 2, parsed.tags
    assert {t for t, _ in parsed.tags} <= {"table", "thead", "tbody", "tr", "th", "td", "br"}
    assert all(not attrs for _, attrs in parsed.tags)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_headings_carry_no_markup_and_no_angle_brackets(value: str) -> None:
    parsed = _render("## " + escape.md_heading(value))
    assert [t for t, _ in parsed.tags][:1] in (["h2"], [])
    assert {t for t, _ in parsed.tags} <= {"h2"}
    assert all(k == "id" for _, attrs in parsed.tags for k, _ in attrs)
    assert "<" not in "".join(parsed.text) and ">" not in "".join(parsed.text)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_html_attribute_values_stay_inside_their_quotes(value: str) -> None:
    parser = _Elements()
    parser.feed(f'<img alt="{escape.html_attr(value)}" src="x">')
    assert parser.tags == [("img", [("alt", " ".join(value.split("\n")) if value else ""), ("src", "x")])] or (
        parser.tags[0][1][1] == ("src", "x")
    )


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_urls_are_http_or_relative(value: str) -> None:
    url = escape.safe_url(value)
    assert url == "#" or not url.lower().lstrip().startswith(("javascript:", "data:", "vbscript:"))
    assert " " not in url and '"' not in url and "<" not in url


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_dot_labels_never_end_in_an_escape(value: str) -> None:
    label = escape.dot_text(value)
    trailing = len(label) - len(label.rstrip("\\"))
    assert trailing % 2 == 0  # an odd run of backslashes would escape the closing quote
    assert html.unescape(label.replace("\\\\", "\\")) == html.unescape(escape.terminal_text(value))


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_mermaid_labels_carry_no_syntax_and_decode_back(text: str) -> None:
    import re

    label = escape.mermaid_text(text)
    assert re.fullmatch(r"(?:[A-Za-z0-9 _\-.,:/()]|#\d+;)*", label), label
    decoded = re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), label)
    assert decoded == escape.terminal_text(text)
