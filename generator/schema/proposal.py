"""Proposal metadata: what is proposed, to whom, by whom, where."""

from __future__ import annotations

from typing import Literal

from generator.values import IsoDate, Name, Strict, Text


class Ask(Strict):
    """What the audience is asked to decide, by whom and by when (the first thing the Proposal page says)."""

    decision: Text
    """The decision requested, e.g. "Approve the launch architecture and a $100 monthly budget"."""
    by: Name | None = None
    """Who decides."""
    deadline: IsoDate | None = None
    """When the decision is needed (YYYY-MM-DD)."""


class Proposal(Strict):
    name: Name
    """The system's name as the audience knows it, e.g. "Cruddur"."""
    summary: Text
    """Two or three sentences: what is proposed and why."""
    audience: Text
    """Who reviews the proposal, e.g. "the fractional CTO"."""
    status: Literal["draft", "in-review", "approved", "rejected"] = "draft"
    """Where the proposal stands."""
    owners: tuple[Name, ...] = ()
    """People or teams accountable for the proposal."""
    regions: tuple[Name, ...] = ("us-east-1",)
    """AWS regions in use; the first is the primary region."""
    currency: Literal["USD"] = "USD"
    """Currency of every amount in the model (AWS list prices are in USD)."""
    ask: Ask | None = None
    """The decision requested of the audience."""
