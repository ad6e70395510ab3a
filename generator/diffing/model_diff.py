"""Compare two loaded models (pure): what changed, what it costs, what it risks."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from generator.diffing.change_graph import ChangeGraph, change_graph
from generator.pricing.estimate import CostReport, cents
from generator.review.review import Review
from generator.schema import Model

SECTIONS = ("people", "systems", "containers", "components", "services", "decisions")


@dataclass(frozen=True)
class FieldChange:
    """One field of an element that changed between two model versions."""

    path: str
    old: object
    new: object


@dataclass(frozen=True)
class ElementChange:
    """An element added, removed or changed between two model versions, with its changed fields."""

    section: str
    id: str
    kind: str  # added | removed | changed
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class CostDelta:
    """One scenario's monthly cost before and after a change, in total and per service."""

    scenario: str
    old_total: Decimal
    new_total: Decimal
    # (service, before, after, before is a floor, after is a floor): a floor leaves out lines with no
    # price or usage not stated, so its change is not known
    per_service: tuple[tuple[str, Decimal, Decimal, bool, bool], ...]
    old_unpriced: tuple[str, ...] = ()
    new_unpriced: tuple[str, ...] = ()

    @property
    def delta(self) -> Decimal:
        return self.new_total - self.old_total

    @property
    def newly_unpriced(self) -> tuple[str, ...]:
        """Lines the change moved out of the estimate: the new total hides them, so they are named."""
        return tuple(line for line in self.new_unpriced if line not in self.old_unpriced)


@dataclass(frozen=True)
class ModelDiff:
    """What a change does to a model: elements, relationships, cost per scenario, risk and new findings."""

    elements: tuple[ElementChange, ...]
    relationships_added: tuple[str, ...]
    relationships_removed: tuple[str, ...]
    costs: tuple[CostDelta, ...]
    risk_delta: dict[str, dict[str, int]]
    new_findings: tuple = ()
    resolved_findings: tuple = ()
    policy: tuple[str, ...] = ()
    new_review: Review | None = field(default=None, compare=False)
    graph: ChangeGraph | None = field(default=None, compare=False)
    settings: tuple[FieldChange, ...] = ()  # proposal, cost settings and scenarios, pipeline, answers, views, options
    budgets: tuple[tuple[str, Decimal, Decimal], ...] = ()  # (scenario, the base's budget for it, new total)

    @property
    def empty(self) -> bool:
        return not (
            self.settings
            or self.elements
            or self.relationships_added
            or self.relationships_removed
            or any(c.delta for c in self.costs)
            or self.new_findings
            or self.resolved_findings
            or self.policy
            or any(any(v.values()) for v in self.risk_delta.values())
        )


def _flatten(value, prefix: str = "") -> dict[str, object]:
    if isinstance(value, dict):
        out: dict[str, object] = {}
        for k in sorted(value):
            out.update(_flatten(value[k], f"{prefix}.{k}" if prefix else str(k)))
        return out
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, dict) for v in value):
        out = {}
        for i, v in enumerate(value):
            out.update(_flatten(v, f"{prefix}[{i}]"))
        return out
    return {prefix: value}


def element_changes(old: Model, new: Model) -> list[ElementChange]:
    changes = []
    for section in SECTIONS:
        before = {e.id: e for e in getattr(old, section)}
        after = {e.id: e for e in getattr(new, section)}
        for eid in after:
            if eid not in before:
                changes.append(ElementChange(section, eid, "added"))
        for eid in before:
            if eid not in after:
                changes.append(ElementChange(section, eid, "removed"))
        for eid in after:
            if eid in before and before[eid] != after[eid]:
                a = _flatten(before[eid].model_dump(mode="json", by_alias=True))
                b = _flatten(after[eid].model_dump(mode="json", by_alias=True))
                fields = tuple(
                    FieldChange(k, a.get(k), b.get(k)) for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)
                )
                changes.append(ElementChange(section, eid, "changed", fields))
    return changes


SETTINGS = ("proposal", "cost", "pipeline", "well_architected", "views")
POLICY_PREFIXES = ("cost.budget", "well_architected.acknowledgements")  # reported as policy changes


def settings_changes(old: Model, new: Model, old_options=(), new_options=()) -> tuple[FieldChange, ...]:
    """Every change outside the element lists and the policy: the proposal, cost settings and scenarios,
    the pipeline, the Well-Architected answers and request path, the views, and the options."""

    def flat(model: Model, options) -> dict[str, object]:
        data = {s: model.model_dump(mode="json", by_alias=True, include={s}).get(s) for s in SETTINGS}
        data["options"] = {o.option.info.id: o.option.info.model_dump(mode="json") for o in options}
        return {k: v for k, v in _flatten(data).items() if not k.startswith(POLICY_PREFIXES)}

    a, b = flat(old, old_options), flat(new, new_options)
    return tuple(FieldChange(k, a.get(k), b.get(k)) for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k))


