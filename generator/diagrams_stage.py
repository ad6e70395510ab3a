"""Render every view of a model into {filename: bytes}, laying out independent views in parallel."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace

from generator.index import ModelIndex
from generator.render.diagram_render import render_view
from generator.render.graphviz_tool import find_dot
from generator.render.layout_cache import LayoutCache
from generator.views.all_views import all_views
from generator.views.diagram import DiagramView

LINK_BASE = "../architecture/"


@dataclass(frozen=True)
class RenderedDiagrams:
    views: tuple[DiagramView, ...]
    files: dict[str, bytes]
    warnings: tuple[str, ...]


def render_diagrams(index: ModelIndex, cache: LayoutCache | None = None, workers: int | None = None,
                    *, only: tuple[str, ...] | None = None, prefix: str = "") -> RenderedDiagrams:
    find_dot()  # fail before any work when Graphviz is missing
    views = [v for v in all_views(index) if only is None or v.kind in only]
    if prefix:
        views = [replace(v, id=prefix + v.id) for v in views]
    workers = workers or min(len(views), os.cpu_count() or 1)
    with ThreadPoolExecutor(max_workers=max(workers, 1)) as pool:
        results = list(pool.map(lambda v: render_view(v, LINK_BASE, cache), views))
    files: dict[str, bytes] = {}
    warnings: list[str] = []
    for view, (view_files, view_warnings) in zip(views, results):
        files.update(view_files)
        warnings += [f"{view.id}: {w}" for w in view_warnings]
    return RenderedDiagrams(tuple(views), dict(sorted(files.items())), tuple(warnings))
