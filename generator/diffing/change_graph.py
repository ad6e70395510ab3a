"""What a change touches, as a small graph: the changed elements with their direct neighbours, and the
relationships, hosting and fronting edges between them (pure, over the two models)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.schema import Model

MAX_NODES = 30  # a comment diagram stays readable; the rest is counted


@dataclass(frozen=True)
class ChangeGraph:
    """The part of the architecture a change touches: changed elements and their neighbours, for the PR comment."""

    nodes: tuple[tuple[str, str], ...]  # (element id, added | removed | changed | neighbour)
    edges: tuple[tuple[str, str, str], ...]  # (source, target, added | removed | same)
    left_out: int = 0  # changed elements beyond MAX_NODES


def _edges(model: Model) -> set[tuple[str, str]]:
    """Who talks to whom, what runs on what, what fronts what."""
    edges = {(r.source, r.destination) for r in model.relationships}
    edges |= {(c.id, c.hosted_on) for c in model.containers if c.hosted_on}
    edges |= {(s.id, behind) for s in model.services for behind in s.fronts}
    return edges


def change_graph(old: Model, new: Model, changes) -> ChangeGraph:
    """`changes`: the element changes of the diff (each with `id` and `kind`)."""
    state = {c.id: c.kind for c in changes}
    if not state:
        return ChangeGraph((), ())
    old_edges, new_edges = _edges(old), _edges(new)
    all_edges = sorted(old_edges | new_edges)
    shown = list(state)[:MAX_NODES]
    left_out = len(state) - len(shown)
    nodes = dict.fromkeys(shown)
    for a, b in all_edges:
        for end, other in ((a, b), (b, a)):
            if end in shown and other not in nodes and len(nodes) < MAX_NODES:
                nodes[other] = None
    edges = tuple(
        (a, b, "same" if (a, b) in old_edges and (a, b) in new_edges else "added" if (a, b) in new_edges else "removed")
        for a, b in all_edges
        if a in nodes and b in nodes and (a in state or b in state)
    )
    return ChangeGraph(tuple((n, state.get(n, "neighbour")) for n in nodes), edges, left_out)
