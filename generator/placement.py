"""Where a service actually runs: how many copies and how many Availability Zones, from what runs
rather than what is stated (one task is in one AZ whatever `multi_az` says). The rules and the
deployment view read the same answers."""

from __future__ import annotations

from generator.catalogue.service_kinds import SERVICE_KINDS
from generator.schema.aws import Service, Sizing


def running(sizing: Sizing) -> int:
    """What runs normally: the scaling floor when one is set, else the desired count."""
    return sizing.min_count if sizing.min_count is not None else sizing.desired_count


def zones_stated(service: Service) -> int:
    """The AZs the model states: `az_count`, and at least two for `multi_az`."""
    return max(service.placement.az_count, 2 if service.placement.multi_az else 1)


def zones_used(service: Service) -> int:
    """Availability Zones the service actually occupies. One task is in one AZ; an ALB spans at least
    two; a Multi-AZ database runs in one with a standby; each NAT gateway sits in one AZ."""
    stated, kind = zones_stated(service), SERVICE_KINDS[service.kind]
    if service.kind == "alb":
        return max(stated, 2)
    if service.kind == "nat_gateway":
        return max(1, min(service.sizing.desired_count, stated))
    if kind.redundancy == "count_and_az":
        return min(stated, running(service.sizing)) or 1
    if kind.redundancy == "multi_az":
        return 1
    return stated
