"""Run the rule catalogue: findings with stable keys, cross-checks against answers, acknowledgements."""

from __future__ import annotations

from dataclasses import dataclass

from generator.catalogue.framework import normalise_question_id
from generator.index import ModelIndex
from generator.pricing.estimate import CostReport
from generator.quotas import QuotaCheck
from generator.rules import RULES
from generator.rules.base import Outcome, Rule, RuleContext

RISK_ORDER = {"HIGH": 0, "MEDIUM": 1, "LOW": 2}


@dataclass(frozen=True)
class Finding:
    """A rule's outcome for one element, with the rule's pillar and risk and any acknowledgement."""

    key: str  # CODE@element
    code: str
    element: str
    status: str  # pass | fail | unknown
    risk: str
    pillar: str
    message: str
    practices: tuple[str, ...]
    acknowledged: str | None = None  # the reason, when the model accepts the risk
    cross_check: bool = False

    @property
    def open(self) -> bool:
        return self.status == "fail" and self.acknowledged is None


def _claims(index: ModelIndex) -> dict[str, str]:
    """Best practice id -> question id, for every practice the model's answers claim."""
    out = {}
    for answer in index.model.well_architected.answers:
        if answer.status == "answered":
            for bp in answer.practices:
                out[bp] = normalise_question_id(answer.question)
    return out


SEVERITY = {"fail": 0, "unknown": 1, "pass": 2}


def worst_outcomes(outcomes) -> list[Outcome]:
    """One outcome per element: the worst (fail, then unknown, then pass); among equals, the first."""
    chosen: dict[str, Outcome] = {}
    for outcome in outcomes:
        current = chosen.get(outcome.element)
        if current is None or SEVERITY[outcome.status] < SEVERITY[current.status]:
            chosen[outcome.element] = outcome
    return list(chosen.values())


def run_rules(
    index: ModelIndex,
    reports: tuple[CostReport, ...],
    quotas: tuple[QuotaCheck, ...] = (),
    rules: tuple[Rule, ...] = RULES,
) -> list[Finding]:
    ctx = RuleContext(index, reports, quotas)
    acks = {a.finding: a.reason for a in index.model.well_architected.acknowledgements}
    claims = _claims(index)
    findings: list[Finding] = []
    for rule in rules:
        for outcome in worst_outcomes(rule.check(ctx)):
            key = f"{rule.code}@{outcome.element}"
            claimed = [bp for bp in rule.practices if bp in claims] if outcome.status == "fail" else []
            message = outcome.message
            if claimed:
                # the model's own answer says the opposite: the same finding, the contradiction in its text
                message += f"; this contradicts the answer to {claims[claimed[0]]}, which claims {claimed[0]}"
            findings.append(
                Finding(
                    key,
                    rule.code,
                    outcome.element,
                    outcome.status,
                    rule.risk,
                    rule.pillar,
                    message,
                    rule.practices,
                    acks.get(key),
                    cross_check=bool(claimed),
                )
            )
    return sorted(findings, key=_order)


def _order(f: Finding) -> tuple:
    status = {"fail": 0, "unknown": 1, "pass": 2}[f.status]
    return (status, f.acknowledged is not None, RISK_ORDER[f.risk], f.code, f.element)


def unmatched_acknowledgements(index: ModelIndex, findings: list[Finding]) -> list[str]:
    """Acknowledged keys that no longer match a failing finding (stale acknowledgements)."""
    failing = {f.key for f in findings if f.status == "fail"}
    return [a.finding for a in index.model.well_architected.acknowledgements if a.finding not in failing]
