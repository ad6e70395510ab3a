"""`mkdocs build --strict` in a worker process started before the pages exist.

MkDocs spends a large part of a small build importing itself, its theme and the Markdown
extensions, and compiling the theme's templates. The worker does that while archgen is still
validating the model and generating pages, on another core:

    parent  MkDocsWorker.start(config)  ->  python -m generator.mkdocs.worker CONFIG
    child   warms up: imports MkDocs, loads the configuration (plugins, Markdown extensions), reads
            the theme's file list and compiled templates (mkdocs_run.WarmTheme); no throwaway build;
            waits for one JSON line {"docs_dir", "site_dir"}
    parent  worker.build(docs, site)    ->  the strict build runs; one JSON line answers
            {"ok": true} or {"ok": false, "error", "message", "hint"}

End of input instead of a request makes the worker exit quietly, and so does end of input while it
builds (the parent was killed: nothing must go on writing). If the worker dies or answers
nonsense, the build runs in this process instead: the worker only ever makes a build faster.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from generator.cores import usable_cores
from generator.errors import ArchgenError, ExternalToolFailed, UsageError
from generator.mkdocs.run import PLUGIN_OFF, WarmTheme, run_mkdocs

_ERRORS = {"UsageError": UsageError, "ExternalToolFailed": ExternalToolFailed}


class MkDocsWorker:
    """The parent's handle on a warming-up MkDocs process."""

    def __init__(self, config_file: Path, proc: subprocess.Popen | None, scratch: Path | None = None) -> None:
        self.config_file = config_file
        self._proc = proc
        self._scratch = scratch  # the warm-up's folder: made and removed by this process, not the worker

    @classmethod
    def start(cls, config_file: Path) -> MkDocsWorker:
        """Start warming up; on a single core there is nothing to overlap, so MkDocs runs in this process."""
        if not config_file.is_file() or usable_cores() < 2:
            return cls(config_file, None)
        scratch = Path(tempfile.mkdtemp(prefix="archgen-mkdocs-warm-"))
        try:
            proc = subprocess.Popen(
                [sys.executable, "-m", "generator.mkdocs.worker", str(config_file), str(scratch)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env={**os.environ, PLUGIN_OFF: "1"},
            )
        except OSError:
            shutil.rmtree(scratch, ignore_errors=True)
            return cls(config_file, None)
        return cls(config_file, proc, scratch)

    def _done(self, proc: subprocess.Popen) -> None:
        """Stop the worker, then remove its warm-up folder (a worker stopped mid warm-up cannot)."""
        _stop(proc)
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None

    def build(self, docs_dir: Path, site_dir: Path) -> None:
        """Build like `run_mkdocs` (same errors), in the worker when it is alive."""
        reply = self._ask(docs_dir, site_dir)
        if reply is None:
            for leftover in site_dir.iterdir() if site_dir.is_dir() else ():
                shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
            run_mkdocs(self.config_file, docs_dir, site_dir)
        elif not reply.get("ok"):
            error = _ERRORS.get(reply.get("error"), ExternalToolFailed)
            raise error(str(reply.get("message", "mkdocs build failed")), hint=str(reply.get("hint", "")))

    def _ask(self, docs_dir: Path, site_dir: Path) -> dict | None:
        proc, self._proc = self._proc, None
        if proc is None:
            return None
        request = json.dumps({"docs_dir": str(docs_dir), "site_dir": str(site_dir)}) + "\n"
        try:  # stdin stays open while the worker builds: it stops as soon as this process goes away
            proc.stdin.write(request.encode())
            proc.stdin.flush()
            reply = json.loads(proc.stdout.readline().decode())
        except (OSError, ValueError):
            reply = None
        self._done(proc)
        return reply if isinstance(reply, dict) else None

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            self._done(proc)

    def __enter__(self) -> MkDocsWorker:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def _stop(proc: subprocess.Popen) -> None:
    for stream in (proc.stdin, proc.stdout):
        try:
            stream.close()
        except OSError:
            pass
    if proc.poll() is None:
        proc.kill()
    proc.wait()


def _exit_when_the_parent_goes() -> None:
    """Stop at once when stdin closes: the parent finished with us, or was killed mid-build
    (a build must never go on writing into a staging folder that the next build clears)."""
    sys.stdin.buffer.read()
    os._exit(0)


def _warm_up(config_file: Path, warm: WarmTheme, scratch: Path) -> None:
    """Everything a build needs before it has pages: MkDocs, the theme, the plugins and Markdown extensions
    imported (loading the configuration imports them), the theme's Jinja environment made and its file
    list read. No throwaway build: the theme's compiled templates come from the user's cache folder
    (site/template_cache.py). `scratch` (the parent's empty folder, removed by the parent however the
    worker ends) stands in for the docs folder, which may not exist yet. Every problem is ignored."""
    # imported here, in the worker process only: the parent never pays for MkDocs
    from mkdocs.commands import build  # noqa: F401 - imported now, used by the real build
    from mkdocs.config import load_config

    logger = logging.getLogger("mkdocs")
    level, propagate = logger.level, logger.propagate
    logger.setLevel(logging.CRITICAL + 1)
    logger.propagate = False
    try:
        config = load_config(str(config_file), docs_dir=str(scratch), site_dir=str(scratch / "site"), strict=False)
        warm.apply(config.theme)
        env = config.theme.get_env()
        env.list_templates()
        env.get_template("main.html")  # the page template and what it extends, compiled or loaded
    except BaseException:  # noqa: BLE001 - only a speed-up; the real build reports real problems
        pass
    finally:
        logger.setLevel(level)
        logger.propagate = propagate


def main(argv: list[str]) -> int:
    reply_to = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # anything MkDocs or a plugin prints must not mix with the answer
    config_file = Path(argv[0])
    warm = WarmTheme()
    _warm_up(config_file, warm, Path(argv[1]))
    line = sys.stdin.buffer.readline()
    if not line.strip():
        return 0
    threading.Thread(target=_exit_when_the_parent_goes, daemon=True).start()
    try:
        request = json.loads(line)
        run_mkdocs(config_file, Path(request["docs_dir"]), Path(request["site_dir"]), warm=warm)
        reply = {"ok": True}
    except ArchgenError as exc:
        reply = {"ok": False, "error": type(exc).__name__, "message": exc.message, "hint": exc.hint}
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which shows it as a failed build
        reply = {
            "ok": False,
            "error": "ExternalToolFailed",
            "message": f"mkdocs build failed: {exc}",
            "hint": "check mkdocs.yml; nothing was replaced",
        }
    reply_to.write(json.dumps(reply) + "\n")
    reply_to.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
