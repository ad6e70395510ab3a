"""Architecture decision records."""

from __future__ import annotations

from typing import Literal

from generator.values import Id, IsoDate, Name, Strict, Text


class Decision(Strict):
    id: Id
    """Unique id, e.g. `adr-001-fargate`."""
    title: Name
    """Short title stating the decision."""
    status: Literal["proposed", "accepted", "superseded", "rejected"]
    """Lifecycle status."""
    date: IsoDate | None = None
    """When it was decided (YYYY-MM-DD)."""
    context: Text
    """The forces at play."""
    decision: Text
    """What was decided."""
    consequences: Text = ""
    """What becomes easier or harder."""
    supersedes: Id | None = None
    """Id of the decision this one replaces."""
