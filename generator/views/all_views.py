"""Every diagram view of a model, in a fixed order."""

from __future__ import annotations

from dataclasses import replace

from generator.index import ModelIndex
from generator.views.c4 import c4_views
from generator.views.deployment import deployment_view
from generator.views.diagram import DiagramView
from generator.views.partitions import partition
from generator.views.pipeline import pipeline_view
from generator.views.split import split_view


def all_views(index: ModelIndex) -> list[DiagramView]:
    views = c4_views(index)
    views.append(deployment_view(index))
    pipeline = pipeline_view(index)
    if pipeline is not None:
        views.append(pipeline)
    return views


def plan_views(
    index: ModelIndex, *, only: tuple[str, ...] | None = None, prefix: str = "", named: str = ""
) -> list[DiagramView]:
    """The views of a model (optionally only some kinds); for an option, ids prefixed and titles
    naming the option, so two options' diagrams never carry the same title."""
    budget = index.model.views.node_budget
    views = [
        part
        for view in all_views(index)
        if only is None or view.kind in only
        for part in _within_budget(index, _without_hidden(index, view), budget)
    ]
    if prefix:
        views = [replace(v, id=prefix + v.id) for v in views]
    if named:
        views = [replace(v, title=f"{v.title}, option: {named}") for v in views]
    return views


def _within_budget(index: ModelIndex, view: DiagramView, budget: int) -> list[DiagramView]:
    """The view itself when it fits; otherwise its overview and parts (the partition is worked out
    only for the views that need one)."""
    if len(view.nodes) <= budget:
        return [view]
    return split_view(view, budget, partition(index, view))


def _without_hidden(index: ModelIndex, view: DiagramView) -> DiagramView:
    """The view without the elements its hints hide, and their edges."""
    hidden = set(getattr(index.model.views, view.kind).hide)
    if not hidden:
        return view
    return replace(
        view,
        nodes=tuple(n for n in view.nodes if n.id not in hidden),
        edges=tuple(e for e in view.edges if e.source not in hidden and e.target not in hidden),
        same_rank=tuple(tuple(m for m in g if m not in hidden) for g in view.same_rank),
    )
