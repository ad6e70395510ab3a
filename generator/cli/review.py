"""`archgen review`, `archgen rules` and `archgen explain`."""

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from generator.cli.common import ModelArg, out, report_failure
from generator.errors import EXIT_GATE, ArchgenError, UsageError


class ReviewFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"
    github = "github"


class FailOn(str, Enum):
    high = "high"
    medium = "medium"


def review_json(rv) -> dict:
    return {
        "framework": {"version": rv.framework.framework.version, "read": rv.framework.framework.read},
        "risk_counts": dict(sorted(rv.risk_counts().items())),
        "pillars": {p.id: dict(sorted(rv.risk_counts(p.id).items())) for p in rv.framework.pillars},
        "questions": [{"id": q.question.id, "title": q.question.title, "pillar": q.pillar, "risk": q.risk,
                       "chosen": [bp.id for bp in q.chosen], "missing": [bp.id for bp in q.missing]}
                      for q in rv.questions],
        "findings": [{"key": f.key, "status": f.status, "risk": f.risk, "pillar": f.pillar, "message": f.message,
                      "practices": list(f.practices), "acknowledged": f.acknowledged, "cross_check": f.cross_check}
                     for f in rv.findings if f.status != "pass"],
        "availability": {"percent": f"{rv.availability.percent:.4f}", "nines": round(rv.availability.nines, 2),
                         "downtime_minutes_per_month": f"{rv.availability.downtime_month_minutes:.1f}",
                         "single_points_of_failure": rv.availability.single_points},
        "quotas": [{"quota": q.quota.id, "scenario": q.scenario, "element": q.element,
                    "need": None if q.need is None else str(q.need), "default": str(q.quota.default),
                    "status": q.status} for q in rv.quotas],
        "stale_acknowledgements": list(rv.stale_acknowledgements),
    }


def review_text(rv) -> str:
    lines = [f"Well-Architected review ({rv.framework.framework.name} {rv.framework.framework.version})", ""]
    lines.append(f"{'Pillar':<26} {'HIGH':>5} {'MEDIUM':>7} {'NONE':>5} {'UNANSWERED':>11} {'N/A':>4}  open findings")
    for p in rv.framework.pillars:
        c = rv.risk_counts(p.id)
        lines.append(f"{p.name:<26} {c['HIGH']:>5} {c['MEDIUM']:>7} {c['NONE']:>5} {c['UNANSWERED']:>11} "
                     f"{c['NOT_APPLICABLE']:>4}  {len(rv.open_findings(p.id))}")
    lines += ["", "Findings:"]
    shown = [f for f in rv.findings if f.status == "fail"]
    for f in shown:
        state = f"acknowledged: {f.acknowledged}" if f.acknowledged else "OPEN"
        lines.append(f"  {f.risk:<6} {f.key:<32} {f.message}")
        lines.append(f"         {state}")
    unknown = [f for f in rv.findings if f.status == "unknown"]
    if unknown:
        lines += ["", f"Unknown ({len(unknown)}): the model does not say enough to decide:"]
        lines += [f"  {f.key:<32} {f.message}" for f in unknown]
    a = rv.availability
    lines += ["", f"Availability of the main request path: {a.percent:.3f}% ({a.nines:.1f} nines), "
                  f"about {a.downtime_month_minutes:.0f} min of downtime a month",
              f"Single points of failure: {', '.join(a.single_points) or 'none'}"]
    risky = [q for q in rv.quotas if q.status in ("warning", "exceeded", "unknown")]
    lines.append(f"Quotas: {len(rv.quotas)} checks, {len(risky)} at risk" +
                 "".join(f"\n  {q.scenario}: {q.quota.name} needs {q.need} of {q.quota.default} ({q.status})"
                         for q in risky))
    if rv.stale_acknowledgements:
        lines.append("Stale acknowledgements (no matching finding): " + ", ".join(rv.stale_acknowledgements))
    return "\n".join(lines)


def review_github(rv, loaded) -> str:
    """Annotations for open findings, located at the element's id in the model."""
    from generator.diagnostics import Diagnostic, Location, render_github

    locations = {}
    for i, s in enumerate(loaded.model.services):
        locations[s.id] = loaded.source_map.nearest(("services", i, "id"))
    fallback = Location(loaded.files[0], 1, 1)
    diags = [Diagnostic(locations.get(f.element) or fallback, f.code, f.message,
                        hint=f"Well-Architected {', '.join(f.practices)}; `archgen explain {f.code.lstrip('X')}`",
                        severity="error" if f.risk == "HIGH" else "warning")
             for f in rv.findings if f.open]
    return render_github(diags)


def register(app: typer.Typer) -> None:
    @app.command()
    def review(
        model: ModelArg = Path("model"),
        fmt: Annotated[ReviewFormat, typer.Option("--format", "-f", help="Output format.")] = ReviewFormat.text,
        fail_on: Annotated[Optional[FailOn], typer.Option(
            "--fail-on", help="Exit 3 when unacknowledged findings reach this risk.")] = None,
    ) -> None:
        """Review the model against the six Well-Architected pillars: question risk, findings, availability, quotas."""
        from generator.index import ModelIndex
        from generator.load.model_loader import load_model
        from generator.review.review import review as run_review

        try:
            loaded = load_model(model)
            rv = run_review(ModelIndex(loaded.model))
        except ArchgenError as exc:
            report_failure(exc)
        if fmt is ReviewFormat.json:
            print(json.dumps(review_json(rv), indent=2, sort_keys=True))
        elif fmt is ReviewFormat.github:
            text = review_github(rv, loaded)
            if text:
                print(text)
        elif fmt is ReviewFormat.markdown:
            from generator.render.review_markdown import review_markdown

            print(review_markdown(rv))
        else:
            out.print(review_text(rv), markup=False)
        if fail_on is not None:
            levels = {"high": ("HIGH",), "medium": ("HIGH", "MEDIUM")}[fail_on.value]
            blocking = [f for f in rv.findings if f.open and f.risk in levels]
            if blocking:
                typer.echo(f"gate: {len(blocking)} unacknowledged finding(s) at {fail_on.value} risk or above: "
                           + ", ".join(f.key for f in blocking), err=True)
                raise typer.Exit(EXIT_GATE)

    @app.command()
    def rules() -> None:
        """List the Well-Architected rule catalogue."""
        from generator.rules import RULES

        for r in RULES:
            out.print(f"{r.code:<8} {r.risk:<6} {r.pillar:<24} {r.title}  [{', '.join(r.practices)}]", markup=False)

    @app.command()
    def explain(code: Annotated[str, typer.Argument(help="A rule code such as REL001.")]) -> None:
        """Print a rule's documentation."""
        from generator.parse.suggest import did_you_mean
        from generator.rules import BY_CODE

        rule = BY_CODE.get(code.upper().lstrip("X"))
        if rule is None:
            report_failure(UsageError(f"unknown rule {code!r}",
                                      hint=did_you_mean(code.upper(), BY_CODE) or "run `archgen rules` for the list"))
        out.print(f"{rule.code}: {rule.title}\npillar: {rule.pillar}  risk: {rule.risk}  "
                  f"best practices: {', '.join(rule.practices)}\n\n{rule.doc}", markup=False)
