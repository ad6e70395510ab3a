"""`archgen pdf` as a user runs it: the decision pack as A4 with the ask, every total, page numbers and
the model stamp on the last page; the same inputs give the same bytes."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

pytestmark = pytest.mark.skipif(
    not (shutil.which("chromium") and shutil.which("pdftotext")), reason="./run test installs chromium and poppler"
)


def test_the_decision_pack_prints_to_a_stable_pdf(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "model", tmp_path / "model")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    first = run_cli("pdf", "-o", "out/pack.pdf", cwd=tmp_path)
    assert first.exit_code == 0, first.output
    pdf = tmp_path / "out" / "pack.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert "The ask: Approve the launch architecture" in flat
    assert "Launch (first year) $20.33" in flat and "Growth (year two) $129.89" in flat
    assert "Page 1 of" in flat and "Cruddur: AWS deployment" in flat
    last_page = text.split("\f")[-2] if text.endswith("\f") else text.split("\f")[-1]
    assert "Model " in last_page and "Architected Framework 2024-11-06" in " ".join(last_page.split())
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "A4" in info or "595.92 x 842.88" in info or "595 x 842" in info
    before = pdf.read_bytes()
    assert run_cli("pdf", "-o", "out/pack.pdf", cwd=tmp_path).exit_code == 0
    assert pdf.read_bytes() == before  # same inputs, same bytes


def test_without_chromium_the_message_says_what_to_install(tmp_path: Path, monkeypatch) -> None:
    from generator.cli import pdf as pdf_command
    from generator.errors import ToolMissing

    monkeypatch.setattr(pdf_command.shutil, "which", lambda name: None)
    with pytest.raises(ToolMissing) as caught:
        pdf_command.print_pdf(tmp_path / "x.html")
    assert "apt-get install chromium" in caught.value.hint


def test_a_refused_output_path_is_a_clear_error(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "model", tmp_path / "model")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "blocker").write_text("a file, not a folder")
    result = run_cli("pdf", "-o", "blocker/pack.pdf", cwd=tmp_path)
    assert result.exit_code == 1 and "cannot write" in result.stderr and "Traceback" not in result.output
    assert run_cli("pdf", "-o", "-", cwd=tmp_path).exit_code == 2
