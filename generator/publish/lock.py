"""One build at a time per project: a second `archgen build` waits for the first, then gives up clearly."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from generator.errors import ArchgenError

LOCK = Path(".archgen-cache") / "build.lock"
WAIT_SECONDS = 120.0


class BuildLocked(ArchgenError):
    """Another archgen process is building this project."""


def _holder(pid_file: Path) -> str:
    try:
        return pid_file.read_text().strip() or "unknown"
    except OSError:
        return "unknown"


@contextmanager
def build_lock(project: Path, *, wait: float = WAIT_SECONDS, on_wait=None) -> Iterator[None]:
    """Hold the project's build lock; `on_wait(pid)` is told once when another build holds it."""
    path = project / LOCK
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ArchgenError(
            f"cannot create {path.parent.as_posix()}: {exc.strerror}", hint="make the project folder writable"
        ) from None
    pid_file = path.with_suffix(".pid")
    lock = FileLock(str(path))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if on_wait is not None:
            on_wait(_holder(pid_file))
        try:
            lock.acquire(timeout=wait)
        except Timeout:
            raise BuildLocked(
                f"another build is running in this project (pid {_holder(pid_file)}); waited {wait:.0f} s",
                hint="wait for it to finish, or stop it, then build again",
            ) from None
    try:
        try:
            pid_file.write_text(str(os.getpid()))
        except OSError:
            pass  # the pid is only for the message a waiting build shows
        yield
    finally:
        lock.release()
