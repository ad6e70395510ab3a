"""`archgen validate` and `archgen schema` as a user runs them: messages and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, run_cli


def test_example_model_is_valid(project: Path) -> None:
    result = run_cli("validate", cwd=project)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "ok Cruddur: 3 people, 4 systems, 12 containers, 7 components, 28 services, "
        "29 relationships, 8 decisions; 2 options valid\n"
    )


def test_json_summary(project: Path) -> None:
    result = run_cli("validate", "--format", "json", cwd=project)
    data = json.loads(result.stdout)
    assert data["ok"] is True and data["service_kinds"]["lambda"] == 4
    assert len(data["content_hash"]) == 12


def test_github_annotations(tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text("a: 1\na: 2\n")
    result = run_cli("validate", "m.yaml", "--format", "github", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stdout.strip() == (
        "::error file=m.yaml,line=2,col=1,title=Y002::duplicate key 'a': first defined at line 1%2C column 1".replace(
            "%2C", ","
        )
        + " (hint: remove one of the two; YAML parsers would silently keep only the last)"
    )


def test_missing_model_path_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("validate", "nowhere", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == (
        "error: model path 'nowhere' does not exist\n"
        "  hint: pass the model folder (default: model/) or a model YAML file\n"
    )


def test_bad_format_is_a_usage_error(project: Path) -> None:
    result = run_cli("validate", "--format", "xml", cwd=project)
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.output


def test_folder_without_yaml(tmp_path: Path) -> None:
    (tmp_path / "model").mkdir()
    result = run_cli("validate", cwd=tmp_path)
    assert result.exit_code == 2
    assert "no .yaml files in 'model'" in result.stderr


def test_schema_command_writes_schema_with_descriptions(tmp_path: Path) -> None:
    result = run_cli("schema", "--output", "out/schema.json", cwd=tmp_path)
    assert result.exit_code == 0
    schema = json.loads((tmp_path / "out" / "schema.json").read_text())
    service = schema["$defs"]["Service"]
    assert service["additionalProperties"] is False
    assert "hosts no container" in service["properties"]["justification"]["description"]
    assert "lambda" in json.dumps(service["properties"]["kind"])


def test_every_model_file_points_at_the_schema() -> None:
    for path in sorted((ROOT / "model").glob("*.yaml")):
        assert path.read_text().startswith("# yaml-language-server: $schema=archgen.schema.json\n"), path


def test_committed_schema_is_current() -> None:
    from generator.json_schema import schema_bytes

    assert (ROOT / "model" / "archgen.schema.json").read_bytes() == schema_bytes()


def test_real_process_has_no_traceback_and_exit_codes(tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text("proposal: [\n")
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "validate", "m.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and proc.stderr.startswith("m.yaml:2:1 Y001")
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "frobnicate"], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2 and "No such command" in proc.stderr


def test_internal_error_has_no_traceback_unless_debug(tmp_path: Path, monkeypatch) -> None:
    """The last-resort handler: a bug prints 'internal error', not a traceback."""
    code = (
        "import sys\n"
        "def boom(*a, **k): raise RuntimeError('boom')\n"
        "import generator.load.options as o; o.load_model_and_options = boom\n"
        "from generator.cli.app import main\n"
        "sys.argv = ['archgen'] + sys.argv[1:]\nmain()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, "validate", str(ROOT / "model")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 70
    assert "internal error: RuntimeError: boom" in proc.stderr and "Traceback" not in proc.stderr
    proc = subprocess.run(
        [sys.executable, "-c", code, "--debug", "validate", str(ROOT / "model")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Traceback" in proc.stderr


def test_line_numbers_never_turn_into_emoji(tmp_path: Path) -> None:
    """Found by the mutation test: rich turned ':100:' in `file:100:5` into an emoji."""
    text = "\n" * 98 + "a: 1\na: 2\n"
    (tmp_path / "m.yaml").write_text(text)
    result = run_cli("validate", "m.yaml", cwd=tmp_path)
    assert result.stderr.startswith("m.yaml:100:1 Y002")


def test_a_comma_in_unquoted_flow_text_is_explained(tmp_path: Path) -> None:
    """`{..., why: fast, cheap}` makes `cheap` a key: the hint says why and what to do."""
    project = tmp_path / "p"
    assert run_cli("init", str(project), cwd=tmp_path).exit_code == 0
    model = project / "model" / "model.yaml"
    text = model.read_text()
    assert "    description: Runs the API.\n" in text
    model.write_text(
        text.replace(
            "    description: Runs the API.\n",
            "    description: Runs the API.\n    justification: {requirement: Serve the app, why: fast, cheap}\n",
        )
    )
    result = run_cli("validate", cwd=project)
    assert result.exit_code == 1
    assert "S102 unknown field 'cheap'" in result.stderr, result.stderr
    assert "inside `{...}` a comma starts a new field, so text with a comma must be quoted" in result.stderr
    assert "Traceback" not in result.stderr