def _policy_of(model: Model) -> dict[str, object]:
    """What a pull request must not loosen on its own: gates, the budget, acknowledged risks."""
    acks = {a.finding: a.model_dump(mode="json") for a in model.well_architected.acknowledgements}
    budget = model.cost.budget.model_dump(mode="json") if model.cost.budget else None
    return {
        **{f"gates.{k}": v for k, v in _flatten(model.gates.model_dump(mode="json")).items()},
        **({f"cost.budget.{k}": v for k, v in _flatten(budget).items()} if budget else {"cost.budget": None}),
        **{f"acknowledgement {key}": value for key, value in sorted(acks.items())},
    }


def policy_changes(old: Model, new: Model) -> tuple[str, ...]:
    """Each policy value the change adds, removes or alters, as `what: old → new`."""
    before, after = _policy_of(old), _policy_of(new)
    out = []
    for key in sorted(set(before) | set(after)):
        if before.get(key) != after.get(key):
            a = "absent" if key not in before else json.dumps(before[key], sort_keys=True)
            b = "absent" if key not in after else json.dumps(after[key], sort_keys=True)
            out.append(f"{key}: {a} → {b}")
    return tuple(out)


def _relationship_keys(model: Model) -> list[str]:
    return [
        f"{r.source} -> {r.destination}: {r.description}" + (f" [{r.technology}]" if r.technology else "")
        for r in model.relationships
    ]


class Analysed(Protocol):
    """What a diff reads of each side: the model and what was computed from it."""

    @property
    def model(self) -> Model: ...

    @property
    def reports(self) -> tuple[CostReport, ...]: ...

    @property
    def review(self) -> Review: ...


def _costs(old: Analysed, new: Analysed) -> list[CostDelta]:
    old_reports = {r.scenario.id: r for r in old.reports}
    out = []
    for report in new.reports:
        before = old_reports.get(report.scenario.id)
        old_by = before.by_service() if before else {}
        new_by = report.by_service()
        services = []
        for sid in list(new_by) + [s for s in old_by if s not in new_by]:
            a = cents(old_by[sid].total) if sid in old_by else Decimal(0)
            b = cents(new_by[sid].total) if sid in new_by else Decimal(0)
            a_floor = sid in old_by and old_by[sid].lower_bound
            b_floor = sid in new_by and new_by[sid].lower_bound
            if a != b or a_floor != b_floor:
                services.append((sid, a, b, a_floor, b_floor))
        out.append(
            CostDelta(
                report.scenario.name,
                cents(before.total) if before else Decimal(0),
                cents(report.total),
                tuple(services),
                tuple(before.unpriced_lines) if before else (),
                tuple(report.unpriced_lines),
            )
        )
    return out


def _budgets(old: Model, new: Analysed) -> tuple[tuple[str, Decimal, Decimal], ...]:
    """Each scenario the base branch holds to a budget (`CostSettings.limit_for`), with the change's new
    total: the budget is policy, so it is the base's that counts."""
    held = ((report, old.cost.limit_for(report.scenario.id)) for report in new.reports)
    return tuple((report.scenario.name, limit, cents(report.total)) for report, limit in held if limit is not None)


def diff_models(old: Analysed, new: Analysed) -> ModelDiff:
    old_review, new_review = old.review, new.review
    risk_delta: dict[str, dict[str, int]] = {}
    for pillar in new_review.framework.pillars:
        a, b = old_review.risk_counts(pillar.id), new_review.risk_counts(pillar.id)
        risk_delta[pillar.name] = {k: b[k] - a[k] for k in ("HIGH", "MEDIUM", "NONE", "UNANSWERED", "NOT_APPLICABLE")}
    old_open = {f.key: f for f in old_review.findings if f.open}
    new_open = {f.key: f for f in new_review.findings if f.open}
    old_rel, new_rel = _relationship_keys(old.model), _relationship_keys(new.model)
    elements = tuple(element_changes(old.model, new.model))
    return ModelDiff(
        elements,
        tuple(r for r in new_rel if r not in old_rel),
        tuple(r for r in old_rel if r not in new_rel),
        tuple(_costs(old, new)),
        risk_delta,
        tuple(f for k, f in new_open.items() if k not in old_open),
        tuple(f for k, f in old_open.items() if k not in new_open),
        tuple(policy_changes(old.model, new.model)),
        new_review,
        change_graph(old.model, new.model, elements),
        settings_changes(old.model, new.model, getattr(old, "options", ()), getattr(new, "options", ())),
        _budgets(old.model, new),
    )


def counts(d: ModelDiff) -> Counter:
    return Counter(e.kind for e in d.elements)
