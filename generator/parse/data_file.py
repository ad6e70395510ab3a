"""Load one of archgen's own YAML data files (prices, framework, SLAs, quotas) with located errors."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from generator.diagnostics import Diagnostic, Location
from generator.errors import ModelInvalid
from generator.parse import yaml_nodes
from generator.parse.data_cache import load_cached
from generator.parse.limits import DEFAULT_LIMITS
from generator.parse.pydantic_errors import diagnostics_from
from generator.parse.text import SourceRejected
from generator.parse.yaml12 import YamlProblem
from generator.parse.yaml_file import as_tuples, parse_file

T = TypeVar("T", bound=BaseModel)


# libyaml with its YAML 1.1 rules: a value they read differently from YAML 1.2 (`no`, `3.10`, a date)
# has a type the strict schema refuses where text is meant, and that file falls back to the located
# YAML 1.2 reader; archgen's data files quote every date and version and write no octal numbers.
_FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_data_file(path: Path, schema: type[T], display: str | None = None) -> T:
    """The data file as `schema`; any problem is a located diagnostic.

    archgen's own files are valid in every release; each is validated once per machine and then read
    from the user's cache (parse/data_cache.py).
    """
    return load_cached(path, schema, lambda data: load_data(data, schema, display or path.name))


def load_data(data: bytes, schema: type[T], display: str) -> T:
    """`load_data_file` for text already in memory (a catalogue checked before it is written).

    With archgen's C reader the located reading is itself the fast one (five times libyaml's own
    PyYAML loader: 5 ms instead of 24 ms for the six catalogues, on every command)."""
    if not yaml_nodes.C_READER:
        try:
            return schema.model_validate(as_tuples(yaml.load(data, Loader=_FAST)))
        except Exception:  # noqa: BLE001 - any doubt: the located reader below reports it properly
            pass
    sources: dict[str, str] = {}
    try:
        parsed = parse_file(data, display, DEFAULT_LIMITS, sources)
    except (SourceRejected, YamlProblem) as exc:
        raise ModelInvalid([exc.diagnostic], sources) from None
    try:
        return schema.model_validate(as_tuples(parsed.data))
    except ValidationError as exc:
        diags = diagnostics_from(exc, parsed.data, parsed.source_map, schema, Location(display, 1, 1))
        raise ModelInvalid(sorted(set(diags), key=Diagnostic.sort_key), sources) from None
