"""A layout that fails or runs out of time is tried again with cheaper settings, never a failed build
while Graphviz can draw the view at all; the settings used are said in the view's warnings."""

from __future__ import annotations

import pytest

from generator.errors import ExternalToolFailed
from generator.render import diagram_render
from generator.render.diagram_render import render_view
from generator.views.diagram import DiagramView, ViewEdge, ViewNode

VIEW = DiagramView(
    "v",
    "View",
    "container",
    "LR",
    (ViewNode("a", "A", "container"), ViewNode("b", "B", "container")),
    (ViewEdge("a", "b", "calls"),),
)
SVG = b'<svg width="10pt" height="10pt" viewBox="0 0 10 10"><title>View</title></svg>'


def _graphviz_that_only_draws(settings: str, calls: list[str]):
    def layout(source: str, formats, *, name: str, timeout: float = 300) -> dict[str, bytes]:
        calls.append(source)
        if settings not in source:
            raise ExternalToolFailed(f"Graphviz took longer than {timeout:.0f} s to lay out the {name} view")
        return dict.fromkeys(formats, SVG)

    return layout


class MemoryCache:
    def __init__(self) -> None:
        self.images: dict[str, dict[str, bytes]] = {}
        self.failures: set[str] = set()

    def get(self, source, formats):
        return self.images.get(source)

    def put(self, source, images):
        self.images[source] = images

    def failed(self, source):
        return source in self.failures

    def mark_failed(self, source):
        self.failures.add(source)


def test_a_view_no_setting_but_the_cheapest_can_draw_is_drawn_and_says_so(monkeypatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(diagram_render, "layout", _graphviz_that_only_draws("splines=line", calls))
    files, warnings = render_view(VIEW)
    assert files["v.svg"].startswith(b"<svg")
    assert len(calls) == 3  # normal, robust, cheapest
    # the diagram itself says so, under its title (the page shows the diagram, not the build's log)
    assert "(simplified layout: drawn with straight edges" in calls[-1] and "simplified" not in calls[0]
    assert warnings == [
        "Graphviz could not lay out this view normally (Graphviz took longer than 300 s to lay out the v view; "
        "Graphviz took longer than 300 s to lay out the v view); drawn with straight edges and little crossing "
        "reduction (the cheapest layout)"
    ]


def test_the_robust_settings_come_second(monkeypatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(diagram_render, "layout", _graphviz_that_only_draws("splines=polyline", calls))
    _, warnings = render_view(VIEW)
    assert len(calls) == 2 and warnings[0].endswith("used polyline edges")


def test_failures_are_remembered_so_the_next_build_starts_where_it_worked(monkeypatch) -> None:
    calls: list[str] = []
    cache = MemoryCache()
    monkeypatch.setattr(diagram_render, "layout", _graphviz_that_only_draws("splines=line", calls))
    render_view(VIEW, cache=cache)
    assert len(calls) == 3 and len(cache.failures) == 2
    _, warnings = render_view(VIEW, cache=cache)
    assert len(calls) == 3  # nothing laid out again: the failures were remembered, the drawing cached
    assert "(remembered; remembered)" in warnings[0]


def test_when_nothing_can_draw_the_view_the_failure_is_reported(monkeypatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(diagram_render, "layout", _graphviz_that_only_draws("never in a source", calls))
    with pytest.raises(ExternalToolFailed):
        render_view(VIEW)
    assert len(calls) == 3


def test_a_view_over_the_large_size_starts_at_the_robust_settings(monkeypatch) -> None:
    big = DiagramView(
        "big", "Big", "container", "LR", tuple(ViewNode(f"n{i}", f"N{i}", "container") for i in range(61)), ()
    )
    calls: list[str] = []
    monkeypatch.setattr(diagram_render, "layout", _graphviz_that_only_draws("splines=", calls))
    _, warnings = render_view(big)
    assert len(calls) == 1 and "splines=polyline" in calls[0] and warnings == []
