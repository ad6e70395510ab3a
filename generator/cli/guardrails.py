"""`archgen guardrails`: the budget, billing alarm and Health -> SNS rule as CloudFormation."""

from pathlib import Path
from typing import Annotated

import typer

from generator.cli.common import ModelArg, write_output


def guardrails(
    model: ModelArg = Path("model"),
    output: Annotated[Path, typer.Option("--output", "-o", help="Template file; '-' for stdout.")] = Path("-"),
) -> None:
    """Emit a CloudFormation template for the cost guardrails the model declares (deploy in us-east-1)."""
    # imported here: the model schema costs 0.4 s to import, which `--help` does not need
    from generator.load.model_loader import load_model
    from generator.render.guardrails import guardrails_yaml

    data = guardrails_yaml(load_model(model).model)
    write_output(output, data)


def register(app: typer.Typer) -> None:
    app.command()(guardrails)
