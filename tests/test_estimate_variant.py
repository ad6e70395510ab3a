"""`estimate_variant` (only the services whose cost can change are priced again) gives exactly what a
whole estimate of the variant gives: on every example model, every scenario, for variants that move
services between architectures and pricing models, alone and in random groups."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from generator.catalogue.prices import default_catalogue
from generator.load.model_loader import load_model
from generator.pricing import levers
from generator.pricing.estimate import DemandMemo, estimate, estimate_all, estimate_variant
from generator.schema.aws import Pricing
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import synthetic_model  # noqa: E402

MODELS = {
    "cruddur": ROOT / "model",
    "wild-rydes": ROOT / "examples" / "serverless-wild-rydes" / "model",
    "hybrid": ROOT / "examples" / "hybrid-enterprise-orders" / "model",
}


def _model(name: str, tmp_path: Path):
    if name == "synthetic":
        folder = tmp_path / "model"
        folder.mkdir()
        for file, text in synthetic_model(400).items():
            (folder / file).write_text(text)
        return load_model(folder).model
    return load_model(MODELS[name]).model


def _changed(service, rng: random.Random):
    choice = rng.randrange(4)
    if choice == 0 and service.kind in levers.ARM_CAPABLE:
        other = "x86_64" if service.sizing.architecture == "arm64" else "arm64"
        return levers.replace_arch(service, other)
    if choice == 1:
        return service.model_copy(update={"pricing": Pricing(model="savings_plan", term_years=1)})
    if choice == 2:  # more tasks or nodes: the public addresses of the VPC holding them follow
        sizing = service.sizing.model_copy(update={"desired_count": service.sizing.desired_count + 1})
        return service.model_copy(update={"sizing": sizing})
    return service.model_copy(update={"usage": {k: v * 3 for k, v in service.usage.items()}})


@pytest.mark.parametrize("name", [*MODELS, "synthetic"])
def test_a_variant_costs_what_a_whole_estimate_of_it_costs(name: str, tmp_path: Path) -> None:
    model = _model(name, tmp_path)
    catalogue = default_catalogue()
    rng = random.Random(21)
    for report in estimate_all(model, catalogue):
        memo = DemandMemo(report.scenario)
        for size in (1, 2, 5, len(model.services)):
            for _ in range(4):
                picked = set(rng.sample(range(len(model.services)), min(size, len(model.services))))
                services = [_changed(s, rng) if i in picked else s for i, s in enumerate(model.services)]
                variant = model.model_copy(update={"services": tuple(services)})
                fast = estimate_variant(model, report, variant, catalogue, memo)
                whole = estimate(variant, catalogue, report.scenario)
                assert fast.services == whole.services, (name, report.scenario.id, sorted(picked))


@pytest.mark.parametrize("name", [*MODELS, "synthetic"])
def test_the_savings_levers_are_the_same_as_from_whole_estimates(name: str, tmp_path: Path, monkeypatch) -> None:
    model = _model(name, tmp_path)
    catalogue = default_catalogue()
    reports = estimate_all(model, catalogue)
    fast = [levers.savings_levers(model, catalogue, r) for r in reports]
    monkeypatch.setattr(
        levers, "estimate_variant", lambda base, report, variant, cat, memo: estimate(variant, cat, report.scenario)
    )
    assert fast == [levers.savings_levers(model, catalogue, r) for r in reports]


def test_a_vpc_is_priced_again_when_what_it_holds_changes() -> None:
    """A VPC's public IPv4 hours come from the tasks and load balancer placed in it: more tasks in the
    variant, more addresses, though the VPC itself did not change."""
    from generator.schema import Model

    model = Model.model_validate(
        {
            "proposal": {"name": "T", "summary": "s", "audience": "a"},
            "systems": ({"id": "app", "name": "App"},),
            "services": (
                {"id": "main_vpc", "kind": "vpc", "name": "VPC"},
                {
                    "id": "api",
                    "kind": "ecs_fargate",
                    "name": "API",
                    "placement": {"vpc": "main_vpc"},
                    "safeguards": {"public_ip": True},
                    "sizing": {"vcpu": 1, "memory_gb": 2, "desired_count": 2},
                    "usage": {"hours": 730},
                },
            ),
        },
        strict=False,
    )
    catalogue = default_catalogue()
    (report,) = estimate_all(model, catalogue)
    api = model.services[1]
    more = api.model_copy(update={"sizing": api.sizing.model_copy(update={"desired_count": 5})})
    variant = model.model_copy(update={"services": (model.services[0], more)})
    fast = estimate_variant(model, report, variant, catalogue, DemandMemo(report.scenario))
    assert fast.services == estimate(variant, catalogue, report.scenario).services
    assert fast.by_service()["main_vpc"].total > report.by_service()["main_vpc"].total
