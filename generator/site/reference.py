"""The model reference, generated from the JSON Schema (itself generated from the pydantic types)."""

from __future__ import annotations

import html

from generator.json_schema import model_json_schema
from generator.views.table import Table


def _type_of(prop: dict) -> str:
    if "$ref" in prop:
        return prop["$ref"].rsplit("/", 1)[-1]
    if "enum" in prop:
        return " \\| ".join(f"`{v}`" for v in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    if "anyOf" in prop:
        parts = [_type_of(p) for p in prop["anyOf"] if p.get("type") != "null"]
        return " or ".join(dict.fromkeys(parts)) + (" (optional)" if any(p.get("type") == "null" for p in prop["anyOf"]) else "")
    kind = prop.get("type", "any")
    if kind == "array":
        return f"list of {_type_of(prop.get('items', {}))}"
    if kind == "object":
        return f"mapping of {_type_of(prop.get('additionalProperties', {}))}" if "additionalProperties" in prop else "mapping"
    return kind


def reference_sections() -> list[tuple[str, str, Table]]:
    schema = model_json_schema()
    defs = schema.get("$defs", {})
    sections = [("Model", schema.get("description", ""), _table(schema, set()))]
    for name in sorted(defs):
        d = defs[name]
        if "properties" in d:
            sections.append((name, d.get("description", ""), _table(d, set(d.get("required", [])))))
    return sections


def _own_markdown(text: str) -> str:
    """archgen's own field docstrings are Markdown (code spans for values): one table cell, rendered."""
    return html.escape(text, quote=False).replace("|", "&#124;").replace("\n", " ")


def _table(d: dict, required: set[str]) -> Table:
    rows = []
    for field, prop in d.get("properties", {}).items():
        rows.append((f"{field}", _type_of(prop), "yes" if field in required else "",
                     _own_markdown(prop.get("description", ""))))
    return Table(("Field", "Type", "Required", "Description"), tuple(rows))
