"""Per-view layout hints (not raw Graphviz attributes)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.values import Id, Strict

Direction = Literal["LR", "TB", "RL", "BT"]


class ViewHints(Strict):
    direction: Direction | None = None
    """Main direction of the flow: left-to-right (LR) or top-to-bottom (TB)."""
    same_rank: tuple[tuple[Id, ...], ...] = ()
    """Groups of element ids to place side by side (same rank)."""
    hide: tuple[Id, ...] = ()
    """Element ids left out of these views (their relationships go with them)."""


class Views(Strict):
    node_budget: int = Field(60, ge=10, le=1000)
    """Most nodes one diagram may draw; a larger view is split into parts with an overview linking them."""
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
