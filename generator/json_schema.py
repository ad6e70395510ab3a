"""The JSON Schema of the model, generated from the pydantic types and their docstrings.

It ships with archgen (generator/schema/archgen.schema.json): commands read that file instead of
generating it on every run, which needs the docstrings that pydantic only reads when asked to
(values.WITH_DESCRIPTIONS). After changing a schema type, regenerate it:

    python -m generator.json_schema          # writes the shipped file
    python -m generator.json_schema --check  # exit 1 when it is out of date (the test suite does this)
"""

from __future__ import annotations

import json
import os
import sys
from functools import cache
from pathlib import Path

from generator.catalogue.service_kinds import SERVICE_KINDS
from generator.schema import Model
from generator.schema.option import OptionInfo

SCHEMA_ID = "https://archgen.dev/schema/model.json"
SHIPPED = Path(__file__).resolve().parent / "schema" / "archgen.schema.json"
DESCRIPTIONS = "ARCHGEN_SCHEMA_DESCRIPTIONS"  # see values.WITH_DESCRIPTIONS


def model_json_schema() -> dict:
    """The shipped schema, a fresh copy for the caller to keep or change (parsing it again is cheaper
    than a deep copy of the parsed one)."""
    return json.loads(SHIPPED.read_bytes())


@cache
def _shipped() -> dict:
    return json.loads(SHIPPED.read_bytes())


@cache
def schema_bytes() -> bytes:
    """The model's JSON Schema as archgen writes it (model/archgen.schema.json, `archgen schema`): keys
    sorted. The shipped file keeps the types' own order, which the reference page follows."""
    return (json.dumps(_shipped(), indent=2, sort_keys=True) + "\n").encode()


def generated_schema_bytes() -> bytes:
    """The schema generated from the types now, in their order; in a process started with DESCRIPTIONS=1."""
    from generator.values import WITH_DESCRIPTIONS  # noqa: PLC0415 - only the generator asks

    if not WITH_DESCRIPTIONS:
        raise RuntimeError(f"generate the schema in a process started with {DESCRIPTIONS}=1")
    return (json.dumps(_generated(), indent=2) + "\n").encode()


def _generated() -> dict:
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


def _generate_in_a_new_process() -> bytes:
    import subprocess  # noqa: PLC0415 - a development command only

    code = "import sys; from generator.json_schema import generated_schema_bytes as g; sys.stdout.buffer.write(g())"
    run = subprocess.run(
        [sys.executable, "-c", code], env={**os.environ, DESCRIPTIONS: "1"}, capture_output=True, check=True
    )
    return run.stdout


def main(argv: list[str]) -> int:
    fresh = _generate_in_a_new_process()
    if argv == ["--check"]:
        if fresh == SHIPPED.read_bytes():
            return 0
        print(f"{SHIPPED} is out of date: run python -m generator.json_schema", file=sys.stderr)
        return 1
    SHIPPED.write_bytes(fresh)
    print(f"wrote {SHIPPED}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
