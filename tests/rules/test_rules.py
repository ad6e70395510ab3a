"""Every rule against its own pass / fail / unknown fixtures, and the catalogue's structure."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest

import generator.rules as rules_package
from generator.catalogue.framework import framework
from generator.catalogue.prices import default_catalogue
from generator.index import ModelIndex
from generator.load.model_loader import as_tuples
from generator.parse.limits import DEFAULT_LIMITS
from generator.parse.yaml_nodes import load_yaml
from generator.pricing.estimate import estimate_all
from generator.quotas import quota_checks
from generator.rules import BY_CODE, RULES
from generator.rules.base import DOC_HEADINGS, RuleContext
from generator.schema import Model

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"


def fixture_model(code: str, outcome: str) -> Model:
    base, _ = load_yaml((HERE / "base.yaml").read_text(), "base.yaml", DEFAULT_LIMITS)
    sections, _ = load_yaml((FIXTURES / f"{code}.yaml").read_text(), f"{code}.yaml", DEFAULT_LIMITS)
    data = dict(base)
    data.update(sections[outcome] or {})
    return Model.model_validate(as_tuples(data))


CASES = [(r.code, outcome) for r in RULES for outcome in r.outcomes]


@pytest.mark.parametrize(("code", "outcome"), CASES, ids=[f"{c}-{o}" for c, o in CASES])
def test_rule_gives_the_fixture_outcome(code: str, outcome: str) -> None:
    rule = BY_CODE[code]
    model = fixture_model(code, outcome)
    index = ModelIndex(model)
    results = list(rule.check(RuleContext(index, estimate_all(model, default_catalogue()), tuple(quota_checks(index)))))
    statuses = {r.status for r in results}
    assert outcome in statuses, (code, outcome, results)
    if outcome != "fail":
        assert "fail" not in statuses, results
    for r in results:
        assert r.message and r.element


@pytest.mark.parametrize("code", sorted(BY_CODE))
def test_rule_says_nothing_where_it_does_not_apply(code: str) -> None:
    """Not applicable is silence: no pass to count, no unknown to chase, no fail."""
    model = fixture_model(code, "not_applicable")
    index = ModelIndex(model)
    results = list(
        BY_CODE[code].check(RuleContext(index, estimate_all(model, default_catalogue()), tuple(quota_checks(index))))
    )
    assert results == [], results


@pytest.mark.parametrize("code", sorted(BY_CODE))
def test_severity_is_the_highest_risk_of_the_practices_cited(code: str) -> None:
    order = {"HIGH": 0, "MEDIUM": 1, "LOW": 2}
    rule = BY_CODE[code]
    cited = [framework().practices[bp].risk for bp in rule.practices]
    assert rule.risk == min(cited, key=order.get), (code, rule.risk, dict(zip(rule.practices, cited)))


def test_the_catalogue_has_fifty_rules_over_every_pillar() -> None:
    assert len(RULES) >= 50
    assert {r.pillar for r in RULES} == {p.id for p in framework().pillars}


def test_every_rule_module_is_registered() -> None:
    modules = sorted(
        m.name for m in pkgutil.iter_modules(rules_package.__path__) if not m.name.startswith("_") and m.name != "base"
    )
    assert sorted(m.split("_")[0] for m in modules) == sorted(r.code.lower() for r in RULES)
    for name in modules:
        assert importlib.import_module(f"generator.rules.{name}").RULE in RULES


def test_codes_unique_and_named_for_their_pillar() -> None:
    prefixes = {
        "operational_excellence": "OPS",
        "security": "SEC",
        "reliability": "REL",
        "performance_efficiency": "PERF",
        "cost_optimization": "COST",
        "sustainability": "SUS",
    }
    assert len(BY_CODE) == len(RULES)
    for rule in RULES:
        assert rule.code.startswith(prefixes[rule.pillar]), rule.code
    for m in pkgutil.iter_modules(rules_package.__path__):
        if m.name[:3] in ("ops", "sec", "rel", "per", "cos", "sus"):
            rule = importlib.import_module(f"generator.rules.{m.name}").RULE
            assert m.name.startswith(rule.code.lower()), (m.name, rule.code)
            assert rule.docstring == importlib.import_module(f"generator.rules.{m.name}").__doc__
    assert set(prefixes.values()) == {r.code.rstrip("0123456789") for r in RULES}


@pytest.mark.parametrize("code", sorted(BY_CODE))
def test_rule_documentation_is_complete(code: str) -> None:
    rule = BY_CODE[code]
    sections = rule.sections()
    for heading in DOC_HEADINGS:
        assert sections.get(heading), f"{code} lacks '{heading}'"
    cited = {p.strip() for p in sections["Best practices"].split(",")}
    assert cited == set(rule.practices), code
    for bp in rule.practices:
        assert bp in framework().practices, f"{code} cites unknown {bp}"


@pytest.mark.parametrize("code", sorted(BY_CODE))
def test_fixture_file_covers_exactly_the_declared_outcomes(code: str) -> None:
    sections, _ = load_yaml((FIXTURES / f"{code}.yaml").read_text(), "f", DEFAULT_LIMITS)
    assert set(sections) == set(BY_CODE[code].outcomes) | {"not_applicable"}
