"""The whole review in one value: question risks, findings, availability and quotas."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from generator.catalogue.framework import Framework, framework
from generator.index import ModelIndex
from generator.pricing.estimate import CostReport
from generator.quotas import QuotaCheck, quota_checks
from generator.review.availability import AvailabilityEstimate, estimate_availability
from generator.review.findings import Finding, run_rules, unmatched_acknowledgements
from generator.review.risk import QuestionRisk, question_risks


@dataclass(frozen=True)
class Review:
    """The Well-Architected review of a model: question risks, rule findings, availability and quotas."""

    framework: Framework
    questions: tuple[QuestionRisk, ...]
    findings: tuple[Finding, ...]
    availability: AvailabilityEstimate
    quotas: tuple[QuotaCheck, ...]
    stale_acknowledgements: tuple[str, ...]

    def risk_counts(self, pillar: str | None = None) -> Counter:
        return Counter(q.risk for q in self.questions if pillar is None or q.pillar == pillar)

    def open_findings(self, pillar: str | None = None) -> list[Finding]:
        return [f for f in self.findings if f.open and (pillar is None or f.pillar == pillar)]

    def finding_counts(self) -> Counter:
        return Counter(f.risk for f in self.findings if f.open)

    def improvement_plan(self) -> list[QuestionRisk]:
        order = {"HIGH": 0, "MEDIUM": 1, "UNANSWERED": 2}
        return sorted(
            (q for q in self.questions if q.risk in order),
            key=lambda q: (order[q.risk], q.pillar, int(q.question.id.split()[1])),
        )


def review(index: ModelIndex, reports: tuple[CostReport, ...]) -> Review:
    """The whole review of one model, given its cost reports (rules about spend read them)."""
    fw = framework()
    quotas = tuple(quota_checks(index))
    findings = run_rules(index, reports, quotas)
    return Review(
        fw,
        tuple(question_risks(index.model, fw)),
        tuple(findings),
        estimate_availability(index),
        quotas,
        tuple(unmatched_acknowledgements(index, findings)),
    )
