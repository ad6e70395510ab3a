"""`archgen cost` and `archgen services`."""

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from generator.cli.common import ModelArg, out, report_failure
from generator.errors import ArchgenError, UsageError


class TableFormat(str, Enum):
    table = "table"
    markdown = "markdown"
    json = "json"


TableFormatOpt = Annotated[TableFormat, typer.Option("--format", "-f", help="Output format.")]


def _load(model: Path):
    from generator.index import ModelIndex
    from generator.load.model_loader import load_model
    from generator.pricing.catalogue import default_catalogue
    from generator.pricing.estimate import estimate_all

    loaded = load_model(model)
    catalogue = default_catalogue()
    return loaded, ModelIndex(loaded.model), catalogue, estimate_all(loaded.model, catalogue)


def register(app: typer.Typer) -> None:
    @app.command()
    def cost(
        model: ModelArg = Path("model"),
        fmt: TableFormatOpt = TableFormat.table,
        scenario: Annotated[Optional[str], typer.Option("--scenario", "-s",
                                                        help="One scenario by id; default: all side by side.")] = None,
    ) -> None:
        """Print the monthly cost estimate per service and scenario, with savings levers and the budget."""
        from generator.pricing.levers import savings_levers
        from generator.render.tables import to_markdown, to_text
        from generator.views import cost_view

        try:
            loaded, index, catalogue, reports = _load(model)
            if scenario is not None:
                chosen = [r for r in reports if r.scenario.id == scenario]
                if not chosen:
                    from generator.parse.suggest import did_you_mean

                    ids = [r.scenario.id for r in reports]
                    raise UsageError(f"unknown scenario {scenario!r}",
                                     hint=did_you_mean(scenario, ids) or f"choose one of: {', '.join(ids)}")
                reports = tuple(chosen)
        except ArchgenError as exc:
            report_failure(exc)
        m = loaded.model
        levers = {r.scenario.id: savings_levers(m, catalogue, r) for r in reports}
        if fmt is TableFormat.json:
            print(json.dumps(cost_view.cost_json(m, reports, levers), indent=2, sort_keys=True))
            return
        render = to_markdown if fmt is TableFormat.markdown else to_text
        heading = (lambda t: f"## {t}\n") if fmt is TableFormat.markdown else (lambda t: f"{t}\n{'=' * len(t)}")
        parts = [heading("Monthly estimate (USD)"), render(cost_view.summary_table(m, reports))]
        budget = cost_view.budget_rows(m, reports)
        if budget is not None:
            parts += [heading("Budget"), render(budget)]
        for r in reports:
            parts += [heading(f"How we keep spending low: {r.scenario.name}"),
                      render(cost_view.levers_table(levers[r.scenario.id]))]
        if len(reports) == 1:
            parts += [heading(f"Every billing dimension: {reports[0].scenario.name}"),
                      render(cost_view.detail_table(reports[0]))]
        warnings = [w for r in reports for w in r.warnings]
        out.print("\n".join(parts), markup=False)
        for w in dict.fromkeys(warnings):
            typer.echo(f"warning: {w}", err=True)

    @app.command()
    def services(model: ModelArg = Path("model"), fmt: TableFormatOpt = TableFormat.table) -> None:
        """Print the service-justification table: role, requirement, why, alternatives, decision, cost."""
        from generator.render.tables import Table, to_markdown, to_text
        from generator.views.cost_view import usd
        from generator.views.services_view import service_rows

        try:
            loaded, index, catalogue, reports = _load(model)
        except ArchgenError as exc:
            report_failure(exc)
        rows = service_rows(index, reports[0])
        if fmt is TableFormat.json:
            print(json.dumps([{
                "id": r.id, "name": r.name, "kind": r.kind, "role": r.role, "requirement": r.requirement,
                "why": r.why, "alternatives": [{"option": o, "why_not": w} for o, w in r.alternatives],
                "decision": r.decision, "pillars": list(r.pillars), "monthly_usd": str(round(r.monthly, 2)),
                "share_percent": f"{r.share:.1f}"} for r in rows], indent=2, sort_keys=True))
            return
        table = Table(("Service", "Kind", "Role", "Requirement", "Why", "Alternatives (why not)", "Decision",
                       f"Monthly ({reports[0].scenario.name})", "Share"),
                      tuple((r.id, r.kind, r.role, r.requirement, r.why,
                             "; ".join(f"{o}: {w}" for o, w in r.alternatives) or "-", r.decision or "-",
                             usd(r.monthly), f"{r.share:.1f}%") for r in rows),
                      ("l",) * 7 + ("r", "r"))
        out.print((to_markdown if fmt is TableFormat.markdown else to_text)(table), markup=False)
