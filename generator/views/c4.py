"""C4 views: system context, containers per internal system, components per container."""

from __future__ import annotations

from generator.index import ModelIndex, anchor_for
from generator.schema.c4 import Component, Container, Person, SoftwareSystem
from generator.views.diagram import (
    DiagramView,
    ViewCluster,
    ViewEdge,
    ViewNode,
    flow_direction,
    merge_edges,
)

_DATA_KINDS = {"database", "datastore", "cache", "bucket"}


def _node(element, cluster: str | None = None) -> ViewNode:
    if isinstance(element, Person):
        return ViewNode(
            element.id,
            element.name,
            "person",
            "Person" if not element.external else "External person",
            element.description,
            external=element.external,
            cluster=cluster,
            anchor=anchor_for(element.id),
        )
    if isinstance(element, SoftwareSystem):
        return ViewNode(
            element.id,
            element.name,
            "system",
            "External system" if element.external else "Software system",
            element.description,
            external=element.external,
            cluster=cluster,
            anchor=anchor_for(element.id),
        )
    if isinstance(element, Container):
        shape = "database" if element.kind in _DATA_KINDS else "container"
        sub = f"Container: {element.technology}" if element.technology else "Container"
        return ViewNode(
            element.id, element.name, shape, sub, element.description, cluster=cluster, anchor=anchor_for(element.id)
        )
    assert isinstance(element, Component)
    sub = f"Component: {element.technology}" if element.technology else "Component"
    return ViewNode(
        element.id, element.name, "component", sub, element.description, cluster=cluster, anchor=anchor_for(element.id)
    )


def _lift(index: ModelIndex, element_id: str, level: str, focus: str | None) -> str:
    """Map an element to the node that represents it at a view's level of detail."""
    system = index.system_of(element_id)
    if level == "context":
        return system or element_id
    if level == "container":
        if system != focus:
            return system or element_id
        return index.container_of(element_id) or element_id
    # component level: inside the focus container keep components, elsewhere containers or systems
    container = index.container_of(element_id)
    if container == focus:
        return element_id
    if system == index.system_of(focus):
        return container or element_id
    return system or element_id


def _relevant(index: ModelIndex, ids) -> list:
    """The relationships with an end in any of `ids`, in model order (each once)."""
    touching = index.relationships_touching
    positions = sorted({i for x in ids for i in touching.get(x, ())})
    return [index.model.relationships[i] for i in positions]


def _edges(
    index: ModelIndex, level: str, focus: str | None, visible: set[str], relationships=None, inner=None
) -> tuple[ViewEdge, ...]:
    """Edges between visible nodes; with `inner`, only those with an end inside the boundary (what two
    neighbours of the focus do with each other is not this view's story)."""
    edges = []
    for r in index.model.relationships if relationships is None else relationships:
        source = _lift(index, r.source, level, focus)
        target = _lift(index, r.destination, level, focus)
        if inner is not None and source not in inner and target not in inner:
            continue
        if source in visible and target in visible:
            label = r.description + (f"\n[{r.technology}]" if r.technology else "")
            edges.append(ViewEdge(source, target, label, r.interaction))
    return merge_edges(edges)


def _neighbours(index: ModelIndex, level: str, focus: str, inner: set[str]) -> list[str]:
    """Elements outside the focus that relate to something inside it, in model order."""
    found: dict[str, None] = {}
    for r in _relevant(index, [focus]):
        a = _lift(index, r.source, level, focus)
        b = _lift(index, r.destination, level, focus)
        for x, y in ((a, b), (b, a)):
            if x in inner and y not in inner:
                found.setdefault(y)
    return list(found)


def context_view(index: ModelIndex) -> DiagramView:
    m = index.model
    nodes = [_node(p) for p in m.people] + [_node(s) for s in m.systems]
    visible = {n.id for n in nodes}
    hints = m.views.context
    return DiagramView(
        "context",
        f"{m.proposal.name}: system context",
        "context",
        hints.direction or "TB",
        tuple(nodes),
        _edges(index, "context", None, visible),
        same_rank=hints.same_rank,
        description="Who uses the system and which other systems it depends on (C4 level 1).",
    )


def _grouped(elements, boundary: str) -> tuple[list[ViewNode], list[ViewCluster]]:
    """Nodes for the elements inside a boundary; those with a declared group sit in a box of it."""
    clusters: dict[str, ViewCluster] = {}
    nodes = []
    for element in elements:
        if element.group and element.group not in clusters:
            clusters[element.group] = ViewCluster(f"{boundary}__{len(clusters)}", element.group, "group", boundary)
        nodes.append(_node(element, clusters[element.group].id if element.group else boundary))
    return nodes, list(clusters.values())


def container_view(index: ModelIndex, system: SoftwareSystem) -> DiagramView:
    boundary = f"boundary_{system.id}"
    inner, groups = _grouped(index.containers_by_system.get(system.id, []), boundary)
    inner_ids = {n.id for n in inner}
    outer = [
        _node(index.elements[x]) for x in _neighbours(index, "container", system.id, inner_ids) if x in index.elements
    ]
    nodes = (
        tuple(n for n in outer if n.shape == "person") + tuple(inner) + tuple(n for n in outer if n.shape != "person")
    )
    visible = {n.id for n in nodes}
    hints = index.model.views.container
    edges = _edges(index, "container", system.id, visible, _relevant(index, inner_ids), inner_ids)
    return DiagramView(
        f"container-{system.id}",
        f"{system.name}: containers",
        "container",
        flow_direction(hints.direction, "LR", edges, [n.id for n in nodes]),
        nodes,
        edges,
        (ViewCluster(boundary, f"{system.name} [Software system]", "boundary"), *groups),
        same_rank=hints.same_rank,
        description=f"The deployable units of {system.name} and how they talk (C4 level 2).",
    )


def component_view(index: ModelIndex, container: Container) -> DiagramView:
    boundary = f"boundary_{container.id}"
    inner, groups = _grouped(index.components_by_container.get(container.id, []), boundary)
    inner_ids = {n.id for n in inner}
    outer = [
        _node(index.elements[x])
        for x in _neighbours(index, "component", container.id, inner_ids)
        if x in index.elements
    ]
    nodes = tuple(inner) + tuple(outer)
    visible = {n.id for n in nodes}
    hints = index.model.views.component
    edges = _edges(index, "component", container.id, visible, _relevant(index, inner_ids), inner_ids)
    return DiagramView(
        f"component-{container.id}",
        f"{container.name}: components",
        "component",
        flow_direction(hints.direction, "LR", edges, [n.id for n in nodes]),
        nodes,
        edges,
        (ViewCluster(boundary, f"{container.name} [Container]", "boundary"), *groups),
        same_rank=hints.same_rank,
        description=f"The components inside {container.name} (C4 level 3).",
    )


def c4_views(index: ModelIndex) -> list[DiagramView]:
    views = [context_view(index)]
    for system in index.internal_systems:
        if index.containers_by_system.get(system.id):
            views.append(container_view(index, system))
    for container in index.model.containers:
        if index.components_by_container.get(container.id):
            views.append(component_view(index, container))
    return views
