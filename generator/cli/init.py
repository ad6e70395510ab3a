"""`archgen init [DIR]`: a new project that builds right away (asks nothing; flags for the choices)."""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path
from string import Template

import click

from generator.cli.common import argument, option, out
from generator.errors import UsageError

STARTER = Path(__file__).resolve().parent / "starter"
# starter template -> where it goes in the new project
FILES = {
    "model/model.yaml.tmpl": "model/model.yaml",
    "mkdocs.yml.tmpl": "mkdocs.yml",
    "workflows/architecture.yml.tmpl": ".github/workflows/architecture.yml",
    "workflows/architecture-comment.yml.tmpl": ".github/workflows/architecture-comment.yml",
    "workflows/publish.yml.tmpl": ".github/workflows/publish.yml",
    "pre-commit-config.yaml.tmpl": ".pre-commit-config.yaml",
    "README-architecture.md.tmpl": "README.md",
}


class Program(str, Enum):
    legacy = "legacy"
    free_plan = "free_plan"
    none = "none"


@click.command()
@argument("directory", "Folder of the new project (created if missing).", Path("."))
@option("--name", help="The system's name.", default="My system", type=str)
@option("--region", help="Primary AWS region: one the price catalogue covers.", default="us-east-1", type=str)
@option("--free-tier", help="The account's free-tier program.", default=Program.none)
def init(directory: Path, name: str, region: str, free_tier: Program) -> None:
    """Start a project: a minimal valid model with comments, mkdocs.yml, the two workflows, pre-commit."""
    if not re.fullmatch(r"[^\x00-\x1f\x7f\"'\\$]{1,80}", name):
        raise UsageError(
            f"--name {name!r} cannot be used", hint="use up to 80 characters, no quotes, $ or control characters"
        )
    if not re.fullmatch(r"[a-z]{2}(-[a-z]+)+-\d", region):
        raise UsageError(f"--region {region!r} is not an AWS region id", hint="for example us-east-1")
    _refuse_unpriced_region(region)
    targets = {rel: directory / dest for rel, dest in FILES.items()}
    existing = [p.as_posix() for rel, p in targets.items() if p.exists() and not rel.startswith("README")]
    if existing:
        raise UsageError(f"{', '.join(existing)} already exist(s)", hint="run init in a new or empty folder")
    values = {"name": name, "region": region, "program": free_tier.value}
    try:
        for rel, target in targets.items():
            text = Template((STARTER / rel).read_text()).substitute(values)
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.name == "README.md" and target.exists():
                text = target.read_text().rstrip() + "\n\n" + text
            target.write_text(text)
    except OSError as exc:
        raise UsageError(
            f"cannot write into {directory.as_posix()}: {exc.strerror}", hint="choose a folder you can write to"
        ) from None
    out.print(
        f"created {name} in {directory.as_posix()}/: model/, mkdocs.yml, .github/workflows/, "
        f".pre-commit-config.yaml\nnext: cd {directory.as_posix()} && archgen build",
        markup=False,
    )


def _refuse_unpriced_region(region: str) -> None:
    """A project whose first build would stop at C102 (a region without prices) is not started."""
    # imported here: `archgen --help` imports this module, and only running init needs the catalogue
    from generator.catalogue.prices import default_catalogue

    priced = default_catalogue().catalogue.regions
    if region not in priced:
        raise UsageError(
            f"--region {region}: archgen's price catalogue has no prices for it, so the first build would "
            "refuse the model (C102) rather than price it at another region's rates",
            hint=f"choose one of {', '.join(priced)}",
        )


def register(group: click.Group) -> None:
    group.add_command(init)
