"""Every price of the catalogue as rows: what it bills, the figure, where it comes from and how old it is."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from generator.catalogue.prices import PriceCatalogue
from generator.pricing.staleness import age_days
from generator.views.table import Table


class PriceRow(NamedTuple):
    id: str
    kind: str
    dimension: str
    variant: str
    usd: str
    per: str
    source: str
    read: str
    refreshed_from: str  # "offer file" or "pricing page"
    age_days: int
    stale: bool


def price_rows(catalogue: PriceCatalogue, today: date, max_age_days: int) -> list[PriceRow]:
    rows = []
    for p in catalogue.prices:
        age = age_days(p.read, today)
        rows.append(
            PriceRow(
                p.id,
                p.kind,
                p.dimension,
                ", ".join(f"{k}={v}" for k, v in sorted(p.when.items())),
                f"{p.usd.normalize():f}",
                f"{p.per.normalize():f} {p.unit}",
                p.source,
                p.read,
                "offer file" if p.offer is not None else "pricing page",
                age,
                age > max_age_days,
            )
        )
    return rows


def prices_table(rows: list[PriceRow]) -> Table:
    return Table(
        ("Price", "Kind", "Dimension", "Variant", "USD", "Per", "Read", "Age", "From", "Source"),
        tuple(
            (
                r.id,
                r.kind,
                r.dimension,
                r.variant or "-",
                r.usd,
                r.per,
                r.read,
                f"{r.age_days} d" + (" (old)" if r.stale else ""),
                r.refreshed_from,
                r.source,
            )
            for r in rows
        ),
        ("l", "l", "l", "l", "r", "l", "l", "r", "l", "l"),
    )
