"""Small helpers shared by the rules: which services are stateful, public, always on."""

from __future__ import annotations

from generator.catalogue.service_kinds import SERVICE_KINDS
from generator.index import ModelIndex
from generator.rules.base import MODEL, Outcome
from generator.schema.aws import Service

DATABASES = ("rds", "aurora_serverless", "elasticache")


def stateful(index: ModelIndex) -> list[Service]:
    return [s for s in index.model.services if SERVICE_KINDS[s.kind].stateful]


def public_endpoints(index: ModelIndex) -> list[Service]:
    return [s for s in index.model.services if s.kind in ("alb", "api_gateway", "cloudfront")]


def fronted_by(index: ModelIndex, service_id: str) -> list[Service]:
    return list(index.fronted_by.get(service_id, ()))


def placement_given(service: Service) -> bool:
    return "placement" in service.model_fields_set


def account_service(ctx, kind: str, present: str, absent: str):
    """An account-wide safeguard that one service of `kind` provides: pass naming it, or fail; nothing
    while the model has no services (not applicable)."""
    if not ctx.index.model.services:
        return
    found = ctx.index.of_kind(kind)
    if found:
        yield Outcome(found[0].id, "pass", f"{present} {', '.join(s.id for s in found)}")
    else:
        yield Outcome(MODEL, "fail", absent)
