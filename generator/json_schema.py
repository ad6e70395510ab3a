"""The JSON Schema of the model, generated from the pydantic types and their docstrings."""

from __future__ import annotations

import copy
import json
from functools import cache

from generator.schema import Model

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
    return schema


def schema_bytes() -> bytes:
    return (json.dumps(model_json_schema(), indent=2, sort_keys=True) + "\n").encode()
