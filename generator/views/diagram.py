"""The view types every diagram renderer takes: nodes, edges and clusters that refer to model ids."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

# the icons the views name themselves, beside each service kind's own (render/icon_files.py lists them all)
PERSON_ICON = "general.Users"
EXTERNAL_ICON = "general.InternetAlt1"
SYSTEM_ICONS = {"github": "onprem.vcs.Github", "gitlab": "onprem.vcs.Gitlab"}  # a pipeline's source system
VIEW_ICONS = (PERSON_ICON, EXTERNAL_ICON, *SYSTEM_ICONS.values())


@dataclass(frozen=True)
class ViewNode:
    """A box or icon in a diagram view, with its label, shape and the cluster it sits in."""

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
    """An arrow in a diagram view: its ends, label and whether the call is synchronous."""

    source: str
    target: str
    label: str = ""
    interaction: str = "sync"


@dataclass(frozen=True)
class ViewCluster:
    """A box around nodes in a diagram view (system boundary, cloud, region, VPC, subnet, group, stage)."""

    id: str
    label: str
    style: str  # boundary | cloud | region | vpc | subnet | group | stage
    parent: str | None = None


@dataclass(frozen=True)
class DiagramView:
    """One diagram to draw: its nodes, edges and clusters, direction and title; no Graphviz in it."""

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


# a left-to-right view whose longest chain has more steps than this is drawn top to bottom: twelve
# steps side by side made a 5349 x 739 px image, unreadable at page width
LONGEST_CHAIN_ACROSS = 6


def _depths(after: dict[str, list[str]]) -> dict[str, int]:
    """Each node's longest walk along `after` (cycles broken where a walk meets its own path)."""
    depth: dict[str, int] = {}
    for start in after:
        stack = [(start, iter(after.get(start, ())))]
        on_path = {start}
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                on_path.discard(node)
                depth[node] = max((depth.get(c, 0) + 1 for c in after.get(node, ()) if c in depth), default=0)
            elif child not in depth and child not in on_path:
                on_path.add(child)
                stack.append((child, iter(after.get(child, ()))))
    return depth


def longest_chain(edges: tuple[ViewEdge, ...] | list[ViewEdge]) -> int:
    """Edges on the longest path through the view (cycles broken where a walk meets its own path)."""
    after: dict[str, list[str]] = {}
    for e in edges:
        after.setdefault(e.source, []).append(e.target)
    return max(_depths(after).values(), default=0)


def ranks_and_widest(edges, node_ids=()) -> tuple[int, int]:
    """How many ranks a layered drawing of the view has (each node placed one after its furthest
    predecessor; unconnected nodes first) and how many nodes its fullest rank holds."""
    before: dict[str, list[str]] = {}
    for e in edges:
        before.setdefault(e.target, []).append(e.source)
        before.setdefault(e.source, [])
    rank = _depths(before)
    for node in node_ids:
        rank.setdefault(node, 0)
    per_rank: dict[int, int] = {}
    for r in rank.values():
        per_rank[r] = per_rank.get(r, 0) + 1
    return (max(per_rank) + 1, max(per_rank.values())) if per_rank else (0, 0)


def flow_direction(hinted: str | None, default: str, edges, node_ids=None) -> str:
    """The model's direction when it gives one; otherwise the default, turned top to bottom when its
    chain is too long to read across, or, given the view's nodes, when a left-to-right drawing would
    be wider than a top-to-bottom one (more ranks than its fullest rank holds nodes: a chain drawn
    across is what shrinks a view below readable at page width). A pipeline, a chain by nature,
    passes no nodes: its stages read left to right."""
    if hinted:
        return hinted
    if default in ("LR", "RL"):
        if longest_chain(edges) > LONGEST_CHAIN_ACROSS:
            return "TB"
        if node_ids is not None:
            ranks, widest = ranks_and_widest(edges, node_ids)
            if ranks > widest:
                return "TB"
    return default
