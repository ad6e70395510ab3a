"""What the estimate could not price, located in the model (regions without prices: load/region_check):
a dimension the catalogue has no price for (C101), a usage key the service's kind needs and the model
does not state (C105).

Each is a warning at file:line:col by default and an error under `--strict` (check, the PR workflow
and gates use it); the totals they affect read "at least".
"""

from __future__ import annotations

from generator.catalogue.prices import PriceCatalogue
from generator.diagnostics import Diagnostic, Location
from generator.parse.sourcemap import SourceMap
from generator.pricing.estimate import CostReport
from generator.schema import Model

# sizing fields that select a price variant (same names in the price catalogue's `when`), so the
# warning points at the value to change
_VARIANT_FIELDS = ("instance_class", "engine", "storage_class", "api_type", "architecture")


def _priced_values(catalogue: PriceCatalogue, kind: str, dimension: str, key: str) -> list[str]:
    return sorted(
        {e.when[key] for e in catalogue.prices if e.kind == kind and e.dimension == dimension and key in e.when}
    )


def unpriced_diagnostics(
    model: Model, source_map: SourceMap, catalogue: PriceCatalogue, reports: tuple[CostReport, ...], fallback: Location
) -> list[Diagnostic]:
    """One warning per service dimension without a price (in any scenario), at the value that selects it,
    and one per usage key a service needs and does not state, at its usage."""
    position = {s.id: i for i, s in enumerate(model.services)}
    seen: set[tuple[str, str]] = set()
    out = []
    for report in reports:
        for cost in report.services:
            out += _usage_not_stated(model, source_map, cost, position[cost.service], seen, fallback)
            for line in cost.lines:
                if line.price is not None or (cost.service, line.dimension) in seen:
                    continue
                seen.add((cost.service, line.dimension))
                i = position[cost.service]
                service = model.services[i]
                missing = _missing_variant(catalogue, cost.kind, line.dimension, service)
                if missing:  # at the sizing value that selects the unpriced variant
                    path = ("services", i, "sizing", missing[0])
                elif line.dimension in service.usage:  # a usage key billed as stated
                    path = ("services", i, "usage", line.dimension)
                else:
                    path = ("services", i, "kind")
                hint = (
                    f"priced {missing[0]} values for {cost.kind} {line.dimension}: {', '.join(missing[1]) or 'none'}"
                    if missing
                    else f"the catalogue has no {line.dimension} price for {cost.kind}"
                )
                out.append(
                    Diagnostic(
                        source_map.nearest(path) or fallback,
                        "C101",
                        f"{cost.service}: {line.dimension} is not priced ({line.basis}); its cost is left out and "
                        "every total that includes it reads 'at least'",
                        hint=hint + "; add the price to the catalogue or choose a priced value",
                        severity="warning",
                    )
                )
    return out


def _usage_not_stated(model: Model, source_map: SourceMap, cost, i: int, seen: set, fallback: Location):
    """C105 for each usage key `cost`'s service needs and does not state (once per service and key)."""
    keys = [key for key in cost.needs_usage if (cost.service, f"usage:{key}") not in seen]
    if not keys:  # most services: no location to look up (one per service and scenario otherwise)
        return []
    seen.update((cost.service, f"usage:{key}") for key in keys)
    service = model.services[i]
    at = source_map.nearest(("services", i, "usage") if service.usage else ("services", i, "id")) or fallback
    return [
        Diagnostic(
            at,
            "C105",
            f"{cost.service}: usage {key} is not stated, so its cost is unknown; it is left out and every total "
            "that includes it reads 'at least'",
            hint=f"state `{key}` under this service's usage (the Service kinds page lists the keys and units of "
            f"{cost.kind})",
            severity="warning",
        )
        for key in keys
    ]


def _missing_variant(catalogue: PriceCatalogue, kind: str, dimension: str, service) -> tuple[str, list[str]] | None:
    """The sizing field whose value has no price, with the values that do."""
    for field in _VARIANT_FIELDS:
        priced = _priced_values(catalogue, kind, dimension, field)
        value = getattr(service.sizing, field, None)
        if priced and value is not None and value not in priced:
            return field, priced
    return None
