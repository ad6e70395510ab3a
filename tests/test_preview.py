"""The mkdocs plugin and `archgen serve`: pages regenerate from the model without `archgen build`."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import ROOT, run_cli


def _project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "model", tmp_path / "model")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "docs").mkdir()  # MkDocs checks docs_dir exists before any plugin runs
    return tmp_path


def test_plain_mkdocs_build_regenerates_pages_through_the_plugin(tmp_path: Path) -> None:
    project = _project(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "ARCHGEN_PLUGIN_OFF"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert (project / "docs" / "index.md").is_file()
    assert "Cruddur: architecture proposal" in (project / "site" / "index.html").read_text()


def test_plain_mkdocs_reports_an_invalid_model(tmp_path: Path) -> None:
    project = _project(tmp_path)
    services = project / "model" / "services.yaml"
    services.write_text(services.read_text().replace("kind: route53", "kind: route54"))
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode != 0
    assert "model/services.yaml" in proc.stderr and "S104" in proc.stderr and "Traceback" not in proc.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


def test_serve_regenerates_when_a_model_file_changes(tmp_path: Path) -> None:
    project = _project(tmp_path)
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "ARCHGEN_PLUGIN_OFF"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--address", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 120
        page = ""
        while time.monotonic() < deadline:
            try:
                page = _get(url)
                break
            except OSError:
                time.sleep(0.5)
        assert "in-review" in page
        proposal = project / "model" / "proposal.yaml"
        proposal.write_text(proposal.read_text().replace("status: in-review", "status: approved"))
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and "approved" not in page:
            time.sleep(1)
            try:
                page = _get(url)
            except OSError:
                pass
        assert "approved" in page
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_plain_mkdocs_build_with_the_plugin_keeps_the_committed_pages(project: Path) -> None:
    """The plugin runs the same pipeline as `archgen build`, options included: a plain `mkdocs build`
    (what `archgen serve` runs) leaves docs/ byte-identical, Options page and all."""
    import subprocess
    import sys

    from generator.publish.staging import read_tree

    assert run_cli("build", "--no-site", cwd=project).exit_code == 0
    before = read_tree(project / "docs")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    proc = subprocess.run([str(mkdocs), "build", "-q"], cwd=project, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert read_tree(project / "docs") == before
    assert "No options are declared" not in (project / "docs" / "options.md").read_text()


def test_a_mkdocs_yml_that_lists_only_the_plugin_still_renders_the_pages(tmp_path: Path) -> None:
    """The plugin adds the Markdown extensions and stylesheet the pages need, the same policy header,
    and says which theme to add."""
    project = _project(tmp_path)
    (project / "mkdocs.yml").write_text("site_name: Plain\nplugins:\n  - archgen\n")
    env = {k: v for k, v in os.environ.items() if k != "ARCHGEN_PLUGIN_OFF"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"], cwd=project, env=env, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    assert "add `theme: {name: material}`" in proc.stderr
    services = (project / "site" / "services" / "index.html").read_text()
    assert 'id="frontend-bucket"' in services  # attr_list anchors work
    assert 'http-equiv="Content-Security-Policy"' in services


def test_serve_takes_the_model_path_and_a_port_like_build(tmp_path: Path) -> None:
    """`archgen serve MODEL --port N`: the model path given on the command line is the one the pages come
    from (the plugin's own `model` option is not a second source of truth)."""
    project = _project(tmp_path)
    (project / "model").rename(project / "architecture")
    proposal = project / "architecture" / "proposal.yaml"
    proposal.write_text(proposal.read_text().replace("status: in-review", "status: draft"))
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("ARCHGEN_PLUGIN_OFF", "ARCHGEN_MODEL")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "architecture", "--port", str(port)],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline, page = time.monotonic() + 120, ""
        while time.monotonic() < deadline and "draft" not in page:
            try:
                page = _get(f"http://127.0.0.1:{port}/")
            except OSError:
                time.sleep(0.5)
        assert "status draft" in page
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    missing = run_cli("serve", "nowhere", cwd=project)
    assert missing.exit_code == 2 and "does not exist" in missing.stderr
