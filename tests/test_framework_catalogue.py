"""The Well-Architected catalogue is the current framework as published, and everything that cites it
(answers, rules, acknowledgements, in every example model) cites ids that exist in it.

The figures below were read from the framework's pages (docs.aws.amazon.com/wellarchitected/latest/
framework/, revision 2024-11-06, read 2026-11-23): each pillar's question and best-practice counts, and
the risk each best-practice page states under "Level of risk exposed if this best practice is not
established" for the practices an earlier revision had numbered or rated differently."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.catalogue.framework import framework, normalise_question_id
from generator.load.model_loader import load_model
from generator.rules import RULES
from tests.conftest import ROOT

PUBLISHED = {  # prefix: (questions, best practices) as the pillar's question index lists them
    "OPS": (11, 68),
    "SEC": (11, 63),
    "REL": (13, 65),
    "PERF": (5, 32),
    "COST": (11, 50),
    "SUS": (6, 29),
}
AS_THE_PAGES_STATE = {  # id: (risk, title) where the 2023 revision differed
    "OPS01-BP05": ("MEDIUM", "Evaluate threat landscape"),
    "SEC03-BP07": ("LOW", "Analyze public and cross-account access"),
    "SUS04-BP01": ("MEDIUM", "Implement a data classification policy"),
    "REL10-BP02": ("MEDIUM", "Automate recovery for components constrained to a single location"),
    "REL10-BP03": ("HIGH", "Use bulkhead architectures to limit scope of impact"),
    "SUS06-BP01": ("MEDIUM", "Communicate and cascade your sustainability goals"),
    "SUS06-BP02": ("MEDIUM", "Adopt methods that can rapidly introduce sustainability improvements"),
    "SUS06-BP05": ("LOW", "Use managed device farms for testing"),
    "OPS04-BP05": ("HIGH", "Implement distributed tracing"),
    "COST07-BP01": ("HIGH", "Perform pricing model analysis"),
}
QUESTION_TITLES = {
    "PERF 1": "How do you select appropriate cloud resources and architecture for your workload?",
    "PERF 5": "How do your organizational practices and culture contribute to performance efficiency in your workload?",
    "REL 1": "How do you manage Service Quotas and constraints?",
}
MODELS = [
    ROOT / "model",
    ROOT / "examples" / "serverless-wild-rydes" / "model",
    ROOT / "examples" / "hybrid-enterprise-orders" / "model",
]


def test_the_revision_and_its_reading_are_recorded() -> None:
    info = framework().framework
    assert info.version == "2024-11-06" and info.read == "2026-11-23"
    assert info.pages == "https://docs.aws.amazon.com/wellarchitected/latest/framework/"


@pytest.mark.parametrize("prefix", sorted(PUBLISHED))
def test_each_pillar_has_the_published_questions_and_practices(prefix: str) -> None:
    pillar = next(p for p in framework().pillars if p.prefix == prefix)
    practices = [bp for q in pillar.questions for bp in q.practices]
    assert (len(pillar.questions), len(practices)) == PUBLISHED[prefix]
    for number, q in enumerate(pillar.questions, start=1):
        assert q.id == f"{prefix} {number}"
        ids = [bp.id for bp in q.practices]
        assert ids == [f"{prefix}{number:02d}-BP{i:02d}" for i in range(1, len(ids) + 1)], ids


def test_risks_and_titles_are_the_ones_the_pages_state() -> None:
    fw = framework()
    for bp_id, (risk, title) in AS_THE_PAGES_STATE.items():
        assert (fw.practices[bp_id].risk, fw.practices[bp_id].title) == (risk, title), bp_id
    assert "REL10-BP04" not in fw.practices  # gone in the current revision
    for q_id, title in QUESTION_TITLES.items():
        assert fw.questions[q_id].title == title


def test_every_practice_links_to_its_own_page() -> None:
    fw = framework()
    urls = [fw.practice_url(bp) for bp in fw.practices]
    assert len(set(urls)) == len(urls)
    assert all(
        re.fullmatch(r"https://docs\.aws\.amazon\.com/wellarchitected/latest/framework/[a-z0-9_]+\.html", u)
        for u in urls
    )


def test_every_rule_cites_practices_that_exist() -> None:
    fw = framework()
    for rule in RULES:
        assert rule.practices and all(bp in fw.practices for bp in rule.practices), rule.code


@pytest.mark.parametrize("model", MODELS, ids=lambda p: p.parent.name)
def test_every_answer_and_acknowledgement_cites_what_exists(model: Path) -> None:
    fw, codes = framework(), {r.code for r in RULES}
    wa = load_model(model).model.well_architected
    for answer in wa.answers:
        assert normalise_question_id(answer.question) in fw.questions
        question = normalise_question_id(answer.question)
        for bp in answer.practices:
            assert bp in fw.practices and fw.question_of_practice(bp).id == question, (answer.question, bp)
    for ack in wa.acknowledgements:
        assert ack.finding.split("@")[0] in codes, ack.finding
