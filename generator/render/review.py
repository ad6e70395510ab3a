"""The review rendered: JSON (a stable shape), terminal text, Markdown, GitHub annotations, site tables."""

from __future__ import annotations

from generator.diagnostics import Diagnostic, Location, render_github
from generator.render.escape import md_inline
from generator.render.tables import to_markdown
from generator.views.table import Table

RISK_BADGE = {
    "HIGH": "HIGH",
    "MEDIUM": "MEDIUM",
    "NONE": "NONE",
    "UNANSWERED": "UNANSWERED",
    "NOT_APPLICABLE": "N/A",
    "LOW": "LOW",
}


def risk_story(rv) -> str:
    """The one sentence every output uses for the review's two measures, named apart: the risk of the
    framework's questions (from the answers) and the findings the rules derive from the model."""
    q, f = rv.risk_counts(), rv.finding_counts()
    acknowledged = sum(1 for x in rv.findings if x.status == "fail" and x.acknowledged)
    return (
        f"Questions: {q['HIGH']} at high risk, {q['MEDIUM']} at medium risk, {q['NONE']} with no risk, "
        f"{q['UNANSWERED']} unanswered, {q['NOT_APPLICABLE']} not applicable. "
        f"Findings: {sum(f.values())} open ({f['HIGH']} high, {f['MEDIUM']} medium, {f['LOW']} low), "
        f"{acknowledged} acknowledged."
    )


def grouped(findings) -> list[tuple[object, list[str]]]:
    """Findings of one rule in one state, listed once with the elements they concern (in review order)."""
    groups: dict[tuple, tuple[object, list[str]]] = {}
    for f in findings:
        key = (f.code, f.status, f.acknowledged)
        if key in groups:
            groups[key][1].append(f.element)
        else:
            groups[key] = (f, [f.element])
    return list(groups.values())


def summary_table(rv) -> Table:
    rows = []
    for p in rv.framework.pillars:
        c = rv.risk_counts(p.id)
        rows.append(
            (
                p.name,
                str(c["HIGH"]),
                str(c["MEDIUM"]),
                str(c["NONE"]),
                str(c["UNANSWERED"]),
                str(c["NOT_APPLICABLE"]),
                str(len(rv.open_findings(p.id))),
            )
        )
    return Table(
        ("Pillar", "Questions at high risk", "Medium", "None", "Unanswered", "N/A", "Open findings"),
        tuple(rows),
        ("l", "r", "r", "r", "r", "r", "r"),
    )


def findings_table(findings, rule_link=None) -> Table:
    """One row per rule and state; a rule that fails on several elements lists them in one row."""
    rows = []
    for f, elements in grouped(findings):
        state = f"acknowledged: {f.acknowledged}" if f.acknowledged else "open"
        key = f.key if len(elements) == 1 else f"{f.code}@{{{', '.join(elements)}}}"
        what = f.message if len(elements) == 1 else f"{len(elements)} elements; first: {f.message}"
        rows.append((f"{RISK_BADGE[f.risk]}", key, what, ", ".join(f.practices), state))
    return Table(("Risk", "Finding", "What", "Best practices", "State"), tuple(rows))


def review_markdown(rv) -> str:
    parts = [
        f"# Well-Architected review\n\nFramework version {rv.framework.framework.version}.\n\n{risk_story(rv)}\n\n",
        to_markdown(summary_table(rv)),
    ]
    failing = [f for f in rv.findings if f.status == "fail"]
    parts += ["\n## Findings\n", to_markdown(findings_table(failing)) if failing else "No findings.\n"]
    parts.append("\n## Questions\n")
    for q in rv.questions:
        parts.append(f"- **{md_inline(q.question.id)}** {md_inline(q.question.title)}: {RISK_BADGE[q.risk]}\n")
    return "".join(parts)


REVIEW_JSON_VERSION = 2  # raised whenever a key is renamed or removed; new keys keep it


def _summary_json(rv) -> dict:
    questions, open_by_risk = rv.risk_counts(), rv.finding_counts()
    return {
        "story": risk_story(rv),
        "questions": {k: questions[k] for k in ("HIGH", "MEDIUM", "NONE", "UNANSWERED", "NOT_APPLICABLE")},
        "findings": {
            "open": sum(open_by_risk.values()),
            "open_by_risk": {k: open_by_risk[k] for k in ("HIGH", "MEDIUM", "LOW")},
            "acknowledged": sum(1 for f in rv.findings if f.status == "fail" and f.acknowledged),
            "unknown": sum(1 for f in rv.findings if f.status == "unknown"),
        },
    }


def _availability_json(a) -> dict:
    return {
        "percent": f"{a.percent:.4f}",
        "nines": round(a.nines, 2),
        "downtime_minutes_per_month": f"{a.downtime_month_minutes:.1f}",
        "single_points_of_failure": a.single_points,
        "basis": "product of the published SLA of each service on the request path: a floor, not a measurement",
        "steps": [
            {
                "service": step.service,
                "kind": step.kind,
                "sla_percent": None if step.sla_percent is None else str(step.sla_percent),
                "single_point": step.single_point,
                "source": step.source,
            }
            for step in a.steps
        ],
    }


