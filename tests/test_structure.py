"""The package's shape is a tested contract: stage order, lint, module size, one analysis per model."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

BIN = Path(sys.executable).parent
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 60


def test_import_contracts_hold() -> None:
    """Stages import only earlier stages; only the edges import jinja2, diagrams, mkdocs, subprocess, click, rich."""
    result = subprocess.run([BIN / "lint-imports"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_ruff_lint_and_format_pass() -> None:
    lint = subprocess.run(
        [BIN / "ruff", "check", "generator", "tests", "benchmarks"], cwd=ROOT, capture_output=True, text=True
    )
    assert lint.returncode == 0, lint.stdout
    fmt = subprocess.run(
        [BIN / "ruff", "format", "--check", "generator", "tests", "benchmarks"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert fmt.returncode == 0, fmt.stdout


def _modules() -> list[Path]:
    return sorted(p for p in (ROOT / "generator").rglob("*.py") if "__pycache__" not in p.parts)


def test_modules_are_small() -> None:
    big = [
        f"{p.relative_to(ROOT)}: {n}" for p in _modules() if (n := len(p.read_text().splitlines())) > MAX_MODULE_LINES
    ]
    assert not big, big


def test_long_functions_say_why() -> None:
    """A function over the limit carries a comment on its first body line saying why it stays whole."""
    long = []
    for path in _modules():
        source = path.read_text()
        lines = source.splitlines()
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES and "long:" not in "\n".join(lines[node.lineno - 1 : node.lineno + 3]):
                    long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({length} lines)")
    assert not long, long


def test_every_stage_folder_says_what_it_does() -> None:
    for init in (ROOT / "generator").glob("*/__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text()))
        assert doc, f"{init.relative_to(ROOT)} has no docstring"


def test_review_and_estimate_run_once_per_model_in_a_build(project: Path, cli, monkeypatch) -> None:
    """One analysis per model: the base and each option are estimated and reviewed exactly once."""
    import generator.analysis as analysis

    calls = {"review": 0, "estimate_all": 0}
    real_review, real_estimate = analysis.review, analysis.estimate_all

    def counting(name, real):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return real(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(analysis, "review", counting("review", real_review))
    monkeypatch.setattr(analysis, "estimate_all", counting("estimate_all", real_estimate))
    options = len(list((project / "model" / "options").glob("*.yaml")))
    result = cli("build", "--no-site", cwd=project)
    assert result.exit_code == 0, result.output
    assert calls == {"review": 1 + options, "estimate_all": 1 + options}


def test_rendering_never_computes() -> None:
    """site/ and render/ never call the review, the estimate or the diff themselves."""
    offenders = []
    for folder in ("site", "render", "publish", "mkdocs"):
        for path in (ROOT / "generator" / folder).rglob("*.py"):
            text = path.read_text()
            for call in ("review(", "estimate_all(", "diff_models(", "savings_levers("):
                if f" {call}" in text or f"={call}" in text or f"({call}" in text:
                    offenders.append(f"{path.relative_to(ROOT)} calls {call}")
    assert not offenders, offenders
