"""A price refresh: the catalogue's entries with an `offer` selector are looked up in AWS's offer
files and the catalogue text is rewritten in place (its comments and layout kept), each refreshed
figure with the offer file as its source and the offer's publication date as its read date.

Pure: the caller hands in the catalogue text, the parsed catalogue and a function that returns a
parsed offer for (code, region).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from generator.catalogue.offers import OfferMismatch, catalogue_usd, figure, offer_url
from generator.catalogue.prices import PriceCatalogue, PriceEntry


@dataclass(frozen=True)
class Refreshed:
    id: str
    old_usd: str
    new_usd: str
    source: str
    read: str

    @property
    def changed(self) -> bool:
        return Decimal(self.old_usd) != Decimal(self.new_usd)


@dataclass(frozen=True)
class Refresh:
    text: str
    refreshed: tuple[Refreshed, ...]
    problems: tuple[tuple[str, str], ...]  # (price id, what is wrong)
    without_selector: tuple[str, ...]  # hand-entered figures, kept with their page and read date


OfferSource = Callable[[str, str], dict]


def _usd_text(entry: PriceEntry) -> str:
    return f"{entry.usd.normalize():f}"


def refresh(text: str, catalogue: PriceCatalogue, offers: OfferSource) -> Refresh:
    refreshed: list[Refreshed] = []
    problems: list[tuple[str, str]] = []
    for entry in catalogue.prices:
        selector = entry.offer
        if selector is None:
            continue
        try:
            offer = offers(selector.code, selector.region)
            found = figure(offer, selector.region, dict(selector.match), selector.begin)
        except OfferMismatch as exc:
            problems.append((entry.id, str(exc)))
            continue
        except LookupError as exc:  # the offer file itself is missing
            problems.append((entry.id, str(exc.args[0] if exc.args else exc)))
            continue
        if not found.published:
            problems.append((entry.id, f"the {selector.code} offer has no publicationDate"))
            continue
        new = catalogue_usd(found.usd_per_unit, entry.per)
        refreshed.append(
            Refreshed(entry.id, _usd_text(entry), new, offer_url(selector.code, selector.region), found.published)
        )
    for item in refreshed:
        text = rewrite_entry(text, item)
    without = tuple(e.id for e in catalogue.prices if e.offer is None)
    return Refresh(text, tuple(refreshed), tuple(problems), without)


def _entry_start(text: str, price_id: str) -> re.Match | None:
    return re.search(r"^  - \{id: " + re.escape(price_id) + r",", text, re.M)


def entry_line(text: str, price_id: str) -> int:
    """The line (1-based) where a price entry starts in the catalogue text; 1 when it is not found."""
    start = _entry_start(text, price_id)
    return text.count("\n", 0, start.start()) + 1 if start else 1


def _entry_span(text: str, price_id: str) -> tuple[int, int]:
    """Where the flow mapping of one price entry starts and ends in the catalogue text."""
    start = _entry_start(text, price_id)
    if start is None:
        raise LookupError(f"price {price_id!r} is not written as `  - {{id: {price_id}, ...}}`")
    end = re.compile(r"^(  - \{|  #|\S)", re.M).search(text, start.end())
    return start.start(), end.start() if end else len(text)


def rewrite_entry(text: str, item: Refreshed) -> str:
    begin, end = _entry_span(text, item.id)
    block = text[begin:end]
    for field, value in (("usd", item.new_usd), ("source", item.source), ("read", item.read)):
        block, count = re.subn(rf'\b{field}: "[^"]*"', f'{field}: "{value}"', block, count=1)
        if count != 1:
            raise LookupError(f'price {item.id!r} has no quoted `{field}: "..."` to rewrite')
    return text[:begin] + block + text[end:]
