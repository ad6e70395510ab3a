"""`archgen review`, `archgen rules` and `archgen explain`."""

import json
from enum import Enum
from pathlib import Path

import click

from generator.cli.common import argument, model_argument, option, out
from generator.cli.cost import analysed
from generator.errors import GateFailed, UsageError


class ReviewFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"
    github = "github"


class FailOn(str, Enum):
    high = "high"
    medium = "medium"


@click.command()
@model_argument
@option("--format", "-f", "fmt", help="Output format.", default=ReviewFormat.text)
@option("--fail-on", help="Exit 3 when unacknowledged findings reach this risk.", type=click.Choice(FailOn))
def review(model: Path, fmt: ReviewFormat, fail_on: FailOn | None) -> None:
    """Review the model against the six Well-Architected pillars: question risk, findings, availability, quotas."""
    # imported here: every command module loads with the CLI, so each keeps the others' cost off it
    from generator.render.review import (
        review_github,
        review_json,
        review_markdown,
        review_text,
    )

    a = analysed(model)
    rv = a.review
    if fmt is ReviewFormat.json:
        print(json.dumps(review_json(rv), indent=2, sort_keys=True))
    elif fmt is ReviewFormat.github:
        text = review_github(rv, a.loaded)
        if text:
            print(text)
    elif fmt is ReviewFormat.markdown:
        print(review_markdown(rv))
    else:
        out.print(review_text(rv), markup=False)
    if fail_on is not None:
        levels = {"high": ("HIGH",), "medium": ("HIGH", "MEDIUM")}[fail_on.value]
        blocking = [f for f in rv.findings if f.open and f.risk in levels]
        if blocking:
            raise GateFailed(
                f"gate: {len(blocking)} unacknowledged finding(s) at {fail_on.value} risk or above: "
                + ", ".join(f.key for f in blocking)
            )


@click.command()
def rules() -> None:
    """List the Well-Architected rule catalogue."""
    # imported here: every command module loads with the CLI, so each keeps the others' cost off it
    from generator.rules import RULES

    for r in RULES:
        out.print(f"{r.code:<8} {r.risk:<6} {r.pillar:<24} {r.title}  [{', '.join(r.practices)}]", markup=False)


@click.command()
@argument("code", "A rule code such as REL001.", type=str, required=True)
def explain(code: str) -> None:
    """Print a rule's documentation."""
    # imported here: every command module loads with the CLI, so each keeps the others' cost off it
    from generator.parse.suggest import did_you_mean
    from generator.rules import BY_CODE

    rule = BY_CODE.get(code.upper().lstrip("X"))
    if rule is None:
        raise UsageError(
            f"unknown rule {code!r}", hint=did_you_mean(code.upper(), BY_CODE) or "run `archgen rules` for the list"
        )
    out.print(
        f"{rule.code}: {rule.title}\npillar: {rule.pillar}  risk: {rule.risk}  "
        f"best practices: {', '.join(rule.practices)}\n\n{rule.doc}",
        markup=False,
    )


def register(group: click.Group) -> None:
    group.add_command(review)
    group.add_command(rules)
    group.add_command(explain)
