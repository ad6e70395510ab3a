"""`archgen guardrails`: the budget, billing alarm and Health -> SNS rule as CloudFormation."""

from pathlib import Path

import click

from generator.cli.common import model_argument, option, write_output


@click.command()
@model_argument
@option("--output", "-o", help="Template file; '-' for stdout.", default=Path("-"))
def guardrails(model: Path, output: Path) -> None:
    """Emit a CloudFormation template for the cost guardrails the model declares (deploy in us-east-1)."""
    # imported here: the model schema costs 0.4 s to import, which `--help` does not need
    from generator.load.model_loader import load_model
    from generator.render.guardrails import guardrails_yaml

    data = guardrails_yaml(load_model(model).model)
    write_output(output, data)


def register(group: click.Group) -> None:
    group.add_command(guardrails)
