"""Build fingerprints: when every input of the last successful build is unchanged and its outputs are still
exactly what it wrote, `archgen build` can say so without loading anything (stdlib only, so it stays fast)."""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

from generator.clock import build_date
from generator.render.graphviz_version import dot_version
from generator.user_cache import replace_file, user_cache_folder

PACKAGE = Path(__file__).resolve().parent.parent
STAMP = Path(".archgen-cache") / "build-stamp.json"
OUTPUTS = ("docs", "diagrams_out", "site")


_CODE_AND_DATA = (".py", ".c", ".yaml", ".j2", ".md", ".css", ".json")  # what a build's output depends on


# a file modified within this long after it was hashed may keep its size and time: it is read again
RACY_NS = 2_000_000_000


class FileHashes:
    """The SHA-256 of files, remembered in the stamp with each file's size and modification time, as git's
    index does: a file whose size and time are what they were when it was hashed, at least RACY_NS after
    it was last written, is not read again (the no-change check read 9 MB for the example: 30 ms)."""

    def __init__(self, known: dict) -> None:
        self.known = known  # absolute path -> [size, mtime_ns, hashed_at_ns, sha256 hex]
        self.used: set[str] = set()
        self.refreshed = False

    @classmethod
    def from_stamp(cls, stamp: dict | None) -> FileHashes:
        entries = stamp.get("files") if isinstance(stamp, dict) else None
        if not isinstance(entries, dict):
            return cls({})
        valid = {
            k: v
            for k, v in entries.items()
            if isinstance(v, list) and len(v) == 4 and all(isinstance(x, int) for x in v[:3]) and isinstance(v[3], str)
        }
        return cls(valid)

    def sha256(self, path: str, info: os.stat_result) -> bytes:
        """The file's SHA-256: remembered when its size and time are unchanged, else read and hashed."""
        self.used.add(path)
        entry = self.known.get(path)
        if entry and entry[:2] == [info.st_size, info.st_mtime_ns] and entry[2] - info.st_mtime_ns > RACY_NS:
            try:
                return bytes.fromhex(entry[3])
            except ValueError:
                pass
        with open(path, "rb") as file:
            value = hashlib.sha256(file.read()).digest()
        self.known[path] = [info.st_size, info.st_mtime_ns, time.time_ns(), value.hex()]
        self.refreshed = True
        return value

    def table(self) -> dict:
        """What the stamp keeps: the files this build read or wrote."""
        return {k: self.known[k] for k in sorted(self.used) if k in self.known}


_hashes: dict[str, FileHashes] = {}  # per project, for this process


def _hashes_for(project: Path) -> FileHashes:
    key = str(project.absolute())
    if key not in _hashes:
        _hashes[key] = FileHashes.from_stamp(read_stamp(project))
    return _hashes[key]


PACKAGE_HASHES = "package-hashes.json"  # in the user's cache folder


def _package_hashes_path() -> Path | None:
    folder = user_cache_folder("stamp")
    return None if folder is None else folder / PACKAGE_HASHES


def _package_hashes() -> FileHashes:
    """The hashes of archgen's own files: the same for every project, so kept per user (a cold build in a
    fresh checkout would otherwise read all of archgen's code and data, 14 ms, to hash it)."""
    if "package" not in _hashes:
        path = _package_hashes_path()
        try:
            known = json.loads(path.read_text()) if path is not None else None
        except (OSError, ValueError):
            known = None
        _hashes["package"] = FileHashes.from_stamp({"files": known})
    return _hashes["package"]


def _save_package_hashes(hashes: FileHashes) -> None:
    path = _package_hashes_path() if hashes.refreshed else None
    if path is not None and _write_json(path, hashes.table()):  # a full or read-only disk: hash again next time
        hashes.refreshed = False


def _write_json(path: Path, data: dict, indent: int | None = None) -> bool:
    """Write `data` to `path` as JSON, whole or not at all; False when that failed."""
    return replace_file(path, json.dumps(data, indent=indent, sort_keys=True).encode())


