"""Everything the pages show, computed once from the validated model (pure)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.index import ModelIndex
from generator.load.model_loader import LoadedModel
from generator.pricing.catalogue import PriceCatalogue, default_catalogue
from generator.pricing.estimate import CostReport, estimate_all
from generator.pricing.levers import Lever, savings_levers
from generator.views.diagram import DiagramView
from generator.wellarchitected.review import Review, review


@dataclass(frozen=True)
class SiteContext:
    loaded: LoadedModel
    index: ModelIndex
    catalogue: PriceCatalogue
    reports: tuple[CostReport, ...]
    levers: dict[str, list[Lever]]
    review: Review
    views: tuple[DiagramView, ...]

    @property
    def stamp(self) -> str:
        return (f"Model {self.loaded.content_hash} · prices read {self.catalogue.catalogue.read} · "
                f"Well-Architected Framework {self.review.framework.framework.version}")


def site_context(loaded: LoadedModel, views: tuple[DiagramView, ...]) -> SiteContext:
    index = ModelIndex(loaded.model)
    catalogue = default_catalogue()
    reports = estimate_all(loaded.model, catalogue)
    levers = {r.scenario.id: savings_levers(loaded.model, catalogue, r) for r in reports}
    return SiteContext(loaded, index, catalogue, reports, levers, review(index), views)
