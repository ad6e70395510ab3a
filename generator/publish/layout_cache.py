"""A content-addressed cache of Graphviz output: the same DOT source and Graphviz give the same bytes.

Reusing a layout never changes the output (the key is the full DOT source plus the Graphviz version),
so determinism holds; entries are written atomically, so a killed build never leaves a torn entry.
Each entry carries a manifest of its files' SHA-256: an entry whose files do not match it (corrupt,
truncated or edited) is discarded and laid out again, never published.
"""

from __future__ import annotations

import hashlib
import json
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

    def _paths(self, key: str, formats) -> dict[str, Path]:
        return {fmt: self.folder / key[:2] / f"{key}.{fmt}" for fmt in formats}

    def _manifest(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.sha256.json"

    def get(self, source: str, formats: tuple[str, ...]) -> dict[str, bytes] | None:
        if not self.read:
            self.misses += 1
            return None
        key = self._key(source)
        found = self._read_verified(key, formats)
        if found is None:
            self.misses += 1
            return None
        self.hits += 1
        return found

    def _read_verified(self, key: str, formats: tuple[str, ...]) -> dict[str, bytes] | None:
        """The entry's files when every one matches the manifest; a damaged entry is removed."""
        paths = self._paths(key, formats)
        if not all(p.is_file() for p in paths.values()):
            return None
        try:
            manifest = json.loads(self._manifest(key).read_text())
            found = {fmt: p.read_bytes() for fmt, p in paths.items()}
        except (OSError, ValueError):
            manifest, found = None, None
        if (
            isinstance(manifest, dict)
            and found is not None
            and all(manifest.get(fmt) == hashlib.sha256(data).hexdigest() for fmt, data in found.items())
        ):
            return found
        for path in [*paths.values(), self._manifest(key)]:
            path.unlink(missing_ok=True)
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
            # written last: an entry is only trusted once its manifest exists
            digests = {fmt: hashlib.sha256(data).hexdigest() for fmt, data in sorted(images.items())}
            write_file_atomic(self._manifest(key), json.dumps(digests, sort_keys=True).encode())
        except OSError:
            pass  # a cache that cannot be written is only slower, never wrong
