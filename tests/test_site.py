"""`archgen build` as a user runs it: strict MkDocs build, determinism, atomicity, escaping."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.publish.staging import read_tree
from tests.conftest import ROOT, run_cli


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("site")
    shutil.copytree(ROOT / "model", project / "model")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    result = run_cli("build", cwd=project)
    assert result.exit_code == 0, result.output
    return project


def test_build_summary(built: Path) -> None:
    result = run_cli("build", "--no-site", cwd=built)
    lines = result.stdout.splitlines()
    assert lines[0] == "up to date: Cruddur into docs/ and diagrams_out/: 19 pages, 5 diagrams"
    assert lines[1] == "  monthly cost: Launch (first year) $20.33, Growth (year two) $129.89"
    # question risk and findings, named apart; a contradiction with an answer is part of its finding
    assert lines[2] == (
        "  review: Questions: 30 at high risk, 20 at medium risk, 7 with no risk, 0 unanswered, 0 not applicable. "
        "Findings: 16 open (12 high, 4 medium, 0 low), 2 acknowledged."
    )


def test_every_page_is_built(built: Path) -> None:
    for page in (
        "index.html",
        "architecture/index.html",
        "services/index.html",
        "cost/index.html",
        "well-architected/index.html",
        "rules/index.html",
        "decisions/index.html",
        "decisions/adr-001-fargate/index.html",
        "reference/index.html",
        "diagrams/deployment.svg",
    ):
        assert (built / "site" / page).is_file(), page
    cost = (built / "site" / "cost" / "index.html").read_text()
    assert "$20.33" in cost and "https://aws.amazon.com/lambda/pricing/" in cost
    proposal = (built / "site" / "index.html").read_text()
    assert "Model " in proposal and "prices read 2026-11-23" in proposal and "Framework 2024-11-06" in proposal
    assert "from the model. Prices read 2026-11-23 · Well-Architected Framework 2024-11-06" in cost
    assert (built / "site" / "service-kinds" / "index.html").is_file()


def test_service_sections_are_titled_by_name_and_read_as_sentences(built: Path) -> None:
    """The Services page's table of contents lists names a reader knows, not model ids; a role that ends
    with a full stop does not get a second one."""
    html = (built / "site" / "services" / "index.html").read_text()
    assert '<h2 id="dns">cruddur.com hosted zone' in html and '<h2 id="dns">dns' not in html
    page = (built / "docs" / "services.md").read_text()
    assert "(`dns`). Public DNS" in page and "records.." not in page


def test_the_free_tier_sentence_is_its_own_paragraph_not_part_of_the_last_scenario(built: Path) -> None:
    """Markdown joins a line that follows a list item without a blank line to that item."""
    html = (built / "site" / "index.html").read_text()
    assert "<p>Free-tier program assumed:" in html


def test_archgen_emphasis_in_tables_renders_and_model_text_there_stays_text(built: Path) -> None:
    """The findings tables' State column: 'open' in bold, never the literal asterisks a reader saw on the
    Proposal and Well-Architected pages; an acknowledgement (model text) in the same column escaped."""
    for page in ("index.html", "well-architected/index.html"):
        html = (built / "site" / page).read_text()
        assert "<td><strong>open</strong></td>" in html and "**open**" not in html, page
        assert "acknowledged: Single-AZ db.t4g.micro is free in year one" in html, page
        assert '<span class="archgen-id">OPS06-BP01</span>' in html, page  # never split at its hyphen


def test_committed_docs_are_what_the_model_produces() -> None:
    """docs/ and diagrams_out/ in the repository are current (what `archgen check` will enforce)."""
    import os

    from generator.analysis import analyse
    from generator.load.options import load_model_and_options
    from generator.publish.site import generate

    old = Path.cwd()
    os.chdir(ROOT)  # locations in the pages are relative to the project root, as `archgen build` runs
    try:
        loaded, options = load_model_and_options(Path("model"))
        built = generate(analyse(loaded, options), None)
    finally:
        os.chdir(old)
    assert read_tree(ROOT / "docs") == built.docs
    assert read_tree(ROOT / "diagrams_out") == built.diagrams


def test_two_builds_are_byte_identical(built: Path) -> None:
    before = (read_tree(built / "docs"), read_tree(built / "diagrams_out"))
    assert run_cli("build", "--no-cache", cwd=built).exit_code == 0
    assert (read_tree(built / "docs"), read_tree(built / "diagrams_out")) == before


def _snapshot(project: Path) -> tuple:
    return tuple(read_tree(project / d) for d in ("docs", "diagrams_out", "site"))


def test_invalid_model_leaves_outputs_untouched(built: Path) -> None:
    before = _snapshot(built)
    services = built / "model" / "services.yaml"
    original = services.read_text()
    services.write_text(original.replace("kind: route53", "kind: route54"))
    try:
        result = run_cli("build", cwd=built)
        assert result.exit_code == 1 and "S104" in result.stderr
        assert _snapshot(built) == before
    finally:
        services.write_text(original)


def test_mkdocs_failure_leaves_outputs_untouched(built: Path) -> None:
    before = _snapshot(built)
    config = built / "mkdocs.yml"
    original = config.read_text()
    config.write_text(original.replace("  - Proposal: index.md\n", "  - Proposal: index.md\n  - Ghost: ghost.md\n"))
    try:
        result = run_cli("build", cwd=built)
        assert result.exit_code == 1
        assert result.stderr.startswith("error: mkdocs build --strict failed")
        assert _snapshot(built) == before
        assert not [p for p in built.iterdir() if p.name.startswith(".archgen-staging")]
    finally:
        config.write_text(original)


def test_model_text_never_becomes_markup(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "model", tmp_path / "model")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    proposal = tmp_path / "model" / "proposal.yaml"
    proposal.write_text(
        proposal.read_text().replace(
            "description: Hosted error tracking for the API.",
            'description: "<script>alert(1)</script> [x](javascript:alert(1)) **bold** | pipe"',
        )
    )
    result = run_cli("build", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    for page in (tmp_path / "site").rglob("*.html"):
        text = page.read_text()
        assert "<script>alert(1)</script>" not in text, page
        assert 'href="javascript:' not in text, page
    architecture = (tmp_path / "site" / "architecture" / "index.html").read_text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in architecture
    svg = (tmp_path / "diagrams_out" / "context.svg").read_text()
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_no_change_rebuild_touches_nothing(built: Path) -> None:
    site_index = built / "site" / "index.html"
    mtime = site_index.stat().st_mtime_ns
    result = run_cli("build", cwd=built)
    assert result.exit_code == 0 and result.stdout.startswith("up to date: Cruddur into site/")
    assert site_index.stat().st_mtime_ns == mtime
    (built / "mkdocs.yml").write_text(
        (built / "mkdocs.yml")
        .read_text()
        .replace("site_name: Cruddur architecture proposal", "site_name: Cruddur proposal")
    )
    result = run_cli("build", cwd=built)
    assert result.stdout.startswith("built Cruddur into site/")
    assert "Cruddur proposal" in site_index.read_text()


def test_fast_path_notices_changed_outputs_and_inputs(built: Path) -> None:
    assert run_cli("build", cwd=built).stdout.startswith("up to date:")
    (built / "docs" / "index.md").write_text("tampered")
    result = run_cli("build", cwd=built)
    assert result.stdout.startswith("built Cruddur") and "tampered" not in (built / "docs" / "index.md").read_text()
    assert run_cli("build", cwd=built).stdout.startswith("up to date:")
    decisions = built / "model" / "decisions.yaml"
    decisions.write_text(decisions.read_text().replace("status: proposed", "status: accepted"))
    assert run_cli("build", cwd=built).stdout.startswith("built Cruddur")


def test_unchanged_rebuild_repeats_the_warnings(project: Path) -> None:
    """A build with warnings is stamped too; an unchanged rebuild is instant and still shows them."""
    import subprocess
    import sys

    services = project / "model" / "services.yaml"
    services.write_text(
        services.read_text().replace(
            "usage: {hosted_zones: 1, alias_queries: 2000000}", "usage: {alias_queries: 2000000}"
        )
    )
    first = run_cli("build", cwd=project)
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("built Cruddur")
    warning = "C105 warning: dns: usage hosted_zones is not stated, so its cost is unknown"
    assert warning in first.stderr
    again = run_cli("build", cwd=project)
    assert again.stdout.startswith("up to date: Cruddur") and warning in again.stderr
    fast = subprocess.run(
        [sys.executable, "-c", "from generator.cli.entry import main; main()", "build"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert fast.returncode == 0 and fast.stdout.startswith("up to date: Cruddur"), fast.stderr
    assert warning in fast.stderr


def test_entry_hands_its_fingerprint_to_the_build_command(built: Path, monkeypatch) -> None:
    """The entry point's fingerprint reaches `build` as an argument (no module state), so it is hashed once."""
    from generator.cli import entry
    from generator.publish import stamp

    (built / "model" / "proposal.yaml").write_text((built / "model" / "proposal.yaml").read_text() + "\n")
    computed = []
    real = stamp.input_fingerprint
    monkeypatch.setattr(stamp, "input_fingerprint", lambda *a: computed.append(a) or real(*a))
    monkeypatch.setattr("sys.argv", ["archgen", "build", "--no-site"])
    monkeypatch.chdir(built)
    with pytest.raises(SystemExit) as exit_info:
        entry.main()
    assert exit_info.value.code in (0, None)
    assert len(computed) == 1


def test_a_one_line_model_change_rewrites_only_the_pages_that_show_it(project: Path) -> None:
    """Page footers carry the facts' dates, not the model hash (only the Proposal does), so an unrelated
    pull request does not touch every page and two PRs merge without conflicts in docs/."""
    from generator.publish.staging import read_tree

    assert run_cli("build", "--no-site", cwd=project).exit_code == 0
    before = read_tree(project / "docs")
    services = project / "model" / "services.yaml"
    services.write_text(
        services.read_text().replace(
            "Serves the web app and processed avatars from the edge", "Serves the web app and avatars from the edge", 1
        )
    )
    assert run_cli("build", "--no-site", cwd=project).exit_code == 0
    after = read_tree(project / "docs")
    changed = sorted(name for name in after if after[name] != before.get(name))
    # each of these shows the description (the diagrams as a tooltip); index.md carries the model hash
    assert changed == [
        "architecture.md",
        "diagrams/deployment.svg",
        "diagrams/option-api-on-lambda-deployment.svg",
        "diagrams/option-aurora-serverless-deployment.svg",
        "index.md",
        "print.md",
        "services.md",
    ], changed
