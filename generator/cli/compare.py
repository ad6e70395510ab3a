"""`archgen compare`: the base proposal and its options side by side."""

import json
from pathlib import Path

import click

from generator.cli.common import model_argument, out
from generator.cli.cost import TableFormat, analysed, table_format_option


@click.command()
@model_argument
@table_format_option
def compare(model: Path, fmt: TableFormat) -> None:
    """Compare the proposal with the options in model/options/: cost per scenario, risk, availability."""
    # imported here: every command module loads with the CLI, so each keeps the others' cost off it
    from generator.render.options import options_json
    from generator.render.tables import to_markdown, to_text
    from generator.views.options_view import comparison_table

    a = analysed(model, with_options=True)
    rows = a.option_rows()
    if fmt is TableFormat.json:
        print(json.dumps(options_json(rows), indent=2))
        return
    if not a.options:
        out.print("no options: add overlay files under model/options/ to compare alternatives", markup=False)
    out.print((to_markdown if fmt is TableFormat.markdown else to_text)(comparison_table(a.model, rows)), markup=False)


def register(group: click.Group) -> None:
    group.add_command(compare)
