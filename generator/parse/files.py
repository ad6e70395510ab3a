"""Reading a model file safely: regular files only, links must stay inside the project, size checked
on the open file before a byte is read."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from generator.diagnostics import Diagnostic, Location
from generator.parse.limits import Limits


class FileRefused(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def _refuse(display: str, code: str, message: str, hint: str) -> FileRefused:
    return FileRefused(Diagnostic(Location(display), code, message, hint=hint))


def _check_link(path: Path, display: str, root: Path) -> None:
    """A symbolic link may point to another file inside `root`; never outside, never nowhere."""
    if not path.is_symlink():
        return
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        raise _refuse(
            display,
            "Y013",
            "symbolic link points to nothing (dangling link)",
            "remove the link or point it at a model file inside the project",
        ) from None
    if not target.is_relative_to(root):
        raise _refuse(
            display,
            "Y013",
            "symbolic link points outside the project; archgen does not follow it",
            "copy the file into the model folder instead of linking to it",
        ) from None


def read_source_file(path: Path, display: str, limits: Limits, root: Path) -> bytes:
    """The bytes of one model file, or FileRefused with a located diagnostic (nothing of the file shown)."""
    _check_link(path, display, root)
    try:
        info = os.stat(path)
    except OSError as exc:
        raise _refuse(display, "Y012", f"cannot read file: {exc.strerror}", "check the file's permissions") from None
    if not stat.S_ISREG(info.st_mode):
        raise _refuse(
            display,
            "Y012",
            "not a regular file (a FIFO, device or socket); archgen reads only files",
            "remove it from the model folder",
        )
    if info.st_size > limits.max_file_bytes:
        raise _refuse(
            display,
            "Y006",
            f"file is {info.st_size:,} bytes, over the {limits.max_file_bytes:,}-byte limit for one model file",
            "split the model over several files in the model folder",
        )
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise _refuse(display, "Y012", f"cannot read file: {exc.strerror}", "check the file's permissions") from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # swapped between the check and the open
            raise _refuse(display, "Y012", "not a regular file; archgen reads only files", "remove it")
        data = handle.read(limits.max_file_bytes + 1)
    if len(data) > limits.max_file_bytes:
        raise _refuse(
            display,
            "Y006",
            f"file is over the {limits.max_file_bytes:,}-byte limit for one model file",
            "split the model over several files in the model folder",
        )
    return data


def yaml_files_under(folder: Path, suffixes: tuple[str, ...], skip_top: str) -> list[Path]:
    """YAML files below `folder` (links included, so they can be checked), never descending into linked
    folders, hidden folders or the top-level `skip_top` folder."""
    found = []
    for current, dirs, files in os.walk(folder, followlinks=False):
        rel = Path(current).relative_to(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (rel == Path(".") and d == skip_top))
        found += [Path(current) / f for f in files if not f.startswith(".") and Path(f).suffix in suffixes]
    return sorted(found)
