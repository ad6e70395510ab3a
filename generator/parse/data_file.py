"""Load one of archgen's own YAML data files (prices, framework, SLAs, quotas) with located errors."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from generator.diagnostics import Diagnostic, Location
from generator.errors import ModelInvalid
from generator.parse.limits import DEFAULT_LIMITS
from generator.parse.pydantic_errors import diagnostics_from
from generator.parse.text import SourceRejected
from generator.parse.yaml12 import YamlProblem
from generator.parse.yaml_file import as_tuples, parse_file

T = TypeVar("T", bound=BaseModel)


def load_data_file(path: Path, schema: type[T], display: str | None = None) -> T:
    display = display or path.name
    sources: dict[str, str] = {}
    try:
        parsed = parse_file(path.read_bytes(), display, DEFAULT_LIMITS, sources)
    except (SourceRejected, YamlProblem) as exc:
        raise ModelInvalid([exc.diagnostic], sources) from None
    try:
        return schema.model_validate(as_tuples(parsed.data))
    except ValidationError as exc:
        diags = diagnostics_from(exc, parsed.data, parsed.source_map, schema, Location(display, 1, 1))
        raise ModelInvalid(sorted(set(diags), key=Diagnostic.sort_key), sources) from None
