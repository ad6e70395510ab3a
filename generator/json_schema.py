"""The JSON Schema of the model, generated from the pydantic types and their docstrings."""

from __future__ import annotations

import copy
import json
from functools import cache

from generator.catalogue.service_kinds import SERVICE_KINDS
from generator.schema import Model
from generator.schema.option import OptionInfo

SCHEMA_ID = "https://archgen.dev/schema/model.json"


def model_json_schema() -> dict:
    return copy.deepcopy(_model_json_schema())


@cache
def _model_json_schema() -> dict:
    schema = Model.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "archgen model"
    # the model may be split over several files, each holding some of the sections: editors check
    # each file against the root without required sections; `archgen validate` checks the union.
    schema.pop("required", None)
    _option_sections(schema)
    _usage_keys_per_kind(schema["$defs"]["Service"])
    return schema


def _option_sections(schema: dict) -> None:
    """Option files (model/options/) hold `option:` and `remove:` beside the sections they change:
    one schema serves both kinds of file, so the editor accepts an option file too."""
    info = OptionInfo.model_json_schema(by_alias=True, ref_template="#/$defs/{model}")
    schema["$defs"].update(info.pop("$defs", {}))
    schema["$defs"]["OptionInfo"] = info
    schema["properties"]["option"] = {
        "$ref": "#/$defs/OptionInfo",
        "description": "Only in an option file (model/options/): what this alternative is.",
    }
    schema["properties"]["remove"] = {
        "type": "array",
        "items": {"type": "string", "pattern": r"^[a-z][a-z0-9_-]{0,62}$"},
        "description": "Only in an option file: ids of base elements this alternative removes.",
    }


def _usage_keys_per_kind(service: dict) -> None:
    """A service's usage keys are the ones its kind takes (the kind entries in service_kinds.yaml)."""
    service["allOf"] = [
        {
            "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
            "then": {"properties": {"usage": {"propertyNames": {"enum": sorted(entry.usage_keys)}}}},
        }
        for kind, entry in sorted(SERVICE_KINDS.items())
    ]


def schema_bytes() -> bytes:
    return (json.dumps(model_json_schema(), indent=2, sort_keys=True) + "\n").encode()
