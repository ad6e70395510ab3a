"""PR workflow commands against real temporary git repositories: diff, gates, check."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "model", tmp_path / "model", ignore=shutil.ignore_patterns("*.json"))
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.com", "add", ".")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "base")
    git(tmp_path, "checkout", "-q", "-b", "feature")
    return tmp_path


def commit(repo: Path, message: str) -> None:
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qam", message)


def edit(repo: Path, file: str, old: str, new: str) -> None:
    path = repo / "model" / file
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def test_diff_against_the_merge_base_shows_cost_and_fields(repo: Path) -> None:
    edit(repo, "services.yaml", "multi_az: false, az_count: 1}", "multi_az: true, az_count: 2}")
    commit(repo, "multi-az database")
    result = run_cli("diff", "--format", "json", cwd=repo)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    [change] = data["elements"]
    assert (change["section"], change["id"], change["change"]) == ("services", "main_db", "changed")
    assert {f["path"] for f in change["fields"]} == {"placement.multi_az", "placement.az_count"}
    launch = data["cost"][0]
    assert (launch["old_usd"], launch["new_usd"], launch["delta_usd"]) == ("20.33", "48.29", "27.96")
    md = run_cli("diff", "--base", "main", cwd=repo).stdout
    assert md.startswith("<!-- archgen-diff -->\n## Architecture change (archgen)")
    assert "Launch (first year): $20.33 → $48.29 (+$27.96)" in md
    assert "acknowledgements that no longer match a finding (remove them): `REL001@main_db`" in md


def test_gate_on_new_high_finding(repo: Path) -> None:
    edit(
        repo,
        "services.yaml",
        "sizing: {instance_class: db.t4g.micro, engine: postgres, storage_gb: 20, backup_retention_days: 7,",
        "sizing: {instance_class: db.t4g.micro, engine: postgres, storage_gb: 20, backup_retention_days: 0,",
    )
    commit(repo, "no backups")
    result = run_cli("diff", "--gate", cwd=repo)
    assert result.exit_code == 3
    assert "gate: new unacknowledged HIGH finding REL002@main_db" in result.stderr
    assert "new HIGH `REL002@main_db`" in result.stdout


def test_gate_on_budget_ceiling_comes_from_the_base(repo: Path) -> None:
    git(repo, "checkout", "-q", "main")
    edit(repo, "cost.yaml", "max_monthly_cost: 250", "max_monthly_cost: 100")
    commit(repo, "tighter ceiling on main")
    git(repo, "checkout", "-q", "-B", "feature", "main")
    edit(repo, "services.yaml", "desired_count: 1, min_count: 1", "desired_count: 2, min_count: 1")
    commit(repo, "two API tasks")
    result = run_cli("diff", "--base", "main", "--gate", cwd=repo)
    assert result.exit_code == 3
    assert "above the $100 ceiling in gates.max_monthly_cost" in result.stderr
    assert "**Gate: failed**" in result.stdout


def test_a_pull_request_cannot_loosen_its_own_gate(repo: Path) -> None:
    """Regression: gates were read from the PR's own model, so a PR could switch its gate off."""
    edit(repo, "cost.yaml", "max_monthly_cost: 250", "max_monthly_cost: 100000")
    edit(repo, "cost.yaml", "  gates:", "  gates:") if "  gates:" in (
        repo / "model" / "cost.yaml"
    ).read_text() else None
    gates_file = next(
        f
        for f in (repo / "model").glob("*.yaml")
        if "no_new_findings_at" in f.read_text() or "max_monthly_cost" in f.read_text()
    )
    text = gates_file.read_text()
    if "no_new_findings_at" in text:
        gates_file.write_text(__import__("re").sub(r"no_new_findings_at: \w+", "no_new_findings_at: null", text))
    edit(
        repo,
        "services.yaml",
        "sizing: {instance_class: db.t4g.micro, engine: postgres, storage_gb: 20, backup_retention_days: 7,",
        "sizing: {instance_class: db.t4g.micro, engine: postgres, storage_gb: 20, backup_retention_days: 0,",
    )
    commit(repo, "loosen the gate and drop backups")
    result = run_cli("diff", "--gate", cwd=repo)
    assert result.exit_code == 3, result.output
    assert "policy change(s)" in result.stderr
    assert "new unacknowledged HIGH finding REL002@main_db" in result.stderr  # judged by the base's gate
    assert "### Policy changes (need a separate approval)" in result.stdout
    assert "gates.max_monthly_cost" in result.stdout and "100000" in result.stdout
    approved = run_cli("diff", "--gate", "--allow-policy-changes", cwd=repo)
    assert approved.exit_code == 3 and "policy change" not in approved.stderr  # the finding still fails


