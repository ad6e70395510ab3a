"""Material's search parser fed from a lexbor parse (mkdocs/search_feed.py) must index exactly what it
indexes when html.parser feeds it: the search index of every example site, of a site built from a
model full of hostile text, and of tricky fragments, compared byte for byte or section by section."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from material.plugins.search.plugin import Parser

from generator.mkdocs import search_feed
from generator.mkdocs.run import run_mkdocs
from tests.conftest import ROOT, run_cli
from tests.hostile.xss_corpus import poison_model


def _sections(parser: Parser) -> list[tuple]:
    return [(s.el.tag, s.id, s.depth, s.title, s.text, s.is_excluded()) for s in parser.data]


def _by_html_parser(html: str) -> list[tuple]:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return _sections(parser)


def _by_dom(html: str) -> list[tuple]:
    parser = Parser()
    search_feed.feed_from_dom(parser, html)
    return _sections(parser)


CANONICAL = [
    "",
    "plain text only",
    "\n<p>leading and trailing whitespace</p>\n",
    '<h1 id="t">Title<a class="headerlink" href="#t" title="Permanent link">¶</a></h1><p>a &amp; b &lt; c</p>',
    '<p>intro</p><h2 id="a">A</h2><ul>\n<li>one <code>x</code></li>\n<li><p>two</p></li>\n</ul>',
    "<table>\n<thead>\n<tr>\n<th>k</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>v<br>w</td>\n</tr>\n</tbody>\n</table>",
    '<details class="note" open=""><summary>s</summary><p>body</p></details>',
    '<div class="admonition"><h3 id="n">nested heading</h3><p>in a div</p></div><p>after</p>',
    '<div data-search-exclude=""><h2 id="x">hidden</h2><p>not indexed</p></div><h2 id="y">shown</h2>',
    "<pre><code>line 1\n  line 2\n</code></pre><p>text&nbsp;with\u00a0spaces and é</p>",
    '<p><img alt="d" src="d.svg"><a href="https://example.com">link</a> <sub>2</sub><sup>3</sup></p>',
    '<h2 id="e"></h2><p>   </p><ol start="3"><li></li></ol>',
]


@pytest.mark.parametrize("html", CANONICAL)
def test_the_dom_feed_gives_material_the_same_sections(html: str) -> None:
    assert _by_dom(html) == _by_html_parser(html)


@pytest.mark.parametrize(
    "html",
    [
        "<pre>\nleading newline</pre>",
        "<p>a</p><!-- comment --><p>b</p>",
        "<script>var x = '<p>';</script><p>after</p>",
        "<p>x</p><svg><path/></svg>",
        "<textarea>\n<p>raw</p></textarea>",
    ],
)
def test_what_the_tokenizers_could_read_differently_goes_through_html_parser(html: str) -> None:
    """These never reach the lexbor walk (the build's parser falls back for them)."""
    assert search_feed._DIFFERENT.search(html)
    fed = search_feed._dom_fed(Parser)()
    fed.feed(html)
    fed.close()
    assert _sections(fed) == _by_html_parser(html)


def _built_docs(project: Path) -> Path:
    result = run_cli("build", "--no-site", cwd=project)
    assert result.exit_code == 0, result.output
    return project / "docs"


def _search_index(project: Path, docs: Path, site: Path, *, fast: bool, monkeypatch) -> bytes:
    monkeypatch.setattr(search_feed, "KNOWN_PLUGINS", search_feed.KNOWN_PLUGINS if fast else frozenset())
    run_mkdocs(project / "mkdocs.yml", docs, site)
    return (site / "search" / "search_index.json").read_bytes()


def _project(name: str, tmp_path: Path) -> Path:
    project = tmp_path / name
    if name == "cruddur":
        shutil.copytree(ROOT / "model", project / "model", ignore=shutil.ignore_patterns("*.json"))
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    elif name == "hostile":
        shutil.copytree(ROOT / "model", project / "model", ignore=shutil.ignore_patterns("*.json"))
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        poison_model(project / "model")
    else:
        shutil.copytree(ROOT / "examples" / name, project, ignore=shutil.ignore_patterns("docs", "site"))
    return project


@pytest.mark.parametrize("name", ["cruddur", "serverless-wild-rydes", "hybrid-enterprise-orders", "hostile"])
def test_every_example_site_gets_a_byte_identical_search_index(name: str, tmp_path: Path, monkeypatch) -> None:
    project = _project(name, tmp_path)
    docs = _built_docs(project)
    fast = _search_index(project, docs, tmp_path / "fast", fast=True, monkeypatch=monkeypatch)
    plain = _search_index(project, docs, tmp_path / "plain", fast=False, monkeypatch=monkeypatch)
    assert len(fast) > 10_000 and fast == plain


def test_the_parser_is_swapped_only_during_a_build_and_only_with_known_plugins(tmp_path: Path, monkeypatch) -> None:
    from material.plugins.search import plugin as search

    seen = []
    original = search.Parser
    monkeypatch.setattr(search_feed, "feed_from_dom", lambda parser, html: seen.append(html) or None)
    project = _project("serverless-wild-rydes", tmp_path)
    docs = _built_docs(project)
    run_mkdocs(project / "mkdocs.yml", docs, tmp_path / "site")
    assert seen and search.Parser is original  # every page went through the walk; restored afterwards

    seen.clear()
    config = (project / "mkdocs.yml").read_text()
    (project / "mkdocs.yml").write_text(config.replace("  - search\n", "  - search\n  - tags\n", 1))
    run_mkdocs(project / "mkdocs.yml", docs, tmp_path / "site2")
    assert not seen and search.Parser is original  # a plugin archgen does not know: html.parser as before
