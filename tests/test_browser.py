"""The built site in a real headless Chromium: diagrams load, cost total, search, no console errors."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
OUTPUT = ROOT / "test-output"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    project = tmp_path_factory.mktemp("browser")
    shutil.copytree(ROOT / "model", project / "model")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    assert run_cli("build", cwd=project).exit_code == 0
    handler = functools.partial(_Quiet, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield b
        b.close()


def _page(browser, errors: list):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return page


def test_proposal_page_renders_and_is_saved(served, browser) -> None:
    errors: list[str] = []
    page = _page(browser, errors)
    page.goto(served + "/")
    assert page.locator("h1").inner_text().startswith("Cruddur: architecture proposal")
    image = page.locator(".archgen-diagram img").first
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "proposal.png"), full_page=True)
    assert errors == []


def test_architecture_diagrams_load_and_link(served, browser) -> None:
    errors: list[str] = []
    page = _page(browser, errors)
    page.goto(served + "/architecture/")
    objects = page.locator(".archgen-diagram object")
    assert objects.count() == 5
    page.wait_for_load_state("load")
    for i in range(objects.count()):
        width = objects.nth(i).evaluate(
            "o => o.contentDocument && o.contentDocument.documentElement.getAttribute('width')"
        )
        assert width, f"diagram {i} did not load"
    link = objects.nth(0).evaluate(
        "o => o.contentDocument.querySelector('a').getAttribute('xlink:href') || o.contentDocument.querySelector('a').getAttribute('href')"  # noqa: E501
    )
    assert link.startswith("../architecture/#el-")
    assert page.locator(f"#{link.split('#')[1]}").count() == 1
    assert errors == []


def test_cost_page_shows_the_total(served, browser) -> None:
    errors: list[str] = []
    page = _page(browser, errors)
    page.goto(served + "/cost/")
    row = page.locator("table tr", has_text="Total per month").first
    assert "$20.33" in row.inner_text() and "$129.89" in row.inner_text()
    assert errors == []


def test_search_finds_a_service_by_name(served, browser) -> None:
    errors: list[str] = []
    page = _page(browser, errors)
    page.goto(served + "/")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    # Material builds the index in a web worker; typing before it is ready is not searched again
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && m.textContent.trim() && !/initializing/i.test(m.textContent); }",
        timeout=30000,
    )
    page.locator("input.md-search__input").press_sequentially("DynamoDB", delay=40)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    assert results.count() >= 1
    assert "DynamoDB" in page.locator(".md-search-result").inner_text()
    assert errors == []


FIRST_SCREEN_TEXT = """() => [...document.querySelectorAll('article p, article li, article h1')]
  .filter(e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; })
  .map(e => e.innerText).join('\\n')"""


def test_the_first_screen_is_the_decision_pack(served, browser) -> None:
    """At 1366x768 the Proposal's first screen holds the ask, every scenario's total and the top risks."""
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(f"{served}/", wait_until="load")
    visible = page.evaluate(FIRST_SCREEN_TEXT)
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "proposal-first-screen.png"))
    page.close()
    assert "The ask: Approve the launch architecture" in visible, visible
    assert "Launch (first year) $20.33" in visible and "Growth (year two) $129.89" in visible, visible
    assert "Top risks:" in visible and "REL003@api_service" in visible, visible


def test_every_page_carries_a_policy_the_theme_satisfies(served, browser) -> None:
    """The Content-Security-Policy lets the theme's scripts run (search, palette) and nothing else:
    no page logs a violation, and a script added to a page is refused."""
    violations: list[str] = []
    page = browser.new_page()
    page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
    for path in ("", "architecture/", "cost/", "well-architected/", "options/", "reference/"):
        page.goto(f"{served}/{path}")
        page.wait_for_load_state("networkidle")
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1, path
    assert violations == []
    page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1';
                             document.body.appendChild(s); }""")
    assert page.evaluate("() => window.__ran") is None  # the injected inline script was refused
    assert violations, "the refusal is reported"
    page.close()


def test_every_diagram_opens_full_size_in_the_zoom_viewer(served, browser) -> None:
    """Each diagram has a link that opens its SVG in a lightbox (zoom on click, drag to pan), offline."""
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    violations: list[str] = []
    page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.goto(f"{served}/architecture/")
    links = page.locator("a.glightbox")
    objects = page.locator("div.archgen-diagram object")
    assert links.count() == objects.count() >= 5
    links.first.click()
    slide = page.locator(".glightbox-container .gslide.current img")
    slide.wait_for(state="visible", timeout=10_000)
    assert slide.get_attribute("src").endswith("diagrams/context.svg")
    page.wait_for_timeout(1000)  # the opening animation
    box = slide.bounding_box()
    assert box["width"] > 688  # larger than the diagram's place in the page column
    page.screenshot(path=str(OUTPUT / "architecture-zoom.png"))
    page.keyboard.press("Escape")
    assert violations == []
    page.close()


