"""Hardening: mutated models only ever give success or located diagnostics; limits; kills mid-build."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import ModelInvalid
from generator.load.model_loader import load_model
from generator.publish.staging import _safe_relative, read_tree
from tests.conftest import FIXTURES, ROOT, run_cli

MODEL_FILES = sorted(p.name for p in (ROOT / "model").glob("*.yaml"))
JUNK = st.sampled_from(
    [
        "",
        "[",
        "{",
        "]",
        "}",
        "'",
        '"',
        ":",
        "- -",
        "!!python/object:os.system",
        "&a",
        "*a",
        "\t",
        "-5",
        "1e30",
        ".nan",
        "null",
        "true",
        "0x1F",
        "{a: 1}",
        "[1, 2]",
        "~",
        "<<: *a",
        "\x00",
        "é",
        "\u202e",
        "%TAG",
        "---",
        "...",
    ]
) | st.text(max_size=12)


@st.composite
def mutation(draw):
    name = draw(st.sampled_from(MODEL_FILES))
    lines = (ROOT / "model" / name).read_text().splitlines()
    i = draw(st.integers(0, len(lines) - 1))
    op = draw(st.sampled_from(["delete", "duplicate", "value", "insert", "truncate", "indent", "key"]))
    junk = draw(JUNK)
    line = lines[i]
    if op == "delete":
        del lines[i]
    elif op == "duplicate":
        lines.insert(i, line)
    elif op == "value" and ":" in line:
        lines[i] = line.split(":", 1)[0] + ": " + junk
    elif op == "insert":
        lines.insert(i, junk)
    elif op == "truncate":
        lines = lines[:i] + [line[: draw(st.integers(0, len(line)))]]
    elif op == "indent":
        lines[i] = " " * draw(st.integers(0, 3)) + line
    elif op == "key" and ":" in line:
        lines[i] = line.replace(line.strip().split(":", 1)[0], junk or "x", 1)
    return name, "\n".join(lines) + "\n"


def _located(exc: ModelInvalid) -> None:
    assert exc.diagnostics
    for d in exc.diagnostics:
        assert d.location.file.startswith("model/") or d.location.file.endswith(".yaml"), d
        assert d.code[0] in "YSR" and d.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(change=mutation())
def test_mutated_models_validate_or_give_located_diagnostics(tmp_path_factory, change) -> None:
    project = tmp_path_factory.mktemp("mut")
    shutil.copytree(ROOT / "model", project / "model", ignore=shutil.ignore_patterns("options", "*.json"))
    name, text = change
    (project / "model" / name).write_text(text, errors="surrogatepass")
    try:
        load_model(project / "model", base=project)
    except ModelInvalid as exc:
        _located(exc)
    result = run_cli("validate", "model", cwd=project)
    assert result.exit_code in (0, 1), result.output
    assert "internal error" not in result.output and "Traceback" not in result.output
    if result.exit_code == 1:
        first = result.stderr.splitlines()[0]
        assert first.startswith("model/") and first.split(" ", 1)[0].count(":") == 2, first


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(change=mutation())
def test_mutated_models_build_or_fail_cleanly(tmp_path_factory, change) -> None:
    project = tmp_path_factory.mktemp("mutbuild")
    shutil.copytree(ROOT / "model", project / "model", ignore=shutil.ignore_patterns("options", "*.json"))
    name, text = change
    (project / "model" / name).write_text(text)
    result = run_cli("build", "--no-site", cwd=project)
    assert result.exit_code in (0, 1), result.output
    assert "internal error" not in result.output
    if result.exit_code == 1:
        assert not (project / "docs").exists() and not (project / "diagrams_out").exists()


def test_long_string_and_too_many_files(tmp_path: Path) -> None:
    text = (
        (FIXTURES / "minimal.yaml").read_text().replace("summary: A minimal valid model.", "summary: " + "x" * 25_000)
    )
    (tmp_path / "m.yaml").write_text(text)
    result = run_cli("validate", "m.yaml", cwd=tmp_path)
    assert result.exit_code == 1 and "Y006" in result.stderr and "20,000 limit" in result.stderr
    many = tmp_path / "many"
    many.mkdir()
    for i in range(201):
        (many / f"f{i:03d}.yaml").write_text(f"people: [{{id: p{i}, name: P}}]\n")
    result = run_cli("validate", "many", cwd=tmp_path)
    assert result.exit_code == 2 and "over the limit of 200" in result.stderr


@pytest.mark.parametrize("bad", ["../escape.md", "/etc/passwd", "a/../../b", ""])
def test_outputs_never_leave_their_folder(bad: str) -> None:
    with pytest.raises(ValueError):
        _safe_relative(bad)


def _snapshot(project: Path) -> dict[str, dict[str, bytes]]:
    return {d: read_tree(project / d) for d in ("docs", "diagrams_out", "site")}


@pytest.mark.parametrize("delay", [0.4, 1.0, 1.6, 2.2])
def test_build_killed_mid_way_keeps_each_output_whole(tmp_path: Path, delay: float) -> None:
    project = tmp_path / "p"
    shutil.copytree(ROOT / "model", project / "model")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    assert run_cli("build", cwd=project).exit_code == 0
    old = _snapshot(project)
    proposal = project / "model" / "proposal.yaml"
    proposal.write_text(proposal.read_text().replace("  status: in-review", "  status: approved"))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--no-cache"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    after_kill = _snapshot(project)
    rerun = run_cli("build", cwd=project)
    assert rerun.exit_code == 0, rerun.output
    new = _snapshot(project)
    for folder in ("docs", "diagrams_out"):  # each folder is whole: the old build or the new one, never a mix
        assert after_kill[folder] in (old[folder], new[folder]), folder
    assert after_kill["site"] == old["site"] or set(after_kill["site"]) == set(new["site"])
    assert new["docs"] != old["docs"] and "approved" in new["docs"]["index.md"].decode()
    assert not [
        p for p in project.iterdir() if p.name.startswith(".archgen-staging") or p.name.endswith(".archgen-old")
    ]
