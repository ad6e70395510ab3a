"""`archgen init`: a fresh folder becomes a project that builds and passes `check` right away."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.conftest import run_cli


def test_init_then_build_then_check(tmp_path: Path) -> None:
    project = tmp_path / "shop"
    result = run_cli(
        "init", str(project), "--name", "Shop", "--region", "us-west-2", "--free-tier", "free_plan", cwd=tmp_path
    )
    assert result.exit_code == 0, result.output
    model = (project / "model" / "model.yaml").read_text()
    assert "name: Shop" in model and "regions: [us-west-2]" in model and "program: free_plan" in model
    assert "site_name: Shop architecture proposal" in (project / "mkdocs.yml").read_text()
    built = run_cli("build", cwd=project)
    assert built.exit_code == 0, built.output
    assert (project / "site" / "index.html").is_file()
    assert run_cli("check", cwd=project).exit_code == 0


def test_init_writes_workflows_that_post_the_diff_first(tmp_path: Path) -> None:
    assert run_cli("init", str(tmp_path / "p"), cwd=tmp_path).exit_code == 0
    workflow = yaml.safe_load((tmp_path / "p" / ".github" / "workflows" / "architecture.yml").read_text())
    steps = [s.get("name") or s.get("uses") for s in workflow["jobs"]["review"]["steps"]]
    assert steps.index("Architecture diff") < steps.index("Validate") < steps.index("Outputs are current")
    assert "concurrency" in workflow and "--paginate" in str(workflow)
    publish = yaml.safe_load((tmp_path / "p" / ".github" / "workflows" / "publish.yml").read_text())
    assert publish["concurrency"]["group"] == "pages"
    hooks = yaml.safe_load((tmp_path / "p" / ".pre-commit-config.yaml").read_text())
    assert [h["id"] for h in hooks["repos"][0]["hooks"]] == ["archgen-validate", "archgen-check"]


def test_init_refuses_an_existing_project_and_bad_arguments(tmp_path: Path) -> None:
    assert run_cli("init", str(tmp_path / "p"), cwd=tmp_path).exit_code == 0
    again = run_cli("init", str(tmp_path / "p"), cwd=tmp_path)
    assert again.exit_code == 2 and "already exist" in again.stderr
    bad = run_cli("init", str(tmp_path / "q"), "--region", "mars-1", cwd=tmp_path)
    assert bad.exit_code == 2 and "not an AWS region id" in bad.stderr


def test_init_refuses_a_region_its_first_build_would_refuse(tmp_path: Path) -> None:
    """A real region archgen has no prices for would give a project whose first build stops at C102."""
    result = run_cli("init", str(tmp_path / "p"), "--region", "eu-central-1", cwd=tmp_path)
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert "eu-central-1" in result.stderr and "C102" in result.stderr and "us-east-1" in result.stderr
    assert not (tmp_path / "p").exists()
