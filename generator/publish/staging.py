"""The only place that writes outputs: stage everything in a temporary folder, then swap it in.

A build that fails or is killed before the swap leaves the previous outputs byte-identical; a kill
during the swap leaves a backup that the next run restores before doing anything else.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from functools import cache
from pathlib import Path

from generator.errors import ArchgenError

BACKUP_SUFFIX = ".archgen-old"
STAGING_PREFIX = ".archgen-staging-"


class OutputsNotWritten(ArchgenError):
    """The file system refused the outputs (permissions, a full disk); nothing was replaced."""


def not_written(dest: Path, exc: OSError) -> OutputsNotWritten:
    return OutputsNotWritten(
        f"cannot write {dest.as_posix()}: {exc.strerror or exc}",
        hint="check that the folder is writable and the disk has room; the previous outputs are untouched",
    )


@cache
def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def _normal_mode(path: Path, *, folder: bool) -> None:
    """Temporary files and folders are private (0600/0700); outputs get the mode the user's umask gives."""
    os.chmod(path, (0o777 if folder else 0o666) & ~_umask())


def _safe_relative(rel: str) -> Path:
    path = Path(rel)
    if path.is_absolute() or ".." in path.parts or not rel or rel.startswith(("/", "\\")):
        raise ValueError(f"refusing to write outside the output folder: {rel!r}")
    return path


def recover(dest: Path) -> None:
    """Finish or undo a swap that was interrupted, and drop stale staging folders."""
    backup = dest.with_name(dest.name + BACKUP_SUFFIX)
    if backup.exists():
        if dest.exists():
            shutil.rmtree(backup, ignore_errors=True)
        else:
            backup.rename(dest)
    parent = dest.parent
    if parent.exists():
        for stale in parent.glob(STAGING_PREFIX + dest.name + "-*"):
            shutil.rmtree(stale, ignore_errors=True)


def stage_tree(dest: Path, files: dict[str, bytes]) -> Path:
    """Write `files` into a staging folder beside `dest` and return it."""
    staging = None
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX + dest.name + "-", dir=dest.parent))
        _normal_mode(staging, folder=True)
        for rel in sorted(files):
            target = staging / _safe_relative(rel)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[rel])
    except OSError as exc:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        raise not_written(dest, exc) from None
    return staging


def new_staging(dest: Path) -> Path:
    """An empty staging folder beside `dest` (for a tree another tool writes, such as MkDocs' site)."""
    try:
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX + dest.name + "-", dir=dest.parent))
        _normal_mode(staging, folder=True)
    except OSError as exc:
        raise not_written(dest, exc) from None
    return staging


def swap_in(staged: list[tuple[Path, Path]]) -> None:
    """Replace each destination with its staged folder; if the file system refuses, put back what was there."""
    done: list[tuple[Path, Path]] = []
    try:
        for staging, dest in staged:
            backup = dest.with_name(dest.name + BACKUP_SUFFIX)
            if backup.exists():
                shutil.rmtree(backup)
            if dest.exists():
                dest.rename(backup)
            staging.rename(dest)
            done.append((staging, dest))
    except OSError as exc:
        _roll_back(done)
        discard(staged)
        raise not_written(dest, exc) from None
    for _, dest in staged:
        shutil.rmtree(dest.with_name(dest.name + BACKUP_SUFFIX), ignore_errors=True)


def _roll_back(done: list[tuple[Path, Path]]) -> None:
    for _, dest in reversed(done):
        backup = dest.with_name(dest.name + BACKUP_SUFFIX)
        shutil.rmtree(dest, ignore_errors=True)
        if backup.exists():
            backup.rename(dest)


def discard(staged: list[tuple[Path, Path]]) -> None:
    for staging, _ in staged:
        shutil.rmtree(staging, ignore_errors=True)


def write_trees(trees: dict[Path, dict[str, bytes]]) -> None:
    """Stage every tree, then swap them all in; on any failure nothing is replaced."""
    staged: list[tuple[Path, Path]] = []
    try:
        for dest in sorted(trees):
            recover(dest)
            staged.append((stage_tree(dest, trees[dest]), dest))
    except BaseException:
        discard(staged)
        raise
    swap_in(staged)


def write_file_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        _normal_mode(Path(tmp), folder=False)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_tree(root: Path) -> dict[str, bytes]:
    """Every file under `root` by POSIX relative path (used by `check` and tests)."""
    if not root.exists():
        return {}
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
