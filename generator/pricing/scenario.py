"""Apply a cost scenario to a service: scaled usage, overrides and sizing changes."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.catalogue.service_kinds import SERVICE_KINDS
from generator.schema.aws import Service
from generator.schema.cost import Scenario

BASELINE = Scenario(id="baseline", name="Baseline", description="The usage written in the model.")


@dataclass(frozen=True)
class ScenarioService:
    """A service as a scenario sees it: usage and the sizing figures that cost depends on."""

    service: Service
    usage: dict[str, Decimal]
    desired_count: Decimal
    vcpu: Decimal | None
    memory_gb: Decimal | None
    memory_mb: Decimal | None
    storage_gb: Decimal | None


def apply_scenario(service: Service, scenario: Scenario) -> ScenarioService:
    factor = scenario.service_multipliers.get(service.id, scenario.multiplier)
    keys = SERVICE_KINDS[service.kind].usage_keys
    usage = {k: (v * factor if keys[k].scales else v) for k, v in service.usage.items()}
    usage.update(scenario.overrides.get(service.id, {}))
    sizing = scenario.sizing_overrides.get(service.id, {})
    s = service.sizing
    return ScenarioService(
        service=service,
        usage=usage,
        desired_count=sizing.get("desired_count", Decimal(s.desired_count)),
        vcpu=sizing.get("vcpu", s.vcpu),
        memory_gb=sizing.get("memory_gb", s.memory_gb),
        memory_mb=sizing.get("memory_mb", Decimal(s.memory_mb) if s.memory_mb is not None else None),
        storage_gb=sizing.get("storage_gb", s.storage_gb),
    )