def test_base_means_the_merge_base_after_main_moved(repo: Path) -> None:
    """Regression: --base main compared with main's tip, so main's own later changes showed in the PR."""
    edit(repo, "services.yaml", "desired_count: 1, min_count: 1", "desired_count: 2, min_count: 1")
    commit(repo, "two API tasks")
    feature_only = json.loads(run_cli("diff", "--base", "main", "--format", "json", cwd=repo).stdout)
    git(repo, "checkout", "-q", "main")
    edit(repo, "services.yaml", "multi_az: false, az_count: 1}", "multi_az: true, az_count: 2}")
    commit(repo, "main moves on")
    git(repo, "checkout", "-q", "feature")
    after_main_moved = json.loads(run_cli("diff", "--base", "main", "--format", "json", cwd=repo).stdout)
    assert after_main_moved["cost"] == feature_only["cost"]


def test_no_change_is_said_plainly(repo: Path) -> None:
    result = run_cli("diff", "--base", "main", "--gate", cwd=repo)
    assert result.exit_code == 0
    assert "No architectural change" in result.stdout


def test_diff_of_two_folders_and_bad_arguments(repo: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(repo / "model", other)
    (other / "services.yaml").write_text(
        (other / "services.yaml").read_text().replace("name: Cruddur CDN", "name: Cruddur edge")
    )
    result = run_cli("diff", "model", str(other), "--format", "json", cwd=repo)
    assert json.loads(result.stdout)["elements"][0]["fields"][0] == {
        "path": "name",
        "old": "Cruddur CDN",
        "new": "Cruddur edge",
    }
    assert run_cli("diff", "model", cwd=repo).exit_code == 2
    bad = run_cli("diff", "--base", "no-such-ref", cwd=repo)
    assert bad.exit_code == 2 and "unknown git revision 'no-such-ref'" in bad.stderr


def test_check_lists_stale_files_and_writes_nothing(repo: Path) -> None:
    assert run_cli("build", "--no-site", cwd=repo).exit_code == 0
    assert run_cli("check", cwd=repo).exit_code == 0
    edit(repo, "services.yaml", "name: Cruddur CDN", "name: Cruddur edge network")
    before = sorted(p.as_posix() for p in (repo / "docs").rglob("*"))
    result = run_cli("check", cwd=repo)
    assert result.exit_code == 1
    assert "docs/architecture.md (differs)" in result.stderr
    assert "diagrams_out/deployment.dot (differs)" in result.stderr
    assert sorted(p.as_posix() for p in (repo / "docs").rglob("*")) == before


def test_diff_comment_stays_under_the_github_limit() -> None:
    from generator.diffing.model_diff import ElementChange, FieldChange, ModelDiff
    from generator.render.diff import GITHUB_COMMENT_LIMIT, diff_markdown

    big = ModelDiff(
        tuple(
            ElementChange("services", f"s{i}", "changed", (FieldChange("description", "a" * 300, "b" * 300),))
            for i in range(500)
        ),
        (),
        (),
        (),
        {},
    )
    text = diff_markdown(big)
    assert len(text) <= GITHUB_COMMENT_LIMIT and "cut to fit" in text


def test_check_judges_images_by_their_dot_not_their_bytes(tmp_path: Path) -> None:
    """Images rendered by another Graphviz/cairo build (GitHub's runners) differ in bytes but not in
    DOT: `check` passes and says so; a real change of the view still fails it."""
    project = tmp_path / "p"
    shutil.copytree(ROOT / "model", project / "model", ignore=shutil.ignore_patterns("*.json"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    assert run_cli("build", "--no-site", cwd=project).exit_code == 0
    for svg in [*(project / "diagrams_out").glob("*.svg"), *(project / "docs" / "diagrams").glob("*.svg")]:
        svg.write_text(svg.read_text().replace("<svg", "<!-- rendered elsewhere -->\n<svg", 1))
    result = run_cli("check", cwd=project)
    assert result.exit_code == 0, result.output
    assert "differ only in rendering" in result.stdout
    dot = project / "diagrams_out" / "context.dot"
    dot.write_text(dot.read_text() + "\n// edited\n")
    stale = run_cli("check", cwd=project)
    assert stale.exit_code == 1
    assert "diagrams_out/context.dot (differs)" in stale.stderr and "diagrams_out/context.svg (differs)" in stale.stderr


def test_the_comment_draws_what_changed_with_its_neighbours(tmp_path: Path) -> None:
    import shutil

    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(ROOT / "model", old)
    shutil.copytree(ROOT / "model", new)
    services = new / "services.yaml"
    services.write_text(services.read_text().replace("instance_class: db.t4g.micro", "instance_class: db.t4g.small", 1))
    md = run_cli("diff", str(old), str(new), cwd=tmp_path).stdout
    block = md.split("```mermaid\n", 1)[1].split("```", 1)[0]
    assert 'n0["main_db (changed)"]:::changed' in block
    assert '["users_db"]:::same' in block and "n1 --> n0" in block  # the container it hosts
    assert "🔺" not in md


def test_the_diff_covers_every_section_not_only_the_element_lists(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(ROOT / "model", old)
    shutil.copytree(ROOT / "model", new)
    edits = {
        "proposal.yaml": ("audience: ", "audience: the board and "),
        "cost.yaml": ("multiplier: 10", "multiplier: 12"),
        "well-architected.yaml": ("Dependencies and base images updated monthly.", "Dependencies updated weekly."),
        "options/aurora-serverless.yaml": ("title: Aurora Serverless v2", "title: Aurora Serverless v2 (min 0.5 ACU)"),
    }
    for name, (a, b) in edits.items():
        path = new / name
        assert a in path.read_text(), name
        path.write_text(path.read_text().replace(a, b, 1))
    data = json.loads(run_cli("diff", str(old), str(new), "--format", "json", cwd=tmp_path).stdout)
    paths = {s["path"] for s in data["settings"]}
    assert "proposal.audience" in paths and "options.aurora-serverless.title" in paths
    assert any(p.startswith("cost.scenarios[") and p.endswith(".multiplier") for p in paths)
    assert any(p.startswith("well_architected.answers[") and p.endswith(".evidence") for p in paths)
    assert not data["empty"]


def test_the_comment_states_the_base_budget_and_whether_the_change_fits(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(ROOT / "model", old)
    shutil.copytree(ROOT / "model", new)
    cost = new / "cost.yaml"
    cost.write_text(cost.read_text().replace("monthly_limit: 100", "monthly_limit: 10"))  # a PR cannot move it
    services = new / "services.yaml"
    services.write_text(services.read_text().replace("instance_class: db.t4g.micro", "instance_class: db.m7g.large", 1))
    md = run_cli("diff", str(old), str(new), cwd=tmp_path).stdout
    line = next(x for x in md.splitlines() if x.startswith("**Budget**"))
    assert "$100.00 a month for Launch (first year)" in line and "within it" not in line and "over by" in line
    # a class without a price: the total is a floor, so fitting the budget is not claimed
    services.write_text(services.read_text().replace("instance_class: db.m7g.large", "instance_class: db.x2g.large", 1))
    md = run_cli("diff", str(old), str(new), cwd=tmp_path).stdout
    line = next(x for x in md.splitlines() if x.startswith("**Budget**"))
    assert "at least $" in line and "not known to fit" in line
