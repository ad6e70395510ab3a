"""Small helpers shared by the rules: which services are stateful, public, always on."""

from __future__ import annotations

from generator.catalogue.service_kinds import SERVICE_KINDS
from generator.index import ModelIndex
from generator.schema.aws import Service

DATABASES = ("rds", "aurora_serverless", "elasticache")


def stateful(index: ModelIndex) -> list[Service]:
    return [s for s in index.model.services if SERVICE_KINDS[s.kind].stateful]


def public_endpoints(index: ModelIndex) -> list[Service]:
    return [s for s in index.model.services if s.kind in ("alb", "api_gateway", "cloudfront")]


def fronted_by(index: ModelIndex, service_id: str) -> list[Service]:
    return [s for s in index.model.services if service_id in s.fronts]


def placement_given(service: Service) -> bool:
    return "placement" in service.model_fields_set
