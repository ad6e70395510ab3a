"""Lookups over a validated model: elements by id, relations in and out, services by kind."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from generator.schema import Model
from generator.schema.aws import Service
from generator.schema.c4 import (
    Component,
    Container,
    Person,
    Relationship,
    SoftwareSystem,
)

Element = Person | SoftwareSystem | Container | Component


@dataclass(frozen=True)
class ModelIndex:
    """Lookups over a validated model (elements by id, relationships by end, what each service hosts)."""

    model: Model

    @cached_property
    def elements(self) -> dict[str, Element]:
        out: dict[str, Element] = {}
        for group in (self.model.people, self.model.systems, self.model.containers, self.model.components):
            for element in group:
                out.setdefault(element.id, element)
        return out

    @cached_property
    def services(self) -> dict[str, Service]:
        return {s.id: s for s in self.model.services}

    @cached_property
    def decisions(self):
        return {d.id: d for d in self.model.decisions}

    @cached_property
    def internal_systems(self) -> list[SoftwareSystem]:
        return [s for s in self.model.systems if not s.external]

    @cached_property
    def containers_by_system(self) -> dict[str, list[Container]]:
        out: dict[str, list[Container]] = defaultdict(list)
        for c in self.model.containers:
            out[c.system].append(c)
        return dict(out)

    @cached_property
    def components_by_container(self) -> dict[str, list[Component]]:
        out: dict[str, list[Component]] = defaultdict(list)
        for c in self.model.components:
            out[c.container].append(c)
        return dict(out)

    @cached_property
    def hosted(self) -> dict[str, list[Container]]:
        """Containers per hosting service id."""
        out: dict[str, list[Container]] = defaultdict(list)
        for c in self.model.containers:
            if c.hosted_on:
                out[c.hosted_on].append(c)
        return dict(out)

    @cached_property
    def services_by_kind(self) -> dict[str, list[Service]]:
        out: dict[str, list[Service]] = defaultdict(list)
        for s in self.model.services:
            out[s.kind].append(s)
        return dict(out)

    def of_kind(self, *kinds: str) -> list[Service]:
        """The services of these kinds, in model order."""
        if len(kinds) == 1:
            return list(self.services_by_kind.get(kinds[0], ()))
        return [s for s in self.model.services if s.kind in kinds]

    @cached_property
    def fronted_by(self) -> dict[str, list[Service]]:
        """Service id -> the services that sit in front of it (`fronts`), in model order."""
        out: dict[str, list[Service]] = defaultdict(list)
        for s in self.model.services:
            for target in s.fronts:
                out[target].append(s)
        return dict(out)

    @cached_property
    def outgoing(self) -> dict[str, list[Relationship]]:
        out: dict[str, list[Relationship]] = defaultdict(list)
        for r in self.model.relationships:
            out[r.source].append(r)
        return dict(out)

    @cached_property
    def incoming(self) -> dict[str, list[Relationship]]:
        out: dict[str, list[Relationship]] = defaultdict(list)
        for r in self.model.relationships:
            out[r.destination].append(r)
        return dict(out)

    @cached_property
    def relationships_touching(self) -> dict[str, list[int]]:
        """Element, container or system id -> positions (model order) of the relationships with an end
        in it: what a container or component view needs, without scanning every relationship.

        A system is touched only by the relationships that cross its boundary: inside it, both ends
        stand for the same system wherever it is drawn as one box, so they never make an edge there."""
        out: dict[str, list[int]] = defaultdict(list)
        for i, r in enumerate(self.model.relationships):
            ends = {r.source, r.destination}
            ends |= {self.container_of(e) for e in (r.source, r.destination)}
            systems = {self.system_of(e) for e in (r.source, r.destination)}
            if len(systems) > 1:
                ends |= systems
            for key in ends - {None}:
                out[key].append(i)
        return dict(out)

    @cached_property
    def _system_by_element(self) -> dict[str, str | None]:
        out: dict[str, str | None] = {}
        for element_id, element in self.elements.items():
            if isinstance(element, Component):
                container = self.elements.get(element.container)
                out[element_id] = container.system if isinstance(container, Container) else None
            elif isinstance(element, Container):
                out[element_id] = element.system
            else:
                out[element_id] = element_id
        return out

    @cached_property
    def _container_by_element(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for element_id, element in self.elements.items():
            if isinstance(element, Component):
                out[element_id] = element.container
            elif isinstance(element, Container):
                out[element_id] = element_id
        return out

    def system_of(self, element_id: str) -> str | None:
        """The software system an element belongs to (itself for people and systems)."""
        return self._system_by_element.get(element_id)

    def container_of(self, element_id: str) -> str | None:
        return self._container_by_element.get(element_id)

    def region_of(self, service: Service) -> str:
        return service.region or self.model.proposal.regions[0]

    def all_ids(self) -> set[str]:
        return set(self.elements) | set(self.services) | set(self.decisions)


def anchor_for(element_id: str) -> str:
    """The HTML id of an element's description on the site."""
    return "el-" + element_id.replace("_", "-")
