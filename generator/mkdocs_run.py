"""`mkdocs build --strict` on a staged docs folder, in this process.

Any MkDocs warning fails the build, as `--strict` does; the message names what MkDocs said.
The archgen MkDocs plugin is switched off for the run: the pages are already generated.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from generator.errors import ExternalToolFailed, UsageError

PLUGIN_OFF = "ARCHGEN_PLUGIN_OFF"


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def check_config(config_file: Path) -> None:
    if not config_file.is_file():
        raise UsageError(f"no MkDocs configuration at {config_file.as_posix()}",
                         hint="run from the project root (where mkdocs.yml is) or pass --project")


def run_mkdocs(config_file: Path, docs_dir: Path, site_dir: Path, *, bytecode_cache=None) -> None:
    """Build the site; `bytecode_cache` (a jinja2 BytecodeCache) lets theme templates skip compilation."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    check_config(config_file)
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    previous = os.environ.get(PLUGIN_OFF)
    os.environ[PLUGIN_OFF] = "1"
    try:
        config = load_config(str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir), strict=True)
        if bytecode_cache is not None:
            with_bytecode_cache(config.theme, bytecode_cache)
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


def with_bytecode_cache(theme, bytecode_cache) -> None:
    """Make every Jinja environment the theme hands out use `bytecode_cache`.

    Jinja keys cached code by template name and source checksum and runs it against the new
    environment, so filters and globals that plugins install later still apply.
    """
    original = theme.get_env

    def get_env():
        env = original()
        env.bytecode_cache = bytecode_cache
        return env

    theme.get_env = get_env
