"""Turn pydantic validation errors into located diagnostics with stable codes and hints."""

from __future__ import annotations

import re
import types
import typing

from pydantic import BaseModel, ValidationError

from generator.diagnostics import Diagnostic, Location
from generator.parse.sourcemap import SourceMap
from generator.parse.suggest import did_you_mean

_TYPE_ERRORS = {
    "string_type",
    "int_type",
    "bool_type",
    "float_type",
    "decimal_type",
    "model_type",
    "dict_type",
    "list_type",
    "tuple_type",
    "number_type",
    "model_attributes_type",
    "int_from_float",
    "none_required",
    "is_instance_of",
}
_RANGE_ERRORS = {
    "greater_than",
    "greater_than_equal",
    "less_than",
    "less_than_equal",
    "number_range",
    "too_short",
    "too_long",
    "string_too_long",
    "string_too_short",
    "decimal_max_digits",
}


def _data_path(data, loc: tuple) -> tuple:
    """Keep the parts of a pydantic loc that navigate the data (drop union/validator tags)."""
    path: list = []
    node = data
    for part in loc:
        if (
            isinstance(node, dict)
            and isinstance(part, str)
            and part in node
            or isinstance(node, (list, tuple))
            and isinstance(part, int)
            and 0 <= part < len(node)
        ):
            path.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str):
            path.append(part)  # a missing or extra key: the last step
            node = None
        else:
            continue
    return tuple(path)


def _unwrap(annotation):
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            if arg is not type(None):
                return _unwrap(arg)
    return annotation


def _model_at(root: type[BaseModel], path: tuple):
    """The pydantic model class that describes the mapping at `path`, if any."""
    current = root
    for part in path:
        current = _unwrap(current)
        origin = typing.get_origin(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = next((f for n, f in current.model_fields.items() if (f.alias or n) == part), None)
            if field is None:
                return None
            current = field.annotation
        elif origin in (tuple, list):
            current = typing.get_args(current)[0]
        elif origin is dict:
            current = typing.get_args(current)[1]
        else:
            return None
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _field_names(model: type[BaseModel]) -> list[str]:
    return [f.alias or n for n, f in model.model_fields.items()]


def _expected_literals(ctx: dict) -> list[str]:
    return re.findall(r"'([^']*)'", str(ctx.get("expected", "")))


def _where(path: tuple, data=None) -> str:
    """A readable path: `services[api].sizing` (list items by their id where they have one)."""
    parts: list[str] = []
    node = data
    for part in path:
        if isinstance(part, int):
            item = node[part] if isinstance(node, list) and part < len(node) else None
            label = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else part
            parts.append(f"[{label}]")
            node = item
        else:
            parts.append(("." if parts else "") + str(part))
            node = node.get(part) if isinstance(node, dict) else None
    return "".join(parts) or "the root"


# Schema errors turned into full diagnostics (location, hint); beyond this they are counted, so a file
# of tens of thousands of bad entries is reported in well under a second.
MAX_ANALYSED = 1000


def _unknown_field_hint(field: str, allowed: list[str], value) -> str:
    """A likely spelling, else the allowed fields; a key with no value is most often the tail of
    unquoted text with a comma in a `{...}` mapping (`why: fast, cheap` makes `cheap` a key)."""
    close = did_you_mean(field, allowed)
    if close:
        return close
    listed = f"allowed fields: {', '.join(allowed)}" if allowed else "remove it"
    if value is None:
        quoted = 'text with a comma must be quoted (why: "a, b")'
        return f"inside `{{...}}` a comma starts a new field, so {quoted}; otherwise {listed}"
    return listed


def diagnostics_from(
    error: ValidationError, data, source_map: SourceMap, root: type[BaseModel], fallback: Location
) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    errors = error.errors(include_url=False)
    for err in errors[:MAX_ANALYSED]:
        path = _data_path(data, tuple(err["loc"]))
        kind = err["type"]
        where = _where(path, data)
        field = path[-1] if path else ""
        if kind == "missing":
            parent = path[:-1]
            loc = source_map.nearest(parent) or fallback
            owner = _where(parent, data)
            out.append(
                Diagnostic(
                    loc, "S101", f"missing required field {field!r} in {owner}", hint=f"add `{field}:` to this mapping"
                )
            )
        elif kind == "extra_forbidden":
            loc = source_map.key(path) or source_map.nearest(path) or fallback
            model = _model_at(root, path[:-1])
            allowed = _field_names(model) if model else []
            hint = _unknown_field_hint(field, allowed, err.get("input"))
            out.append(Diagnostic(loc, "S102", f"unknown field {field!r} in {_where(path[:-1], data)}", hint=hint))
        elif kind in ("literal_error", "enum"):
            loc = source_map.nearest(path) or fallback
            choices = _expected_literals(err.get("ctx", {}))
            value = err.get("input")
            hint = did_you_mean(value, choices) or (
                f"choose one of: {', '.join(choices)}"
                if len(choices) <= 12
                else "see `archgen schema` for the allowed values"
            )
            out.append(Diagnostic(loc, "S104", f"{where}: {value!r} is not an allowed value", hint=hint))
        elif kind in _TYPE_ERRORS:
            loc = source_map.nearest(path) or fallback
            message = err["msg"].lower().replace("valid tuple", "list").replace("valid dictionary", "mapping")
            out.append(Diagnostic(loc, "S103", f"{where}: {message}", hint=f"got {_describe(err.get('input'))}"))
        elif kind in _RANGE_ERRORS:
            loc = source_map.nearest(path) or fallback
            out.append(
                Diagnostic(loc, "S105", f"{where}: {err['msg'].lower()}", hint="use a value in the allowed range")
            )
        else:
            loc = source_map.nearest(path) or fallback
            msg = err["msg"].removeprefix("Value error, ")
            hint = "ids look like `api_service` or `adr-001`" if kind == "bad_id" else "fix the value"
            out.append(Diagnostic(loc, "S104", f"{where}: {msg}", hint=hint))
    if len(errors) > MAX_ANALYSED:
        rest = len(errors) - MAX_ANALYSED
        out.append(
            Diagnostic(
                fallback,
                "S100",
                f"{rest:,} further schema problem(s) not analysed one by one (over {MAX_ANALYSED:,})",
                hint="fix the problems listed, then validate again",
            )
        )
    return out


def _describe(value) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (list, tuple)):
        return "a list"
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    text = getattr(value, "source", None) or repr(value)
    if len(text) > 40:
        text = text[:37] + "..."
    return f"{type(value).__name__.replace('Yaml', '').lower()} {text}"
