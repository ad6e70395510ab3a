"""Graphviz's version line, asked once per process: part of the build's input fingerprint and of every
layout cache key. Kept apart from graphviz_tool, and on `os` alone, so the no-change path (cli/entry.py)
imports little: `subprocess` and `shutil` cost that path 13 ms, a fifth of it."""

from __future__ import annotations

import os
import threading
from functools import lru_cache

_lock = threading.Lock()


def dot_version() -> str | None:
    """`dot -V`'s line, or None when Graphviz is not on PATH (layout threads ask at once: one run)."""
    with _lock:
        return _asked()


def find_on_path(program: str) -> str | None:
    """`shutil.which` for a program name: the first executable file of that name on PATH."""
    for folder in os.environ.get("PATH", os.defpath).split(os.pathsep):
        candidate = os.path.join(folder or ".", program)
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


@lru_cache(maxsize=1)
def _asked() -> str | None:
    dot = find_on_path("dot")
    if dot is None:
        return None
    read, write = os.pipe()
    try:  # dot prints its version on stderr; stdout goes to the same pipe, stdin is empty
        actions = [(os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0)]
        actions += [(os.POSIX_SPAWN_DUP2, write, 1), (os.POSIX_SPAWN_DUP2, write, 2), (os.POSIX_SPAWN_CLOSE, read)]
        pid = os.posix_spawn(dot, [dot, "-V"], os.environ, file_actions=actions)
    except OSError:
        os.close(read)
        os.close(write)
        return None
    os.close(write)
    chunks = []
    with os.fdopen(read, "rb") as pipe:
        while chunk := pipe.read(4096):
            chunks.append(chunk)
    os.waitpid(pid, 0)
    return b"".join(chunks).decode(errors="replace").strip()
