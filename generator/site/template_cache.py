"""Compiled Jinja templates kept on disk between runs, as Python keeps compiled modules.

Compiling templates is most of what a small site costs apart from Markdown: the Material theme's
55 templates took about 0.3 s of CPU on every `archgen build`, archgen's own page templates 0.1 s.
Jinja can keep the compiled form (its "bytecode cache", keyed by template name, file and a checksum
of the source, and by the Python version): a changed template is compiled again, an unchanged one is
loaded. The cache lives in the user's cache folder (`$XDG_CACHE_HOME/archgen/jinja`, by default
`~/.cache/archgen/jinja`), never in the project: a pull request must not be able to place compiled
code that a build would run (Jinja's files hold marshalled code and a pickled checksum, so the folder
must be as private as the user's own files). A folder that is not the user's own, or cannot be made, means no cache:
templates are compiled as before, which only costs time.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import BytecodeCache, FileSystemBytecodeCache
from jinja2.bccache import Bucket

from generator.user_cache import user_cache_folder


def cache_folder() -> Path | None:
    """The user's own folder for compiled templates, made private on first use; None when unusable."""
    return user_cache_folder("jinja")


class TemplateBytecode(BytecodeCache):
    """Compiled templates in memory for this process, backed by the user's cache folder (when usable):
    a long-lived process (the MkDocs worker, `archgen serve`) reads each file once."""

    def __init__(self, folder: Path | None) -> None:
        self.memory: dict[str, bytes] = {}
        self.disk = FileSystemBytecodeCache(str(folder)) if folder is not None else None

    def load_bytecode(self, bucket: Bucket) -> None:
        held = self.memory.get(bucket.key)
        if held is not None:
            bucket.bytecode_from_string(held)
        elif self.disk is not None:
            try:  # a file from another Jinja or Python, or of another source, resets the bucket
                self.disk.load_bytecode(bucket)
            except Exception:  # noqa: BLE001 - a truncated or damaged file (Jinja unpickles its header)
                bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.memory[bucket.key] = bucket.bytecode_to_string()
        if self.disk is not None:
            try:
                self.disk.dump_bytecode(bucket)  # written to a temporary file, then renamed into place
            except OSError:
                self.disk = None  # a full or read-only disk: keep compiling in memory only


@cache
def template_bytecode() -> TemplateBytecode:
    """This process's compiled templates (one store for archgen's pages and the MkDocs theme)."""
    return TemplateBytecode(cache_folder())
