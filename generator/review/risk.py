"""Question risk in the Well-Architected Tool's vocabulary, derived from answers and their missing practices."""

from __future__ import annotations

from dataclasses import dataclass

from generator.catalogue.framework import (
    Framework,
    Practice,
    Question,
    normalise_question_id,
)
from generator.schema import Model

RISKS = ("HIGH", "MEDIUM", "NONE", "UNANSWERED", "NOT_APPLICABLE")


@dataclass(frozen=True)
class QuestionRisk:
    """A Well-Architected question's risk, derived from the practices the answer chose and left out."""

    question: Question
    pillar: str
    risk: str
    chosen: tuple[Practice, ...]
    missing: tuple[Practice, ...]
    evidence: str
    elements: tuple[str, ...]
    reason: str = ""


def question_risks(model: Model, fw: Framework) -> list[QuestionRisk]:
    answers = {normalise_question_id(a.question): a for a in model.well_architected.answers}
    out = []
    for pillar in fw.pillars:
        for q in pillar.questions:
            a = answers.get(q.id)
            if a is None:
                out.append(QuestionRisk(q, pillar.id, "UNANSWERED", (), q.practices, "", ()))
                continue
            if a.status == "not_applicable":
                out.append(QuestionRisk(q, pillar.id, "NOT_APPLICABLE", (), (), a.evidence, a.elements, a.reason))
                continue
            chosen = tuple(bp for bp in q.practices if bp.id in a.practices)
            missing = tuple(bp for bp in q.practices if bp.id not in a.practices)
            if any(bp.risk == "HIGH" for bp in missing):
                risk = "HIGH"
            elif any(bp.risk == "MEDIUM" for bp in missing):
                risk = "MEDIUM"
            else:
                risk = "NONE"
            out.append(QuestionRisk(q, pillar.id, risk, chosen, missing, a.evidence, a.elements))
    return out
