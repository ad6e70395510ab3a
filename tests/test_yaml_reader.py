"""The YAML reader: aliases expand into copies with their own locations; list items of a model split
over files keep the numbering (and the locations) of the merged list."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Location
from generator.load.model_loader import read_model
from generator.parse.limits import DEFAULT_LIMITS
from generator.parse.yaml_nodes import load_yaml


def test_an_alias_is_an_independent_copy_located_at_its_anchor() -> None:
    text = "base: &b {size: 1, tags: [x]}\nother: *b\n"
    data, source_map = load_yaml(text, "f.yaml", DEFAULT_LIMITS)
    assert data["other"] == data["base"] and data["other"] is not data["base"]
    data["other"]["tags"].append("y")
    assert data["base"]["tags"] == ["x"]
    assert source_map.values[("other", "size")] == Location("f.yaml", 1, 17)
    assert source_map.keys[("other", "tags")] == Location("f.yaml", 1, 20)
    assert source_map.values[("other",)] == Location("f.yaml", 2, 8)


def test_scalars_resolve_by_yaml_1_2_core_rules() -> None:
    text = "a: no\nb: 3.10\nc: 0o17\nd: ~\ne: true\nf: '1'\ng: word\nh: -.inf\n"
    data, _ = load_yaml(text, "f.yaml", DEFAULT_LIMITS)
    assert data["a"] == "no" and data["b"] == 3.1 and data["b"].source == "3.10"
    assert data["c"] == 15 and data["d"] is None and data["e"] is True
    assert data["f"] == "1" and data["g"] == "word" and data["h"] == float("-inf")


def test_list_items_split_over_files_are_located_in_their_own_file(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("people:\n  - {id: one, name: One}\n  - {id: two, name: Two}\n")
    (tmp_path / "b.yaml").write_text("people:\n  - {id: three, name: Three}\n")
    raw = read_model(tmp_path, base=tmp_path)
    assert [p["id"] for p in raw.data["people"]] == ["one", "two", "three"]
    assert raw.source_map.values[("people", 2, "id")] == Location("b.yaml", 2, 10)
    assert raw.source_map.values[("people", 1, "id")] == Location("a.yaml", 3, 10)
    assert raw.source_map.keys[("people",)] == Location("a.yaml", 1, 1)
