"""Every diagram view of a model, in a fixed order."""

from __future__ import annotations

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
