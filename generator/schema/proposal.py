"""Proposal metadata: what is proposed, to whom, by whom, where."""

from __future__ import annotations

from typing import Literal

from generator.values import Name, Strict, Text


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
