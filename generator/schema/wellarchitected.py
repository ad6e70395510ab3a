"""Well-Architected answers and acknowledgements of findings."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.values import Id, IsoDate, Name, Strict, Text


class Answer(Strict):
    question: Name = Field(pattern=r"^(OPS|SEC|REL|PERF|COST|SUS) ?\d{1,2}$")
    """Question id as AWS writes it, e.g. `SEC 1` or `REL 9`."""
    status: Literal["answered", "not_applicable"] = "answered"
    """Answered, or not applicable (give a reason)."""
    practices: tuple[Name, ...] = ()
    """Best practices in place, by id, e.g. `SEC01-BP01`."""
    evidence: Text = ""
    """How the practices are met, in a sentence or two."""
    elements: tuple[Id, ...] = ()
    """Model elements that provide the evidence (services, containers, decisions)."""
    reason: Text = ""
    """Why the question does not apply (with `not_applicable`)."""


class Acknowledgement(Strict):
    finding: Name = Field(pattern=r"^[A-Z]+[0-9]+@[a-z][a-z0-9_-]*$")
    """Finding key `CODE@element`, e.g. `REL001@main_db`."""
    reason: Text = Field(min_length=10)
    """Why the risk is accepted for now."""
    by: Name | None = None
    """Who accepted it."""
    until: IsoDate | None = None
    """Revisit date (YYYY-MM-DD)."""


class WellArchitected(Strict):
    answers: tuple[Answer, ...] = ()
    """Answers to the framework's questions."""
    acknowledgements: tuple[Acknowledgement, ...] = ()
    """Findings accepted with a reason."""
    request_path: tuple[Id, ...] = ()
    """Services on the main user request path, in order (for the availability estimate); derived when empty."""
