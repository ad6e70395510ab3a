"""Composite availability of the main user request path from published SLAs, in nines and downtime."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from generator.catalogue.service_kinds import SERVICE_KINDS
from generator.flows import request_path
from generator.index import ModelIndex
from generator.parse.data_file import load_data_file
from generator.placement import zones_used
from generator.values import CatalogueData, Name, Url

PATH = Path(__file__).resolve().parent.parent / "catalogue" / "data" / "slas.yaml"
HOURS_PER_MONTH = Decimal(730)
HOURS_PER_YEAR = Decimal(8760)


class Sla(CatalogueData):
    kind: Name
    multi: Name
    single: Name | None = None
    by_sizing: dict[Name, dict[Name, Name]] = {}  # a sizing field's value -> the SLA for that configuration
    source: Url

    def for_service(self, service, single: bool) -> str:
        """The figure for this configuration: a sizing variant (an S3 storage class), else single or multi."""
        for field, figures in self.by_sizing.items():
            value = getattr(service.sizing, field, None)
            if value in figures:
                return figures[value]
        return self.single if single and self.single else self.multi


class SlaCatalogue(CatalogueData):
    read: Name
    slas: tuple[Sla, ...]


@lru_cache(maxsize=1)
def sla_catalogue() -> SlaCatalogue:
    return load_data_file(PATH, SlaCatalogue)


@dataclass(frozen=True)
class PathStep:
    """One service on the request path: its published SLA and whether it is a single point of failure."""

    service: str
    kind: str
    sla_percent: Decimal | None
    single_point: bool
    source: str


@dataclass(frozen=True)
class AvailabilityEstimate:
    """The request path's composite availability: the product of its services' SLAs."""

    steps: tuple[PathStep, ...]
    composite: Decimal  # a fraction, e.g. 0.9985

    @property
    def percent(self) -> Decimal:
        return self.composite * 100

    @property
    def nines(self) -> float:
        return -math.log10(float(1 - self.composite)) if self.composite < 1 else float("inf")

    @property
    def downtime_month_minutes(self) -> Decimal:
        return (1 - self.composite) * HOURS_PER_MONTH * 60

    @property
    def downtime_year_hours(self) -> Decimal:
        return (1 - self.composite) * HOURS_PER_YEAR

    @property
    def single_points(self) -> list[str]:
        return [s.service for s in self.steps if s.single_point]


def _single(index: ModelIndex, service_id: str) -> bool:
    s = index.services[service_id]
    redundancy = SERVICE_KINDS[s.kind].redundancy
    if redundancy == "multi_az":
        return not s.placement.multi_az
    if redundancy == "count_and_az":
        # one task or instance is one place, whatever `multi_az` says: redundancy is what runs at the
        # scaling floor, in as many AZs as it has tasks (the rules read the same placement)
        return zones_used(s) < 2
    return False


def estimate_availability(index: ModelIndex) -> AvailabilityEstimate:
    slas = {s.kind: s for s in sla_catalogue().slas}
    steps = []
    composite = Decimal(1)
    for sid in request_path(index):
        service = index.services[sid]
        sla = slas.get(service.kind)
        single = _single(index, sid)
        if sla is None:
            steps.append(PathStep(sid, service.kind, None, single, ""))
            continue
        value = Decimal(sla.for_service(service, single))
        composite *= value / 100
        steps.append(PathStep(sid, service.kind, value, single or (sla.single is not None and single), sla.source))
    return AvailabilityEstimate(tuple(steps), composite)
