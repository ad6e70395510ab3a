"""One build at a time per project: a second `archgen build` waits for the first, then gives up clearly."""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.errors import ArchgenError

LOCK = Path(".archgen-cache") / "build.lock"
WAIT_SECONDS = 120.0
POLL_SECONDS = 0.05


class BuildLocked(ArchgenError):
    """Another archgen process is building this project."""


def _holder(pid_file: Path) -> str:
    try:
        return pid_file.read_text().strip() or "unknown"
    except OSError:
        return "unknown"


@contextmanager
def build_lock(project: Path, *, wait: float | None = None, on_wait=None) -> Iterator[None]:
    """Hold the project's build lock, waiting up to `wait` seconds (default WAIT_SECONDS) for another
    build that holds it; `on_wait(pid)` is told once when one does."""
    wait = WAIT_SECONDS if wait is None else wait
    path = project / LOCK
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ArchgenError(
            f"cannot create {path.parent.as_posix()}: {exc.strerror}", hint="make the project folder writable"
        ) from None
    pid_file = path.with_suffix(".pid")
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        raise ArchgenError(
            f"cannot open {path.as_posix()}: {exc.strerror}", hint="make the project folder writable"
        ) from None
    try:
        if not _try_lock(fd):
            if on_wait is not None:
                on_wait(_holder(pid_file))
            deadline = time.monotonic() + wait
            while not _try_lock(fd):
                if time.monotonic() >= deadline:
                    raise BuildLocked(
                        f"another build is running in this project (pid {_holder(pid_file)}); waited {wait:.0f} s",
                        hint="wait for it to finish, or stop it, then build again",
                    )
                time.sleep(POLL_SECONDS)
        try:
            pid_file.write_text(str(os.getpid()))
        except OSError:
            pass  # the pid is only for the message a waiting build shows
        yield
    finally:
        os.close(fd)  # closing the descriptor lets go of the lock (the kernel does so too if the process dies)


def _try_lock(fd: int) -> bool:
    """Take the exclusive lock on `fd` if nobody holds it (flock: held by the open file, so also against
    another build in this same process, and let go by the kernel when the holder dies)."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True
