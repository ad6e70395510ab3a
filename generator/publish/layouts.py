"""Render every view of a model into {filename: bytes}, laying out independent views in parallel.

Layouts start in worker threads (each runs its own `dot` process) and the caller is free to do
other work — generate pages, run MkDocs — until it asks for the result. The biggest views start
first, so one large view does not finish alone at the end while the other cores sit idle.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from generator.cores import usable_cores
from generator.index import ModelIndex
from generator.publish.layout_cache import LayoutCache
from generator.render.diagram_render import FORMATS, render_view
from generator.render.graphviz_tool import find_dot, stop_layouts
from generator.views.all_views import plan_views
from generator.views.diagram import DiagramView

LINK_BASE = "../architecture/"
FORMATS_WRITTEN = ("dot", *FORMATS)  # what render_view returns for each view (PNG only when asked for)


@dataclass(frozen=True)
class RenderedDiagrams:
    """Every view laid out: the views, their files (DOT, SVG, PNG when asked for) and the warnings."""

    views: tuple[DiagramView, ...]
    files: dict[str, bytes]
    warnings: tuple[str, ...]


def view_files(views: list[DiagramView] | tuple[DiagramView, ...], formats=FORMATS) -> tuple[str, ...]:
    """The file names rendering `views` produces, known before any layout runs."""
    return tuple(sorted(f"{v.id}.{fmt}" for v in views for fmt in ("dot", *formats)))


def layout_weight(view: DiagramView) -> int:
    """A rough cost of laying out a view: Graphviz's time grows with nodes, edges and clusters."""
    return len(view.nodes) + len(view.edges) + 2 * len(view.clusters)


class Layouts:
    """Views being rendered in the background; `result()` waits for them all."""

    def __init__(
        self, views: list[DiagramView], cache: LayoutCache | None, workers: int | None = None, formats=FORMATS
    ) -> None:
        find_dot()  # fail before any work when Graphviz is missing
        self.views = tuple(views)
        workers = workers or min(len(self.views), usable_cores())
        self._pool = ThreadPoolExecutor(max_workers=max(workers, 1), thread_name_prefix="archgen-layout")
        biggest_first = sorted(range(len(self.views)), key=lambda i: (-layout_weight(self.views[i]), i))
        self._futures: dict[int, Future] = {
            i: self._pool.submit(render_view, self.views[i], LINK_BASE, cache, formats) for i in biggest_first
        }

    def result(self) -> RenderedDiagrams:
        files: dict[str, bytes] = {}
        warnings: list[str] = []
        try:
            for i, view in enumerate(self.views):
                files_of_view, view_warnings = self._futures[i].result()
                files.update(files_of_view)
                warnings += [f"{view.id}: {w}" for w in view_warnings]
        except BaseException:
            self.abandon()  # one view failed, or Ctrl-C: the others' results would be thrown away
            raise
        self.close()
        return RenderedDiagrams(self.views, dict(sorted(files.items())), tuple(warnings))

    def close(self) -> None:
        """Drop layouts not yet started and wait for the running ones (their `dot` processes end)."""
        self._pool.shutdown(wait=True, cancel_futures=True)

    def abandon(self) -> None:
        """Give up: drop layouts not yet started, stop the running `dot` processes, wait for the threads."""
        self._pool.shutdown(wait=False, cancel_futures=True)
        stop_layouts()
        self._pool.shutdown(wait=True)

    def __enter__(self) -> Layouts:
        return self

    def __exit__(self, exc_type, *exc_info) -> None:
        self.abandon() if exc_type is not None else self.close()


def render_diagrams(
    index: ModelIndex,
    cache: LayoutCache | None = None,
    workers: int | None = None,
    *,
    only: tuple[str, ...] | None = None,
    prefix: str = "",
    formats: tuple[str, ...] = FORMATS,
) -> RenderedDiagrams:
    with Layouts(plan_views(index, only=only, prefix=prefix), cache, workers, formats) as layouts:
        return layouts.result()
