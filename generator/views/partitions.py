"""Where each node of a view belongs when the view is too large to draw whole: the declared group,
else what the view is naturally made of (its VPCs and service categories, its pipeline stages, the
kinds of its containers)."""

from __future__ import annotations

from generator.index import ModelIndex
from generator.views.diagram import DiagramView, ViewCluster

# containers without a declared group are split by what they are
_FAMILIES = {
    "web_app": "Front ends",
    "spa": "Front ends",
    "mobile_app": "Front ends",
    "api": "Services",
    "gateway": "Services",
    "cdn": "Services",
    "worker": "Workers and functions",
    "function": "Workers and functions",
    "scheduler": "Workers and functions",
    "datastore": "Data stores",
    "database": "Data stores",
    "cache": "Data stores",
    "bucket": "Data stores",
    "queue": "Messaging",
    "topic": "Messaging",
    "identity": "Identity",
    "other": "Other containers",
}


def partition(index: ModelIndex, view: DiagramView) -> dict[str, tuple[str, str]]:
    """node id -> (part key, part label) for the nodes a split view divides; others are neighbours."""
    if view.kind == "context":
        return {n.id: _context_part(n.shape, n.external) for n in view.nodes}
    if view.kind in ("container", "component"):
        inner = {c.id for c in view.clusters if c.style == "boundary"} | {
            c.id for c in view.clusters if c.parent is not None
        }
        return {n.id: _element_part(index, n.id) for n in view.nodes if n.cluster in inner}
    clusters = {c.id: c for c in view.clusters}
    return {n.id: _top_cluster(clusters, n.cluster) for n in view.nodes if n.cluster in clusters}


def _context_part(shape: str, external: bool) -> tuple[str, str]:
    if shape == "person":
        return ("people", "People")
    return ("external", "External systems") if external else ("systems", "Our systems")


def _element_part(index: ModelIndex, element_id: str) -> tuple[str, str]:
    element = index.elements[element_id]
    if element.group:
        return (f"group-{element.group}", element.group)
    family = _FAMILIES.get(getattr(element, "kind", ""), "Components")
    return (family, family)


def _top_cluster(clusters: dict[str, ViewCluster], cluster_id: str) -> tuple[str, str]:
    """The outermost cluster below the cloud and its regions (a VPC, a service category, a stage)."""
    chain = []
    current = clusters.get(cluster_id)
    while current is not None:
        chain.append(current)
        current = clusters.get(current.parent) if current.parent else None
    top = next((c for c in reversed(chain) if c.style not in ("cloud", "region")), chain[0])
    region = next((c.label for c in chain if c.style == "region"), "")
    return (top.id, f"{top.label} ({region})" if region else top.label)
