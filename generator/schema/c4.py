"""C4 elements: people, software systems, containers, components and the relationships between them."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.values import Id, Name, Strict, Text

ContainerKind = Literal[
    "web_app",
    "spa",
    "mobile_app",
    "api",
    "worker",
    "function",
    "datastore",
    "database",
    "cache",
    "queue",
    "topic",
    "bucket",
    "identity",
    "scheduler",
    "gateway",
    "cdn",
    "other",
]


class Person(Strict):
    id: Id
    """Unique id used in relationships, e.g. `user`."""
    name: Name
    """Display name."""
    description: Text = ""
    """Who they are and what they need from the system."""
    external: bool = True
    """Outside the organisation building the system (customers) rather than staff."""


class SoftwareSystem(Strict):
    id: Id
    """Unique id, e.g. `cruddur` or `honeycomb`."""
    name: Name
    """Display name."""
    description: Text = ""
    """What the system does."""
    external: bool = False
    """Owned by a third party (SaaS, another team); external systems have no containers here."""
    url: str | None = None
    """Link to the third party's site or documentation."""


class Container(Strict):
    id: Id
    """Unique id, e.g. `backend_api`."""
    name: Name
    """Display name."""
    system: Id
    """The internal software system this container belongs to."""
    kind: ContainerKind
    """What kind of deployable unit this is."""
    technology: Text = ""
    """Language, framework or product, e.g. "Python / Flask"."""
    description: Text = ""
    """Its responsibility."""
    hosted_on: Id | None = None
    """Id of the AWS service (in `services`) that runs or stores this container."""
    group: Name | None = None
    """A group of containers drawn together (a domain or team); large views split along groups."""


class Component(Strict):
    id: Id
    """Unique id."""
    name: Name
    """Display name."""
    container: Id
    """The container this component lives in."""
    technology: Text = ""
    """Module, library or pattern."""
    group: Name | None = None
    """A group of components drawn together; large views split along groups."""
    description: Text = ""
    """Its responsibility."""


class Relationship(Strict):
    source: Id = Field(alias="from")
    """Id of the element that initiates (person, system, container or component)."""
    destination: Id = Field(alias="to")
    """Id of the element that is used."""
    description: Text
    """What happens, as a verb phrase: "reads and writes activities"."""
    technology: Text = ""
    """Protocol or technology, e.g. "HTTPS/JSON" or "SQL/TLS"."""
    interaction: Literal["sync", "async"] = "sync"
    """Synchronous request/response or asynchronous messaging."""
