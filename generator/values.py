"""Value types every typed file shares (model and data catalogues): strict models, ids, text, quantities."""

from __future__ import annotations

import math
import os
import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from generator.diagnostics import CONTROL_CHARACTERS
from generator.parse.yaml12 import YamlFloat, YamlInt

MAX_QUANTITY = Decimal("1e12")
_ID = re.compile(r"^[a-z][a-z0-9_-]{0,62}$")


# Field descriptions come from the attribute docstrings, which pydantic reads by parsing each class's
# source again: 0.05 s on every command. Only generating the JSON Schema needs them, and the schema ships
# with archgen (generator/schema/archgen.schema.json): `python -m generator.json_schema` sets this to
# regenerate it, and a test checks the shipped file against the types.
WITH_DESCRIPTIONS = os.environ.get("ARCHGEN_SCHEMA_DESCRIPTIONS") == "1"


class Strict(BaseModel):
    """Every schema type: strict, no unknown fields, immutable, docstrings become descriptions."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, use_attribute_docstrings=WITH_DESCRIPTIONS)


class CatalogueData(Strict):
    """The types of archgen's own data files: validators are built only when a file is validated, which
    a command whose catalogues come from the user's cache never does (parse/data_cache.py)."""

    model_config = ConfigDict(defer_build=True)


_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+$"
)


def _as_text(value):
    """YAML wrote `3.10` or `010` where text was meant: keep the text as written. Control characters
    (terminal escapes, NUL) are refused: model text reaches terminals, DOT files and pages."""
    if isinstance(value, (YamlFloat, YamlInt)):
        return value.source
    if isinstance(value, str):
        bad = CONTROL_CHARACTERS.search(value)
        if bad:
            raise PydanticCustomError(
                "control_character",
                "text contains the control character U+{code} at position {position}; remove it",
                {"code": f"{ord(bad.group()):04X}", "position": bad.start() + 1},
            )
    return value


def _check_date(value: str) -> str:
    try:
        if len(value) != 10:
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError(
            "bad_date", "'{value}' is not a real date in the form YYYY-MM-DD", {"value": value}
        ) from None
    return value


def _check_email(value: str) -> str:
    if not _EMAIL.match(value) or len(value) > 254:
        raise PydanticCustomError("bad_email", "'{value}' is not an e-mail address", {"value": value})
    return value


def _check_id(value: str) -> str:
    if not _ID.match(value):
        raise PydanticCustomError(
            "bad_id",
            "id '{value}' must start with a lowercase letter and use only a-z, 0-9, '_' and '-' (at most 63 characters)",  # noqa: E501
            {"value": value},
        )
    return value


def _as_decimal(value):
    if isinstance(value, bool):
        raise PydanticCustomError("number_type", "expected a number, got true/false")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            raise PydanticCustomError("number_range", "expected a finite number, got {value}", {"value": value})
        source = getattr(value, "source", None) or repr(value)
        try:
            result = Decimal(source.replace("_", ""))
        except InvalidOperation:
            result = Decimal(repr(float(value)))
    else:
        raise PydanticCustomError("number_type", "expected a number, got {kind}", {"kind": type(value).__name__})
    return result


def _check_quantity(value: Decimal) -> Decimal:
    if value < 0:
        raise PydanticCustomError("number_range", "must not be negative (got {value})", {"value": str(value)})
    if value > MAX_QUANTITY:
        raise PydanticCustomError(
            "number_range",
            "{value} is implausibly large (the limit is 10^12); check the unit",
            {"value": f"{value:.3E}"},
        )
    return value


def _decimal_text(value):
    """Prices are written as quoted text ("0.0000166667") so they are exact; numbers are taken too."""
    if isinstance(value, str):
        if not re.fullmatch(r"\d+(\.\d+)?", value):
            raise PydanticCustomError("number_type", 'expected a price such as "0.20", got {value}', {"value": value})
        return Decimal(value)
    return _as_decimal(value)


Text = Annotated[str, BeforeValidator(_as_text), Field(max_length=20_000)]
Name = Annotated[str, BeforeValidator(_as_text), Field(min_length=1, max_length=200)]
# what the editor checks, as far as JSON Schema can say it (the validators above say it exactly)
_ID_SCHEMA = {"type": "string", "pattern": _ID.pattern, "maxLength": 63}
_QUANTITY_SCHEMA = {"type": "number", "minimum": 0, "maximum": int(MAX_QUANTITY)}
Id = Annotated[str, BeforeValidator(_as_text), AfterValidator(_check_id), WithJsonSchema(_ID_SCHEMA)]
Quantity = Annotated[
    Decimal, BeforeValidator(_as_decimal), AfterValidator(_check_quantity), WithJsonSchema(_QUANTITY_SCHEMA)
]
Money = Quantity
ExactPrice = Annotated[Decimal, BeforeValidator(_decimal_text), AfterValidator(_check_quantity)]
Percent = Annotated[
    Decimal, BeforeValidator(_as_decimal), Field(ge=0, le=1000), WithJsonSchema({"type": "number", "minimum": 0})
]
IsoDate = Annotated[
    str,
    BeforeValidator(_as_text),
    AfterValidator(_check_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]
Email = Annotated[
    str, BeforeValidator(_as_text), AfterValidator(_check_email), WithJsonSchema({"type": "string", "format": "email"})
]
Url = Annotated[str, Field(pattern=r"^https?://\S+$", max_length=2000)]
