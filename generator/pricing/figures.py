"""Numbers in prose come from the analysis: `{cost.<service>.<scenario>}` (or `{cost.total.<scenario>}`)
in a decision or in the proposal's summary and ask is replaced by the computed monthly figure, so a
sentence cannot drift from the table below it. References to nothing are located warnings (C103)."""

from __future__ import annotations

import re

from generator.diagnostics import Diagnostic, Location
from generator.parse.sourcemap import SourceMap
from generator.pricing.estimate import CostReport, cents
from generator.schema import Model

FIGURE = re.compile(r"\{cost\.([a-z][a-z0-9_-]*)\.([a-z][a-z0-9_-]*)\}")


def _value(reports: tuple[CostReport, ...], what: str, scenario: str) -> str | None:
    report = next((r for r in reports if r.scenario.id == scenario), None)
    if report is None:
        return None
    if what == "total":
        total, unpriced = report.total, report.unpriced_lines
    else:
        service = report.by_service().get(what)
        if service is None:
            return None
        total, unpriced = service.total, service.unpriced
    return ("at least " if unpriced else "") + f"${cents(total):,.2f}"


def fill_figures(text: str, reports: tuple[CostReport, ...]) -> str:
    """The text with every known reference replaced by its figure (unknown ones are left as written)."""
    return FIGURE.sub(lambda m: _value(reports, m.group(1), m.group(2)) or m.group(0), text)


def prose_fields(model: Model):
    """(path, text) of the prose that may carry figures."""
    yield ("proposal", "summary"), model.proposal.summary
    if model.proposal.ask is not None:
        yield ("proposal", "ask", "decision"), model.proposal.ask.decision
    for i, d in enumerate(model.decisions):
        for name in ("context", "decision", "consequences"):
            yield ("decisions", i, name), getattr(d, name)


def figure_diagnostics(
    model: Model, source_map: SourceMap, reports: tuple[CostReport, ...], fallback: Location
) -> list[Diagnostic]:
    scenarios = [r.scenario.id for r in reports]
    services = ["total"] + [s.id for s in model.services]
    out = []
    for path, text in prose_fields(model):
        for m in FIGURE.finditer(text):
            if _value(reports, m.group(1), m.group(2)) is None:
                out.append(
                    Diagnostic(
                        source_map.nearest(path) or fallback,
                        "C103",
                        f"{m.group(0)} names no figure: the service or scenario does not exist",
                        hint=f"write {{cost.<service>.<scenario>}} with a service ({', '.join(services[:8])}, ...) "
                        f"and a scenario ({', '.join(scenarios)})",
                        severity="warning",
                    )
                )
    return out
