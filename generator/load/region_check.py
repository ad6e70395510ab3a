"""A regional service in a region the price catalogue has no prices for is a located error."""

from __future__ import annotations

from generator.catalogue.prices import PriceCatalogue
from generator.catalogue.service_kinds import SERVICE_KINDS
from generator.diagnostics import Diagnostic, Location
from generator.parse.sourcemap import SourceMap
from generator.schema import Model


def region_diagnostics(
    model: Model, source_map: SourceMap, catalogue: PriceCatalogue, fallback: Location
) -> list[Diagnostic]:
    """Regional services in a region the price catalogue has no prices for: an error, never us-east-1 rates."""
    priced = catalogue.catalogue.regions
    out = []
    for i, service in enumerate(model.services):
        if SERVICE_KINDS[service.kind].scope != "regional":
            continue
        region = service.region or model.proposal.regions[0]
        if region in priced:
            continue
        path = ("services", i, "region") if service.region else ("proposal", "regions", 0)
        out.append(
            Diagnostic(
                source_map.nearest(path) or fallback,
                "C102",
                f"{service.id}: no prices for region {region!r}; archgen would otherwise price it at another "
                "region's rates",
                hint=f"priced regions: {', '.join(priced)}; use one of them or add the region's prices",
            )
        )
    return out
