"""`archgen build` and `archgen serve`."""

import errno
import os
from pathlib import Path

import click

from generator.cli.common import err, model_argument, option, out, refuse_if_strict, strict_option
from generator.errors import ArchgenError, UsageError
from generator.publish import stamp

project_option = option("--project", help="Project root: where mkdocs.yml, docs/ and site/ live.", default=Path("."))


def build_summary(built, *, site: bool) -> str:
    # imported here: every command module loads with the CLI, so each keeps the others' cost off it
    from generator.views.cost_view import total_text

    a = built.analysis
    pages = sum(1 for name in built.docs if name.endswith(".md"))
    costs = ", ".join(f"{r.scenario.name} {total_text(r)}" for r in a.reports)
    from generator.render.review import risk_story

    where = "site/" if site else "docs/ and diagrams_out/"
    return (
        f"built {a.model.proposal.name} into {where}: {pages} pages, {len(a.views)} diagrams\n"
        f"  monthly cost: {costs}\n  review: {risk_story(a.review)}\n  {a.stamp}"
    )


def _write_schema(model: Path) -> None:
    # imported here: every command module loads with the CLI, so each keeps the others' cost off it
    from generator.json_schema import schema_bytes
    from generator.publish.staging import write_file_atomic

    model_dir = model if model.is_dir() else model.parent
    schema_path = model_dir / "archgen.schema.json"
    if not schema_path.is_file() or schema_path.read_bytes() != schema_bytes():
        try:
            write_file_atomic(schema_path, schema_bytes())
        except OSError as exc:
            raise ArchgenError(
                f"cannot write {schema_path.as_posix()}: {exc.strerror}", hint="make the model folder writable"
            ) from None


def _generate_and_publish(model: Path, project: Path, no_site: bool, no_cache: bool, worker, strict: bool = False):
    """Validate, analyse, lay out and publish; (loaded model, what was built, whether anything changed)."""
    # imported here: every command module loads with the CLI, so each keeps the others' cost off it
    from generator.analysis import analyse
    from generator.load.options import load_model_and_options
    from generator.publish.layout_cache import LayoutCache
    from generator.publish.site import publish_generation, start_generation

    with err.status("validating the model and its options"):
        loaded, options = load_model_and_options(model)
        analysis = analyse(loaded, options)
    refuse_if_strict(strict, analysis.all_cost_warnings, _all_sources(analysis))
    doing = "laying out diagrams, generating pages" + (
        "" if no_site else " and building the site (mkdocs build --strict)"
    )
    with err.status(doing):
        cache = LayoutCache(project / ".archgen-cache" / "layout", read=not no_cache)
        built, changed = publish_generation(
            project, start_generation(analysis, cache), site=not no_site, mkdocs=worker.build
        )
    _write_schema(model)
    return analysis, built, changed


def _all_sources(analysis) -> dict[str, str]:
    sources = dict(analysis.loaded.sources)
    for analysed_option in analysis.options:
        sources.update(analysed_option.option.loaded.sources)
    return sources


@click.command("build")
@model_argument
@project_option
@option("--no-site", help="Generate docs/ and diagrams_out/ only.", is_flag=True)
@option("--no-cache", help="Lay out every diagram again.", is_flag=True)
@strict_option
@click.pass_obj
def build_command(obj: dict | None, model: Path, project: Path, no_site: bool, no_cache: bool, strict: bool) -> None:
    """Validate, render the diagrams, generate the pages and build the site with `mkdocs build --strict`."""
    handed = (obj or {}).get("input_fingerprint", "")  # the entry point's, for this same build
    build(model, project, no_site=no_site, no_cache=no_cache, strict=strict, input_fingerprint=handed)