def _files(root: Path, suffixes: tuple[str, ...] | None = None) -> list[tuple[tuple[str, ...], str, os.stat_result]]:
    """(path parts relative to `root`, absolute path, stat) of every file under `root` (with one of
    `suffixes`, when given), in path order; `__pycache__` folders are not entered. One scandir walk:
    Path.rglob with a Path and a stat per file was most of the stamp's cost (14 ms of 24)."""
    found = []
    pending = [(os.path.abspath(root), ())]
    while pending:
        folder, parts = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir():
                if entry.name != "__pycache__":
                    pending.append((entry.path, (*parts, entry.name)))
            elif entry.is_file() and (suffixes is None or entry.name.endswith(suffixes)):
                found.append(((*parts, entry.name), entry.path, entry.stat()))
    found.sort(key=lambda item: item[0])
    return found


def _hash_files(digest, files, hashes: FileHashes) -> None:
    for parts, path, info in files:
        digest.update("/".join(parts).encode() + b"\0")
        digest.update(hashes.sha256(path, info))


def input_fingerprint(project: Path, model: Path, flags: str) -> str:
    """Everything a build reads: archgen's own code and data, the model, mkdocs.yml, Graphviz's version
    and the build's date (prices too old for the model are flagged)."""
    hashes = _hashes_for(project)
    digest = hashlib.sha256(flags.encode() + b"\0" + build_date().isoformat().encode() + b"\0")
    own = _package_hashes()
    _hash_files(digest, _files(PACKAGE, _CODE_AND_DATA), own)
    _save_package_hashes(own)
    if model.is_dir():
        _hash_files(digest, _files(model, (".yaml", ".yml")), hashes)
    elif model.is_file():
        _hash_files(digest, [((model.name,), os.path.abspath(model), model.stat())], hashes)
    else:
        return ""
    config = project / "mkdocs.yml"
    digest.update(config.read_bytes() if config.is_file() else b"-")
    version = dot_version()  # the layouts ask for it too: one `dot -V` per build
    if version is None:  # no Graphviz: no fingerprint, so the full build runs and says so
        return ""
    digest.update(version.encode())
    return digest.hexdigest()


def output_fingerprint(project: Path, folders=OUTPUTS) -> dict[str, str]:
    out = {}
    hashes = _hashes_for(project)
    for name in folders:
        root = project / name
        digest = hashlib.sha256()
        if root.is_dir():
            _hash_files(digest, _files(root), hashes)
        out[name] = digest.hexdigest() if root.is_dir() else ""
    return out


def read_stamp(project: Path) -> dict | None:
    """The last build's stamp, or None when it is missing, unreadable or not what archgen writes."""
    try:
        stamp = json.loads((project / STAMP).read_text())
    except (OSError, ValueError):
        return None
    if not isinstance(stamp, dict) or not all(isinstance(stamp.get(k), str) for k in ("inputs", "summary")):
        return None
    return stamp if isinstance(stamp.get("outputs"), dict) else None


def write_stamp(project: Path, inputs: str, summary: str, folders, warnings: str = "") -> None:
    """Remember a successful build: what it read, what it wrote, its summary and its warnings (as printed)."""
    outputs = output_fingerprint(project, folders)
    _save(project, {"inputs": inputs, "outputs": outputs, "summary": summary, "warnings": warnings})


def _save(project: Path, stamp: dict) -> None:
    # no stamp only means the next build does the full check
    _write_json(project / STAMP, {**stamp, "files": _hashes_for(project).table()}, indent=1)


def unchanged(project: Path, inputs: str, folders) -> tuple[str, str] | None:
    """The previous build's (summary, warnings) when nothing it read or wrote has changed since; otherwise None."""
    stamp = read_stamp(project)
    if not inputs or stamp is None or stamp.get("inputs") != inputs:
        return None
    if stamp.get("outputs") != output_fingerprint(project, folders):
        return None
    summary, warnings = stamp.get("summary"), stamp.get("warnings", "")
    if not isinstance(summary, str) or not isinstance(warnings, str):
        return None
    if _hashes_for(project).refreshed:  # files read again (just written, or touched): remember them
        _save(project, stamp)
    return summary, warnings
