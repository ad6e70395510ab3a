"""Views above the node budget become an overview plus parts, each within the budget.

A partition names the part each node belongs to (a declared group, a VPC, a category); nodes without
a part (people, external systems) appear in whichever parts they relate to. A part larger than the
budget is cut into numbered pieces. In a part, every other part it talks to is one box linking to
that part's view, and the relationships to it are one edge with a count. When the neighbours alone
would overflow the budget they are folded into one box per kind ("12 people").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from generator.views.diagram import DiagramView, ViewEdge, ViewNode, clusters_for

# room kept in each part for its neighbours, the folded boxes and the links to other parts
_RESERVE_SHARE = 3


@dataclass(frozen=True)
class Part:
    """One part of a view split to keep under the node budget: its members and the group it comes from."""

    view_id: str
    label: str
    members: tuple[str, ...]
    group: str = ""  # the partition key; a group cut into numbered pieces has several parts
    group_label: str = ""


def split_view(view: DiagramView, budget: int, partition: Mapping[str, tuple[str, str]]) -> list[DiagramView]:
    """`view` alone when it fits the budget; otherwise its overview followed by its parts.

    `partition` maps node id -> (group key, group label); nodes missing from it are neighbours."""
    if len(view.nodes) <= budget:
        return [view]
    parts = _parts(view, budget, partition)
    if len(parts) < 2:
        return [replace(view, warnings=view.warnings + (_over(view, budget),))]
    owner = {member: i for i, part in enumerate(parts) for member in part.members}
    by_id = {n.id: n for n in view.nodes}
    touching: dict[str, list[int]] = {}  # node id -> positions of its edges: each part reads its own
    for position, edge in enumerate(view.edges):
        touching.setdefault(edge.source, []).append(position)
        if edge.target != edge.source:
            touching.setdefault(edge.target, []).append(position)
    pieces = [_part_view(view, parts, i, owner, by_id, touching, budget) for i in range(len(parts))]
    return [_overview(view, parts, owner, budget)] + pieces


def _over(view: DiagramView, budget: int) -> str:
    return f"{len(view.nodes)} nodes, above the node budget of {budget}, and nothing to split it along"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "part"


def _parts(view: DiagramView, budget: int, partition: Mapping[str, tuple[str, str]]) -> list[Part]:
    groups: dict[str, tuple[str, list[str]]] = {}
    for node in view.nodes:
        if node.id in partition:
            key, label = partition[node.id]
            groups.setdefault(key, (label, []))[1].append(node.id)
    size = max(budget - max(budget // _RESERVE_SHARE, 4), 2)
    parts: list[Part] = []
    used: set[str] = set()
    for key, (label, members) in groups.items():
        pieces = [members[i : i + size] for i in range(0, len(members), size)]
        for n, piece in enumerate(pieces, 1):
            slug = _slug(key) + (f"-{n}" if len(pieces) > 1 else "")
            while slug in used:
                slug += "-x"
            used.add(slug)
            name = f"{label} ({n} of {len(pieces)})" if len(pieces) > 1 else label
            parts.append(Part(f"{view.id}--{slug}", name, tuple(piece), key, label))
    return parts


def _proxy(part: Part) -> ViewNode:
    count = len(part.members)
    noun = "element" if count == 1 else "elements"
    return ViewNode(
        f"part__{part.view_id}",
        part.label,
        "group",
        f"{count} {noun}: open its view",
        f"{part.label}: {count} {noun}, drawn in their own view",
        anchor=part.view_id,
    )


def _others(view: DiagramView, rest: list[int], parts: list[Part]) -> ViewNode:
    """One box for the parts there is no room to draw, linking to the overview."""
    count = sum(len(parts[j].members) for j in rest)
    return ViewNode(
        "folded__parts",
        f"{len(rest)} other parts",
        "group",
        f"{count} elements: open the overview",
        ", ".join(parts[j].label for j in rest)[:300],
        anchor=view.id,
    )


def _fold(nodes: list[ViewNode]) -> dict[str, ViewNode]:
    """node id -> the box standing for its kind, for nodes folded into one box per shape."""
    by_shape: dict[str, list[ViewNode]] = {}
    for node in nodes:
        by_shape.setdefault(node.shape, []).append(node)
    folded = {}
    for shape, members in by_shape.items():
        noun = {"person": "people", "system": "systems", "external": "external systems"}.get(shape, f"{shape}s")
        box = ViewNode(
            f"folded__{shape}",
            f"{len(members)} {noun}",
            "group",
            "folded to fit the node budget",
            ", ".join(m.label for m in members)[:300],
        )
        folded.update({m.id: box for m in members})
    return folded


def _counted(edges: list[tuple[str, str, ViewEdge]], exact: set[str]) -> tuple[ViewEdge, ...]:
    """Edges between the drawn boxes: one per pair; between two real nodes the original label, otherwise
    the number of relationships the edge stands for."""
    grouped: dict[tuple[str, str], list[ViewEdge]] = {}
    for source, target, edge in edges:
        if source != target:
            grouped.setdefault((source, target), []).append(edge)
    out = []
    for (source, target), group in grouped.items():
        interaction = "async" if all(e.interaction == "async" for e in group) else "sync"
        if source in exact and target in exact and len(group) == 1:
            out.append(ViewEdge(source, target, group[0].label, interaction))
        else:
            n = len(group)
            out.append(ViewEdge(source, target, f"{n} relationship{'s' if n != 1 else ''}", interaction))
    return tuple(out)


def _part_view(
    view: DiagramView,
    parts: list[Part],
    i: int,
    owner: dict[str, int],
    by_id: dict[str, ViewNode],
    touching: dict[str, list[int]],
    budget: int,
) -> DiagramView:
    """One part: its members, the neighbours they talk to, a box per other part they talk to (as many as
    fit). Reads only its members' edges, in the view's order (all parts together read each edge twice)."""
    part = parts[i]
    inside = set(part.members)
    neighbours: dict[str, None] = {}
    links: dict[int, int] = {}  # other part -> how many of this part's edges go to it
    crossing: list[tuple[str, str, ViewEdge]] = []
    for position in sorted({p for member in part.members for p in touching.get(member, ())}):
        e = view.edges[position]
        for end in (e.source, e.target):
            if end not in inside:
                if end in owner:
                    links[owner[end]] = links.get(owner[end], 0) + 1
                else:
                    neighbours.setdefault(end)
        crossing.append((e.source, e.target, e))
    outer = [by_id[n] for n in neighbours]
    folded = _fold(outer) if len(inside) + len(links) + len(outer) > budget else {}
    boxes = list({v.id: v for v in folded.values()}.values())
    # the other parts this one talks to, most-connected first, as many as fit; the rest one box
    room = budget - len(inside) - (len(outer) if not folded else len(boxes))
    ranked = sorted(links, key=lambda j: (-links[j], j))
    shown = ranked if len(ranked) <= room else ranked[: max(room - 1, 0)]
    proxies = {j: _proxy(parts[j]) for j in sorted(shown)}
    rest = [j for j in links if j not in proxies]
    alias: dict[str, str] = {k: v.id for k, v in folded.items()}
    ends = [end for s, t, _ in crossing for end in (s, t) if end in owner and end not in inside]
    alias.update({m: proxies[owner[m]].id for m in ends if owner[m] in proxies})
    if rest:
        others = _others(view, rest, parts)
        alias.update({m: others.id for m in ends if owner[m] not in proxies})
        boxes.append(others)
    drawn = [by_id[m] for m in part.members] + [n for n in outer if n.id not in folded]
    drawn += boxes + list(proxies.values())
    exact = {n.id for n in drawn if not n.id.startswith(("part__", "folded__"))}
    edges = _counted([(alias.get(s, s), alias.get(t, t), e) for s, t, e in crossing], exact)
    present = {n.id for n in drawn}
    return replace(
        view,
        id=part.view_id,
        title=f"{view.title}: {part.label}",
        direction=_direction(view.direction, part, crossing),
        nodes=tuple(drawn),
        edges=edges,
        clusters=clusters_for(view.clusters, {n.cluster for n in drawn if n.cluster}),
        same_rank=tuple(
            tuple(m for m in group if m in present) for group in view.same_rank if sum(m in present for m in group) > 1
        ),
        description=f"Part of the view above: {part.label}. A box standing for another part opens that part.",
        warnings=(),
    )


def _by_group(parts: list[Part]) -> list[Part]:
    """One part per partition key (its pieces together), linking to its first piece."""
    merged: dict[str, Part] = {}
    for p in parts:
        if p.group in merged:
            first = merged[p.group]
            merged[p.group] = Part(first.view_id, first.label, first.members + p.members, p.group, p.group_label)
        else:
            merged[p.group] = Part(p.view_id, p.group_label or p.label, p.members, p.group, p.group_label)
    return list(merged.values())


# a part of this many members that barely talk to each other would stand in one row
_ROW = 12


def _direction(direction: str, part: Part, crossing: list[tuple[str, str, ViewEdge]]) -> str:
    """Top to bottom puts members without edges between them side by side: forty people in a row are
    unreadable at page width. Such a part is drawn left to right, so they stack in a column."""
    inside = set(part.members)
    among = sum(1 for s, t, _ in crossing if s in inside and t in inside)
    if direction in ("TB", "BT") and len(inside) >= _ROW and among < len(inside) / 2:
        return "LR"
    return direction


def _overview(view: DiagramView, parts: list[Part], owner: dict[str, int], budget: int) -> DiagramView:
    count = len(parts)
    if len(parts) > budget - 3:  # too many pieces to draw one box each: one box per group
        grouped = _by_group(parts)
        where = {m: i for i, p in enumerate(grouped) for m in p.members}
        parts, owner = grouped, {m: where[m] for m in owner}
    boxes = {f"part__{p.view_id}": _proxy(p) for p in parts}
    alias = {m: f"part__{parts[i].view_id}" for m, i in owner.items()}
    others = [n for n in view.nodes if n.id not in owner]
    folded = _fold(others) if len(others) + len(boxes) > budget else {}
    alias.update({k: v.id for k, v in folded.items()})
    nodes = [n for n in others if n.id not in folded] + list({v.id: v for v in folded.values()}.values())
    nodes += list(boxes.values())
    exact = {n.id for n in others if n.id not in folded}
    edges = _counted([(alias.get(e.source, e.source), alias.get(e.target, e.target), e) for e in view.edges], exact)
    warnings = ()
    if len(nodes) > budget:
        warnings = (f"the overview has {len(nodes)} boxes, above the node budget of {budget}",)
    return replace(
        view,
        title=f"{view.title} (overview of {count} parts)",
        nodes=tuple(nodes),
        edges=edges,
        clusters=(),
        same_rank=(),
        description=(
            f"{view.description} It has {len(view.nodes)} elements, more than the node budget of {budget} "
            f"(views: node_budget in the model), so it is drawn as {count} parts: each box below opens its part."
        ),
        warnings=view.warnings + warnings,
    )
