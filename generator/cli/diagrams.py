"""`archgen diagrams`: render every view into diagrams_out/ (PNG, SVG, DOT)."""

from pathlib import Path
from typing import Annotated

import typer

from generator.cli.common import ModelArg, err, out, print_warnings


def diagrams(
    model: ModelArg = Path("model"),
    output: Annotated[Path, typer.Option("--out", "-o", help="Folder for the rendered diagrams.")] = Path(
        "diagrams_out"
    ),
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Lay out every view again.")] = False,
) -> None:
    """Render the C4, AWS deployment and CI/CD views as PNG, SVG and DOT."""
    # imported here: diagrams and Graphviz bindings are only needed by the commands that draw
    from generator.index import ModelIndex
    from generator.load.model_loader import load_model
    from generator.publish.layout_cache import LayoutCache
    from generator.publish.layouts import render_diagrams
    from generator.publish.staging import write_trees

    loaded = load_model(model)
    cache = LayoutCache(Path(".archgen-cache") / "layout", read=not no_cache)
    rendered = render_diagrams(ModelIndex(loaded.model), cache)
    write_trees({output: rendered.files})
    print_warnings(loaded.warnings, loaded.sources)
    for warning in rendered.warnings:
        err.print(f"warning: {warning}", markup=False)
    out.print(f"wrote {len(rendered.views)} views ({len(rendered.files)} files) to {output.as_posix()}/", markup=False)


def register(app: typer.Typer) -> None:
    app.command()(diagrams)
