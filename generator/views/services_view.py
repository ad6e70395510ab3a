"""The service-justification table: one row per AWS service with its role, reasons, alternatives and cost."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.catalogue.service_kinds import SERVICE_KINDS
from generator.index import ModelIndex
from generator.pricing.estimate import CostReport, ServiceCost


@dataclass(frozen=True)
class ServiceRow:
    """A row of the service-justification table: role, requirement, why, alternatives and cost."""

    id: str
    name: str
    kind: str
    role: str
    requirement: str
    why: str
    alternatives: tuple[tuple[str, str], ...]
    decision: str | None
    pillars: tuple[str, ...]
    cost: ServiceCost
    share: Decimal

    @property
    def monthly(self) -> Decimal:
        return self.cost.total

    @property
    def share_text(self) -> str:
        """Its share of the estimate, or 'unknown' when none of its bill could be priced (never a silent 0.0%)."""
        return "unknown" if self.cost.unknown else f"{self.share:.1f}%"


def share_heading(report: CostReport) -> str:
    """What the shares are of: the total, or, when some of it is not known, only the part that is priced
    (a share of a floor is no share of the bill)."""
    return "Share of what is priced" if report.lower_bound else "Share"


def _role(index: ModelIndex, service_id: str) -> str:
    hosted = index.hosted.get(service_id, [])
    if hosted:
        return "hosts " + ", ".join(f"{c.name} ({c.kind.replace('_', ' ')})" for c in hosted)
    service = index.services[service_id]
    return service.description or SERVICE_KINDS[service.kind].category


def service_rows(index: ModelIndex, report: CostReport) -> list[ServiceRow]:
    costs = report.by_service()
    total = report.total
    rows = []
    for s in index.model.services:
        j = s.justification
        cost = costs[s.id]
        rows.append(
            ServiceRow(
                s.id,
                s.name,
                SERVICE_KINDS[s.kind].title,
                _role(index, s.id),
                j.requirement if j else "(serves the containers it hosts)",
                j.why if j else "(no justification written)",
                tuple((a.option, a.why_not) for a in j.alternatives) if j else (),
                j.decision if j else None,
                s.pillars,
                cost,
                (cost.total / total * 100) if total else Decimal(0),
            )
        )
    return rows
