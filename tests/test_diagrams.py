"""Diagrams: golden view data and DOT, byte-identical rebuilds, icons, and Graphviz missing."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import pytest

from generator.catalogue.service_kinds import SERVICE_KINDS
from generator.index import ModelIndex
from generator.load.model_loader import load_model
from generator.render.diagram_render import dot_source, normalise_dot
from generator.render.graphviz_tool import layout
from generator.render.icon_files import icon_class
from generator.views.all_views import all_views
from generator.views.diagram import DiagramView, ViewNode
from tests.conftest import FIXTURES, ROOT, check_golden, run_cli

GOLDENS = Path(__file__).parent / "goldens" / "views"
EXPECTED_VIEWS = ["context", "container-cruddur", "component-backend_api", "deployment", "pipeline"]


@pytest.fixture(scope="module")
def views() -> list[DiagramView]:
    return all_views(ModelIndex(load_model(ROOT / "model").model))


def test_example_has_every_view(views) -> None:
    assert [v.id for v in views] == EXPECTED_VIEWS


@pytest.mark.parametrize("view_id", EXPECTED_VIEWS)
def test_view_data_golden(views, view_id: str) -> None:
    view = next(v for v in views if v.id == view_id)
    check_golden(GOLDENS / f"{view_id}.json", json.dumps(view.as_dict(), indent=1, sort_keys=True) + "\n")


@pytest.mark.parametrize("view_id", EXPECTED_VIEWS)
def test_dot_golden(views, view_id: str) -> None:
    view = next(v for v in views if v.id == view_id)
    source, warnings = dot_source(view, "../architecture/")
    assert warnings == []
    check_golden(GOLDENS / f"{view_id}.dot", normalise_dot(source))


def test_deployment_nests_services_where_the_model_places_them(views) -> None:
    view = next(v for v in views if v.id == "deployment")
    cluster_of = {n.id: n.cluster for n in view.nodes}
    parents = {c.id: c.parent for c in view.clusters}
    assert cluster_of["main_db"] == "subnet_main_vpc_private_a"  # single-AZ: the private subnet of AZ a
    assert cluster_of["api_service"] == "subnet_main_vpc_public_a"  # one task: one AZ
    assert parents["subnet_main_vpc_private_a"] == "az_main_vpc_a" and parents["az_main_vpc_a"] == "vpc_main_vpc"
    assert parents["vpc_main_vpc"] == "region_us-east-1"
    assert cluster_of["cdn"] == "edge" and cluster_of["dns"] == "edge"
    edges = {(e.source, e.target) for e in view.edges}
    assert ("user", "cdn") in edges and ("cdn", "frontend_bucket") in edges
    assert ("api_lb", "api_service") in edges and ("api_service", "main_db") in edges


@pytest.mark.parametrize("kind", sorted(SERVICE_KINDS))
def test_every_service_kind_has_an_icon(kind: str) -> None:
    assert icon_class(SERVICE_KINDS[kind].icon) is not None, SERVICE_KINDS[kind].icon


def test_unknown_icon_falls_back_with_a_warning() -> None:
    view = DiagramView("v", "t", "deployment", "LR", (ViewNode("x", "X", "service", icon="network.NoSuchIcon"),), ())
    source, warnings = dot_source(view)
    assert warnings == ["no icon 'network.NoSuchIcon' for 'x'; using the generic icon"]
    assert "general.png" in source


def test_labels_from_the_model_never_become_markup() -> None:
    view = DiagramView(
        "v",
        "<b>t</b>",
        "deployment",
        "LR",
        (
            ViewNode("x", "<script>alert(1)</script>", "service", icon="network.VPC"),
            ViewNode("y", "<i>p</i>", "person", description="<img src=x onerror=alert(1)>"),
        ),
        (),
    )
    source, _ = dot_source(view)
    # icon and C4 labels are HTML-like tables: model text inside them is entity-escaped, never markup
    assert "&lt;script&gt;alert(1)&lt;/" in source and 'tooltip="<script>alert(1)</script>"' in source  # quoted
    assert "<TD><script>" not in source and "<script>alert(1)</script><" not in source
    assert "&lt;i&gt;p&lt;/i&gt;" in source and "&lt;img" in source
    assert 'label="&lt;b&gt;t&lt;/b&gt;"' in source or 'label="<b>t</b>"' in source  # the title: quoted text


def test_a_name_cannot_close_the_icon_table() -> None:
    name = '</TD></TR></TABLE>> URL="javascript:alert(1)" <B>x'
    view = DiagramView("v", "t", "deployment", "LR", (ViewNode("x", name, "service", icon="network.VPC"),), ())
    source, _ = dot_source(view)
    svg = ElementTree.fromstring(layout(source, ("svg",), name="v")["svg"])
    texts = " ".join(t.text or "" for t in svg.iter("{http://www.w3.org/2000/svg}text"))
    assert name.replace(" ", "") in texts.replace(" ", "")  # shown as the text it is, line breaks aside
    hrefs = [v for el in svg.iter() for k, v in el.attrib.items() if k.endswith("href")]
    assert not [h for h in hrefs if h.startswith("javascript")]


def test_cli_writes_every_file_and_rebuilds_byte_identical(project: Path) -> None:
    result = run_cli("diagrams", "--no-cache", cwd=project)
    assert result.exit_code == 0, result.output
    out = project / "diagrams_out"
    names = sorted(p.name for p in out.iterdir())
    options = ["option-api-on-lambda-deployment", "option-aurora-serverless-deployment"]  # as `build` draws
    assert names == sorted(f"{v}.{ext}" for v in EXPECTED_VIEWS + options for ext in ("dot", "svg"))  # PNG: --png
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    assert run_cli("diagrams", "--no-cache", cwd=project).exit_code == 0
    assert {p.name: p.read_bytes() for p in out.iterdir()} == first
    assert run_cli("diagrams", cwd=project).exit_code == 0  # through the layout cache
    assert run_cli("diagrams", cwd=project).exit_code == 0
    assert {p.name: p.read_bytes() for p in out.iterdir()} == first
    for name, data in first.items():
        assert str(project).encode() not in data and b"/site-packages/" not in data, name
    svg = first["deployment.svg"].decode()
    assert "data:image/png;base64," in svg and 'href="../architecture/#el-main-db"' in svg


def test_diagrams_after_build_changes_nothing(project: Path) -> None:
    """`archgen diagrams` draws what `archgen build` draws, options included: it never removes a view the
    build made (which `archgen check` would then report as out of date)."""
    assert run_cli("build", "--no-site", cwd=project).exit_code == 0
    built = {p.name: p.read_bytes() for p in (project / "diagrams_out").iterdir()}
    assert run_cli("diagrams", cwd=project).exit_code == 0
    assert {p.name: p.read_bytes() for p in (project / "diagrams_out").iterdir()} == built


def test_missing_graphviz_is_a_clear_error(project: Path, monkeypatch) -> None:
    (project / "diagrams_out").mkdir()
    (project / "diagrams_out" / "keep.txt").write_text("earlier output")
    monkeypatch.setenv("PATH", str(project / "empty-bin"))
    result = run_cli("diagrams", "--no-cache", cwd=project)
    assert result.exit_code == 1
    assert result.stderr.startswith("error: Graphviz's `dot` program was not found on PATH\n")
    assert "apt-get install graphviz" in result.stderr
    assert (project / "diagrams_out" / "keep.txt").read_text() == "earlier output"


def test_minimal_model_renders(tmp_path: Path) -> None:
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "m.yaml").write_bytes((FIXTURES / "minimal.yaml").read_bytes())
    result = run_cli("diagrams", "--no-cache", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "diagrams_out" / "deployment.svg").exists()
    assert not (tmp_path / "diagrams_out" / "pipeline.svg").exists()


def test_layouts_run_at_lower_priority_than_the_build() -> None:
    import os
    import subprocess

    from generator.render.graphviz_tool import LAYOUT_NICENESS, yield_to_the_build

    proc = subprocess.Popen(["sleep", "5"])
    try:
        yield_to_the_build(proc.pid)
        own = os.getpriority(os.PRIO_PROCESS, 0)
        assert os.getpriority(os.PRIO_PROCESS, proc.pid) == min(own + LAYOUT_NICENESS, 19)
    finally:
        proc.kill()
        proc.wait()
    yield_to_the_build(proc.pid)  # already gone: nothing to do, no error


def test_graphviz_taking_too_long_is_a_clear_error() -> None:
    from generator.errors import ExternalToolFailed
    from generator.render.graphviz_tool import layout

    edges = "; ".join(f"n{i} -> n{(i * 7) % 400}" for i in range(400))
    with pytest.raises(ExternalToolFailed, match="longer than 0 s to lay out the big view"):
        layout(f"digraph {{ {edges} }}", ("svg",), name="big", timeout=0.01)


def test_graphviz_failure_names_the_view() -> None:
    from generator.errors import ExternalToolFailed
    from generator.render.graphviz_tool import layout

    with pytest.raises(ExternalToolFailed, match="Graphviz failed on the broken view: .*syntax error"):
        layout("digraph { a -> }", ("svg",), name="broken")


def test_a_build_that_gives_up_stops_its_layouts() -> None:
    """Ctrl-C or a failed step must not wait for a long Graphviz layout, nor remember it as failed."""
    import threading
    import time

    from generator.render import graphviz_tool
    from generator.render.graphviz_tool import LayoutStopped, layout, stop_layouts

    edges = "; ".join(
        f"n{i} -> n{(i * 37 + 11) % 120}; n{i} -> n{(i * 53 + 5) % 120}; n{i} -> n{(i * 71 + 3) % 120}"
        for i in range(120)
    )  # takes Graphviz well over a minute
    outcome: dict = {}

    def run() -> None:
        try:
            layout(f"digraph {{ {edges} }}", ("svg",), name="slow", timeout=120)
        except Exception as exc:  # noqa: BLE001 - the test inspects it
            outcome["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    for _ in range(100):
        if graphviz_tool._running:
            break
        time.sleep(0.05)
    stop_layouts()
    thread.join(30)
    assert not thread.is_alive()
    assert isinstance(outcome.get("error"), LayoutStopped)
    assert not graphviz_tool._running and not graphviz_tool._stopped


def test_the_deployment_view_draws_availability_zones_and_true_counts(views) -> None:
    """A resource in one AZ sits in that AZ's subnet; one that spans AZs in a band naming them; the
    single API task is not called Multi-AZ."""
    view = next(v for v in views if v.id == "deployment")
    clusters = {c.id: c for c in view.clusters}
    assert clusters["az_main_vpc_a"].label == "Availability Zone a" and clusters["az_main_vpc_a"].style == "az"
    by_node = {n.id: n for n in view.nodes}
    assert clusters[by_node["api_service"].cluster].parent == "az_main_vpc_a"  # one task: one AZ
    assert clusters[by_node["main_db"].cluster].parent == "az_main_vpc_a"  # single-AZ database
    assert clusters[by_node["api_lb"].cluster].label == "Public subnets in AZ a, b"  # an ALB spans two
    assert "Multi-AZ" not in by_node["api_service"].sublabel and "1 task x" in by_node["api_service"].sublabel


def test_png_only_on_request_and_icons_once_per_svg(project: Path) -> None:
    result = run_cli("diagrams", "--png", "--out", "with-png", cwd=project)
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in (project / "with-png").iterdir())
    assert "deployment.png" in files and "deployment.svg" in files
    assert (project / "with-png" / "deployment.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = (project / "with-png" / "deployment.svg").read_text()
    symbols, uses = svg.count("<symbol id="), svg.count("<use xlink:href=")
    assert svg.count("data:image/png;base64,") == symbols  # each icon's bytes once
    assert uses >= symbols > 5


def test_pipeline_items_of_a_stage_are_parallel_inside_their_stage(views) -> None:
    view = next(v for v in views if v.id == "pipeline")
    stage_of = {n.id: n.cluster for n in view.nodes}
    assert all(stage_of[e.source] != stage_of[e.target] for e in view.edges)  # arrows only between stages
    groups = [g for g in view.same_rank if len(g) > 1]
    assert groups and all(len({stage_of[m] for m in g}) == 1 for g in groups)
    source, _ = dot_source(view)
    for g in groups:  # written inside the stage's cluster, so the stage boxes survive
        cluster = f"cluster_{stage_of[g[0]]}"
        body = source.split(f"subgraph {cluster}", 1)[1].split("subgraph cluster_", 1)[0]
        assert "rank=same" in body, cluster
