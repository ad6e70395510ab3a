"""Model text never becomes markup or script: every text field of the example model (and its options)
carries an attack payload, the site is built, and every page is opened in headless Chromium."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli
from tests.hostile.xss_corpus import PAYLOADS, poison_model
from tests.test_browser import CHROMIUM, _Quiet, browser  # noqa: F401 (the browser fixture)

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")

FIND_MARKUP_FROM_MODEL = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on')) bad.push(`${el.tagName} ${attr.name}`);
      if (/^\\s*(javascript|data|vbscript):/i.test(attr.value) && ['href', 'src', 'data', 'action', 'formaction',
          'xlink:href'].includes(attr.name)) bad.push(`${el.tagName} ${attr.name}=${attr.value}`);
    }
    if (['IFRAME', 'EMBED', 'FRAME'].includes(el.tagName)) bad.push(el.tagName);
    if (el.tagName === 'SCRIPT' && /alert\\(/.test(el.textContent)) bad.push('SCRIPT ' + el.textContent.slice(0, 40));
    if (el.tagName === 'STYLE' && /alert\\(/.test(el.textContent)) bad.push('STYLE from model text');
  }
  if (/alert\\(/.test(document.title) && /</.test(document.title) && document.querySelector('title').children.length)
    bad.push('title markup');
  return bad;
}"""


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory):
    project = tmp_path_factory.mktemp("xss")
    shutil.copytree(ROOT / "model", project / "model", ignore=shutil.ignore_patterns("*.json"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    fields = poison_model(project / "model")
    result = run_cli("build", cwd=project)
    assert result.exit_code == 0, result.output
    handler = functools.partial(_Quiet, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield project, f"http://127.0.0.1:{server.server_address[1]}", fields
    server.shutdown()


def test_the_corpus_is_large_and_reaches_every_text_field(poisoned_site) -> None:
    _, _, fields = poisoned_site
    assert len(PAYLOADS) >= 30
    assert fields >= 300  # every free-text field of the example model and its options


def test_no_page_runs_script_or_carries_markup_from_the_model(poisoned_site, browser) -> None:  # noqa: F811
    project, base, _ = poisoned_site
    pages = sorted(p.relative_to(project / "site") for p in (project / "site").rglob("index.html"))
    assert len(pages) >= 10
    problems: list[str] = []
    for rel in pages:
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        dialogs: list[str] = []
        page.on("dialog", lambda d, found=dialogs: (found.append(d.message), d.dismiss()))
        page.goto(f"{base}/{rel.parent.as_posix()}/".replace("/./", "/"), wait_until="load")
        page.wait_for_timeout(150)  # autofocus / ontoggle handlers fire right after load
        for element in page.query_selector_all("details"):
            element.evaluate("e => e.open = true")
        problems += [f"{rel}: dialog {m}" for m in dialogs]
        problems += [f"{rel}: {b}" for b in page.evaluate(FIND_MARKUP_FROM_MODEL)]
        page.close()
    assert not problems, problems[:20]


def test_diagrams_carry_no_script_or_script_links(poisoned_site) -> None:
    """Model text in a diagram stays label text: no script element, no handler, no script URL."""
    project, _, _ = poisoned_site
    svgs = sorted((project / "site" / "diagrams").glob("*.svg"))
    assert svgs
    for svg in svgs:
        for element in ET.parse(svg).iter():
            assert not element.tag.endswith("script"), svg.name
            for name, value in element.attrib.items():
                local = name.rsplit("}", 1)[-1]
                assert not local.startswith("on"), (svg.name, name)
                if local in ("href", "src"):
                    assert not value.strip().lower().startswith(("javascript:", "data:text")), (svg.name, value)
