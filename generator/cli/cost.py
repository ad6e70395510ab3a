"""`archgen cost` and `archgen services`."""

import json
from enum import Enum
from pathlib import Path

import click

from generator.cli.common import model_argument, option, out, print_warnings, refuse_if_strict, strict_option
from generator.errors import UsageError


class TableFormat(str, Enum):
    table = "table"
    markdown = "markdown"
    json = "json"


table_format_option = option("--format", "-f", "fmt", help="Output format.", default=TableFormat.table)


def analysed(model: Path, *, with_options: bool = False):
    """Load and analyse a model (and its options) without planning diagram views."""
    # imported here: the model schema and the analysis cost 0.5 s to import, which `--help` does not need
    from generator.analysis import analyse
    from generator.load.model_loader import load_model
    from generator.load.options import load_model_and_options

    if with_options:
        loaded, options = load_model_and_options(model)
        return analyse(loaded, options, views=False)
    return analyse(load_model(model), views=False)


@click.command()
@model_argument
@table_format_option
@strict_option
@option("--scenario", "-s", help="One scenario by id; default: all side by side.", type=str)
def cost(model: Path, fmt: TableFormat, strict: bool, scenario: str | None) -> None:
    """Print the monthly cost estimate per service and scenario, with savings levers and the budget."""
    # imported here: every command module loads with the CLI, so each keeps the others' cost off it
    from generator.parse.suggest import did_you_mean
    from generator.render.cost import cost_json
    from generator.render.tables import to_markdown, to_text
    from generator.views import cost_view

    a = analysed(model)
    refuse_if_strict(strict, a.cost_warnings, a.loaded.sources)
    reports = a.reports
    if scenario is not None:
        reports = tuple(r for r in a.reports if r.scenario.id == scenario)
        if not reports:
            ids = [r.scenario.id for r in a.reports]
            raise UsageError(
                f"unknown scenario {scenario!r}",
                hint=did_you_mean(scenario, ids) or f"choose one of: {', '.join(ids)}",
            )
    m = a.model
    if fmt is TableFormat.json:
        print(json.dumps(cost_json(m, reports, a.levers), indent=2, sort_keys=True))
        return
    render = to_markdown if fmt is TableFormat.markdown else to_text
    heading = (lambda t: f"## {t}\n") if fmt is TableFormat.markdown else (lambda t: f"{t}\n{'=' * len(t)}")
    parts = [heading("Monthly estimate (USD)"), render(cost_view.summary_table(m, reports))]
    budget = cost_view.budget_rows(m, reports)
    if budget is not None:
        parts += [heading("Budget"), render(budget)]
    for r in reports:
        parts += [
            heading(f"How we keep spending low: {r.scenario.name}"),
            render(cost_view.levers_table(a.levers[r.scenario.id])),
        ]
    if len(reports) == 1:
        parts += [
            heading(f"Every billing dimension: {reports[0].scenario.name}"),
            render(cost_view.detail_table(m, reports[0])),
        ]
    note = cost_view.unpriced_note(reports)
    if note:
        parts.append(f"\n{note}: every total above that includes them is only a lower bound ('at least').")
    out.print("\n".join(parts), markup=False)
    print_warnings(a.cost_warnings, a.loaded.sources)


@click.command()
@model_argument
@table_format_option
def services(model: Path, fmt: TableFormat) -> None:
    """Print the service-justification table: role, requirement, why, alternatives, decision, cost."""
    # imported here: every command module loads with the CLI, so each keeps the others' cost off it
    from generator.render.cost import services_json, services_table
    from generator.render.tables import to_markdown, to_text
    from generator.views.services_view import service_rows, share_heading

    a = analysed(model)
    first = a.reports[0]
    rows = service_rows(a.index, first)
    if fmt is TableFormat.json:
        print(json.dumps(services_json(rows, priced_only=first.lower_bound), indent=2, sort_keys=True))
        return
    table = services_table(rows, first.scenario.name, share_heading(first))
    out.print((to_markdown if fmt is TableFormat.markdown else to_text)(table), markup=False)


def register(group: click.Group) -> None:
    group.add_command(cost)
    group.add_command(services)
