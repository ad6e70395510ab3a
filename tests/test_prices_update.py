"""`archgen prices` and `archgen prices update --from`: AWS offer files (in AWS's own JSON format) in,
the catalogue's figures, sources and dates out; nothing written unless every figure is found."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalogue.offers import OfferMismatch, figure
from generator.catalogue.prices import DEFAULT_PATH, load_catalogue
from tests.conftest import FIXTURES, run_cli

OFFERS = FIXTURES / "offers"


def _offer(code: str) -> dict:
    return json.loads((OFFERS / code / "current" / "us-east-1" / "index.json").read_text())


def _first_tier_usd(code: str, selector_match: dict) -> Decimal:
    return figure(_offer(code), "us-east-1", selector_match).usd_per_unit


def test_update_round_trips_the_offer_figures(tmp_path: Path) -> None:
    catalogue = tmp_path / "prices.yaml"
    shutil.copy(DEFAULT_PATH, catalogue)
    result = run_cli("prices", "update", "--from", str(OFFERS), "--catalogue", str(catalogue), cwd=tmp_path)
    assert result.exit_code == 0, result.output
    updated = load_catalogue(catalogue)
    refreshed = [p for p in updated.prices if p.offer is not None]
    assert len(refreshed) >= 12
    for p in refreshed:
        per_unit = _first_tier_usd(p.offer.code, dict(p.offer.match))
        assert p.usd == per_unit * p.per, p.id  # the figure written is the offer's, per the catalogue's unit
        assert p.read == "2026-11-01"  # the offer's publication date
        assert (
            p.source
            == f"https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/{p.offer.code}/current/us-east-1/index.json"
        )
    # hand-entered figures keep their page and read date
    before = {p.id: p for p in load_catalogue(DEFAULT_PATH).prices}
    for p in updated.prices:
        if p.offer is None:
            assert (p.usd, p.source, p.read) == (before[p.id].usd, before[p.id].source, before[p.id].read)
    # comments and layout survive: only the refreshed fields differ
    old_lines = DEFAULT_PATH.read_text().splitlines()
    new_lines = catalogue.read_text().splitlines()
    assert len(old_lines) == len(new_lines)
    assert [a for a, b in zip(old_lines, new_lines) if a.lstrip().startswith("#")] == [
        b for b in new_lines if b.lstrip().startswith("#")
    ]


def test_a_changed_offer_price_is_written(tmp_path: Path) -> None:
    offers = tmp_path / "offers"
    shutil.copytree(OFFERS, offers)
    s3 = offers / "AmazonS3" / "current" / "us-east-1" / "index.json"
    s3.write_text(s3.read_text().replace('"0.0230000000"', '"0.0210000000"'))
    catalogue = tmp_path / "prices.yaml"
    shutil.copy(DEFAULT_PATH, catalogue)
    result = run_cli("prices", "update", "--from", str(offers), "--catalogue", str(catalogue), cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert "s3.storage.standard: 0.023 -> 0.021" in result.output
    entry = next(p for p in load_catalogue(catalogue).prices if p.id == "s3.storage.standard")
    assert entry.usd == Decimal("0.021")


def test_a_missing_figure_changes_nothing_and_says_where(tmp_path: Path) -> None:
    offers = tmp_path / "offers"
    shutil.copytree(OFFERS, offers)
    shutil.rmtree(offers / "AmazonDynamoDB")
    catalogue = tmp_path / "prices.yaml"
    shutil.copy(DEFAULT_PATH, catalogue)
    result = run_cli("prices", "update", "--from", str(offers), "--catalogue", str(catalogue), cwd=tmp_path)
    assert result.exit_code == 1
    assert "P001 dynamodb.wru: no offer file for AmazonDynamoDB" in result.output
    assert "prices.yaml:" in result.output and "the catalogue is unchanged" in result.output
    assert catalogue.read_bytes() == DEFAULT_PATH.read_bytes()


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    catalogue = tmp_path / "prices.yaml"
    shutil.copy(DEFAULT_PATH, catalogue)
    result = run_cli(
        "prices", "update", "--from", str(OFFERS), "--catalogue", str(catalogue), "--dry-run", cwd=tmp_path
    )
    assert result.exit_code == 0 and "12 price(s) from offer files" in result.output
    assert catalogue.read_bytes() == DEFAULT_PATH.read_bytes()


def test_not_a_folder_or_url_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("prices", "update", "--from", "nowhere", cwd=tmp_path)
    assert result.exit_code == 2 and "neither a folder nor an https URL" in result.output


def test_tiers_regions_and_usage_type_prefixes() -> None:
    lam = _offer("AWSLambda")
    assert figure(lam, "us-east-1", {"group": "AWS-Lambda-Duration"}).usd_per_unit == Decimal("0.0000166667")
    second = figure(lam, "us-east-1", {"group": "AWS-Lambda-Duration"}, begin="6000000000")
    assert second.usd_per_unit == Decimal("0.0000150000")
    # the free first tier of SQS is listed at $0: the first priced tier is the figure
    assert _first_tier_usd("AWSQueueService", {"usagetype": "Requests-RBP", "queueType": "Standard"}) == Decimal(
        "0.0000004"
    )
    # a usage type written with another region's prefix still names the same product
    assert figure(lam, "us-west-2", {"usagetype": "USE1-Request"}).sku == "LMBREQW2"
    with pytest.raises(OfferMismatch, match="no product in us-east-1"):
        figure(lam, "us-east-1", {"group": "AWS-Lambda-Provisioned"})
    two = {
        "products": {
            sku: {"sku": sku, "attributes": {"regionCode": "us-east-1", "usagetype": "X"}} for sku in ("A", "B")
        },
        "terms": {
            "OnDemand": {
                sku: {
                    f"{sku}.T": {"priceDimensions": {f"{sku}.T.R": {"beginRange": "0", "pricePerUnit": {"USD": usd}}}}
                }
                for sku, usd in (("A", "1"), ("B", "2"))
            }
        },
    }
    with pytest.raises(OfferMismatch, match="more than one price"):
        figure(two, "us-east-1", {"usagetype": "X"})


def test_prices_lists_every_figure_with_its_source_and_age(tmp_path: Path) -> None:
    result = run_cli("prices", "--format", "json", cwd=tmp_path)
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert len(rows) == len(load_catalogue(DEFAULT_PATH).prices)
    assert all(r["source"].startswith("https://") and r["read"] for r in rows)
    assert {r["refreshed_from"] for r in rows} == {"offer file", "pricing page"}
    old = tmp_path / "old.yaml"
    old.write_text(
        DEFAULT_PATH.read_text().replace(
            'source: "https://aws.amazon.com/lambda/pricing/", read: "2026-11-23"',
            'source: "https://aws.amazon.com/lambda/pricing/", read: "2020-01-01"',
            1,
        )
    )
    table = run_cli("prices", "--catalogue", str(old), cwd=tmp_path)
    assert "(old)" in table.stdout and "read more than 180 days ago" in table.output


def test_a_build_warns_when_the_prices_it_uses_are_old(project: Path, monkeypatch) -> None:
    # three years after the catalogue was read: every price is older than the default 180 days
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1890000000")  # 2029-11-22
    result = run_cli("build", "--no-site", cwd=project)
    assert result.exit_code == 0, result.output
    assert "C104 warning" in result.output and "read more than 180 days ago" in result.output
    cost = (project / "docs" / "cost.md").read_text()
    assert '!!! warning "Prices may be out of date"' in cost
    assert run_cli("cost", "--strict", cwd=project).exit_code == 1
    # within the limit (the model may raise it), no warning
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")  # 2026-11-18, before the read date
    assert "C104" not in run_cli("build", "--no-site", cwd=project).output


def test_prices_are_aged_against_the_build_date_and_a_bad_file_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1890000000")  # 2029-11-22, as a build would see it
    rows = json.loads(run_cli("prices", "--format", "json", cwd=tmp_path).stdout)
    assert all(r["stale"] for r in rows)
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"catalogue: {name: x}\nprices: [\xff\xfe]\n")
    for args in (("prices",), ("prices", "update", "--from", str(OFFERS))):
        result = run_cli(*args, "--catalogue", str(bad), cwd=tmp_path)
        assert result.exit_code == 1 and "is not UTF-8 text" in result.output and "Traceback" not in result.output
