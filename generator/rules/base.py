"""What a Well-Architected rule is: a code, a pillar, the best practices it evidences and a pure check."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from generator.index import ModelIndex
from generator.pricing.estimate import CostReport
from generator.quotas import QuotaCheck

Status = Literal["pass", "fail", "unknown"]
DOC_HEADINGS = ("What it checks", "Why it matters", "How to fix", "Example", "Best practices")
MODEL = "model"  # the element of findings about the model as a whole


@dataclass(frozen=True)
class Outcome:
    """What a rule found about one element: pass, fail or unknown, and why."""

    element: str
    status: Status
    message: str


@dataclass(frozen=True)
class RuleContext:
    """What a rule may look at: the model index, its cost reports (one per scenario) and its quota checks."""

    index: ModelIndex
    cost_reports: tuple[CostReport, ...]
    quotas: tuple[QuotaCheck, ...] = ()

    def explicitly_set(self, obj, name: str) -> bool:
        return name in obj.model_fields_set


@dataclass(frozen=True)
class Rule:
    """A Well-Architected rule: its code, pillar, risk, the best practices it evidences and its check."""

    code: str
    title: str
    pillar: str
    risk: Literal["HIGH", "MEDIUM", "LOW"]
    practices: tuple[str, ...]
    check: Callable[[RuleContext], Iterable[Outcome]]
    docstring: str | None = None  # the rule module's __doc__: what `explain` and the site show
    outcomes: tuple[Status, ...] = ("pass", "fail", "unknown")
    """The outcomes this rule can produce; each has a fixture in tests/rules/fixtures."""

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.docstring or "")

    def sections(self) -> dict[str, str]:
        """The docstring's sections by heading."""
        out: dict[str, str] = {}
        current = "summary"
        for line in self.doc.splitlines():
            stripped = line.strip().rstrip(":")
            if stripped in DOC_HEADINGS:
                current = stripped
                out[current] = ""
                continue
            out[current] = (out.get(current, "") + "\n" + line).strip("\n")
        return {k: v.strip() for k, v in out.items()}
