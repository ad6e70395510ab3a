"""The user's private cache folder for archgen (`$XDG_CACHE_HOME/archgen`, by default `~/.cache/archgen`).

What is kept there is per user and per machine, never per project: compiled templates (site/template_cache),
the hashes of archgen's own files (publish/stamp) and archgen's own data files as validated objects
(parse/data_cache). A pull request cannot place anything there. A
folder that is not the user's own, is open to others, or cannot be made means no cache: the work is
done again, which only costs time. Standard library only: the no-change build path imports it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def user_cache_folder(name: str) -> Path | None:
    """`<user cache>/archgen/<name>`, made private on first use; None when it cannot be used safely."""
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache" if "HOME" in os.environ else None)
    if not base or not hasattr(os, "getuid"):
        return None
    folder = Path(base) / "archgen" / name
    try:
        folder.mkdir(mode=stat.S_IRWXU, parents=True, exist_ok=True)
        info = os.lstat(folder)
    except OSError:
        return None
    private = not (info.st_mode & (stat.S_IWGRP | stat.S_IWOTH))
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or not private:
        return None
    return folder


def replace_file(path: Path, data: bytes) -> bool:
    """Write `data` to `path` through a temporary file renamed into place, so a reader never sees half a
    file; False when the disk refused (a cache entry or stamp not written only costs time later)."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError:
        tmp.unlink(missing_ok=True)
        return False
    return True
