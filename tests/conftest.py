"""Shared test helpers: run the CLI in-process as a user would, and compare against golden files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
UPDATE = os.environ.get("ARCHGEN_UPDATE_GOLDENS") == "1"


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_cli(*args: str, cwd: Path) -> Result:
    """Run `archgen ARGS` in-process with `cwd` as the working directory."""
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)
    return Result(result.exit_code, result.stdout, result.stderr)


def run_python(code: str, env: dict | None = None, check: bool = True) -> subprocess.CompletedProcess:
    """Run `code` in a fresh interpreter from the repository root (what a new process imports and does)."""
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=check)


def check_golden(path: Path, actual: str) -> None:
    """Compare with a golden file; ARCHGEN_UPDATE_GOLDENS=1 rewrites it instead."""
    if UPDATE or not path.exists():
        if not UPDATE:
            pytest.fail(f"golden {path} is missing; run with ARCHGEN_UPDATE_GOLDENS=1 to create it")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual)
        return
    assert actual == path.read_text(), f"output differs from golden {path.name}"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the repository's example model and mkdocs.yml in a temporary project folder."""
    shutil.copytree(ROOT / "model", tmp_path / "model", ignore=shutil.ignore_patterns("*.json"))
    if (ROOT / "mkdocs.yml").exists():
        shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


@pytest.fixture
def cli():
    return run_cli
