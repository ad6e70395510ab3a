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

    check_config(config_file)
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    previous = os.environ.get(PLUGIN_OFF)
    os.environ[PLUGIN_OFF] = "1"
    try:
        config = load_config(str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir), strict=True)
        sanitize.install(config)
        if warm is not None:
            warm.apply(config.theme)
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
    """What a long-lived MkDocs process keeps from one build to the next.

    - Compiled templates, as Jinja bytecode in memory. Jinja keys it by template name and source
      checksum and runs it against each new environment, so filters and globals that plugins
      install later still apply.
    - The list of the theme's files: MkDocs walks the theme folders (thousands of icon files) on
      every build to find static files, and the installed theme does not change while a process lives.
    """

    def __init__(self) -> None:
        from jinja2 import BytecodeCache  # imported here: only the long-lived worker keeps templates warm

        class MemoryBytecodeCache(BytecodeCache):
            def __init__(self) -> None:
                self.store: dict[str, bytes] = {}

            def load_bytecode(self, bucket) -> None:
                if bucket.key in self.store:
                    bucket.bytecode_from_string(self.store[bucket.key])

            def dump_bytecode(self, bucket) -> None:
                self.store[bucket.key] = bucket.bytecode_to_string()

        self.bytecode = MemoryBytecodeCache()
        self.listings: dict[tuple[str, ...], list[str]] = {}

    def apply(self, theme) -> None:
        """Make every Jinja environment `theme` hands out use what this process already has."""
        original = theme.get_env

        def get_env():
            env = original()
            env.bytecode_cache = self.bytecode
            loader = env.loader
            key = tuple(str(p) for p in getattr(loader, "searchpath", ()))
            if key:
                walk = loader.list_templates

                def list_templates() -> list[str]:
                    if key not in self.listings:
                        self.listings[key] = walk()
                    return list(self.listings[key])

                loader.list_templates = list_templates
            return env

        theme.get_env = get_env
