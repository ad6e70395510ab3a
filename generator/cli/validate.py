"""`archgen validate` and `archgen schema`."""

import json
from collections import Counter
from pathlib import Path

import click

from generator.cli.common import (
    DiagFormat,
    diagnostics_as,
    format_option,
    model_argument,
    option,
    out,
    print_warnings,
    write_output,
)


def summary(loaded) -> str:
    m = loaded.model
    counts = [
        (len(m.people), "people" if len(m.people) != 1 else "person"),
        (len(m.systems), "systems"),
        (len(m.containers), "containers"),
        (len(m.components), "components"),
        (len(m.services), "services"),
        (len(m.relationships), "relationships"),
        (len(m.decisions), "decisions"),
    ]
    return f"{m.proposal.name}: " + ", ".join(f"{n} {label}" for n, label in counts)


@click.command()
@model_argument
@format_option
def validate(model: Path, fmt: DiagFormat) -> None:
    """Check the model: shape, references and values. Exit 0 valid, 1 invalid, 2 usage error."""
    # imported here: the model schema costs 0.4 s to import, which `--help` and `rules` do not need
    from generator.load.options import load_model_and_options

    with diagnostics_as(fmt):
        loaded, options = load_model_and_options(model)
    print_warnings(loaded.warnings, loaded.sources, fmt)
    if fmt is DiagFormat.json:
        kinds = Counter(s.kind for s in loaded.model.services)
        print(
            json.dumps(
                {
                    "ok": True,
                    "summary": summary(loaded),
                    "files": list(loaded.files),
                    "content_hash": loaded.content_hash,
                    "service_kinds": dict(sorted(kinds.items())),
                    "warnings": len(loaded.warnings),
                    "options": [o.info.id for o in options],
                },
                indent=2,
                sort_keys=True,
            )
        )
    else:
        extra = f"; {len(options)} option{'s' if len(options) != 1 else ''} valid" if options else ""
        out.print(f"ok {summary(loaded)}{extra}", markup=False)


@click.command()
@option(
    "--output", "-o", help="Where to write the JSON Schema; '-' for stdout.", default=Path("model/archgen.schema.json")
)
def schema(output: Path) -> None:
    """Write the JSON Schema of the model (for editor completion via yaml-language-server)."""
    # imported here: see validate
    from generator.json_schema import schema_bytes

    data = schema_bytes()
    write_output(output, data)


def register(group: click.Group) -> None:
    group.add_command(validate)
    group.add_command(schema)
