"""`archgen pdf`: the decision pack as a printable A4 PDF, printed by headless Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import click

from generator.cli.build import project_option
from generator.cli.common import model_argument, option, write_output
from generator.errors import ExternalToolFailed, ToolMissing, UsageError

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Chromium writes the time it printed into the PDF; the same inputs should give the same bytes, so the
# two dates are set to a fixed one of the same length (the cross-reference offsets stay valid)
_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate) \(D:)\d{14}")


def _browser() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    raise ToolMissing(
        "archgen pdf prints the decision pack with headless Chromium, which is not installed",
        hint="install it (Debian: apt-get install chromium), then run archgen pdf again",
    )


def _fixed_dates(pdf: bytes) -> bytes:
    return _PDF_DATE.sub(lambda m: m.group(1) + b"20000101000000", pdf)


_STAMP = re.compile(r'<p class="archgen-stamp">.*?</p>', re.DOTALL)


def with_model_stamp(print_page: str, proposal_page: str) -> str:
    """The print page with the Proposal's stamp (model hash, price date, framework revision): docs/
    keeps the hash on one page only, so unrelated pull requests do not conflict; the PDF carries it."""
    found = _STAMP.search(proposal_page)
    return _STAMP.sub(lambda _: found.group(0), print_page) if found else print_page


def print_pdf(page: Path) -> bytes:
    """One built page printed (its @page rules give A4, margins and page numbers), as PDF bytes."""
    browser = _browser()
    with tempfile.TemporaryDirectory(prefix="archgen-pdf-") as tmp:
        target = Path(tmp) / "out.pdf"
        proc = subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
                "--run-all-compositor-stages-before-draw",
                "--virtual-time-budget=5000",
                f"--user-data-dir={tmp}/profile",
                f"--print-to-pdf={target}",
                page.resolve().as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if proc.returncode != 0 or not target.is_file():
            raise ExternalToolFailed(
                "Chromium could not print the decision pack",
                details=[line for line in proc.stderr.splitlines()[-5:] if line.strip()],
                hint="run archgen build first and check that site/print/index.html opens",
            )
        return _fixed_dates(target.read_bytes())


@click.command()
@model_argument
@project_option
@option("--output", "-o", help="Where to write the PDF.", default=Path("site/proposal.pdf"))
def pdf(model: Path, project: Path, output: Path) -> None:
    """Write the decision pack (proposal, diagrams, services, cost, pillars) as an A4 PDF."""
    from generator.cli.build import build

    build(model, project)  # up to date in a moment when nothing changed
    page = project / "site" / "print" / "index.html"
    if not page.is_file():
        page = project / "site" / "print.html"  # use_directory_urls: false
    if str(output) == "-":
        raise UsageError("a PDF cannot go to standard output here", hint="give a file with --output")
    target = output if output.is_absolute() else project / output
    stamped = page.with_name(".archgen-print.html")  # beside the page: its relative links still work
    try:
        proposal = (project / "site" / "index.html").read_text(encoding="utf-8")
        stamped.write_text(with_model_stamp(page.read_text(encoding="utf-8"), proposal), encoding="utf-8")
        pdf_bytes = print_pdf(stamped)
    finally:
        stamped.unlink(missing_ok=True)
    write_output(target, pdf_bytes)  # atomic: a refused path is a clear error, an earlier PDF stays whole


def register(group: click.Group) -> None:
    group.add_command(pdf)
