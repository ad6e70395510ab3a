"""The typed architecture model (pydantic v2, strict, frozen)."""

from __future__ import annotations

from generator.schema.aws import Service
from generator.schema.c4 import (
    Component,
    Container,
    Person,
    Relationship,
    SoftwareSystem,
)
from generator.schema.cost import CostSettings
from generator.schema.decisions import Decision
from generator.schema.gates import Gates
from generator.schema.pipeline import Pipeline
from generator.schema.proposal import Proposal
from generator.schema.views import Views
from generator.schema.wellarchitected import WellArchitected
from generator.values import Strict


class Model(Strict):
    """An architecture proposal: C4 elements, the AWS services that host them, cost, review and decisions."""

    proposal: Proposal
    """What is proposed, to whom."""
    people: tuple[Person, ...] = ()
    """People who use or operate the system."""
    systems: tuple[SoftwareSystem, ...]
    """Software systems: the one proposed and the external ones it uses."""
    containers: tuple[Container, ...] = ()
    """Deployable units of the internal systems."""
    components: tuple[Component, ...] = ()
    """Components inside containers."""
    relationships: tuple[Relationship, ...] = ()
    """Who uses what, how."""
    services: tuple[Service, ...] = ()
    """AWS services with placement, sizing, usage, pricing and justification."""
    decisions: tuple[Decision, ...] = ()
    """Architecture decision records."""
    cost: CostSettings = CostSettings()
    """Free tier, scenarios and budget."""
    pipeline: Pipeline | None = None
    """The CI/CD pipeline."""
    well_architected: WellArchitected = WellArchitected()
    """Answers to the Well-Architected questions and accepted findings."""
    views: Views = Views()
    """Layout hints per view."""
    gates: Gates = Gates()
    """Pull-request gates."""


TOP_LEVEL_LISTS = ("people", "systems", "containers", "components", "relationships", "services", "decisions")

__all__ = ["Model", "TOP_LEVEL_LISTS"]