def build(
    model: Path,
    project: Path,
    *,
    no_site: bool = False,
    no_cache: bool = False,
    strict: bool = False,
    input_fingerprint: str = "",
) -> None:
    """`archgen build`; `input_fingerprint` is the entry point's hash of this same build's inputs, if any."""
    folders = ("docs", "diagrams_out") if no_site else stamp.OUTPUTS
    flags = f"site={not no_site}" + (" strict" if strict else "")
    inputs = input_fingerprint or stamp.input_fingerprint(project, model, flags)
    previous = None if no_cache else stamp.unchanged(project, inputs, folders)
    if previous is not None:
        summary, warnings = previous
        if warnings:
            err.print(warnings, markup=False)
        out.print(summary.replace("built ", "up to date: ", 1), markup=False)
        return
    # imported here: every command module loads with the CLI, so each keeps the others' cost off it
    from generator.mkdocs.config_check import check_mkdocs_config
    from generator.mkdocs.worker import MkDocsWorker

    if not no_site:
        check_mkdocs_config(project / "mkdocs.yml")  # before any process lets MkDocs load it
    # MkDocs warms up in its own process while the model is validated and the pages generated
    config_file = project / "mkdocs.yml"
    worker = MkDocsWorker(config_file, None) if no_site else MkDocsWorker.start(config_file)
    # imported only now, after the worker started: an unchanged build is answered above without
    # pydantic, Jinja or diagrams (0.5 s of imports)
    from generator.diagnostics import render_text
    from generator.publish.lock import build_lock

    try:
        waiting = lambda pid: err.print(f"waiting for another build (pid {pid})", markup=False)  # noqa: E731
        with build_lock(project, on_wait=waiting):
            analysis, built, changed = _generate_and_publish(model, project, no_site, no_cache, worker, strict)
    finally:
        worker.close()
    loaded = analysis.loaded
    located = list(loaded.warnings) + list(analysis.all_cost_warnings)
    warnings = "\n".join(
        ([render_text(located, _all_sources(analysis))] if located else [])
        + [f"warning: {warning}" for warning in built.warnings]
    )
    if warnings:
        err.print(warnings, markup=False)
    summary = build_summary(built, site=not no_site)
    stamp.write_stamp(project, inputs, summary, folders, warnings)  # an unchanged rebuild repeats them
    out.print(summary if changed else summary.replace("built ", "up to date: ", 1), markup=False)


@click.command()
@model_argument
@project_option
@option("--port", help="Port on 127.0.0.1.", type=click.IntRange(1, 65535))
@option("--address", help="Where to serve.", default="127.0.0.1:8000", type=str)
def serve(model: Path, project: Path, port: int | None, address: str) -> None:
    """Preview the site; pages are regenerated whenever a model file changes (through the mkdocs plugin)."""
    config = project / "mkdocs.yml"
    if not config.is_file():
        raise ArchgenError(f"no mkdocs.yml in {project.as_posix()}", hint="run from the project root")
    if not model.exists():
        raise UsageError(f"model path {model.as_posix()!r} does not exist", hint="pass the model folder")
    if port is not None:
        address = f"127.0.0.1:{port}"
    # imported here: MkDocs' dev server pulls in livereload and watchdog, which no other command needs
    from mkdocs.commands.serve import serve as mkdocs_serve

    from generator.mkdocs.config_check import check_mkdocs_config

    check_mkdocs_config(config)
    (project / "docs").mkdir(exist_ok=True)  # MkDocs checks docs_dir before the archgen plugin fills it
    # one source of truth for the model path: the plugin reads this one, not a second copy in mkdocs.yml;
    # set for this serve only (an in-process caller's environment is given back as it was)
    previous = os.environ.get("ARCHGEN_MODEL")
    os.environ["ARCHGEN_MODEL"] = str(model.resolve())
    try:
        mkdocs_serve(config_file=str(config), dev_addr=address, livereload=True)
    except OSError as exc:
        if exc.errno in (errno.EADDRINUSE, errno.EACCES, errno.EADDRNOTAVAIL):
            raise ArchgenError(
                f"cannot serve on {address}: {exc.strerror}",
                hint="another program uses that address; pass --address 127.0.0.1:8001 (or another free port)",
            ) from None
        raise
    finally:
        if previous is None:
            os.environ.pop("ARCHGEN_MODEL", None)
        else:
            os.environ["ARCHGEN_MODEL"] = previous


def register(group: click.Group) -> None:
    group.add_command(build_command)
    group.add_command(serve)
