"""References from the Well-Architected section: answers, the request path and acknowledgements."""

from __future__ import annotations

from generator.catalogue.framework import framework, normalise_question_id
from generator.parse.suggest import did_you_mean


def check_answers(checker) -> None:
    """Answers cite real elements, questions and best practices; acknowledgements name real elements."""
    pool = checker.index.all_ids()
    for i, a in enumerate(checker.model.well_architected.answers):
        for j, ref in enumerate(a.elements):
            checker.expect(("well_architected", "answers", i, "elements", j), ref, pool, "model element")
    for i, ref in enumerate(checker.model.well_architected.request_path):
        checker.expect(("well_architected", "request_path", i), ref, checker.index.services, "service")
    _answer_catalogue(checker)
    for i, ack in enumerate(checker.model.well_architected.acknowledgements):
        element = ack.finding.split("@", 1)[1]
        # `model` names the model as a whole, for findings about what it lacks
        checker.expect(
            ("well_architected", "acknowledgements", i, "finding"), element, pool | {"model"}, "model element"
        )


def _answer_catalogue(checker) -> None:
    fw = framework()
    seen: dict[str, int] = {}
    for i, a in enumerate(checker.model.well_architected.answers):
        qid = normalise_question_id(a.question)
        if qid not in fw.questions:
            checker.report(
                ("well_architected", "answers", i, "question"),
                "R201",
                f"unknown question {a.question!r}",
                did_you_mean(qid, fw.questions) or "question ids look like `SEC 1` or `REL 10`",
            )
            continue
        if qid in seen:
            checker.report(
                ("well_architected", "answers", i, "question"),
                "R202",
                f"question {qid} is answered twice",
                "merge the two answers",
            )
        seen[qid] = i
        allowed = {bp.id for bp in fw.questions[qid].practices}
        for j, bp in enumerate(a.practices):
            if bp not in allowed:
                hint = did_you_mean(bp, allowed) or f"{qid} has practices {min(allowed)} to {max(allowed)}"
                checker.report(
                    ("well_architected", "answers", i, "practices", j),
                    "R201",
                    f"{bp!r} is not a best practice of {qid}",
                    hint,
                )
        if a.status == "not_applicable" and not a.reason:
            checker.report(
                ("well_architected", "answers", i),
                "R210",
                f"{qid} is not applicable but gives no reason",
                "add `reason:`",
            )
