"""The CI/CD pipeline view: stages left to right with the services, systems and tools in each."""

from __future__ import annotations

from generator.catalogue.service_kinds import SERVICE_KINDS
from generator.index import ModelIndex, anchor_for
from generator.views.diagram import (
    EXTERNAL_ICON,
    SYSTEM_ICONS,
    DiagramView,
    ViewCluster,
    ViewEdge,
    ViewNode,
    flow_direction,
)


def pipeline_view(index: ModelIndex) -> DiagramView | None:
    # long: one stage loop building nodes, clusters and edges together
    pipeline = index.model.pipeline
    if pipeline is None:
        return None
    nodes: list[ViewNode] = []
    edges: list[ViewEdge] = []
    clusters: list[ViewCluster] = []
    firsts: list[str] = []
    parallel: list[tuple[str, ...]] = []
    for number, stage in enumerate(pipeline.stages, start=1):
        cluster = f"stage_{stage.id}"
        clusters.append(ViewCluster(cluster, f"{number}. {stage.name}", "stage"))
        members: list[str] = []
        for ref in stage.systems:
            system = next(s for s in index.model.systems if s.id == ref)
            node_id = f"{stage.id}__{ref}"
            nodes.append(
                ViewNode(
                    node_id,
                    system.name,
                    "external",
                    "External system",
                    icon=SYSTEM_ICONS.get(ref, EXTERNAL_ICON),
                    cluster=cluster,
                    external=True,
                    anchor=anchor_for(ref),
                )
            )
            members.append(node_id)
        for ref in stage.services:
            service = index.services[ref]
            node_id = f"{stage.id}__{ref}"
            nodes.append(
                ViewNode(
                    node_id,
                    service.name,
                    "service",
                    SERVICE_KINDS[service.kind].title,
                    icon=SERVICE_KINDS[service.kind].icon,
                    cluster=cluster,
                    anchor=anchor_for(ref),
                )
            )
            members.append(node_id)
        for position, tool in enumerate(stage.tools):
            node_id = f"{stage.id}__tool{position}"
            nodes.append(ViewNode(node_id, tool, "tool", "tool", cluster=cluster))
            members.append(node_id)
        for ref in stage.deploys:
            node_id = f"{stage.id}__deploys__{ref}"
            container = index.elements[ref]
            nodes.append(
                ViewNode(node_id, container.name, "container", "deployed", cluster=cluster, anchor=anchor_for(ref))
            )
            members.append(node_id)
        # a stage's items work side by side (no order among them): one column, no arrows between them
        if len(members) > 1:
            parallel.append(tuple(members))
        if members:
            firsts.append((members[0], members[-1]))
    for (_, last), (first, _) in zip(firsts, firsts[1:]):
        edges.append(ViewEdge(last, first, "then", "async"))
    hints = index.model.views.pipeline
    return DiagramView(
        "pipeline",
        pipeline.name,
        "pipeline",
        flow_direction(hints.direction, "LR", edges),
        tuple(nodes),
        tuple(edges),
        tuple(clusters),
        same_rank=tuple(hints.same_rank) + tuple(parallel),
        description=stage_summary(index),
    )


def stage_summary(index: ModelIndex) -> str:
    stages = index.model.pipeline.stages if index.model.pipeline else ()
    return " → ".join(s.name for s in stages)
