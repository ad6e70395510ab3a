"""`archgen diagrams`: render every view into diagrams_out/ (SVG and DOT; PNG too with --png)."""

from pathlib import Path

import click

from generator.cli.common import err, model_argument, option, out, print_warnings


@click.command()
@model_argument
@option("--out", "-o", "output", help="Folder for the rendered diagrams.", default=Path("diagrams_out"))
@option("--no-cache", help="Lay out every view again.", is_flag=True)
@option("--png", help="Also write PNG images (for a README or a slide).", is_flag=True)
def diagrams(model: Path, output: Path, no_cache: bool, png: bool) -> None:
    """Render the C4, AWS deployment and CI/CD views, and each option's deployment view, as SVG and DOT
    (and PNG with --png)."""
    # imported here: diagrams and Graphviz bindings are only needed by the commands that draw
    from generator.analysis import analyse
    from generator.load.options import load_model_and_options
    from generator.publish.layout_cache import LayoutCache
    from generator.publish.layouts import Layouts
    from generator.publish.staging import write_trees
    from generator.render.diagram_render import FORMATS, WITH_PNG

    loaded, options = load_model_and_options(model)
    cache = LayoutCache(Path(".archgen-cache") / "layout", read=not no_cache)
    # the same views as `archgen build`: the model's, then each option's deployment view
    with Layouts(list(analyse(loaded, options).all_views), cache, formats=WITH_PNG if png else FORMATS) as layouts:
        rendered = layouts.result()
    write_trees({output: rendered.files})
    print_warnings(loaded.warnings, loaded.sources)
    for warning in rendered.warnings:
        err.print(f"warning: {warning}", markup=False)
    out.print(f"wrote {len(rendered.views)} views ({len(rendered.files)} files) to {output.as_posix()}/", markup=False)


def register(group: click.Group) -> None:
    group.add_command(diagrams)
