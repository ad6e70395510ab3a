"""The overlapped build: MkDocs in a warmed-up worker, running while Graphviz lays out the diagrams.

Whatever path a build takes, the site must be exactly what an in-process `mkdocs build --strict`
of the final pages gives, and a failure anywhere must leave the previous outputs untouched.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.analysis import analyse
from generator.errors import ExternalToolFailed, UsageError
from generator.load.options import load_model_and_options
from generator.mkdocs.run import run_mkdocs
from generator.mkdocs.worker import MkDocsWorker
from generator.publish import layouts as diagrams_stage
from generator.publish.site import (
    IMAGE_PLACEHOLDER,
    publish_generation,
    start_generation,
)
from generator.publish.staging import read_tree
from generator.views.all_views import plan_views
from tests.conftest import ROOT, run_cli


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("pipeline")
    shutil.copytree(ROOT / "model", project / "model")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    result = run_cli("build", "--no-cache", cwd=project)
    assert result.exit_code == 0, result.output
    return project


def _no_staging_left(project: Path) -> bool:
    return not [p for p in project.iterdir() if p.name.startswith(".archgen-staging")]


def test_site_holds_the_laid_out_diagrams_not_placeholders(built: Path) -> None:
    site, docs = read_tree(built / "site"), read_tree(built / "docs")
    images = [name for name in docs if name.startswith("diagrams/")]
    assert len(images) == 7  # the SVG of 5 views and 2 option deployments (PNG only on request)
    for name in images:
        assert site[name] == docs[name] != IMAGE_PLACEHOLDER, name
    assert not [name for name, data in site.items() if IMAGE_PLACEHOLDER in data]


def test_overlapped_site_equals_an_in_process_build(built: Path, tmp_path: Path) -> None:
    run_mkdocs(built / "mkdocs.yml", built / "docs", tmp_path / "site")
    expected = read_tree(tmp_path / "site")
    actual = {k: v for k, v in read_tree(built / "site").items() if k != ".archgen-stamp"}
    assert actual == expected


def test_worker_builds_the_same_site_as_this_process(built: Path, tmp_path: Path) -> None:
    with MkDocsWorker.start(built / "mkdocs.yml") as worker:
        worker.build(built / "docs", tmp_path / "worker")
    run_mkdocs(built / "mkdocs.yml", built / "docs", tmp_path / "here")
    assert read_tree(tmp_path / "worker") == read_tree(tmp_path / "here")


def test_worker_reports_strict_failures_like_this_process(built: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(built / "docs", docs)
    (docs / "cost.md").write_text("# Cost\n\n[broken](nowhere.md)\n")
    with pytest.raises(ExternalToolFailed) as here:
        run_mkdocs(built / "mkdocs.yml", docs, tmp_path / "here")
    with MkDocsWorker.start(built / "mkdocs.yml") as worker, pytest.raises(ExternalToolFailed) as there:
        worker.build(docs, tmp_path / "worker")
    assert there.value.message == here.value.message
    assert "nowhere.md" in there.value.message and there.value.hint == here.value.hint


def test_dead_worker_falls_back_to_this_process(built: Path, tmp_path: Path) -> None:
    worker = MkDocsWorker.start(built / "mkdocs.yml")
    worker._proc.kill()
    worker._proc.wait()
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "half-written.html").write_text("left by a dead worker")
    worker.build(built / "docs", tmp_path / "site")
    run_mkdocs(built / "mkdocs.yml", built / "docs", tmp_path / "expected")
    assert read_tree(tmp_path / "site") == read_tree(tmp_path / "expected")


def test_worker_exits_when_not_needed(built: Path) -> None:
    worker = MkDocsWorker.start(built / "mkdocs.yml")
    proc = worker._proc
    worker.close()
    assert proc.poll() is not None


def test_worker_without_config_is_a_usage_error(tmp_path: Path) -> None:
    with MkDocsWorker.start(tmp_path / "mkdocs.yml") as worker, pytest.raises(UsageError) as error:
        worker.build(tmp_path / "docs", tmp_path / "site")
    assert "no MkDocs configuration" in error.value.message


def _changed_generation(project: Path):
    """A generation whose pages differ from docs/, so the overlapped path is taken."""
    proposal = project / "model" / "proposal.yaml"
    original = proposal.read_text()
    proposal.write_text(original.replace("  status: in-review", "  status: approved"))
    try:
        loaded, options = load_model_and_options(project / "model")
    finally:
        proposal.write_text(original)
    return start_generation(analyse(loaded, options), None)


def _snapshot(project: Path) -> tuple:
    return tuple(read_tree(project / d) for d in ("docs", "diagrams_out", "site"))


def test_transformed_placeholders_make_the_site_build_again(built: Path, tmp_path: Path) -> None:
    """A plugin that rewrites images would have seen placeholders: the site is then rebuilt from the real ones."""
    project = tmp_path / "p"
    shutil.copytree(built, project)
    calls = []

    def transforming_mkdocs(docs_dir: Path, site_dir: Path) -> None:
        run_mkdocs(project / "mkdocs.yml", docs_dir, site_dir)
        calls.append(docs_dir)
        (site_dir / "diagrams" / "context.svg").write_bytes(b"<svg>rewritten by a plugin</svg>")

    built_now, changed = publish_generation(project, _changed_generation(project), mkdocs=transforming_mkdocs)
    assert changed and len(calls) == 1
    site = read_tree(project / "site")
    assert site["diagrams/context.svg"] == built_now.docs["diagrams/context.svg"]
    assert "approved" in site["index.html"].decode()
    assert _no_staging_left(project)


def test_mkdocs_failure_while_laying_out_leaves_outputs_untouched(built: Path, tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(built, project)
    before = _snapshot(project)

    def failing_mkdocs(docs_dir: Path, site_dir: Path) -> None:
        raise ExternalToolFailed("mkdocs build --strict failed: simulated")

    generation = _changed_generation(project)
    with pytest.raises(ExternalToolFailed):
        publish_generation(project, generation, mkdocs=failing_mkdocs)
    assert _snapshot(project) == before and _no_staging_left(project)


def test_graphviz_failure_after_the_site_was_built_leaves_outputs_untouched(
    built: Path, tmp_path: Path, monkeypatch
) -> None:
    project = tmp_path / "p"
    shutil.copytree(built, project)
    before = _snapshot(project)

    def failing_render(view, link_base, cache, formats=()):
        raise ExternalToolFailed(f"Graphviz failed on the {view.id} view: simulated")

    monkeypatch.setattr(diagrams_stage, "render_view", failing_render)
    generation = _changed_generation(project)
    with pytest.raises(ExternalToolFailed, match="simulated"):
        publish_generation(project, generation)
    assert _snapshot(project) == before and _no_staging_left(project)


def test_biggest_views_are_laid_out_first_and_results_keep_view_order(monkeypatch) -> None:
    from generator.index import ModelIndex
    from generator.load.model_loader import load_model

    views = plan_views(ModelIndex(load_model(ROOT / "model").model))
    started = []

    def recording_render(view, link_base, cache, formats=()):
        started.append(view.id)
        return {f"{view.id}.dot": b"", f"{view.id}.svg": b""}, []

    monkeypatch.setattr(diagrams_stage, "render_view", recording_render)
    rendered = diagrams_stage.Layouts(views, None, workers=1).result()
    weights = [diagrams_stage.layout_weight(v) for v in sorted(views, key=lambda v: started.index(v.id))]
    assert weights == sorted(weights, reverse=True)
    assert started[0] == "deployment"
    assert rendered.views == tuple(views)
    assert set(rendered.files) == set(diagrams_stage.view_files(views))


def test_single_core_machines_build_in_this_process(built: Path, tmp_path: Path, monkeypatch) -> None:
    """One usable core (a one-core machine, `taskset -c 0`, a CI cpuset): no worker, whose warm-up would
    only compete with the build for that core."""
    import os

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0})
    worker = MkDocsWorker.start(built / "mkdocs.yml")
    assert worker._proc is None
    worker.build(built / "docs", tmp_path / "site")
    assert (tmp_path / "site" / "index.html").is_file()


def test_a_worker_stopped_while_warming_up_leaves_no_folder_behind(built: Path, tmp_path: Path, monkeypatch) -> None:
    """The parent makes and removes the warm-up folder: a worker killed mid warm-up (a build that ended
    early, or a no-change rebuild) cannot clean up after itself."""
    import os
    import tempfile

    scratch_root = tmp_path / "tmp"
    scratch_root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch_root))
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1})
    worker = MkDocsWorker.start(built / "mkdocs.yml")
    assert worker._proc is not None and list(scratch_root.iterdir())  # warming up in its folder
    worker.close()  # at once: the worker is killed mid warm-up
    assert list(scratch_root.iterdir()) == []
