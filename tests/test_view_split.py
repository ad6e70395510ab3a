"""Views above the node budget are split into parts with an overview; layout hints hide elements."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from generator.index import ModelIndex
from generator.load.model_loader import load_model
from generator.views.all_views import all_views, plan_views
from tests.conftest import ROOT, run_cli

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import synthetic_model  # noqa: E402


def _landscape(tmp_path: Path, *, groups: bool, budget: int = 16, extra: str = "") -> Path:
    """One system of 30 containers (three teams when `groups`), a VPC and 30 Lambda functions."""
    lines = [
        "proposal: {name: Landscape, summary: A landscape., audience: tests}",
        f"views: {{node_budget: {budget}{extra}}}",
        "people: [{id: user, name: User}]",
        "systems: [{id: shop, name: Shop}, {id: bank, name: Bank, external: true}]",
        "containers:",
    ]
    kinds = ["api", "worker", "database"]
    for i in range(30):
        group = f", group: Team {i // 10}" if groups else ""
        lines.append(
            f"  - {{id: c{i}, name: Container {i}, system: shop, kind: {kinds[i % 3]}, hosted_on: f{i}{group}}}"
        )
    lines.append("relationships:")
    lines.append("  - {from: user, to: c0, description: uses}")
    lines.append("  - {from: c29, to: bank, description: pays}")
    for i in range(1, 30):
        lines.append(f"  - {{from: c{i}, to: c{i - 1}, description: calls}}")
    lines.append("services:")
    for i in range(30):
        lines.append(
            f"  - {{id: f{i}, kind: lambda, name: Function {i}, usage: {{requests: 1000, average_duration_ms: 100}}}}"
        )
    model = tmp_path / "model"
    model.mkdir()
    (model / "model.yaml").write_text("\n".join(lines) + "\n")
    return model


def _views(model: Path):
    return plan_views(ModelIndex(load_model(model).model))


def test_a_view_over_budget_becomes_an_overview_and_parts_within_it(tmp_path: Path) -> None:
    views = {v.id: v for v in _views(_landscape(tmp_path, groups=True))}
    overview = views["container-shop"]
    parts = [v for i, v in views.items() if i.startswith("container-shop--")]
    assert [p.title for p in parts] == [f"Shop: containers: Team {n}" for n in range(3)]
    assert all(len(v.nodes) <= 16 for v in views.values())
    # every container is drawn in exactly one part, and the overview links each part
    drawn = [n.id for p in parts for n in p.nodes if n.id.startswith("c")]
    assert sorted(drawn) == sorted(f"c{i}" for i in range(30))
    assert {n.anchor for n in overview.nodes if n.shape == "group"} == {p.id for p in parts}
    # neighbouring teams are one box each, the calls between them one counted edge
    team1 = views["container-shop--group-team-1"]
    boxes = {n.label for n in team1.nodes if n.shape == "group"}
    assert boxes == {"Team 0", "Team 2"}
    assert "Overview" not in overview.title and "overview of 3 parts" in overview.title
    labels = {e.label for e in overview.edges}
    assert "1 relationship" in labels or "calls" in labels


def test_without_groups_the_split_follows_what_the_containers_are(tmp_path: Path) -> None:
    views = _views(_landscape(tmp_path, groups=False))
    titles = [v.title for v in views if v.id.startswith("container-shop--")]
    assert any("Services" in t for t in titles) and any("Data stores" in t for t in titles)
    assert all(len(v.nodes) <= 16 for v in views)


def test_the_deployment_view_splits_by_where_services_run(tmp_path: Path) -> None:
    views = [v for v in _views(_landscape(tmp_path, groups=True)) if v.kind == "deployment"]
    assert len(views) > 2 and all(len(v.nodes) <= 16 for v in views)
    assert "Compute" in views[1].title and "(1 of" in views[1].title


def test_a_view_within_budget_is_unchanged() -> None:
    index = ModelIndex(load_model(ROOT / "model").model)
    assert plan_views(index) == all_views(index)


def test_hidden_elements_leave_the_view_with_their_edges(tmp_path: Path) -> None:
    model = _landscape(tmp_path, groups=True, budget=100, extra=", container: {hide: [c5, bank]}")
    view = next(v for v in _views(model) if v.id == "container-shop")
    ids = {n.id for n in view.nodes}
    assert "c5" not in ids and "bank" not in ids and "c4" in ids
    assert not any("c5" in (e.source, e.target) for e in view.edges)


def test_a_hint_naming_an_unknown_element_is_a_located_error(tmp_path: Path) -> None:
    model = _landscape(tmp_path, groups=True, extra=", container: {hide: [c99]}")
    result = run_cli("validate", str(model), cwd=tmp_path)
    assert result.exit_code == 1
    assert "model.yaml:2:" in result.output and "unknown model element 'c99'" in result.output


@pytest.mark.parametrize("size", [2000, 10000])
def test_a_large_landscape_has_no_view_over_the_budget(tmp_path: Path, size: int) -> None:
    model = tmp_path / "model"
    model.mkdir()
    for name, text in synthetic_model(size).items():
        (model / name).write_text(text)
    views = _views(model)
    assert max(len(v.nodes) for v in views) <= 60
    assert not [v.warnings for v in views if v.warnings]
    ids = [v.id for v in views]
    assert len(ids) == len(set(ids))
    # forty people who do not talk to each other stack in a column instead of one unreadable row
    assert all(v.direction == "LR" for v in views if v.id.startswith("context--people"))


def test_split_views_are_drawn_and_listed_on_the_architecture_page(tmp_path: Path) -> None:
    model = _landscape(tmp_path, groups=True)
    result = run_cli("diagrams", str(model), cwd=tmp_path)
    assert result.exit_code == 0, result.output
    out = tmp_path / "diagrams_out"
    assert (out / "container-shop.svg").is_file() and (out / "container-shop--group-team-2.svg").is_file()
    overview = (out / "container-shop.svg").read_text()
    assert "#container-shop--group-team-0" in overview  # its boxes open the parts


def test_a_long_chain_turns_a_left_to_right_view_top_to_bottom(tmp_path: Path) -> None:
    from generator.views.diagram import ViewEdge, longest_chain

    chain = [ViewEdge(f"n{i}", f"n{i + 1}") for i in range(12)] + [ViewEdge("n12", "n3")]  # with a cycle
    assert longest_chain(chain) == 12
    views = {v.id: v for v in _views(_landscape(tmp_path, groups=True, budget=100))}
    assert views["container-shop"].direction == "TB"  # 29 calls in a row
    (tmp_path / "model" / "model.yaml").write_text(
        (tmp_path / "model" / "model.yaml")
        .read_text()
        .replace("views: {node_budget: 100", "views: {node_budget: 100, container: {direction: LR}")
    )
    assert {v.id: v for v in _views(tmp_path / "model")}["container-shop"].direction == "LR"  # the model decides


def test_a_view_longer_than_it_is_wide_is_drawn_top_to_bottom() -> None:
    """A clickstream pipeline (shop -> collector -> stream -> lake, analyst -> query -> catalog, lake):
    four ranks of at most two boxes. Drawn across it was 1322 pt wide (a third of its size at page
    width); top to bottom 754 pt. A fan-out (one caller, five callees) stays left to right."""
    from generator.views.diagram import ViewEdge, flow_direction, ranks_and_widest

    pipeline = [
        ViewEdge("shop", "collector"),
        ViewEdge("collector", "stream"),
        ViewEdge("stream", "lake"),
        ViewEdge("analyst", "query"),
        ViewEdge("query", "catalog"),
        ViewEdge("query", "lake"),
    ]
    nodes = ["shop", "analyst", "collector", "stream", "lake", "query", "catalog"]
    assert ranks_and_widest(pipeline, nodes) == (4, 2)
    assert flow_direction(None, "LR", pipeline, nodes) == "TB"
    assert flow_direction("LR", "LR", pipeline, nodes) == "LR"  # the model's own hint wins
    fan_out = [ViewEdge("api", f"svc{i}") for i in range(5)]
    assert ranks_and_widest(fan_out, ["api", "lonely"] + [f"svc{i}" for i in range(5)]) == (2, 5)
    assert flow_direction(None, "LR", fan_out, ["api"] + [f"svc{i}" for i in range(5)]) == "LR"
    assert flow_direction(None, "LR", pipeline) == "LR"  # a pipeline view passes no nodes: stages go across
