"""The price catalogue's types and loader (the same line-aware loader as the model)."""

from __future__ import annotations

from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field

from generator.diagnostics import Diagnostic, Location
from generator.errors import ModelInvalid
from generator.parse.data_cache import load_cached
from generator.parse.data_file import load_data
from generator.values import CatalogueData, ExactPrice, Name, Percent, Quantity, Text, Url

Price = ExactPrice  # text in the file ("0.0000166667") so no float ever touches a price

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "prices.yaml"
Date = Name


class FreeAllowance(CatalogueData):
    quantity: Quantity
    """Free units per month."""
    type: Literal["always", "12_months"]
    """Always free, or free for the first 12 months of a new account."""
    pool: Name | None = None
    """Entries sharing a pool share one allowance (e.g. Lambda GB-seconds on x86 and arm64)."""


class OfferSelector(CatalogueData):
    """Where `archgen prices update` finds this figure in AWS's Price List bulk offer files."""

    code: Name
    """The offer (service) code, e.g. AWSLambda, AmazonS3, AmazonDynamoDB."""
    region: Name = "us-east-1"
    """The region whose offer file holds the figure."""
    match: dict[Name, Name]
    """Product attributes that single the product out (a `usagetype` matches with or without its region prefix)."""
    begin: Name | None = None
    """The tier's `beginRange` when the price is tiered; by default the first tier priced above zero."""


class PriceEntry(CatalogueData):
    id: Name
    kind: Name
    """Service kind, or `*` for account-wide dimensions such as data transfer out."""
    dimension: Name
    unit: Text
    per: Quantity
    usd: Price
    """USD for `per` units."""
    when: dict[Name, Name] = {}
    free: FreeAllowance | None = None
    source: Url
    read: Date
    offer: OfferSelector | None = None
    """Set for figures that `archgen prices update` refreshes from AWS's offer files."""


class PricingModelEntry(CatalogueData):
    kind: Name
    model: Literal["reserved", "savings_plan", "spot"]
    term_years: Literal[1, 3] | None = None
    discount_percent: Percent
    note: Text
    source: Url
    read: Date


class CatalogueInfo(CatalogueData):
    name: Text
    read: Date
    currency: Literal["USD"]
    regions: tuple[Name, ...] = ("us-east-1", "us-west-2")


class PriceCatalogue(CatalogueData):
    catalogue: CatalogueInfo
    prices: tuple[PriceEntry, ...] = Field(min_length=1)
    pricing_models: tuple[PricingModelEntry, ...] = ()

    @cached_property
    def _by_kind_and_dimension(self) -> dict[tuple[str, str], tuple[PriceEntry, ...]]:
        """The prices of each (kind, dimension) in catalogue order: a lookup costs its few candidates,
        not a scan of every price (an estimate makes one per billing line: 21,000 at 10,000 elements)."""
        grouped: dict[tuple[str, str], list[PriceEntry]] = {}
        for entry in self.prices:
            grouped.setdefault((entry.kind, entry.dimension), []).append(entry)
        return {key: tuple(entries) for key, entries in grouped.items()}

    @cached_property
    def _matched(self) -> dict[tuple, PriceEntry | None]:
        """Answers of `matching` so far: a model asks the same few questions thousands of times."""
        return {}

    def matching(self, kind: str, dimension: str, variant: dict[str, str]) -> PriceEntry | None:
        key = (kind, dimension, *sorted(variant.items()))
        if key not in self._matched:
            self._matched[key] = self._match(kind, dimension, variant)
        return self._matched[key]

    def _match(self, kind: str, dimension: str, variant: dict[str, str]) -> PriceEntry | None:
        for wanted in (kind, "*"):  # a service's own price wins over an account-wide one
            for entry in self._by_kind_and_dimension.get((wanted, dimension), ()):
                if all(variant.get(k) == v for k, v in entry.when.items()):
                    return entry
        return None

    def discount(self, kind: str, model: str, term_years: int | None) -> PricingModelEntry | None:
        for entry in self.pricing_models:
            if entry.kind == kind and entry.model == model and (entry.term_years in (None, term_years)):
                return entry
        return None


def catalogue_display(path: Path) -> str:
    """How messages name a catalogue file: archgen's own by its name, any other by its path."""
    return path.name if path == DEFAULT_PATH else path.as_posix()


def load_catalogue(path: Path = DEFAULT_PATH, display: str | None = None) -> PriceCatalogue:
    """Load and validate a price catalogue; a bad file gives located diagnostics like a bad model."""
    return parse_catalogue(path.read_bytes(), display or catalogue_display(path))


def parse_catalogue(data: bytes, display: str) -> PriceCatalogue:
    """A price catalogue from its text, validated like `load_catalogue` (ids unique)."""
    catalogue = load_data(data, PriceCatalogue, display)
    seen: set[str] = set()
    for entry in catalogue.prices:
        if entry.id in seen:
            raise ModelInvalid(
                [
                    Diagnostic(
                        Location(display, 1, 1),
                        "R202",
                        f"duplicate price id {entry.id!r}",
                        hint="give every price entry its own id",
                    )
                ],
                {},
            )
        seen.add(entry.id)
    return catalogue


@lru_cache(maxsize=1)
def default_catalogue() -> PriceCatalogue:
    """archgen's own catalogue: validated once per machine, then read from the user's cache."""
    return load_cached(DEFAULT_PATH, PriceCatalogue, lambda data: parse_catalogue(data, DEFAULT_PATH.name))