PAGES = (
    "",
    "architecture/",
    "services/",
    "cost/",
    "well-architected/",
    "options/",
    "decisions/",
    "reference/",
    "rules/",
)


def test_no_table_overflows_its_column_at_1366(served, browser) -> None:
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    overflowing = []
    for path in PAGES:
        page.goto(f"{served}/{path}")
        widths = page.evaluate(
            """() => [...document.querySelectorAll('.md-content table')].map(t => {
                   const column = t.closest('.md-content__inner');
                   const wrap = t.parentElement;
                   return [t.getBoundingClientRect().right, column.getBoundingClientRect().right,
                           wrap.scrollWidth, wrap.clientWidth];
               })"""
        )
        # the table ends inside the column, and nothing in it needs a sideways scroll bar
        overflowing += [(path, w) for w in widths if w[0] > w[1] + 1 or w[2] > w[3] + 1]
    page.close()
    assert overflowing == []


def test_screenshots_of_the_pages_a_cto_reads(served, browser) -> None:
    """For people to look at: the Proposal, Architecture and Cost pages at laptop width."""
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    for name, path in (("proposal", ""), ("architecture", "architecture/"), ("cost", "cost/")):
        page.goto(f"{served}/{path}")
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(OUTPUT / f"{name}-1366.png"), full_page=True)
        assert (OUTPUT / f"{name}-1366.png").stat().st_size > 10_000
    page.close()


# Each node's text must lie inside the node's own shape, and cluster titles inside their cluster. An
# icon node (an <image>/<use> with its label below) has no box of its own: its text must lie inside the
# smallest cluster around its icon (a fixed-size icon box let long names spill over cluster borders).
_CLIPPED_TEXT = """() => {
    const out = [];
    let boxes = 0;
    const inside = (t, b) => t.x >= b.x - 1 && t.y >= b.y - 1 &&
        t.x + t.width <= b.x + b.width + 1 && t.y + t.height <= b.y + b.height + 1;
    const clusters = [...document.querySelectorAll('g.cluster')]
        .map(c => c.querySelector('polygon, path')).filter(s => s).map(s => s.getBBox());
    for (const g of document.querySelectorAll('g.node')) {
        const icon = g.querySelector('image, use');
        if (!icon) continue;
        const i = icon.getBBox();
        const around = clusters.filter(b => inside(i, b)).sort((a, b) => a.width * a.height - b.width * b.height);
        if (!around.length) continue;
        boxes += 1;
        for (const text of g.querySelectorAll('text')) {
            if (text.textContent.trim() && !inside(text.getBBox(), around[0])) out.push(text.textContent.trim());
        }
    }
    for (const g of document.querySelectorAll('g.node, g.cluster')) {
        const shape = g.querySelector('polygon, ellipse, path');
        if (!shape || g.querySelector('image, use')) continue;
        const box = shape.getBBox();
        boxes += 1;
        for (const text of g.querySelectorAll('text')) {
            if (!text.textContent.trim()) continue;
            const t = text.getBBox();
            if (!inside(t, box)) out.push(text.textContent.trim());
        }
    }
    return [out, boxes];
}"""


def _diagram_files(served_root: Path) -> list[Path]:
    return sorted((served_root / "diagrams").glob("*.svg"))


@pytest.fixture(scope="module")
def example_sites(tmp_path_factory) -> list[Path]:
    """The site/ of each further example model (serverless, enterprise with on-premises parts)."""
    sites = []
    for example in sorted((ROOT / "examples").iterdir()):
        project = tmp_path_factory.mktemp(example.name)
        shutil.copytree(example / "model", project / "model")
        shutil.copy(example / "mkdocs.yml", project / "mkdocs.yml")
        assert run_cli("build", cwd=project).exit_code == 0
        sites.append(project / "site")
    return sites


def test_no_label_text_is_clipped_in_any_diagram(served, browser, example_sites) -> None:
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    clipped = {}
    checked = 0
    for site in example_sites:
        for svg in _diagram_files(site):
            page.goto(svg.as_uri())
            found, boxes = page.evaluate(_CLIPPED_TEXT)
            checked += boxes
            if found:
                clipped[f"{site.parent.name}/{svg.name}"] = found[:5]
    names = []
    for path in ("architecture/", "options/"):
        page.goto(f"{served}/{path}")
        names += page.evaluate(
            "() => [...document.querySelectorAll('div.archgen-diagram object, div.archgen-diagram img')]"
            ".map(o => o.getAttribute('data') || o.getAttribute('src'))"
        )
    for name in dict.fromkeys(n.rsplit("/", 1)[-1] for n in names):
        page.goto(f"{served}/diagrams/{name}")
        found, boxes = page.evaluate(_CLIPPED_TEXT)
        checked += boxes
        if found:
            clipped[name] = found[:5]
    page.close()
    assert checked >= 40  # boxes whose text was measured
    assert clipped == {}


