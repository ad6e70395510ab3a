"""The AWS service kinds a model may use, read from catalogue/data/service_kinds.yaml (one entry per kind)."""

from __future__ import annotations

from functools import cache, cached_property
from pathlib import Path
from typing import Literal

from pydantic import Field

from generator.parse.data_file import load_data_file
from generator.values import CatalogueData, Name, Text

PATH = Path(__file__).resolve().parent / "data" / "service_kinds.yaml"
FALLBACK_ICON = "general.General"
Category = Literal[
    "edge",
    "network",
    "compute",
    "data",
    "integration",
    "observability",
    "security",
    "devtools",
    "governance",
    "generic",
]
Role = Literal[
    "compute",
    "datastore",
    "messaging",
    "network",
    "edge",
    "identity",
    "observability",
    "delivery",
    "governance",
    "on_premises",
    "other",
]


class UsageKey(CatalogueData):
    """One usage key a kind takes: what it measures per month, and whether it counts per resource or in total."""

    description: Text
    per: Literal["resource", "total"] = "total"
    optional: bool = False  # the estimate is complete without it
    scales: bool = True  # false: provisioned things or durations, which a traffic multiplier leaves alone


class ServiceKind(CatalogueData):
    title: Name
    category: Category
    roles: tuple[Role, ...] = Field(min_length=1)
    icon: Name  # "module.Class" under diagrams.aws
    scope: Literal["regional", "global"] = "regional"
    hosts: bool = True  # a container may run on it or be held by it
    stateful: bool = False
    public_endpoint: bool = False
    usage_keys: dict[str, UsageKey] = Field(default_factory=dict, alias="usage")
    compute_dimensions: tuple[str, ...] = ()  # what commitments and Spot discount
    graviton: bool = False  # offers arm64 (Graviton)
    commitment: Literal["reserved", "savings_plan"] | None = None  # how a steady workload is discounted
    redundancy: Literal["multi_az", "count_and_az", "managed"] = "managed"  # what makes it survive an AZ loss

    @cached_property
    def usage(self) -> tuple[tuple[str, str], ...]:
        """(key, description) pairs in the data file's order."""
        return tuple((key, u.description) for key, u in self.usage_keys.items())


class KindCatalogue(CatalogueData):
    kinds: dict[str, ServiceKind]


SERVICE_KINDS: dict[str, ServiceKind] = dict(load_data_file(PATH, KindCatalogue).kinds)


def usage_dimensions(kind: str) -> dict[str, str]:
    return dict(SERVICE_KINDS[kind].usage) if kind in SERVICE_KINDS else {}


@cache
def required_usage(kind: str) -> tuple[str, ...]:
    """The usage keys an estimate of this kind is incomplete without."""
    found = SERVICE_KINDS.get(kind)
    return tuple(k for k, u in found.usage_keys.items() if not u.optional) if found else ()
