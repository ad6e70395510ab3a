"""Diagram views to DOT, PNG and SVG through the `diagrams` package, wrapped so it never touches the cwd.

`diagrams` picks random node ids, writes into the current directory, opens a viewer and merges
clusters that share a label; here every node id and cluster name comes from a model id, nothing is
written by `diagrams` itself, and Graphviz is run by us once per view for every format.
"""

from __future__ import annotations

from typing import Protocol

from diagrams import Cluster, Diagram, Edge, Node, setcluster, setdiagram
from graphviz import nohtml

from generator.errors import ExternalToolFailed
from generator.render.diagram_nodes import make_node, wrap
from generator.render.edge_label_nodes import edge_through_label, label_clusters, label_node
from generator.render.edge_legend import label_key, legend_title, straddling_edges
from generator.render.escape import dot_text
from generator.render.graphviz_tool import layout
from generator.render.svg_icons import ICON_PLACEHOLDER, RESOURCES, embed_icons
from generator.render.svg_tidy import tidy_svg
from generator.views.diagram import DiagramView, ViewCluster


class LayoutCache(Protocol):
    """Where laid-out views are kept between builds (publish.layout_cache is the one on disk)."""

    def get(self, source: str, formats: tuple[str, ...]) -> dict[str, bytes] | None: ...

    def put(self, source: str, images: dict[str, bytes]) -> None: ...

    def failed(self, source: str) -> bool: ...

    def mark_failed(self, source: str) -> None: ...


FORMATS = ("svg",)  # what the site shows; PNG only on request (`archgen diagrams --png`): it was 77% of
WITH_PNG = ("png", "svg")  # Graphviz's time and all of its peak memory on an 800-element model
LARGE_VIEW_NODES = 60
_LEGEND_ROUNDS = 3  # layouts of a view after its first, at most, while labels still cross a cluster border

_CLUSTER_STYLES = {
    "boundary": {"style": "dashed", "bgcolor": "white", "pencolor": "#444444", "margin": "16"},
    "cloud": {"bgcolor": "#F7F9FA", "pencolor": "#232F3E", "style": "rounded", "penwidth": "2"},
    "region": {"bgcolor": "#FFFFFF", "pencolor": "#00A4A6", "style": "dashed,rounded"},
    "vpc": {"bgcolor": "#F2F8EE", "pencolor": "#7AA116", "style": "rounded"},
    "subnet": {"bgcolor": "#E6F2F8", "pencolor": "#147EBA", "style": "rounded"},
    # AWS's architecture icons draw an Availability Zone as a dashed box inside the VPC
    "az": {"bgcolor": "#FFFFFF", "pencolor": "#147EBA", "style": "dashed,rounded"},
    "group": {"bgcolor": "#FAFAFA", "pencolor": "#AEB6BE", "style": "rounded,dashed"},
    "stage": {"bgcolor": "#EEF2F7", "pencolor": "#5A6B86", "style": "rounded"},
}


class _Canvas(Diagram):
    """A Diagram that only collects the graph: rendering is done by us, not on exit."""

    def __exit__(self, exc_type, exc_value, traceback):
        setdiagram(None)


class _Group(Cluster):
    """A Cluster named by a model id, so two clusters with the same label stay two clusters."""

    def __init__(self, cluster: ViewCluster) -> None:
        super().__init__(nohtml(dot_text(cluster.label)), graph_attr=dict(_CLUSTER_STYLES.get(cluster.style, {})))
        self.dot.name = f"cluster_{cluster.id}"


def _connect(canvas, view: DiagramView, made: dict, legend: dict[int, int], through: dict) -> None:
    for position, edge in enumerate(view.edges):
        style = "dashed" if edge.interaction == "async" else "solid"
        if position in through:
            edge_through_label(canvas.dot, made[edge.source].nodeid, made[edge.target].nodeid, position, style)
            continue
        label = wrap(dot_text(edge.label), 30) if edge.label else ""
        # a label moved to the legend: its number beside the arrowhead, where the edge has entered the target
        number = {"headlabel": str(legend.get(position)), "labelfontsize": "11", "labeldistance": "1.6"}
        canvas.connect(
            made[edge.source],
            made[edge.target],
            Edge(
                forward=True,
                label="" if position in legend else nohtml(label),
                **(number if position in legend else {}),
                style=style,
                color="#555555",
                fontsize="10",
            ),
        )