def review_json(rv) -> dict:
    """The review for other tools; its shape is documented in the README (Review JSON) and versioned."""
    return {
        "schema_version": REVIEW_JSON_VERSION,
        "framework": {
            "name": rv.framework.framework.name,
            "version": rv.framework.framework.version,
            "read": rv.framework.framework.read,
            "source": rv.framework.framework.source,
        },
        "summary": _summary_json(rv),
        "risk_counts": dict(sorted(rv.risk_counts().items())),
        "pillars": {p.id: dict(sorted(rv.risk_counts(p.id).items())) for p in rv.framework.pillars},
        "questions": [
            {
                "id": q.question.id,
                "title": q.question.title,
                "pillar": q.pillar,
                "risk": q.risk,
                "chosen": [bp.id for bp in q.chosen],
                "missing": [
                    {"id": bp.id, "risk": bp.risk, "url": rv.framework.practice_url(bp.id)} for bp in q.missing
                ],
            }
            for q in rv.questions
        ],
        "findings": [
            {
                "key": f.key,
                "status": f.status,
                "risk": f.risk,
                "pillar": f.pillar,
                "message": f.message,
                "practices": list(f.practices),
                "acknowledged": f.acknowledged,
                "cross_check": f.cross_check,
            }
            for f in rv.findings
            if f.status != "pass"
        ],
        "availability": _availability_json(rv.availability),
        "quotas": [
            {
                "quota": q.quota.id,
                "scenario": q.scenario,
                "element": q.element,
                "need": None if q.need is None else str(q.need),
                "default": str(q.quota.default),
                "status": q.status,
            }
            for q in rv.quotas
        ],
        "stale_acknowledgements": list(rv.stale_acknowledgements),
    }


def review_text(rv) -> str:
    lines = [f"Well-Architected review ({rv.framework.framework.name} {rv.framework.framework.version})", ""]
    lines += [risk_story(rv), ""]
    lines.append(f"{'':<26} {'questions at risk':^38}  findings")
    lines.append(f"{'Pillar':<26} {'HIGH':>5} {'MEDIUM':>7} {'NONE':>5} {'UNANSWERED':>11} {'N/A':>4}  open")
    for p in rv.framework.pillars:
        c = rv.risk_counts(p.id)
        lines.append(
            f"{p.name:<26} {c['HIGH']:>5} {c['MEDIUM']:>7} {c['NONE']:>5} {c['UNANSWERED']:>11} "
            f"{c['NOT_APPLICABLE']:>4}  {len(rv.open_findings(p.id))}"
        )
    lines += ["", "Findings:"]
    shown = [f for f in rv.findings if f.status == "fail"]
    for f, elements in grouped(shown):
        state = f"acknowledged: {f.acknowledged}" if f.acknowledged else "OPEN"
        if len(elements) == 1:
            lines.append(f"  {f.risk:<6} {f.key:<32} {f.message}")
        else:
            lines.append(f"  {f.risk:<6} {f.code + ' on ' + str(len(elements)):<32} {', '.join(elements)}")
            lines.append(f"         e.g. {f.message}")
        lines.append(f"         {state}")
    unknown = [f for f in rv.findings if f.status == "unknown"]
    if unknown:
        lines += ["", f"Unknown ({len(unknown)}): the model does not say enough to decide:"]
        lines += [f"  {f.key:<32} {f.message}" for f in unknown]
    a = rv.availability
    lines += [
        "",
        f"Availability of the main request path: {a.percent:.3f}% ({a.nines:.1f} nines), "
        f"about {a.downtime_month_minutes:.0f} min of downtime a month",
        f"Single points of failure: {', '.join(a.single_points) or 'none'}",
    ]
    risky = [q for q in rv.quotas if q.status in ("warning", "exceeded", "unknown")]
    lines.append(
        f"Quotas: {len(rv.quotas)} checks, {len(risky)} at risk"
        + "".join(f"\n  {q.scenario}: {q.quota.name} needs {q.need} of {q.quota.default} ({q.status})" for q in risky)
    )
    if rv.stale_acknowledgements:
        lines.append("Stale acknowledgements (no matching finding): " + ", ".join(rv.stale_acknowledgements))
    return "\n".join(lines)


def review_github(rv, loaded) -> str:
    """Annotations for open findings, located at the element's id in the model."""
    locations = {}
    for i, s in enumerate(loaded.model.services):
        locations[s.id] = loaded.source_map.nearest(("services", i, "id"))
    fallback = Location(loaded.files[0], 1, 1)
    diags = [
        Diagnostic(
            locations.get(f.element) or fallback,
            f.code,
            f.message,
            hint=f"Well-Architected {', '.join(f.practices)}; `archgen explain {f.code}`",
            severity="error" if f.risk == "HIGH" else "warning",
        )
        for f in rv.findings
        if f.open
    ]
    return render_github(diags)
