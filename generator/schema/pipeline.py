"""The CI/CD pipeline: ordered stages with the services and tools in each."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.values import Id, Name, Strict, Text


class Stage(Strict):
    id: Id
    """Unique id, e.g. `source`, `build`, `deploy`."""
    name: Name
    """Display name."""
    description: Text = ""
    """What happens in this stage."""
    services: tuple[Id, ...] = ()
    """AWS services (ids in `services`) used in this stage."""
    systems: tuple[Id, ...] = ()
    """External systems used (e.g. `github`)."""
    tools: tuple[Name, ...] = ()
    """Other tools, e.g. "pytest", "docker buildx"."""
    deploys: tuple[Id, ...] = ()
    """Containers this stage deploys."""


class Pipeline(Strict):
    name: Name = "Delivery pipeline"
    """Display name."""
    infrastructure_as_code: (
        Literal["cloudformation", "cdk", "sam", "terraform", "opentofu", "pulumi", "serverless_framework", "copilot"]
        | None
    ) = None
    """The tool that creates and changes the infrastructure from code in version control."""
    stages: tuple[Stage, ...] = Field(min_length=1)
    """Stages in order."""
