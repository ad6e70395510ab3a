"""A content-addressed cache of Graphviz output: the same DOT source and Graphviz give the same bytes.

Reusing a layout never changes the output (the key is the full DOT source plus the Graphviz version),
so determinism holds; entries are written atomically, so a killed build never leaves a torn entry.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from generator.publish.staging import write_file_atomic
from generator.render.graphviz_tool import dot_version


class LayoutCache:
    def __init__(self, folder: Path, *, read: bool = True) -> None:
        """`read=False` lays every view out again but still refreshes the cache for the next build."""
        self.folder = folder
        self.read = read
        self.hits = 0
        self.misses = 0

    def _key(self, source: str) -> str:
        return hashlib.sha256((dot_version() + "\0" + source).encode()).hexdigest()

    def get(self, source: str, formats: tuple[str, ...]) -> dict[str, bytes] | None:
        if not self.read:
            self.misses += 1
            return None
        key = self._key(source)
        paths = {fmt: self.folder / key[:2] / f"{key}.{fmt}" for fmt in formats}
        if all(p.is_file() for p in paths.values()):
            try:
                found = {fmt: p.read_bytes() for fmt, p in paths.items()}
            except OSError:
                found = None
            if found is not None:
                self.hits += 1
                return found
        self.misses += 1
        return None

    def failed(self, source: str) -> bool:
        """Graphviz failed on exactly this source before (so the caller goes straight to its fallback)."""
        key = self._key(source)
        return (self.folder / key[:2] / f"{key}.failed").is_file()

    def mark_failed(self, source: str) -> None:
        key = self._key(source)
        try:
            write_file_atomic(self.folder / key[:2] / f"{key}.failed", b"")
        except OSError:
            pass

    def put(self, source: str, images: dict[str, bytes]) -> None:
        key = self._key(source)
        try:
            for fmt, data in images.items():
                write_file_atomic(self.folder / key[:2] / f"{key}.{fmt}", data)
        except OSError:
            pass  # a cache that cannot be written is only slower, never wrong
