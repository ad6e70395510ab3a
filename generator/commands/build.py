"""`archgen build`: validate, then write everything the model produces."""

from pathlib import Path
from typing import Annotated

import typer

from generator.commands.common import ModelArg, out, print_warnings, report_failure
from generator.errors import ArchgenError


def register(app: typer.Typer) -> None:
    @app.command()
    def build(
        model: ModelArg = Path("model"),
        project: Annotated[Path, typer.Option("--project", help="Project root holding mkdocs.yml.")] = Path("."),
    ) -> None:
        """Validate the model and build everything it produces."""
        from generator.json_schema import schema_bytes
        from generator.load.model_loader import load_model
        from generator.outputs import write_file_atomic

        try:
            loaded = load_model(model)
            schema_path = (model if model.is_dir() else model.parent) / "archgen.schema.json"
            write_file_atomic(schema_path, schema_bytes())
        except ArchgenError as exc:
            report_failure(exc)
        print_warnings(loaded.warnings, loaded.sources)
        out.print(f"built {loaded.model.proposal.name} (model {loaded.content_hash})", markup=False)
