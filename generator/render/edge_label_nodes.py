"""Labels of edges between nested clusters, drawn as text nodes the edge passes through.

Graphviz places a native edge label beside the edge's middle, wherever that falls, so in a deployment
view (cloud, region, VPC, zone, subnet boxes) a label often sat across a box's border and had to be
moved to a numbered legend after a second layout (render/edge_legend.py). A node, though, is kept out
of every cluster it does not belong to: a label drawn as a node of the lowest cluster holding both
ends of its edge can never straddle a border, and the view is laid out once.
"""

from __future__ import annotations

from graphviz import nohtml

from generator.render.diagram_nodes import wrap
from generator.render.escape import dot_text
from generator.views.diagram import DiagramView


def label_node_id(position: int) -> str:
    """The id of the text node that carries edge `position`'s label (not a model id: those have no '~')."""
    return f"~label-{position}"


def _ancestors(cluster: str | None, parent_of: dict[str, str | None]) -> list[str | None]:
    chain: list[str | None] = []
    while cluster is not None:
        chain.append(cluster)
        cluster = parent_of.get(cluster)
    return [*chain, None]


def label_clusters(view: DiagramView) -> dict[int, str | None]:
    """{edge position: the cluster its label is drawn in (None: the top level)} for the labelled edges
    of a view whose clusters nest.

    Such a label is a text node of its own in the lowest cluster holding both ends, with the edge drawn
    through it: Graphviz keeps a node out of every cluster it does not belong to, so the label cannot
    sit across a cluster border (a native edge label is placed beside the edge, wherever that falls).
    Only views whose clusters nest (deployment: cloud, region, VPC, zone, subnet) are drawn so: there
    a native label straddled a border in every deployment view of the examples, each costing a second
    layout. Every labelled edge of such a view is drawn the same way, so its labels all look alike and
    no label is left whose place would need checking. In a view with one level of boxes (C4 system
    boundaries) the extra rank a label node takes pulled edges around the whole diagram, and native
    labels rarely straddle; those that do go to the numbered legend (`render_view`). An edge from a
    node to itself keeps its native label.
    """
    parent_of = {cluster.id: cluster.parent for cluster in view.clusters}
    if not any(parent is not None for parent in parent_of.values()):
        return {}
    cluster_of = {node.id: node.cluster for node in view.nodes}
    placed: dict[int, str | None] = {}
    for position, edge in enumerate(view.edges):
        if not edge.label or edge.source == edge.target:
            continue
        target_chain = set(_ancestors(cluster_of.get(edge.target), parent_of))
        placed[position] = next(c for c in _ancestors(cluster_of.get(edge.source), parent_of) if c in target_chain)
    return placed


def label_node(dot, position: int, text: str) -> None:
    """The text node of edge `position`'s label, in `dot` (the graph or cluster it belongs to). No
    tooltip: it would repeat the visible text, and wrap every label in a link element in the SVG. The
    font's name and colour are the graph's node defaults (`diagrams`), so only its size is given."""
    dot.node(
        label_node_id(position),
        nohtml(wrap(dot_text(text), 30)),
        shape="plaintext",
        fixedsize="false",  # `diagrams` makes every node a fixed 1.4 in square by default
        margin="0.04,0.02",
        width="0",
        height="0",
        fontsize="10",
    )


def edge_through_label(dot, tail: str, head: str, position: int, style: str) -> None:
    """The edge as two halves meeting at its label's text node: a plain line in, the arrowhead out."""
    line = {"color": "#555555", **({} if style == "solid" else {"style": style})}
    dot.edge(tail, label_node_id(position), dir="none", **line)
    dot.edge(label_node_id(position), head, dir="forward", **line)
