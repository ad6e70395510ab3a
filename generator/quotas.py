"""Default service quotas against what the modeled usage needs, in every cost scenario."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from functools import lru_cache
from pathlib import Path
from typing import Literal

from generator.index import ModelIndex
from generator.parse.data_file import load_data_file
from generator.pricing.estimate import scenarios_of
from generator.pricing.scenario import apply_scenario
from generator.values import CatalogueData, Name, Quantity, Url

PATH = Path(__file__).resolve().parent / "catalogue" / "data" / "quotas.yaml"
SECONDS_PER_MONTH = Decimal(2_592_000)


class Quota(CatalogueData):
    id: Name
    name: Name
    kind: Name
    default: Quantity
    adjustable: bool
    measure: Literal["concurrency", "peak_rps", "max_vcpu", "count", "desired_total", "peak_wru", "peak_rru"]
    source: Url


class QuotaCatalogue(CatalogueData):
    read: Name
    peak_to_average: Quantity
    quotas: tuple[Quota, ...]


@lru_cache(maxsize=1)
def quota_catalogue() -> QuotaCatalogue:
    return load_data_file(PATH, QuotaCatalogue)


@dataclass(frozen=True)
class QuotaCheck:
    """A service quota against what one scenario needs of it (None when the need cannot be worked out)."""

    quota: Quota
    scenario: str
    element: str
    need: Decimal | None
    note: str = ""

    @property
    def share(self) -> Decimal | None:
        return None if self.need is None else self.need / self.quota.default * 100

    @property
    def status(self) -> str:
        if self.need is None:
            return "unknown"
        if self.need > self.quota.default:
            return "exceeded"
        return "warning" if self.share >= 80 else "ok"


def _up(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1), rounding=ROUND_CEILING)


def _need(quota: Quota, services, peak: Decimal) -> tuple[Decimal | None, str]:
    total = Decimal(0)
    for ss in services:
        u = ss.usage
        if quota.measure == "count":
            total += 1
        elif quota.measure == "desired_total":
            total += ss.desired_count
        elif quota.measure == "max_vcpu":
            if ss.vcpu is None:
                return None, f"{ss.service.id} states no vcpu"
            tasks = max(Decimal(ss.service.sizing.max_count or 0), ss.desired_count)
            total += tasks * ss.vcpu
        elif quota.measure == "concurrency":
            if "requests" not in u or "average_duration_ms" not in u:
                return None, f"{ss.service.id} needs requests and average_duration_ms"
            total += u["requests"] / SECONDS_PER_MONTH * peak * u["average_duration_ms"] / 1000
        else:
            key = {"peak_rps": "requests", "peak_wru": "write_request_units", "peak_rru": "read_request_units"}[
                quota.measure
            ]
            total += u.get(key, Decimal(0)) / SECONDS_PER_MONTH * peak
    return _up(total), ""


def quota_checks(index: ModelIndex) -> list[QuotaCheck]:
    catalogue = quota_catalogue()
    checks = []
    for scenario in scenarios_of(index.model):
        for quota in catalogue.quotas:
            services = [apply_scenario(s, scenario) for s in index.of_kind(quota.kind)]
            if not services:
                continue
            per_table = quota.measure in ("peak_wru", "peak_rru")
            groups = [[ss] for ss in services] if per_table else [services]
            for group in groups:
                need, note = _need(quota, group, catalogue.peak_to_average)
                element = group[0].service.id
                checks.append(QuotaCheck(quota, scenario.id, element, need, note))
    return checks
