"""References from the layout hints: every id a view hint names must be an element of the model."""

from __future__ import annotations

_VIEWS = ("context", "container", "component", "deployment", "pipeline")


def check_view_hints(checker) -> None:
    pool = checker.index.all_ids()
    for view in _VIEWS:
        hints = getattr(checker.model.views, view)
        for i, group in enumerate(hints.same_rank):
            for j, ref in enumerate(group):
                checker.expect(("views", view, "same_rank", i, j), ref, pool, "model element")
        for i, ref in enumerate(hints.hide):
            checker.expect(("views", view, "hide", i), ref, pool, "model element")
