"""Build the whole site: pages and diagrams staged, `mkdocs build --strict` run on the staged copy, then swapped in.

Nothing in docs/, diagrams_out/ or site/ changes unless every step succeeded.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import mkdocs

from generator import __version__
from generator.analysis import Analysis
from generator.errors import ArchgenError
from generator.mkdocs.run import PLUGIN_OFF, run_mkdocs
from generator.publish.layout_cache import LayoutCache
from generator.publish.layouts import Layouts, view_files
from generator.publish.staging import (
    discard,
    new_staging,
    not_written,
    read_tree,
    recover,
    stage_tree,
    swap_in,
)
from generator.site.pages import build_pages

MKDOCS_CODE = Path(__file__).resolve().parent.parent / "mkdocs"

# How a staged site gets built: (docs_dir, site_dir) -> None, raising ArchgenError on failure.
SiteBuilder = Callable[[Path, Path], None]


@dataclass(frozen=True)
class Built:
    """Everything a build generated, in memory: the analysis, docs/ pages, diagram files and warnings."""

    analysis: Analysis
    docs: dict[str, bytes]
    diagrams: dict[str, bytes]
    warnings: tuple[str, ...]


IMAGE_SUFFIXES = (".svg", ".png")


@dataclass(frozen=True)
class Generation:
    """Pages generated, diagrams still being laid out by Graphviz in the background."""

    analysis: Analysis
    pages: dict[str, bytes]
    layouts: Layouts

    @property
    def images(self) -> tuple[str, ...]:
        """The docs/ paths the diagram images will have."""
        return tuple(f"diagrams/{name}" for name in view_files(self.layouts.views) if name.endswith(IMAGE_SUFFIXES))

    def finish(self) -> Built:
        """Wait for the layouts and assemble everything docs/ and diagrams_out/ should contain."""
        rendered = self.layouts.result()
        docs = dict(self.pages)
        for name, data in rendered.files.items():
            if name.endswith(IMAGE_SUFFIXES):
                docs[f"diagrams/{name}"] = data
        return Built(self.analysis, docs, rendered.files, tuple(dict.fromkeys(rendered.warnings)))


def start_generation(analysis: Analysis, cache: LayoutCache | None) -> Generation:
    """Start laying out every view (the model's and each option's deployment), then generate the pages."""
    layouts = Layouts(list(analysis.all_views), cache)
    try:
        return Generation(analysis, build_pages(analysis), layouts)
    except BaseException:
        layouts.abandon()
        raise


def generate(analysis: Analysis, cache: LayoutCache | None) -> Built:
    """Everything docs/ and diagrams_out/ should contain, in memory."""
    return start_generation(analysis, cache).finish()


SITE_STAMP = ".archgen-stamp"


def site_stamp(project: Path, built: Built) -> bytes:
    """What the site was built from: the pages, mkdocs.yml, MkDocs' version and archgen's MkDocs code
    (how it runs MkDocs and sanitises pages)."""
    digest = hashlib.sha256(f"archgen {__version__} mkdocs {mkdocs.__version__}\0".encode())
    for source in sorted(MKDOCS_CODE.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + hashlib.sha256(source.read_bytes()).digest())
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


def _in_process(project: Path) -> SiteBuilder:
    return lambda docs_dir, site_dir: run_mkdocs(project / "mkdocs.yml", docs_dir, site_dir)


def _recovered_outputs(project: Path) -> tuple[Path, Path, Path]:
    """docs/, diagrams_out/ and site/, each restored first if an earlier swap was interrupted."""
    outputs = project / "docs", project / "diagrams_out", project / "site"
    for dest in outputs:
        recover(dest)
    return outputs


def _site_staging(project: Path) -> Path:
    return new_staging(project / "site")


def publish(project: Path, built: Built, *, site: bool = True, mkdocs: SiteBuilder | None = None) -> bool:
    """Stage docs/, diagrams_out/ (and site/ through mkdocs), then swap them all in.

    Returns False, and touches nothing, when the outputs are already current (a no-change rebuild).
    """
    docs, diagrams_out, site_dir = _recovered_outputs(project)
    if up_to_date(project, built, site=site):
        return False
    staged: list[tuple[Path, Path]] = []
    try:
        staged.append((stage_tree(docs, built.docs), docs))
        staged.append((stage_tree(diagrams_out, built.diagrams), diagrams_out))
        if site:
            site_staging = _site_staging(project)
            staged.append((site_staging, site_dir))
            (mkdocs or _in_process(project))(staged[0][0], site_staging)
            (site_staging / SITE_STAMP).write_bytes(site_stamp(project, built))
    except OSError as exc:
        discard(staged)
        raise not_written(project, exc) from None
    except BaseException:
        discard(staged)
        raise
    swap_in(staged)
    return True


# What the staged docs/ holds for a diagram until Graphviz has laid it out.
IMAGE_PLACEHOLDER = b"archgen: placeholder for a diagram still being laid out\n"


def _pages_current(docs: Path, pages: dict[str, bytes]) -> bool:
    return all((docs / rel).is_file() and (docs / rel).read_bytes() == data for rel, data in pages.items())


def _put_images(docs_staging: Path, site_staging: Path, built: Built, images: tuple[str, ...]) -> bool:
    """Replace the placeholders in the staged docs/ and site/ with the laid-out diagrams.

    False when MkDocs did not copy a placeholder verbatim into the site (a plugin transformed or
    dropped it): the site must then be built again from the real images.
    """
    verbatim = True
    for rel in images:
        (docs_staging / rel).write_bytes(built.docs[rel])
        copy = site_staging / rel
        if copy.is_file() and copy.read_bytes() == IMAGE_PLACEHOLDER:
            copy.write_bytes(built.docs[rel])
        else:
            verbatim = False
    return verbatim


def publish_generation(
    project: Path, generation: Generation, *, site: bool = True, mkdocs: SiteBuilder | None = None
) -> tuple[Built, bool]:
    """Finish `generation` and publish it like `publish`, building the site while Graphviz works.

    When the pages changed, the site has to be rebuilt anyway: MkDocs runs on the staged pages with
    placeholder images while the diagrams are laid out, and the images are put in place afterwards
    (MkDocs copies images verbatim). Nothing is swapped in unless every step succeeded.
    """
    if not site or _pages_current(project / "docs", generation.pages):
        built = generation.finish()
        return built, publish(project, built, site=site, mkdocs=mkdocs)
    docs, diagrams_out, site_dir = _recovered_outputs(project)
    images = generation.images
    mkdocs = mkdocs or _in_process(project)
    staged: list[tuple[Path, Path]] = []
    try:
        docs_staging = stage_tree(docs, {**generation.pages, **dict.fromkeys(images, IMAGE_PLACEHOLDER)})
        staged.append((docs_staging, docs))
        site_staging = _site_staging(project)
        staged.append((site_staging, site_dir))
        mkdocs(docs_staging, site_staging)
        built = generation.finish()
        if not _put_images(docs_staging, site_staging, built, images):
            shutil.rmtree(site_staging)
            site_staging.mkdir()
            _in_process(project)(docs_staging, site_staging)  # the worker, if any, is used up
        staged.append((stage_tree(diagrams_out, built.diagrams), diagrams_out))
        (site_staging / SITE_STAMP).write_bytes(site_stamp(project, built))
    except OSError as exc:
        generation.layouts.abandon()
        discard(staged)
        raise not_written(project, exc) from None
    except BaseException:
        generation.layouts.abandon()
        discard(staged)
        raise
    swap_in(staged)
    return built, True


__all__ = [
    "ArchgenError",
    "Built",
    "Generation",
    "PLUGIN_OFF",
    "generate",
    "publish",
    "publish_generation",
    "run_mkdocs",
    "start_generation",
]
