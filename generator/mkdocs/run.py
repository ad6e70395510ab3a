"""`mkdocs build --strict` on a staged docs folder, in this process.

Any MkDocs warning fails the build, as `--strict` does; the message names what MkDocs said.
The archgen MkDocs plugin is switched off for the run: the pages are already generated.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from generator.errors import ExternalToolFailed
from generator.mkdocs.config_check import check_mkdocs_config
from generator.site.template_cache import template_bytecode

PLUGIN_OFF = "ARCHGEN_PLUGIN_OFF"


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def check_config(config_file: Path) -> None:
    """Refuse what archgen will not run or honour in mkdocs.yml (see config_check), before MkDocs loads it."""
    check_mkdocs_config(config_file)


def run_mkdocs(config_file: Path, docs_dir: Path, site_dir: Path, *, warm: WarmTheme | None = None) -> None:
    """Build the site; `warm` carries compiled templates and the theme's file list over from earlier builds."""
    # imported here: MkDocs and its theme cost about 0.3 s to import, and only a build needs them
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    # the sanitiser imports MkDocs' plugin API: same reason
    from generator.mkdocs import sanitize
    from generator.mkdocs.search_feed import faster_search_index

    check_config(config_file)
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    previous = os.environ.get(PLUGIN_OFF)
    os.environ[PLUGIN_OFF] = "1"
    try:
        config = load_config(str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir), strict=True)
        sanitize.install(config)
        (warm or WarmTheme()).apply(config.theme)
        with faster_search_index(config):
            build(config)
    except MkDocsException as exc:
        detail = "; ".join(handler.messages[-3:]) or str(exc)
        raise ExternalToolFailed(
            f"mkdocs build --strict failed: {detail}",
            hint="fix mkdocs.yml or the page named above; nothing was replaced",
        ) from None
    except Exception as exc:  # a theme or plugin error inside mkdocs
        raise ExternalToolFailed(
            f"mkdocs build failed: {type(exc).__name__}: {exc}", hint="check mkdocs.yml; nothing was replaced"
        ) from None
    finally:
        logger.removeHandler(handler)
        if previous is None:
            os.environ.pop(PLUGIN_OFF, None)
        else:
            os.environ[PLUGIN_OFF] = previous
    if handler.messages:
        raise ExternalToolFailed(f"mkdocs reported: {handler.messages[0]}", hint="nothing was replaced")


class WarmTheme:
    """What MkDocs keeps from one build to the next in this process, and across processes.

    - Compiled templates (site/template_cache.py): in memory, and in the user's cache folder, so a
      new process loads the theme's templates instead of compiling them. Jinja keys them by template
      name and source checksum and runs them against each new environment, so filters and globals
      that plugins install later still apply.
    - The list of the theme's files: MkDocs walks the theme folders (thousands of icon files) on
      every build to find static files, and the installed theme does not change while a process lives.
    """

    def __init__(self) -> None:
        self.bytecode = template_bytecode()
        self.listings: dict[tuple[str, ...], list[str]] = {}

    def apply(self, theme) -> None:
        """Make every Jinja environment `theme` hands out use what this process already has."""
        original = theme.get_env

        def get_env():
            env = original()
            env.bytecode_cache = self.bytecode
            loader = env.loader
            folders = tuple(str(p) for p in getattr(loader, "searchpath", ()))
            if folders:
                follow = getattr(loader, "followlinks", False)

                def list_templates() -> list[str]:
                    if folders not in self.listings:
                        self.listings[folders] = theme_files(folders, followlinks=follow)
                    return list(self.listings[folders])

                loader.list_templates = list_templates
            return env

        theme.get_env = get_env


def theme_files(folders: tuple[str, ...], *, followlinks: bool = False) -> list[str]:
    """What Jinja's FileSystemLoader lists, less every path with a part that starts with a dot.

    MkDocs lists the theme's files to copy its static ones, and drops every such path itself (its
    `.*` and `*/.*` patterns); Material keeps its 14,000 icons under `.icons/`, so walking into that
    folder and matching each icon against MkDocs' patterns was 0.1 s of every build for nothing.
    """
    found = set()
    for folder in folders:
        for here, subfolders, files in os.walk(folder, followlinks=followlinks):
            subfolders[:] = [name for name in subfolders if not name.startswith(".")]
            relative = os.path.relpath(here, folder).replace(os.path.sep, "/")
            prefix = "" if relative == "." else relative + "/"
            found.update(prefix + name for name in files if not name.startswith("."))
    return sorted(found)
