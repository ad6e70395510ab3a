"""Build the whole site: pages and diagrams staged, `mkdocs build --strict` run on the staged copy, then swapped in.

Nothing in docs/, diagrams_out/ or site/ changes unless every step succeeded.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.diagrams_stage import render_diagrams
from generator.errors import ArchgenError, ExternalToolFailed, UsageError
from generator.index import ModelIndex
from generator.load.model_loader import LoadedModel
from generator.outputs import STAGING_PREFIX, discard, read_tree, recover, stage_tree, swap_in
from generator.render.layout_cache import LayoutCache
from generator.site.context import SiteContext, site_context
from generator.site.pages import build_pages

PLUGIN_OFF = "ARCHGEN_PLUGIN_OFF"


@dataclass(frozen=True)
class Built:
    context: SiteContext
    docs: dict[str, bytes]
    diagrams: dict[str, bytes]
    warnings: tuple[str, ...]


def generate(loaded: LoadedModel, cache: LayoutCache | None, options: tuple = ()) -> Built:
    """Everything docs/ and diagrams_out/ should contain, in memory."""
    rendered = render_diagrams(ModelIndex(loaded.model), cache)
    files = dict(rendered.files)
    for option in options:
        option_views = render_diagrams(ModelIndex(option.loaded.model), cache, only=("deployment",),
                                       prefix=f"option-{option.info.id}-")
        files.update(option_views.files)
    ctx = site_context(loaded, rendered.views, options)
    docs = build_pages(ctx)
    for name, data in files.items():
        if name.endswith((".svg", ".png")):
            docs[f"diagrams/{name}"] = data
    warnings = tuple(rendered.warnings) + tuple(w for r in ctx.reports for w in r.warnings)
    return Built(ctx, docs, dict(sorted(files.items())), tuple(dict.fromkeys(warnings)))


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def run_mkdocs(config_file: Path, docs_dir: Path, site_dir: Path) -> None:
    """`mkdocs build --strict` in-process on a staged docs folder."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    if not config_file.is_file():
        raise UsageError(f"no MkDocs configuration at {config_file.as_posix()}",
                         hint="run from the project root (where mkdocs.yml is) or pass --project")
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    previous = os.environ.get(PLUGIN_OFF)
    os.environ[PLUGIN_OFF] = "1"
    try:
        config = load_config(str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir), strict=True)
        build(config)
    except MkDocsException as exc:
        detail = "; ".join(handler.messages[-3:]) or str(exc)
        raise ExternalToolFailed(f"mkdocs build --strict failed: {detail}",
                                 hint="fix mkdocs.yml or the page named above; nothing was replaced") from None
    except Exception as exc:  # a theme or plugin error inside mkdocs
        raise ExternalToolFailed(f"mkdocs build failed: {type(exc).__name__}: {exc}",
                                 hint="check mkdocs.yml; nothing was replaced") from None
    finally:
        logger.removeHandler(handler)
        if previous is None:
            os.environ.pop(PLUGIN_OFF, None)
        else:
            os.environ[PLUGIN_OFF] = previous
    if handler.messages:
        raise ExternalToolFailed(f"mkdocs reported: {handler.messages[0]}", hint="nothing was replaced")


SITE_STAMP = ".archgen-stamp"


def site_stamp(project: Path, built: Built) -> bytes:
    """What the site was built from: the pages, mkdocs.yml and the archgen and MkDocs versions."""
    import mkdocs

    from generator import __version__

    digest = hashlib.sha256(f"archgen {__version__} mkdocs {mkdocs.__version__}\0".encode())
    config = project / "mkdocs.yml"
    digest.update(config.read_bytes() if config.is_file() else b"")
    for name in sorted(built.docs):
        digest.update(name.encode() + b"\0" + hashlib.sha256(built.docs[name]).digest())
    return digest.hexdigest().encode()


def up_to_date(project: Path, built: Built, *, site: bool) -> bool:
    """True when docs/, diagrams_out/ (and site/) already hold exactly what this build would write."""
    if read_tree(project / "docs") != built.docs or read_tree(project / "diagrams_out") != built.diagrams:
        return False
    if not site:
        return True
    stamp = project / "site" / SITE_STAMP
    return stamp.is_file() and stamp.read_bytes() == site_stamp(project, built)


def publish(project: Path, built: Built, *, site: bool = True) -> bool:
    """Stage docs/, diagrams_out/ (and site/ through mkdocs), then swap them all in.

    Returns False, and touches nothing, when the outputs are already current (a no-change rebuild).
    """
    docs, diagrams_out, site_dir = project / "docs", project / "diagrams_out", project / "site"
    for dest in (docs, diagrams_out, site_dir):
        recover(dest)
    if up_to_date(project, built, site=site):
        return False
    staged: list[tuple[Path, Path]] = []
    try:
        staged.append((stage_tree(docs, built.docs), docs))
        staged.append((stage_tree(diagrams_out, built.diagrams), diagrams_out))
        if site:
            site_staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX + "site-", dir=project))
            staged.append((site_staging, site_dir))
            run_mkdocs(project / "mkdocs.yml", staged[0][0], site_staging)
            (site_staging / SITE_STAMP).write_bytes(site_stamp(project, built))
    except BaseException:
        discard(staged)
        raise
    swap_in(staged)
    return True


__all__ = ["ArchgenError", "Built", "generate", "publish", "run_mkdocs"]
