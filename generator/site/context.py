"""Everything the pages show, computed once from the validated model (pure)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.index import ModelIndex
from generator.load.model_loader import LoadedModel
from generator.pricing.catalogue import PriceCatalogue, default_catalogue
from generator.pricing.estimate import CostReport, estimate_all
from generator.pricing.levers import Lever, savings_levers
from generator.review.review import Review, review
from generator.views.diagram import DiagramView


@dataclass(frozen=True)
class SiteContext:
    loaded: LoadedModel
    index: ModelIndex
    catalogue: PriceCatalogue
    reports: tuple[CostReport, ...]
    levers: dict[str, list[Lever]]
    review: Review
    views: tuple[DiagramView, ...]
    options: tuple = ()
    option_rows: tuple = ()

    @property
    def content_hash(self) -> str:
        """The model's hash, and its options' when there are any."""
        if not self.options:
            return self.loaded.content_hash
        import hashlib

        joined = "".join([self.loaded.content_hash] + [o.loaded.content_hash for o in self.options])
        return hashlib.sha256(joined.encode()).hexdigest()[:12]

    @property
    def stamp(self) -> str:
        return (f"Model {self.content_hash} · prices read {self.catalogue.catalogue.read} · "
                f"Well-Architected Framework {self.review.framework.framework.version}")


def site_context(loaded: LoadedModel, views: tuple[DiagramView, ...], options: tuple = ()) -> SiteContext:
    index = ModelIndex(loaded.model)
    catalogue = default_catalogue()
    reports = estimate_all(loaded.model, catalogue)
    levers = {r.scenario.id: savings_levers(loaded.model, catalogue, r) for r in reports}
    from generator.views.options_view import comparison_rows

    rows = tuple(comparison_rows(loaded.model, options, catalogue)) if options else ()
    return SiteContext(loaded, index, catalogue, reports, levers, review(index), views, tuple(options), rows)
