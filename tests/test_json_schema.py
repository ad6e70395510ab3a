"""The editor's schema catches, as far as JSON Schema can, what `archgen validate` catches: every model
and option file of the three example projects passes it, and the classic mistakes do not."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from generator.json_schema import model_json_schema
from generator.parse.limits import DEFAULT_LIMITS
from generator.parse.yaml_nodes import load_yaml
from tests.conftest import ROOT

FILES = sorted(p for folder in (ROOT / "model", *(ROOT / "examples").glob("*/model")) for p in folder.rglob("*.yaml"))
VALIDATOR = jsonschema.Draft202012Validator(model_json_schema())


def _data(text: str):
    return load_yaml(text, "f.yaml", DEFAULT_LIMITS)[0]


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_example_file_passes_the_schema(path: Path) -> None:
    errors = [e.message for e in VALIDATOR.iter_errors(_data(path.read_text()))]
    assert errors == []


def test_option_files_are_covered() -> None:
    assert any("options" in p.parts for p in FILES)


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("services: [{id: Main DB, kind: rds, name: DB}]", "does not match"),
        ("services: [{id: db, kind: rds, name: DB, usage: {hours: lots}}]", "is not of type 'number'"),
        ("services: [{id: db, kind: rds, name: DB, usage: {queries: 3}}]", "is not one of"),
        ("services: [{id: db, kind: rds, name: DB, sizing: {desired_count: -1}}]", "less than the minimum"),
        ("decisions: [{id: d, date: 2026-13}]", "'2026-13' is not valid"),
        ("option: {id: x, title: X}\nremove: [Not An Id]", "does not match"),
    ],
)
def test_the_schema_catches_what_validate_catches(text: str, complaint: str) -> None:
    messages = [e.message for e in VALIDATOR.iter_errors(_data(text))]
    assert any(complaint in m for m in messages), messages


def test_the_shipped_schema_matches_the_types() -> None:
    """Commands serve generator/schema/archgen.schema.json; it must be what the types generate now,
    descriptions included (a schema change without `python -m generator.json_schema` fails here)."""
    import subprocess
    import sys

    run = subprocess.run(
        [sys.executable, "-m", "generator.json_schema", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr


def test_commands_do_not_read_docstrings() -> None:
    """Reading the attribute docstrings is for generating the schema only (0.05 s on every command)."""
    from generator.schema import Model

    assert Model.model_fields["proposal"].description is None
    assert '"description"' in model_json_schema().__repr__().replace("'", '"')