# The tip of each arrowhead must touch what it points at: a node's drawing (icon, box, text) or a
# cluster (an arrow that stops in the white space of a node's invisible box points at nothing).
_ARROW_GAPS = """() => {
    const boxes = [];
    for (const g of document.querySelectorAll('g.node')) boxes.push(g.getBBox());  // its icon, shape and text
    for (const c of document.querySelectorAll('g.cluster')) {
        const shape = c.querySelector('polygon, path');
        if (shape) boxes.push(shape.getBBox());
    }
    const gap = (a, b) => {
        const dx = Math.max(b.x - (a.x + a.width), a.x - (b.x + b.width), 0);
        const dy = Math.max(b.y - (a.y + a.height), a.y - (b.y + b.height), 0);
        return Math.hypot(dx, dy);
    };
    const gaps = [];
    for (const head of document.querySelectorAll('g.edge polygon')) {
        const h = head.getBBox();
        gaps.push(Math.min(...boxes.map(b => gap(h, b))));
    }
    return gaps;
}"""


def test_arrowheads_touch_what_they_point_at(browser, example_sites) -> None:
    page = browser.new_page()
    far: dict[str, float] = {}
    heads = 0
    for svg in [svg for site in [ROOT / "docs", *example_sites] for svg in _diagram_files(site)]:
        page.goto(svg.as_uri())
        gaps = page.evaluate(_ARROW_GAPS)
        heads += len(gaps)
        if gaps and max(gaps) > 3:
            far[svg.name] = round(max(gaps))
    page.close()
    assert heads >= 50
    assert far == {}


# An edge label must lie wholly inside or wholly outside each cluster box: across a border it reads as
# belonging to neither (such labels become numbers beside the arrowhead, explained in a legend).
_LABELS_ACROSS_BORDERS = """() => {
    const boxes = [...document.querySelectorAll('g.cluster')]
        .map(c => c.querySelector('polygon, path')).filter(s => s).map(s => s.getBBox());
    const across = (t, b) => {
        const meets = !(t.x > b.x + b.width || t.x + t.width < b.x || t.y > b.y + b.height || t.y + t.height < b.y);
        const inside = t.x >= b.x && t.y >= b.y && t.x + t.width <= b.x + b.width && t.y + t.height <= b.y + b.height;
        return meets && !inside;
    };
    const labels = [...document.querySelectorAll('g.edge text')];
    return [labels.length, labels.filter(t => boxes.some(b => across(t.getBBox(), b))).map(t => t.textContent)];
}"""


def test_no_edge_label_lies_across_a_cluster_border(browser, example_sites) -> None:
    page = browser.new_page()
    across: dict[str, list[str]] = {}
    labels = 0
    for svg in [svg for site in [ROOT / "docs", *example_sites] for svg in _diagram_files(site)]:
        page.goto(svg.as_uri())
        count, found = page.evaluate(_LABELS_ACROSS_BORDERS)
        labels += count
        if found:
            across[svg.name] = found
    page.close()
    assert labels >= 100
    assert across == {}


def test_every_diagram_is_legible_at_page_width_or_opens_in_the_zoom_viewer(served, browser) -> None:
    """Rendered label text of at least 10 px at 1366 px, or a zoom link that opens the diagram."""
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    opened = legible = 0
    for path in PAGES:
        page.goto(f"{served}/{path}")
        page.wait_for_load_state("load")
        diagrams = page.evaluate(
            """() => [...document.querySelectorAll('div.archgen-diagram object, div.archgen-diagram img')]
                 .map(el => {
                     const doc = el.contentDocument;
                     const svg = doc && doc.querySelector('svg');
                     const src = el.getAttribute('data') || el.getAttribute('src');
                     if (!svg) return [src, null];
                     const sizes = [...svg.querySelectorAll('text')]
                         .map(t => parseFloat(t.getAttribute('font-size') || '14'));
                     const scale = el.getBoundingClientRect().width / svg.viewBox.baseVal.width;
                     return [src, Math.min(...sizes) * scale];
                 })"""
        )
        for src, size in diagrams:
            if size is not None and size >= 10:
                legible += 1
                continue
            name = src.rsplit("/", 1)[-1]
            link = page.locator(f'a.glightbox[href$="{name}"]').first
            assert link.count() == 1, f"{path}: {name} is small ({size}) and has no zoom link"
            link.click()
            slide = page.locator(".glightbox-container .gslide.current img")
            slide.wait_for(state="visible", timeout=10_000)
            assert slide.get_attribute("src").endswith(name)
            page.keyboard.press("Escape")
            page.locator(".glightbox-container").wait_for(state="detached", timeout=10_000)
            opened += 1
    page.close()
    assert opened + legible >= 7
