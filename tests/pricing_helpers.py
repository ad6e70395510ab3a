"""Build tiny one-service models in Python for pricing tests."""

from __future__ import annotations

from decimal import Decimal

from generator.catalogue.prices import default_catalogue
from generator.pricing.estimate import cents, estimate
from generator.schema import Model


def one_service(
    kind: str,
    *,
    usage: dict,
    sizing: dict | None = None,
    placement: dict | None = None,
    pricing: dict | None = None,
    free_tier: bool = False,
    always_free: bool = False,
) -> Model:
    service = {"id": "svc", "kind": kind, "name": "Service", "usage": {k: Decimal(str(v)) for k, v in usage.items()}}
    if sizing:
        service["sizing"] = sizing
    if placement:
        service["placement"] = placement
    if pricing:
        service["pricing"] = pricing
    return Model.model_validate(
        {
            "proposal": {"name": "T", "summary": "s", "audience": "a"},
            "systems": ({"id": "app", "name": "App"},),
            "services": (service,),
            "cost": {"free_tier": {"eligible": free_tier, "apply_always_free": always_free}},
        },
        strict=False,
    )


def monthly(model: Model) -> Decimal:
    return cents(estimate(model, default_catalogue()).total)
