"""The view types every diagram renderer takes: nodes, edges and clusters that refer to model ids."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class ViewNode:
    id: str
    label: str
    shape: str  # person | system | container | database | component | service | external | tool
    sublabel: str = ""
    description: str = ""
    icon: str | None = None  # "module.Class" under diagrams.aws, for AWS-icon views
    external: bool = False
    cluster: str | None = None
    anchor: str = ""  # the section of the site that describes the element


@dataclass(frozen=True)
class ViewEdge:
    source: str
    target: str
    label: str = ""
    interaction: str = "sync"


@dataclass(frozen=True)
class ViewCluster:
    id: str
    label: str
    style: str  # boundary | cloud | region | vpc | subnet | group | stage
    parent: str | None = None


@dataclass(frozen=True)
class DiagramView:
    id: str
    title: str
    kind: str  # context | container | component | deployment | pipeline
    direction: str
    nodes: tuple[ViewNode, ...]
    edges: tuple[ViewEdge, ...]
    clusters: tuple[ViewCluster, ...] = ()
    same_rank: tuple[tuple[str, ...], ...] = ()
    description: str = ""
    warnings: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict:
        return asdict(self)


def merge_edges(edges: list[ViewEdge]) -> tuple[ViewEdge, ...]:
    """One edge per (source, target): labels joined in model order, async only if all are async."""
    grouped: dict[tuple[str, str], list[ViewEdge]] = {}
    for e in edges:
        if e.source != e.target:
            grouped.setdefault((e.source, e.target), []).append(e)
    merged = []
    for (source, target), group in grouped.items():
        labels: list[str] = []
        for e in group:
            if e.label and e.label not in labels:
                labels.append(e.label)
        label = (
            labels[0]
            if len(labels) == 1
            else "; ".join(labels[:2]) + (f" (+{len(labels) - 2})" if len(labels) > 2 else "")
        )
        interaction = "async" if all(e.interaction == "async" for e in group) else "sync"
        merged.append(ViewEdge(source, target, label, interaction))
    return tuple(merged)


def clusters_for(clusters: tuple[ViewCluster, ...] | list[ViewCluster], used: set[str]) -> tuple[ViewCluster, ...]:
    """The clusters in `used` and their ancestors, in their original order."""
    parent = {c.id: c.parent for c in clusters}
    keep: set[str] = set()
    for cid in used:
        while cid is not None and cid not in keep:
            keep.add(cid)
            cid = parent.get(cid)
    return tuple(c for c in clusters if c.id in keep)