def _rank_groups(canvas, view: DiagramView, made: dict, written: set) -> None:
    """Rank groups not already written inside their cluster, at the top level."""
    for group in view.same_rank:
        if group in written:
            continue
        members = [made[m].nodeid for m in group if m in made]
        if len(members) > 1:
            canvas.dot.body.append("{rank=same; " + "; ".join(f'"{m}"' for m in members) + "}")


NORMAL, ROBUST, CHEAPEST = 0, 1, 2  # layout settings, each tried when the one before failed or ran out of time
_SETTING_NOTES = {
    ROBUST: "used polyline edges",
    CHEAPEST: "drawn with straight edges and little crossing reduction (the cheapest layout)",
}


def _graph_attrs(view: DiagramView, fallback: int) -> dict[str, str]:
    icons = view.kind in ("deployment", "pipeline")
    graph_attr = {
        "fontsize": "20",
        "pad": "0.4",
        "nodesep": "1.0" if icons else "0.6",
        "ranksep": "0.9",
        "splines": "polyline" if fallback else "spline",
        "compound": "true",
    }
    if fallback == ROBUST:
        # bounded work: fewer network-simplex and crossing-minimisation passes (the layout is a bit
        # less tidy, and Graphviz finishes in seconds where it would take minutes)
        graph_attr.update(newrank="true", nslimit="20", nslimit1="20", mclimit="0.5", searchsize="30")
    elif fallback == CHEAPEST:
        # what is left when even that failed: straight edges (no routing) and almost no crossing search
        graph_attr.update(
            newrank="true",
            splines="line",
            nslimit="2",
            nslimit1="2",
            mclimit="0.05",
            searchsize="5",
            remincross="false",
        )
    return graph_attr


def dot_source(
    view: DiagramView,
    link_base: str | None = None,
    *,
    fallback: int = NORMAL,
    legend: tuple[int, ...] = (),
    note: str = "",
) -> tuple[str, list[str]]:
    """Build the view with `diagrams` and return its DOT source (icon paths absolute) and warnings.

    `fallback` asks for cheaper settings: ROBUST avoids Graphviz's "lost edge" failures on large
    clustered graphs (new ranking, polyline edges, bounded passes); CHEAPEST draws straight edges with
    almost no crossing search. Each is used only when the one before failed or ran out of time, and
    `note` (what was given up) is then drawn under the title, so the diagram itself says so.
    `legend`: positions of edges whose label is drawn as a number, explained under the title.
    """
    warnings: list[str] = []
    title = f"{view.title}\n({note})" if note else view.title
    canvas = _Canvas(
        nohtml(dot_text(title)), filename="unused", direction=view.direction, show=False, outformat="png",
        graph_attr=_graph_attrs(view, fallback),
    )  # fmt: skip
    made: dict[str, Node] = {}
    children: dict[str | None, list[ViewCluster]] = {}
    for cluster in view.clusters:
        children.setdefault(cluster.parent, []).append(cluster)
    cluster_of = {n.id: n.cluster for n in view.nodes}
    through = label_clusters(view)
    ranked_inside: set[tuple[str, ...]] = set()
    with canvas:

        def emit(cluster_id: str | None, group: _Group | None = None) -> None:
            for child in children.get(cluster_id, []):
                with _Group(child) as inner:
                    emit(child.id, inner)
            for node in view.nodes:
                if node.cluster == cluster_id:
                    made[node.id] = make_node(node, link_base, warnings)
            for position, placed in through.items():
                if placed == cluster_id:
                    label_node(group.dot if group is not None else canvas.dot, position, view.edges[position].label)
            # a rank group wholly inside one cluster is written inside it: written at the top level,
            # Graphviz would pull its nodes out of the cluster
            for ranked in view.same_rank if group is not None else ():
                if len(ranked) > 1 and all(cluster_of.get(m) == cluster_id and m in made for m in ranked):
                    group.dot.body.append("{rank=same; " + "; ".join(f'"{made[m].nodeid}"' for m in ranked) + "}")
                    ranked_inside.add(ranked)

        setcluster(None)
        emit(None)
        _connect(canvas, view, made, {position: n for n, position in enumerate(legend, start=1)}, through)
        _rank_groups(canvas, view, made, ranked_inside)
        if legend:
            entries = [(n, label_key(view.edges[p].label)) for n, p in enumerate(legend, start=1)]
            canvas.dot.graph_attr["label"] = legend_title(title, entries)
    return canvas.dot.source, warnings


