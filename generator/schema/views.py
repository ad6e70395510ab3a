"""Per-view layout hints (not raw Graphviz attributes)."""

from __future__ import annotations

from typing import Literal

from generator.values import Id, Strict

Direction = Literal["LR", "TB", "RL", "BT"]


class ViewHints(Strict):
    direction: Direction | None = None
    """Main direction of the flow: left-to-right (LR) or top-to-bottom (TB)."""
    same_rank: tuple[tuple[Id, ...], ...] = ()
    """Groups of element ids to place side by side."""


class Views(Strict):
    context: ViewHints = ViewHints()
    """System context view."""
    container: ViewHints = ViewHints()
    """Container views."""
    component: ViewHints = ViewHints()
    """Component views."""
    deployment: ViewHints = ViewHints()
    """AWS deployment view."""
    pipeline: ViewHints = ViewHints()
    """CI/CD pipeline view."""
