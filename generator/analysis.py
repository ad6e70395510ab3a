"""One computed value per model: index, views, cost per scenario with levers, review, and its options' analyses.

Computed once per run by `analyse`; every command, the site, `diff`, `compare` and the MkDocs plugin
read it, and rendering never computes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from functools import cached_property

from generator.catalogue.framework import framework
from generator.catalogue.prices import PriceCatalogue, default_catalogue
from generator.clock import build_date
from generator.diagnostics import Diagnostic, Location
from generator.diffing.model_diff import ElementChange, element_changes
from generator.index import ModelIndex
from generator.load.model_loader import LoadedModel
from generator.load.options import LoadedOption
from generator.pricing.coverage import unpriced_diagnostics
from generator.pricing.estimate import CostReport, estimate_all
from generator.pricing.figures import figure_diagnostics
from generator.pricing.levers import Lever, savings_levers
from generator.pricing.staleness import stale_price_diagnostics
from generator.review.review import Review, review
from generator.schema import Model
from generator.views.all_views import plan_views
from generator.views.diagram import DiagramView
from generator.views.options_view import OptionRow, option_row


@dataclass(frozen=True)
class Analysis:
    """Everything archgen derives from one validated model."""

    loaded: LoadedModel
    index: ModelIndex
    catalogue: PriceCatalogue
    reports: tuple[CostReport, ...]
    views: tuple[DiagramView, ...]
    options: tuple[OptionAnalysis, ...] = ()
    cost_warnings: tuple[Diagnostic, ...] = ()  # what could not be priced, located in the model

    # computed on first use, once: `archgen cost` never runs the review, `archgen review` never the levers
    @cached_property
    def levers(self) -> dict[str, list[Lever]]:
        """Each scenario's savings levers (each one a re-estimate of the model with one thing changed)."""
        return {r.scenario.id: savings_levers(self.loaded.model, self.catalogue, r) for r in self.reports}

    @cached_property
    def review(self) -> Review:
        return review(self.index, self.reports)

    @property
    def all_cost_warnings(self) -> tuple[Diagnostic, ...]:
        """The model's unpriced lines, then each option's."""
        return self.cost_warnings + tuple(w for o in self.options for w in o.analysis.cost_warnings)

    @property
    def model(self) -> Model:
        return self.loaded.model

    @property
    def content_hash(self) -> str:
        """The model's hash, and its options' when there are any."""
        if not self.options:
            return self.loaded.content_hash
        joined = "".join([self.loaded.content_hash] + [o.option.loaded.content_hash for o in self.options])
        return hashlib.sha256(joined.encode()).hexdigest()[:12]

    @property
    def page_stamp(self) -> str:
        """What every page's footer says: the facts' dates, not the model hash, so a change to one part
        of the model rewrites only the pages that show it (pull requests do not conflict in docs/)."""
        return (
            f"Prices read {self.catalogue.catalogue.read} · Well-Architected Framework {framework().framework.version}"
        )

    @property
    def stamp(self) -> str:
        return (
            f"Model {self.content_hash} · prices read {self.catalogue.catalogue.read} · "
            f"Well-Architected Framework {framework().framework.version}"
        )

    @property
    def all_views(self) -> tuple[DiagramView, ...]:
        """The model's views, then each option's (its deployment view)."""
        return self.views + tuple(v for o in self.options for v in o.analysis.views)

    def option_rows(self) -> list[OptionRow]:
        """The proposal, then each option: cost, risk, availability and decision side by side."""
        base_chosen = not any(o.option.info.chosen for o in self.options)
        rows = [
            option_row("base", f"Proposal: {self.model.proposal.name}", self.reports, self.review, None, base_chosen)
        ]
        for o in self.options:
            info = o.option.info
            rows.append(
                option_row(info.id, info.title, o.analysis.reports, o.analysis.review, info.decision, info.chosen)
            )
        return rows


@dataclass(frozen=True)
class OptionAnalysis:
    """An alternative to the proposal: the overlay, its own analysis, and what it changes."""

    option: LoadedOption
    analysis: Analysis
    changes: tuple[ElementChange, ...]


def _analyse_one(
    loaded: LoadedModel,
    catalogue: PriceCatalogue,
    views: tuple[DiagramView, ...] | None,
    only: tuple[str, ...] | None = None,
    prefix: str = "",
    named: str = "",
    base_files: tuple[str, ...] = (),
) -> Analysis:
    """One model's analysis; for an option, `base_files` are the proposal's own files, whose prose the
    site renders with the proposal's figures: only prose the option writes is checked against its own."""
    index = ModelIndex(loaded.model)
    reports = estimate_all(loaded.model, catalogue)
    planned = tuple(plan_views(index, only=only, prefix=prefix, named=named)) if views is None else views
    fallback = Location(loaded.files[0], 1, 1)
    unpriced = (
        tuple(unpriced_diagnostics(loaded.model, loaded.source_map, catalogue, reports, fallback))
        + tuple(
            d
            for d in figure_diagnostics(loaded.model, loaded.source_map, reports, fallback)
            if d.location.file not in base_files
        )
        + tuple(stale_price_diagnostics(loaded.model, loaded.source_map, reports, fallback, build_date()))
    )
    return Analysis(loaded, index, catalogue, reports, planned, (), unpriced)


def analyse(
    loaded: LoadedModel,
    options: tuple[LoadedOption, ...] | list[LoadedOption] = (),
    catalogue: PriceCatalogue | None = None,
    *,
    views: bool = True,
) -> Analysis:
    """Analyse a model and each of its options (`views=False` skips planning diagram views)."""
    catalogue = catalogue or default_catalogue()
    no_views: tuple[DiagramView, ...] | None = None if views else ()
    base = _analyse_one(loaded, catalogue, no_views)
    analysed = tuple(
        OptionAnalysis(
            o,
            _analyse_one(
                o.loaded, catalogue, no_views, ("deployment",), f"option-{o.info.id}-", o.info.title, loaded.files
            ),
            tuple(element_changes(loaded.model, o.loaded.model)),
        )
        for o in options
    )
    return replace(base, options=analysed)
