"""Every diagram view of a model, in a fixed order."""

from __future__ import annotations

from dataclasses import replace

from generator.index import ModelIndex
from generator.views.c4 import c4_views
from generator.views.deployment import deployment_view
from generator.views.diagram import DiagramView
from generator.views.pipeline import pipeline_view


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
    views = [v for v in all_views(index) if only is None or v.kind in only]
    if prefix:
        views = [replace(v, id=prefix + v.id) for v in views]
    if named:
        views = [replace(v, title=f"{v.title}, option: {named}") for v in views]
    return views
