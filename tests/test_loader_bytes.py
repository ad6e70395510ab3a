"""Byte-level inputs that cannot live as text case files: encodings, binary junk, size limits."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import FIXTURES, run_cli

MINIMAL = (FIXTURES / "minimal.yaml").read_bytes()


def _validate(tmp_path: Path, name: str, data: bytes):
    (tmp_path / "model").mkdir(exist_ok=True)
    (tmp_path / "model" / name).write_bytes(data)
    return run_cli("validate", "model", "--format", "json", cwd=tmp_path)


def test_non_utf8_is_located(tmp_path: Path) -> None:
    result = _validate(tmp_path, "latin1.yaml", MINIMAL.replace(b"Mini", b"Mini caf\xe9", 1))
    assert result.exit_code == 1
    [p] = json.loads(result.stdout)
    assert (p["file"], p["line"], p["column"], p["code"]) == ("model/latin1.yaml", 2, 17, "Y007")
    assert "0xe9" in p["message"]


def test_binary_junk(tmp_path: Path) -> None:
    result = _validate(tmp_path, "junk.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    [p] = json.loads(result.stdout)
    assert (p["line"], p["column"], p["code"]) == (1, 1, "Y007")
    assert result.exit_code == 1


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "bom.yaml").write_bytes(b"\xef\xbb\xbf" + MINIMAL)
    result = run_cli("validate", "model", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ok Mini:")


def test_file_over_size_limit(tmp_path: Path) -> None:
    big = MINIMAL + b"# " + b"x" * (3 * 1024 * 1024) + b"\n"
    result = _validate(tmp_path, "big.yaml", big)
    [p] = json.loads(result.stdout)
    assert p["code"] == "Y006" and "limit" in p["message"]


def test_control_characters(tmp_path: Path) -> None:
    result = _validate(tmp_path, "ctl.yaml", b"proposal: \x07bell\n")
    [p] = json.loads(result.stdout)
    assert p["code"] == "Y001" and p["line"] == 1


def test_yaml_12_core_scalars_keep_text(tmp_path: Path) -> None:
    """`no` stays a string, `3.10` stays `3.10`, `0755` stays `0755` where text is expected."""
    from generator.load.model_loader import load_model

    text = MINIMAL.replace(b"name: Mini\n", b"name: 3.10\n", 1).replace(b"name: User", b"name: no", 1)
    text = text.replace(b"technology: Python", b"technology: 0755", 1)
    (tmp_path / "m.yaml").write_bytes(text)
    model = load_model(tmp_path / "m.yaml").model
    assert model.proposal.name == "3.10"
    assert model.people[0].name == "no"
    assert model.containers[0].technology == "0755"


def test_unsafe_tag_never_executes(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    data = f'proposal: !!python/object/apply:os.system ["touch {marker}"]\n'.encode()
    result = _validate(tmp_path, "evil.yaml", data)
    assert result.exit_code == 1
    assert not marker.exists()
    assert json.loads(result.stdout)[0]["code"] == "Y003"


def test_every_file_reports_its_own_errors(tmp_path: Path) -> None:
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "a.yaml").write_text("proposal: {name: x\n")
    (tmp_path / "model" / "b.yaml").write_text("a: 1\na: 2\n")
    result = run_cli("validate", "model", "--format", "json", cwd=tmp_path)
    found = [(p["file"], p["code"]) for p in json.loads(result.stdout)]
    assert found == [("model/a.yaml", "Y001"), ("model/b.yaml", "Y002")]


def test_section_in_two_files(tmp_path: Path) -> None:
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "a.yaml").write_bytes(MINIMAL)
    (tmp_path / "model" / "b.yaml").write_text("proposal:\n  name: Again\n")
    result = run_cli("validate", "model", "--format", "json", cwd=tmp_path)
    [p] = json.loads(result.stdout)
    assert (p["file"], p["line"], p["column"], p["code"]) == ("model/b.yaml", 1, 1, "Y011")
    assert "model/a.yaml:1:1" in p["message"]


def test_list_sections_split_over_files_keep_their_locations(tmp_path: Path) -> None:
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "a.yaml").write_bytes(MINIMAL)
    (tmp_path / "model" / "b.yaml").write_text(
        "people:\n  - id: admin\n    name: Admin\n  - id: ghost\n    nam: Ghost\n"
    )
    result = run_cli("validate", "model", "--format", "json", cwd=tmp_path)
    found = [(p["file"], p["line"], p["column"], p["code"]) for p in json.loads(result.stdout)]
    assert found == [("model/b.yaml", 4, 5, "S101"), ("model/b.yaml", 5, 5, "S102")]