def normalise_dot(source: str) -> str:
    """DOT with the icon folder replaced by a placeholder, so the file is the same on every machine."""
    return source.replace(str(RESOURCES), ICON_PLACEHOLDER)


def _layout_cached(
    source: str, name: str, cache: LayoutCache | None, formats: tuple[str, ...] = FORMATS
) -> dict[str, bytes]:
    images = cache.get(source, formats) if cache is not None else None
    if images is None:
        images = layout(source, formats, name=name)
        if cache is not None:
            cache.put(source, images)
    return images


def _laid_out(
    view: DiagramView, link_base: str | None, cache: LayoutCache | None, formats: tuple[str, ...], legend=()
) -> tuple[str, dict[str, bytes], list[str]]:
    """(DOT source, images, warnings). A layout that fails or runs out of time is
    tried again with the next cheaper settings, so a view is never a failed build while Graphviz can
    draw it at all; the settings used are said in the view's warnings."""
    # very large clustered views start at the robust settings: Graphviz's spline router is the one that
    # loses edges there, after minutes of work
    level = ROBUST if len(view.nodes) > LARGE_VIEW_NODES else NORMAL
    reasons: list[str] = []
    while True:
        note = f"simplified layout: {_SETTING_NOTES[level]}" if reasons else ""
        source, warnings = dot_source(view, link_base, fallback=level, legend=legend, note=note)
        if level < CHEAPEST and cache is not None and cache.failed(source):
            reasons.append("remembered")
            level += 1
            continue
        try:
            images = _layout_cached(source, view.id, cache, formats)
            break
        except ExternalToolFailed as exc:
            if level == CHEAPEST:
                raise
            if cache is not None:
                cache.mark_failed(source)
            reasons.append(exc.message)
            level += 1
    if reasons:
        warnings.append(
            f"Graphviz could not lay out this view normally ({'; '.join(reasons)}); {_SETTING_NOTES[level]}"
        )
    return source, images, warnings


def render_view(
    view: DiagramView, link_base: str | None = None, cache: LayoutCache | None = None, formats=FORMATS
) -> tuple[dict[str, bytes], list[str]]:
    """{filename: bytes} for one view: DOT (normalised), SVG, and PNG when asked for. A view whose
    edge labels Graphviz put across a cluster border is laid out again with those labels numbered and
    explained in a legend (render/edge_legend.py)."""
    drawn_as_nodes = label_clusters(view)
    # native labels in a view with boxes are checked against the boxes' borders (Graphviz's JSON)
    checked = bool(view.clusters) and any(e.label and p not in drawn_as_nodes for p, e in enumerate(view.edges))
    extra = ("json",) if checked else ()
    legend: tuple[int, ...] = ()
    source, images, warnings = _laid_out(view, link_base, cache, formats + extra)
    for _ in range(_LEGEND_ROUNDS if checked else 0):  # moving labels changes the layout: check again
        crossing = straddling_edges(images["json"])
        more = tuple(
            position
            for position, edge in enumerate(view.edges)
            if edge.label and (edge.source, edge.target, label_key(edge.label)) in crossing
        )
        if not more:
            break
        legend = tuple(sorted(legend + more))
        source, images, warnings = _laid_out(view, link_base, cache, formats + extra, legend)
    files = {f"{view.id}.dot": normalise_dot(source).encode(), f"{view.id}.svg": tidy_svg(embed_icons(images["svg"]))}
    if "png" in formats:
        files[f"{view.id}.png"] = images["png"]
    return files, warnings
