"""One YAML file: decoded, parsed as YAML 1.2 with a source map, checked to be a mapping."""

from __future__ import annotations

from dataclasses import dataclass

from generator.diagnostics import Diagnostic, Location
from generator.parse.limits import Limits, NodeBudget
from generator.parse.sourcemap import SourceMap
from generator.parse.text import decode_source
from generator.parse.yaml12 import YamlProblem
from generator.parse.yaml_nodes import load_yaml


@dataclass
class ParsedFile:
    """One parsed YAML file: how messages name it, its data and its source map."""

    display: str
    data: dict
    source_map: SourceMap


def parse_file(
    raw: bytes,
    display: str,
    limits: Limits,
    sources: dict[str, str],
    budget: NodeBudget | None = None,
    list_offsets: dict[str, int] | None = None,
) -> ParsedFile:
    """Decode and parse one YAML file; raise SourceRejected/YamlProblem with a located diagnostic.

    `list_offsets`: where each top-level list section's items continue from earlier files."""
    text = decode_source(raw, display, limits)
    sources[display] = text
    data, source_map = load_yaml(text, display, limits, budget, list_offsets)
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        raise YamlProblem(
            Diagnostic(
                source_map.values.get((), Location(display, 1, 1)),
                "Y009",
                f"the file's top level is {kind}, but must be a mapping of model sections",
                hint="start the file with section keys such as `services:` or `proposal:`",
            )
        )
    return ParsedFile(display, data, source_map)


def as_tuples(value):
    """Lists become tuples: the schema is frozen, and strict mode takes tuples for sequences."""
    if isinstance(value, dict):
        return {k: as_tuples(v) for k, v in value.items()}
    if isinstance(value, list):
        return tuple(as_tuples(v) for v in value)
    return value
