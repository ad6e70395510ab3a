"""Where requests enter the AWS deployment and how they travel between services (pure, over the index).

The deployment view draws these flows and the availability estimate follows them; neither owns them.
"""

from __future__ import annotations

import weakref
from collections import deque
from dataclasses import dataclass

from generator.index import ModelIndex
from generator.schema.c4 import Person

CLIENT_KINDS = frozenset({"spa", "mobile_app"})


@dataclass(frozen=True)
class Flow:
    """One hop between deployed things: people, services or external systems."""

    source: str
    target: str
    technology: str
    interaction: str  # sync | async


@dataclass(frozen=True)
class Deployment:
    """The flows between what runs, and who and what outside AWS takes part in them."""

    people: frozenset[str]
    externals: frozenset[str]
    flows: tuple[Flow, ...]


def fronting(index: ModelIndex) -> dict[str, str]:
    """Service id -> the service directly in front of it (DNS aside: it names, it does not carry traffic)."""
    return {b: s.id for s in index.model.services if s.kind not in ("route53",) for b in s.fronts}


def fronted_chain(front: dict[str, str], service_id: str) -> list[str]:
    """`service_id`, then the service in front of it, and so on outwards (a cycle ends the chain)."""
    chain = [service_id]
    while chain[-1] in front and front[chain[-1]] not in chain:
        chain.append(front[chain[-1]])
    return chain


def entry_service(front: dict[str, str], service_id: str) -> str:
    """The outermost service in front of `service_id` (CloudFront before S3, ALB before ECS)."""
    return fronted_chain(front, service_id)[-1]


def client_people(index: ModelIndex) -> set[str]:
    """People who use a browser or mobile client container."""
    clients = {c.id for c in index.model.containers if c.kind in CLIENT_KINDS}
    people = {p.id for p in index.model.people}
    return {r.source for r in index.model.relationships if r.destination in clients and r.source in people}


def _sources(index: ModelIndex, element_id: str) -> list[str]:
    """Where a flow starts in the deployment: the hosting service, or the people using a client app."""
    container = index.container_of(element_id)
    if container is None:
        element = index.elements.get(element_id)
        is_person = isinstance(element, Person)
        return [element_id] if is_person or getattr(element, "external", False) else []
    c = index.elements[container]
    if getattr(c, "kind", None) in CLIENT_KINDS:
        people = {p.id for p in index.model.people}
        return sorted(r.source for r in index.model.relationships if r.destination == container and r.source in people)
    return [c.hosted_on] if c.hosted_on else []


def _target(index: ModelIndex, element_id: str, front: dict[str, str] | None) -> str:
    """What a flow to `element_id` reaches: its host, or (from outside AWS, `front` given) its entry."""
    container = index.container_of(element_id)
    if container is None:
        return element_id
    host = index.elements[container].hosted_on
    if host is None:
        return element_id
    return entry_service(front, host) if front is not None else host


def _people_in_flows(index: ModelIndex) -> frozenset[str]:
    people = {p.id for p in index.model.people}
    found = set()
    for r in index.model.relationships:
        for source in _sources(index, r.source):
            if source in people and index.container_of(r.destination):
                found.add(source)
    return frozenset(found)


def _external_systems_in_flows(index: ModelIndex) -> frozenset[str]:
    externals = {s.id for s in index.model.systems if s.external}
    return frozenset(
        r.destination for r in index.model.relationships if r.destination in externals and index.container_of(r.source)
    )


# Both are asked for by several rules, the availability estimate and the deployment view of one index:
# worked out once per index (it is immutable) and forgotten with it. Keyed by identity: an index
# hashes by value, which would walk the whole model.
_WORKED_OUT: dict[int, dict[str, object]] = {}


def _worked_out(index: ModelIndex) -> dict[str, object]:
    key = id(index)
    found = _WORKED_OUT.get(key)
    if found is None:
        found = _WORKED_OUT[key] = {}
        weakref.finalize(index, _WORKED_OUT.pop, key, None)  # before the identity can be reused
    return found


def deployment_flows(index: ModelIndex) -> Deployment:
    """Every hop: services to what they front, then each relationship lifted onto what hosts its ends."""
    memo = _worked_out(index)
    if "flows" not in memo:
        memo["flows"] = _deployment_flows(index)
    return memo["flows"]


def request_path(index: ModelIndex) -> list[str]:
    """The model's stated request path, or the services reached synchronously from people, breadth first."""
    memo = _worked_out(index)
    if "path" not in memo:
        memo["path"] = tuple(_request_path(index))
    return list(memo["path"])


def _deployment_flows(index: ModelIndex) -> Deployment:
    people, externals = _people_in_flows(index), _external_systems_in_flows(index)
    visible = people | externals | set(index.services)
    flows = [Flow(s.id, behind, "", "sync") for s in index.model.services for behind in s.fronts]
    front = fronting(index)  # built once: every flow from outside AWS looks its entry up
    for r in index.model.relationships:
        for source in _sources(index, r.source):
            target = _target(index, r.destination, None if source in index.services else front)
            if source in visible and target in visible and source != target:
                flows.append(Flow(source, target, r.technology, r.interaction))
    return Deployment(people, externals, tuple(flows))


def _request_path(index: ModelIndex) -> list[str]:
    stated = index.model.well_architected.request_path
    if stated:
        return list(stated)
    people = {p.id for p in index.model.people}
    sync = [f for f in deployment_flows(index).flows if f.interaction == "sync"]
    calls: dict[str, list[str]] = {}
    for f in sync:
        calls.setdefault(f.source, []).append(f.target)
    reached: dict[str, None] = {}
    frontier = deque(f.target for f in sync if f.source in people)
    while frontier:
        current = frontier.popleft()
        if current in reached or current not in index.services:
            continue
        reached[current] = None
        frontier.extend(calls.get(current, ()))
    return list(reached)
