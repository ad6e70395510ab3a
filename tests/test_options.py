"""Options: overlays validate like the base model, with errors in their own file, and compare side by side."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_cli


def test_compare_the_example_options(project: Path) -> None:
    result = run_cli("compare", "--format", "json", cwd=project)
    assert result.exit_code == 0, result.output
    rows = {r["id"]: r for r in json.loads(result.stdout)}
    assert list(rows) == ["base", "api-on-lambda", "aurora-serverless"]
    assert rows["base"]["monthly_usd"] == ["20.33", "129.89"] and rows["base"]["chosen"] is True
    assert rows["api-on-lambda"]["monthly_usd"] == ["5.49", "153.58"]
    assert rows["aurora-serverless"]["decision"] == "adr-002-data-stores"
    assert float(rows["aurora-serverless"]["availability_percent"]) > float(rows["base"]["availability_percent"])
    text = run_cli("compare", cwd=project).stdout
    assert "API on Lambda + API Gateway (HTTP API)" in text and "$5.49 (-$14.84)" in text


def test_validate_counts_the_options(project: Path) -> None:
    result = run_cli("validate", cwd=project)
    assert result.stdout.rstrip().endswith("; 2 options valid")


def test_error_in_an_option_is_located_in_its_file(project: Path) -> None:
    option = project / "model" / "options" / "api-on-lambda.yaml"
    text = option.read_text().replace(
        "    sizing: {memory_mb: 1024, architecture: arm64}", "    sizing: {memory_mb: 1024, architecture: graviton}"
    )
    option.write_text(text)
    result = run_cli("validate", "--format", "json", cwd=project)
    assert result.exit_code == 1
    [problem] = json.loads(result.stdout)
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "graviton" in ln)
    assert (problem["file"], problem["line"], problem["code"]) == ("model/options/api-on-lambda.yaml", line, "S104")


def test_removing_an_unknown_id_and_missing_header(project: Path) -> None:
    options = project / "model" / "options"
    (options / "bad.yaml").write_text("option: {id: bad, title: Bad}\nremove: [api_lbb]\n")
    (options / "headless.yaml").write_text("remove: [api_lb]\n")
    result = run_cli("validate", "--format", "json", cwd=project)
    found = [(p["file"], p["line"], p["code"], p["message"]) for p in json.loads(result.stdout)]
    assert ("model/options/bad.yaml", 2, "R201", "cannot remove 'api_lbb': no such id in the base model") in found
    assert ("model/options/headless.yaml", 1, "S101", "missing required section 'option' in an option file") in found


def test_options_page_on_the_site(project: Path) -> None:
    result = run_cli("build", cwd=project)
    assert result.exit_code == 0, result.output
    page = (project / "site" / "options" / "index.html").read_text()
    assert "API on Lambda + API Gateway (HTTP API)" in page and "removed service" in page
    assert (project / "docs" / "diagrams" / "option-api-on-lambda-deployment.svg").is_file()


def test_each_option_diagram_names_its_option(project: Path) -> None:
    from generator.analysis import analyse
    from generator.load.options import load_model_and_options

    analysis = analyse(*load_model_and_options(project / "model"))
    titles = [v.title for o in analysis.options for v in o.analysis.views]
    assert len(titles) == len(set(titles)) == 2
    assert all(", option: " in t for t in titles)


def test_an_option_is_not_blamed_for_figures_in_the_proposals_prose(project: Path) -> None:
    """ADR-001 quotes the load balancer's cost; the Lambda option removes the load balancer. The site renders
    the ADR with the proposal's figures, so that is no problem; the example builds without warnings."""
    result = run_cli("build", "--no-site", cwd=project)
    assert result.exit_code == 0, result.output
    assert "C103" not in result.stderr


def test_figures_in_an_options_own_prose_are_checked_against_the_option(project: Path) -> None:
    option = project / "model" / "options" / "api-on-lambda.yaml"
    option.write_text(
        option.read_text()
        + "decisions:\n  - id: adr-009-lambda\n    title: Lambda\n    status: proposed\n    date: '2026-12-01'\n"
        "    context: Cost.\n    decision: Lambda.\n    consequences: No more {cost.api_lb.growth} for the ALB.\n"
    )
    result = run_cli("build", "--no-site", cwd=project)
    assert result.exit_code == 0, result.output
    assert (
        "model/options/api-on-lambda.yaml" in result.stderr and "{cost.api_lb.growth} names no figure" in result.stderr
    )
