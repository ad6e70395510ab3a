"""Figures from AWS Price List bulk offer files (AWS's public JSON: `products` with `attributes`, and
`terms.OnDemand` price dimensions with `beginRange`/`endRange`/`unit`/`pricePerUnit`).

Pure: an offer is a parsed JSON document; finding the figure a catalogue entry's selector names is a
function of the two. Reading files or URLs is the CLI's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# usage types carry a region prefix outside us-east-1 (and inside it for some services): USW2-, EUC1-
_REGION_PREFIX = re.compile(r"^[A-Z]{2,4}[0-9]-")

OFFER_HOST = "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws"


def offer_url(code: str, region: str) -> str:
    """Where AWS publishes the current offer file of a service in a region."""
    return f"{OFFER_HOST}/{code}/current/{region}/index.json"


@dataclass(frozen=True)
class OfferFigure:
    usd_per_unit: Decimal
    unit: str
    begin: str
    description: str
    sku: str
    published: str  # the offer file's publication date, YYYY-MM-DD


class OfferMismatch(ValueError):
    """The offer holds no single figure for a selector (nothing, or more than one candidate)."""


def _same(attribute: str, wanted: str, found: str) -> bool:
    if attribute == "usagetype":
        return _REGION_PREFIX.sub("", wanted) == _REGION_PREFIX.sub("", found)
    return wanted == found


def matching_products(offer: dict, region: str, match: dict[str, str]) -> list[str]:
    """SKUs of the products in `region` whose attributes include `match`."""
    skus = []
    for sku, product in sorted(offer.get("products", {}).items()):
        attributes = product.get("attributes", {})
        if attributes.get("regionCode", region) != region:
            continue
        if all(k in attributes and _same(k, v, attributes[k]) for k, v in match.items()):
            skus.append(sku)
    return skus


def _dimensions(offer: dict, sku: str) -> list[dict]:
    terms = offer.get("terms", {}).get("OnDemand", {}).get(sku, {})
    return [d for term in terms.values() for d in term.get("priceDimensions", {}).values()]


def _begin(dimension: dict) -> Decimal:
    text = dimension.get("beginRange", dimension.get("startingRange", "0"))
    return Decimal(text)


def _usd(dimension: dict) -> Decimal:
    try:
        return Decimal(dimension["pricePerUnit"]["USD"])
    except (KeyError, InvalidOperation, TypeError):
        raise OfferMismatch(f"price dimension {dimension.get('rateCode', '?')} has no USD price") from None


def figure(offer: dict, region: str, match: dict[str, str], begin: str | None = None) -> OfferFigure:
    """The on-demand price per unit a selector names: the tier starting at `begin`, or else the first
    tier with a price above zero (AWS lists a free first tier as a $0 dimension in some offers)."""
    skus = matching_products(offer, region, match)
    if not skus:
        raise OfferMismatch(f"no product in {region} has {_describe(match)}")
    candidates = []
    for sku in skus:
        tiers = sorted(_dimensions(offer, sku), key=_begin)
        if begin is not None:
            tiers = [d for d in tiers if _begin(d) == Decimal(begin)]
        else:
            tiers = [d for d in tiers if _usd(d) > 0][:1]
        candidates += [(sku, d) for d in tiers]
    prices = {_usd(d) for _, d in candidates}
    if not candidates:
        raise OfferMismatch(f"no on-demand price for {_describe(match)} in {region}")
    if len(prices) > 1:
        listed = ", ".join(sorted(f"{s} ({_usd(d)})" for s, d in candidates))
        raise OfferMismatch(f"{_describe(match)} matches more than one price in {region}: {listed}")
    sku, dimension = candidates[0]
    return OfferFigure(
        _usd(dimension),
        dimension.get("unit", ""),
        str(_begin(dimension)),
        dimension.get("description", ""),
        sku,
        str(offer.get("publicationDate", ""))[:10],
    )


def _describe(match: dict[str, str]) -> str:
    return ", ".join(f"{k}={v}" for k, v in sorted(match.items()))


def catalogue_usd(per_unit: Decimal, per: Decimal) -> str:
    """The catalogue's text for a price quoted for `per` units ("0.20" per million requests)."""
    value = (per_unit * per).normalize()
    text = f"{value:f}"
    if "." not in text:
        text += ".00"
    elif len(text.split(".")[1]) == 1:
        text += "0"
    return text
