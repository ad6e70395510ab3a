"""Running Graphviz's `dot`: found before rendering starts, one layout per view for all formats."""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
from pathlib import Path

from generator.errors import ArchgenError, ExternalToolFailed, ToolMissing
from generator.render import graphviz_version

MISSING_HINT = "install Graphviz from Debian's packages: `sudo apt-get install graphviz` (or run ./run build)"


def find_dot() -> str:
    dot = graphviz_version.find_on_path("dot")  # the same lookup as the version's: one `dot` for both
    if dot is None:
        raise ToolMissing("Graphviz's `dot` program was not found on PATH", hint=MISSING_HINT)
    return dot


def dot_version() -> str:
    """Graphviz's version line (graphviz_version.py); ToolMissing without Graphviz."""
    version = graphviz_version.dot_version()
    if version is None:
        raise ToolMissing(f"`dot -V` could not be run ({find_dot()})", hint=MISSING_HINT)  # or not found
    return version


# Layouts run beside the rest of the build (pages, MkDocs), which waits for them only at the end.
# When the cores are oversubscribed the scheduler should favour that critical path; with cores to
# spare, niceness changes nothing.
LAYOUT_NICENESS = 5


def yield_to_the_build(pid: int) -> None:
    """Lower a layout process's CPU priority a little (where the platform allows it)."""
    try:
        os.setpriority(os.PRIO_PROCESS, pid, min(os.getpriority(os.PRIO_PROCESS, 0) + LAYOUT_NICENESS, 19))
    except (AttributeError, OSError):
        pass  # no priorities here, or the process already ended: only a scheduling hint


_running: set[subprocess.Popen] = set()
_stopped: set[subprocess.Popen] = set()
_running_lock = threading.Lock()


class LayoutStopped(ArchgenError):
    """A layout was stopped because the build gave up; not a Graphviz failure (never retried or remembered)."""


def stop_layouts() -> None:
    """Kill every `dot` this process is waiting for (a build that is giving up: error or Ctrl-C)."""
    with _running_lock:
        running = list(_running)
        _stopped.update(running)
    for proc in running:
        if proc.poll() is None:
            proc.kill()


def layout(source: str, formats: tuple[str, ...], *, name: str, timeout: float = 300) -> dict[str, bytes]:
    """Lay out `source` once and write every format; returns {format: bytes}."""
    dot = find_dot()
    with tempfile.TemporaryDirectory(prefix="archgen-dot-") as tmp:
        outputs = {fmt: Path(tmp) / f"out.{fmt}" for fmt in formats}
        args = [dot]
        for fmt, path in outputs.items():
            args += [f"-T{fmt}", f"-o{path}"]
        proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        with _running_lock:
            _running.add(proc)
        yield_to_the_build(proc.pid)
        try:
            _, stderr = proc.communicate(source.encode(), timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            raise ExternalToolFailed(
                f"Graphviz took longer than {timeout:.0f} s to lay out the {name} view",
                hint="split the model's views (fewer elements per view)",
            ) from None
        except OSError:  # the pipe closed under us
            proc.kill()
            proc.communicate()
            stderr = b""
        finally:
            with _running_lock:
                _running.discard(proc)
                stopped = proc in _stopped
                _stopped.discard(proc)
        if stopped:
            raise LayoutStopped(f"the layout of the {name} view was stopped")
        if proc.returncode != 0:
            message = stderr.decode(errors="replace").strip().splitlines()
            raise ExternalToolFailed(
                f"Graphviz failed on the {name} view: {message[-1] if message else 'no message'}",
                hint="this is likely a bug in archgen; rerun with --debug and report it",
            )
        return {fmt: path.read_bytes() for fmt, path in outputs.items()}
