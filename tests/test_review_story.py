"""One risk story: the build summary, the Proposal, the Well-Architected page, `archgen review` and the PR
comment state the same question-risk and finding counts, in the same words, for every example model."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

MODELS = {
    "cruddur": ROOT,
    "serverless": ROOT / "examples" / "serverless-wild-rydes",
    "hybrid": ROOT / "examples" / "hybrid-enterprise-orders",
}
STORY = re.compile(r"Questions: \d+ at high risk, .*? acknowledged\.")


def _project(name: str, tmp_path: Path) -> Path:
    project = tmp_path / name
    project.mkdir()
    shutil.copytree(MODELS[name] / "model", project / "model")
    shutil.copy(MODELS[name] / "mkdocs.yml", project / "mkdocs.yml")
    return project


def _story(text: str) -> str:
    found = set(STORY.findall(text.replace("\\", "")))
    assert len(found) == 1, found
    return found.pop()


@pytest.mark.parametrize("name", sorted(MODELS))
def test_every_output_tells_the_same_risk_story(name: str, tmp_path: Path) -> None:
    project = _project(name, tmp_path)
    built = run_cli("build", "--no-site", cwd=project)
    assert built.exit_code == 0, built.output
    review = run_cli("review", cwd=project)
    story = _story(review.stdout)
    assert _story(built.stdout) == story
    assert _story((project / "docs" / "index.md").read_text()) == story
    assert _story((project / "docs" / "well-architected.md").read_text()) == story
    data = json.loads(run_cli("review", "--format", "json", cwd=project).stdout)
    counts = data["summary"]
    high, medium = re.search(r"(\d+) at high risk, (\d+) at medium", story).groups()
    assert (counts["questions"]["HIGH"], counts["questions"]["MEDIUM"]) == (int(high), int(medium))
    assert str(counts["findings"]["open"]) in story
    # the PR comment for a change to this model states the new model's story
    changed = tmp_path / "changed"
    shutil.copytree(project / "model", changed)
    (changed / "zz-added.yaml").write_text("people: [{id: added_auditor, name: Auditor}]\n")  # one element added
    comment = run_cli("diff", str(project / "model"), str(changed), cwd=project).stdout
    assert "1 added" in comment, comment
    assert _story(comment) == story


def test_unanswered_questions_are_counted_as_unanswered_not_as_risk(tmp_path: Path) -> None:
    project = _project("serverless", tmp_path)
    story = _story(run_cli("review", cwd=project).stdout)
    assert "0 at high risk" in story and "57 unanswered" in story
