"""archgen's own data files (prices, framework, free tier, service kinds, quotas, SLAs), validated once
per machine and kept in the user's private cache folder as the validated objects (pickle).

Their types are built without validators (`values.CatalogueData`: pydantic's deferred build), so a
command that finds its catalogues in the cache never builds them nor validates the files: importing
and loading the catalogues went from 82 to 67 ms of every command (median of 6 runs each). The key
covers everything the result depends on: the data file, the module that defines its type, archgen's
value types and data parsing (`values.py`, `parse/`), and the versions of archgen, pydantic and
Python; anything else in the folder is stale and removed. The folder is the user's own and private
(user_cache.py), as for compiled templates, which are code too; an unreadable or damaged entry is
ignored and the file validated again. Standard library only.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from generator import __version__
from generator.user_cache import replace_file, user_cache_folder

T = TypeVar("T")

_GENERATOR = Path(__file__).resolve().parent.parent
_SHARED_SOURCES = (_GENERATOR / "values.py", *sorted((_GENERATOR / "parse").glob("*.py")))


@functools.cache
def _shared_digest() -> bytes:
    """The versions and the shared sources every key covers: read once per process."""
    import pydantic  # noqa: PLC0415 - imported by the caller already; its version is part of the key

    digest = hashlib.sha256("\0".join((__version__, pydantic.VERSION, sys.version)).encode())
    for source in _SHARED_SOURCES:
        digest.update(source.read_bytes())
    return digest.digest()


def cache_key(data: bytes, schema: type) -> str:
    """What a validated data file depends on, hashed."""
    digest = hashlib.sha256(_shared_digest() + f"{schema.__module__}.{schema.__qualname__}\0".encode())
    defining = Path(sys.modules[schema.__module__].__file__ or "")
    digest.update(defining.read_bytes() if defining.is_file() else b"-")
    digest.update(b"\0" + data)
    return digest.hexdigest()


def load_cached(path: Path, schema: type[T], validate: Callable[[bytes], T]) -> T:
    """`validate(path's bytes)`, or the object an earlier validation of the same file made."""
    data = path.read_bytes()
    folder = user_cache_folder("data")
    if folder is None:
        return validate(data)
    name = f"{path.stem}-{cache_key(data, schema)[:40]}.pickle"
    entry = folder / name
    try:
        found = pickle.loads(entry.read_bytes())
        if type(found) is schema:
            return found
    except Exception:  # noqa: BLE001 - missing, unreadable, damaged or from another version: validate again
        pass
    value = validate(data)
    _store(folder, name, path.stem, value)
    return value


def _store(folder: Path, name: str, stem: str, value: object) -> None:
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return  # not picklable: validated again next time
    if not replace_file(folder / name, data):
        return
    try:
        for stale in folder.glob(f"{stem}-*.pickle"):
            if stale.name != name:
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a stale entry left behind is never read: its key cannot match
