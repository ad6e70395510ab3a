"""`archgen guardrails`: the budget, billing alarm and Health -> SNS rule as CloudFormation."""

from pathlib import Path
from typing import Annotated

import typer

from generator.cli.common import ModelArg, out
from generator.errors import ArchgenError


def guardrails(
    model: ModelArg = Path("model"),
    output: Annotated[Path, typer.Option("--output", "-o", help="Template file; '-' for stdout.")] = Path("-"),
) -> None:
    """Emit a CloudFormation template for the cost guardrails the model declares (deploy in us-east-1)."""
    # imported here: the model schema costs 0.4 s to import, which `--help` does not need
    from generator.load.model_loader import load_model
    from generator.publish.staging import write_file_atomic
    from generator.render.guardrails import guardrails_yaml

    data = guardrails_yaml(load_model(model).model)
    if str(output) == "-":
        typer.echo(data.decode(), nl=False)
        return
    try:
        write_file_atomic(output, data)
    except OSError as exc:
        raise ArchgenError(
            f"cannot write {output.as_posix()}: {exc.strerror}", hint="choose a writable path with --output"
        ) from None
    out.print(f"wrote {output.as_posix()}", markup=False)


def register(app: typer.Typer) -> None:
    app.command()(guardrails)
