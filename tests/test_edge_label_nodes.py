"""Labels of edges between nested clusters are text nodes of their own, so they never straddle a border."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.index import ModelIndex
from generator.load.model_loader import load_model
from generator.render.diagram_render import dot_source, render_view
from generator.render.edge_label_nodes import label_clusters, label_node_id
from generator.render.graphviz_tool import layout
from generator.views.all_views import all_views
from generator.views.diagram import DiagramView, ViewCluster, ViewEdge, ViewNode
from tests.conftest import ROOT

NESTED = (
    ViewCluster("cloud", "AWS Cloud", "cloud"),
    ViewCluster("vpc", "VPC", "vpc", parent="cloud"),
    ViewCluster("public", "Public subnet", "subnet", parent="vpc"),
    ViewCluster("private", "Private subnet", "subnet", parent="vpc"),
    ViewCluster("edge", "Global and edge", "group", parent="cloud"),
)


def _view(edges: tuple[ViewEdge, ...], clusters=NESTED) -> DiagramView:
    nodes = (
        ViewNode("user", "User", "person", icon="general.Users"),
        ViewNode("lb", "Load balancer", "service", icon="network.ELB", cluster="public"),
        ViewNode("db", "Database", "service", icon="database.RDS", cluster="private"),
        ViewNode("cdn", "CDN", "service", icon="network.CloudFront", cluster="edge"),
        ViewNode("api", "API", "service", icon="compute.Fargate", cluster="public"),
    )
    return DiagramView("v", "View", "deployment", "TB", nodes, edges, clusters=clusters)


def test_a_label_goes_to_the_lowest_cluster_holding_both_ends() -> None:
    view = _view(
        (
            ViewEdge("lb", "db", "SQL over TLS"),  # public and private subnets: both in the VPC
            ViewEdge("cdn", "lb", "HTTPS origin"),  # edge group and subnet: both in the cloud
            ViewEdge("user", "cdn", "HTTPS"),  # a person outside every box: top level
            ViewEdge("lb", "api", "HTTP"),  # both in one subnet: that subnet
            ViewEdge("api", "db"),  # no label: nothing to place
            ViewEdge("api", "api", "retries"),  # to itself: a native label
        )
    )
    assert label_clusters(view) == {0: "vpc", 1: "cloud", 2: None, 3: "public"}


def test_views_whose_boxes_do_not_nest_keep_native_labels() -> None:
    flat = (ViewCluster("boundary", "System", "boundary"),)
    view = DiagramView(
        "v",
        "View",
        "container",
        "LR",
        (ViewNode("user", "User", "person"), ViewNode("app", "App", "container", cluster="boundary")),
        (ViewEdge("user", "app", "uses"),),
        clusters=flat,
    )
    assert label_clusters(view) == {}
    source, _ = dot_source(view)
    assert "~label" not in source and "label=uses" in source


def test_the_edge_is_drawn_through_its_label_node_with_one_arrowhead() -> None:
    view = _view((ViewEdge("lb", "db", "SQL over TLS", interaction="async"),))
    source, _ = dot_source(view)
    node = label_node_id(0)
    assert f'lb -> "{node}"' in source and f'"{node}" -> db' in source
    tail = next(line for line in source.splitlines() if f'lb -> "{node}"' in line)
    head = next(line for line in source.splitlines() if f'"{node}" -> db' in line)
    assert "dir=none" in tail and "dir=forward" in head and "style=dashed" in tail + head
    # the text node sits in the VPC's box, after the subnets it must stay out of
    vpc_body = source.split("cluster_vpc", 1)[1].split("cluster_edge", 1)[0]
    assert f'"{node}" [label="SQL over TLS"' in vpc_body


def test_label_text_is_escaped_in_the_text_node() -> None:
    view = _view((ViewEdge("lb", "db", '<script>alert(1)</script> "q" \\'),))
    files, _ = render_view(view)
    svg = files["v.svg"].decode()
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def _boxes(layout_json: bytes) -> tuple[list[tuple[float, ...]], dict[str, tuple[float, ...]]]:
    graph = json.loads(layout_json)
    clusters, labels = [], {}
    for obj in graph["objects"]:
        name = str(obj.get("name", ""))
        if name.startswith("cluster") and "bb" in obj:
            clusters.append(tuple(float(v) for v in obj["bb"].split(",")))
        elif name.startswith("~label"):
            x, y = (float(v) for v in obj["pos"].split(","))
            w, h = float(obj["width"]) * 36, float(obj["height"]) * 36  # inches to half-width in points
            labels[name] = (x - w, y - h, x + w, y + h)
    return clusters, labels


def _crosses(box: tuple[float, ...], cluster: tuple[float, ...]) -> bool:
    overlaps = box[0] < cluster[2] and box[2] > cluster[0] and box[1] < cluster[3] and box[3] > cluster[1]
    inside = box[0] >= cluster[0] and box[1] >= cluster[1] and box[2] <= cluster[2] and box[3] <= cluster[3]
    return overlaps and not inside


@pytest.mark.parametrize(
    "model", ["model", "examples/serverless-wild-rydes/model", "examples/hybrid-enterprise-orders/model"]
)
def test_no_label_node_crosses_a_cluster_border_in_the_example_deployments(model: str) -> None:
    views = [v for v in all_views(ModelIndex(load_model(ROOT / model).model)) if v.kind == "deployment"]
    assert views
    for view in views:
        source, _ = dot_source(view)
        clusters, labels = _boxes(layout(source, ("json",), name=view.id)["json"])
        assert labels, f"{view.id}: no labelled edge between boxes was drawn as a text node"
        crossing = [name for name, box in labels.items() if any(_crosses(box, c) for c in clusters)]
        assert crossing == [], f"{view.id}: {crossing}"


def test_the_example_deployment_needs_one_layout_and_no_label_check(monkeypatch) -> None:
    from generator.render import diagram_render

    calls: list[tuple[str, tuple[str, ...]]] = []
    real = diagram_render.layout

    def counting(source: str, formats, *, name: str, timeout: float = 300) -> dict[str, bytes]:
        calls.append((name, tuple(formats)))
        return real(source, formats, name=name, timeout=timeout)

    monkeypatch.setattr(diagram_render, "layout", counting)
    view = next(v for v in all_views(ModelIndex(load_model(Path(ROOT / "model")).model)) if v.id == "deployment")
    files, _ = render_view(view)
    # every label is a node: nothing for Graphviz's JSON to check, one layout, no legend
    assert calls == [("deployment", ("svg",))] and b"Numbered arrows" not in files["deployment.dot"]


def test_a_self_loop_label_in_a_nested_view_is_still_checked(monkeypatch) -> None:
    from generator.render import diagram_render

    asked: list[tuple[str, ...]] = []
    real = diagram_render.layout

    def recording(source: str, formats, *, name: str, timeout: float = 300) -> dict[str, bytes]:
        asked.append(tuple(formats))
        return real(source, formats, name=name, timeout=timeout)

    monkeypatch.setattr(diagram_render, "layout", recording)
    render_view(_view((ViewEdge("lb", "db", "SQL"), ViewEdge("api", "api", "retries"))))
    assert asked[0] == ("svg", "json")
