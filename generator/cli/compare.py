"""`archgen compare`: the base proposal and its options side by side."""

import json
from pathlib import Path

import typer

from generator.cli.common import ModelArg, out, report_failure
from generator.cli.cost import TableFormat, TableFormatOpt
from generator.errors import ArchgenError


def register(app: typer.Typer) -> None:
    @app.command()
    def compare(model: ModelArg = Path("model"), fmt: TableFormatOpt = TableFormat.table) -> None:
        """Compare the proposal with the options in model/options/: cost per scenario, risk, availability."""
        from generator.load.overlay import load_model_and_options
        from generator.pricing.catalogue import default_catalogue
        from generator.render.tables import to_markdown, to_text
        from generator.views.options_view import comparison_rows, comparison_table

        try:
            loaded, options = load_model_and_options(model)
            rows = comparison_rows(loaded.model, options, default_catalogue())
        except ArchgenError as exc:
            report_failure(exc)
        if fmt is TableFormat.json:
            print(json.dumps([{"id": r.id, "title": r.title, "monthly_usd": [str(t) for t in r.totals],
                               "high_risk_questions": r.high_questions, "failing_findings": r.failing_findings,
                               "open_findings": r.open_findings, "availability_percent": f"{r.availability:.4f}",
                               "decision": r.decision, "chosen": r.chosen} for r in rows], indent=2))
            return
        if not options:
            out.print("no options: add overlay files under model/options/ to compare alternatives", markup=False)
        table = comparison_table(loaded.model, rows)
        out.print((to_markdown if fmt is TableFormat.markdown else to_text)(table), markup=False)
