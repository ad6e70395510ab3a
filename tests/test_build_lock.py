"""One build at a time per project: a second build waits, says for whom, and gives up clearly."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.publish.lock import BuildLocked, build_lock
from tests.conftest import ROOT, run_cli

HOLD = (
    "import sys, time; from pathlib import Path; from generator.publish.lock import build_lock\n"
    "with build_lock(Path(sys.argv[1])):\n"
    "    print('held', flush=True); time.sleep(float(sys.argv[2]))\n"
)


def _holder(project: Path, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(project), str(seconds)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_a_second_build_waits_names_the_holder_and_gives_up(tmp_path: Path) -> None:
    holder = _holder(tmp_path, 30)
    told = []
    try:
        start = time.monotonic()
        with pytest.raises(BuildLocked) as raised, build_lock(tmp_path, wait=0.3, on_wait=told.append):
            pass
        assert time.monotonic() - start >= 0.3
        assert told == [str(holder.pid)]
        assert f"another build is running in this project (pid {holder.pid}); waited 0 s" in raised.value.message
    finally:
        holder.kill()
        holder.wait()


def test_the_lock_is_taken_once_the_holder_finishes(tmp_path: Path) -> None:
    holder = _holder(tmp_path, 0.4)
    told = []
    start = time.monotonic()
    with build_lock(tmp_path, wait=30, on_wait=told.append):
        assert time.monotonic() - start >= 0.2  # it had to wait for the holder
    assert told == [str(holder.pid)]
    holder.wait()


def test_a_killed_build_leaves_no_lock_behind(tmp_path: Path) -> None:
    holder = _holder(tmp_path, 30)
    holder.kill()
    holder.wait()
    with build_lock(tmp_path, wait=0, on_wait=lambda pid: pytest.fail(f"waited for {pid}")):
        pass


def test_the_lock_is_released_after_a_build_in_this_process(tmp_path: Path) -> None:
    for _ in range(2):
        with build_lock(tmp_path, wait=0, on_wait=lambda pid: pytest.fail(f"waited for {pid}")):
            pass


def test_build_cli_reports_a_held_lock(project: Path, monkeypatch) -> None:
    monkeypatch.setattr("generator.publish.lock.WAIT_SECONDS", 0.2)
    holder = _holder(project, 30)
    try:
        result = run_cli("build", "--no-site", cwd=project)
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 1
    assert f"waiting for another build (pid {holder.pid})" in result.stderr
    assert "another build is running in this project" in result.stderr and "Traceback" not in result.output
    assert not (project / "docs").exists()  # nothing half-written
