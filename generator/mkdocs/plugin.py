"""A tiny MkDocs plugin: `mkdocs serve` / `mkdocs build` regenerate the pages from the model first.

Registered as the `archgen` entry point in `mkdocs.plugins`. `archgen build` runs MkDocs itself on
pages it already generated, and switches this plugin off for that run.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from generator.mkdocs.sanitize import sanitise_page_html, with_content_security_policy

log = logging.getLogger("mkdocs.plugins.archgen")
# what the generated pages use: a mkdocs.yml that lists only the plugin still renders them right
NEEDED_EXTENSIONS = (
    "admonition",
    "attr_list",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.superfences",
)


class ArchgenConfig(Config):
    model = config_options.Type(str, default="model")


class ArchgenPlugin(BasePlugin[ArchgenConfig]):
    def _model_dir(self, config) -> Path:
        """`archgen serve MODEL` passes its model path; otherwise the plugin's `model` option."""
        given = os.environ.get("ARCHGEN_MODEL")
        return Path(given) if given else Path(config.config_file_path).parent / self.config.model

    def on_config(self, config):
        if os.environ.get("ARCHGEN_PLUGIN_OFF"):
            return config
        self._complete(config)
        # imported only when the plugin is on: `archgen build` loads it switched off, and MkDocs loads
        # plugins before every build (the pipeline costs about 0.5 s to import)
        from generator.analysis import analyse
        from generator.diagnostics import render_text
        from generator.errors import ArchgenError, ModelInvalid
        from generator.load.options import load_model_and_options
        from generator.publish.layout_cache import LayoutCache
        from generator.publish.site import generate
        from generator.publish.staging import write_file_atomic

        project = Path(config.config_file_path).parent
        try:
            loaded, options = load_model_and_options(self._model_dir(config), base=project)
            built = generate(analyse(loaded, options), LayoutCache(project / ".archgen-cache" / "layout"))
        except ModelInvalid as exc:
            raise PluginError(
                "archgen: the model is invalid; the previous pages are kept\n"
                + render_text(exc.diagnostics, exc.sources)
            ) from None
        except ArchgenError as exc:
            raise PluginError(f"archgen: {exc.message}") from None
        docs = Path(config.docs_dir)
        changed = 0
        for rel, data in built.docs.items():
            target = docs / rel
            if not target.is_file() or target.read_bytes() != data:
                write_file_atomic(target, data)
                changed += 1
        log.info("archgen: %d page(s) regenerated from %s", changed, self.config.model)
        return config

    @staticmethod
    def _complete(config) -> None:
        """Add the Markdown extensions and stylesheet the pages need; say what the theme should be."""
        for name in NEEDED_EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        config.mdx_configs.setdefault("toc", {}).setdefault("permalink", True)
        if "assets/archgen.css" not in config.extra_css:
            config.extra_css.append("assets/archgen.css")
        if config.theme.name != "material":
            log.warning(
                "archgen: the pages are laid out for the Material theme; add `theme: {name: material}` to "
                "mkdocs.yml (the mkdocs-material package comes with archgen)"
            )

    @event_priority(-100)
    def on_post_page(self, output, **kwargs):
        """The same Content-Security-Policy as `archgen build` (see mkdocs/sanitize)."""
        if os.environ.get("ARCHGEN_PLUGIN_OFF"):
            return output
        return with_content_security_policy(output)

    @event_priority(-100)
    def on_page_content(self, html, **kwargs):
        """Plain `mkdocs build`/`serve` get the same second wall as `archgen build` (see mkdocs/sanitize)."""
        if os.environ.get("ARCHGEN_PLUGIN_OFF"):
            return html
        return sanitise_page_html(html)

    def on_serve(self, server, config, builder):
        if not os.environ.get("ARCHGEN_PLUGIN_OFF"):
            server.watch(str(self._model_dir(config)))
        return server
