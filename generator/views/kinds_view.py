"""The Service kinds reference: every kind with its usage keys and the billing dimensions it is priced by."""

from __future__ import annotations

from dataclasses import dataclass

from generator.catalogue.prices import PriceCatalogue
from generator.catalogue.service_kinds import SERVICE_KINDS, ServiceKind
from generator.pricing.demand import SHAPED
from generator.views.table import Table


@dataclass(frozen=True)
class KindSection:
    """A service kind's section of the reference page: its usage keys and billing dimensions."""

    id: str
    kind: ServiceKind
    usage: Table
    billing: Table


NOT_PRICED = "not priced yet: stated usage is a warning (C101) and the totals read 'at least'"


def _variant(when: dict[str, str]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(when.items())) or "any"


def kind_sections(catalogue: PriceCatalogue) -> list[KindSection]:
    sections = []
    for kind_id in sorted(SERVICE_KINDS):
        kind = SERVICE_KINDS[kind_id]
        usage = Table(
            ("Usage key", "Measures (per month)", "Counts", "Required", "Scales with traffic"),
            tuple(
                (
                    key,
                    u.description,
                    "per resource" if u.per == "resource" else "in total",
                    "no" if u.optional else "yes",
                    "yes" if u.scales else "no",
                )
                for key, u in kind.usage_keys.items()
            ),
        )
        prices = [p for p in catalogue.prices if p.kind == kind_id]
        priced = {p.dimension for p in prices}
        # a kind not shaped by sizing is billed on its usage keys as stated: a key without a price is said
        unpriced = [] if kind_id in SHAPED else [key for key in kind.usage_keys if key not in priced]
        billing = Table(
            ("Billing dimension", "Variant", "Unit", "Source"),
            tuple((p.dimension, _variant(dict(p.when)), p.unit, p.source) for p in prices)
            + tuple((key, "any", "-", NOT_PRICED) for key in unpriced),
        )
        sections.append(KindSection(kind_id, kind, usage, billing))
    return sections
