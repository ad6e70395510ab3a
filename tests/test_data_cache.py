"""archgen's own data files are validated once per machine and then read from the user's cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.catalogue.free_tier import PATH as FREE_TIER
from generator.catalogue.free_tier import FreeTierPrograms
from generator.parse.data_cache import load_cached
from generator.parse.data_file import load_data
from tests.conftest import run_python


@pytest.fixture
def cache(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "archgen" / "data"


def _validate(calls: list[bytes]):
    def validate(data: bytes) -> FreeTierPrograms:
        calls.append(data)
        return load_data(data, FreeTierPrograms, "free_tier.yaml")

    return validate


def test_a_file_is_validated_once_then_read_from_the_cache(cache: Path) -> None:
    calls: list[bytes] = []
    first = load_cached(FREE_TIER, FreeTierPrograms, _validate(calls))
    second = load_cached(FREE_TIER, FreeTierPrograms, _validate(calls))
    assert len(calls) == 1 and second == first and second is not first
    assert [p.name.split("-")[0] for p in cache.iterdir()] == ["free_tier"]


def test_a_changed_file_is_validated_again_and_the_stale_entry_removed(cache: Path, tmp_path: Path) -> None:
    data = tmp_path / "free_tier.yaml"
    data.write_bytes(FREE_TIER.read_bytes())
    calls: list[bytes] = []
    load_cached(data, FreeTierPrograms, _validate(calls))
    before = {p.name for p in cache.iterdir()}
    data.write_bytes(FREE_TIER.read_bytes() + b"\n# a comment changes the key\n")
    load_cached(data, FreeTierPrograms, _validate(calls))
    after = {p.name for p in cache.iterdir()}
    assert len(calls) == 2 and len(after) == 1 and after != before


def test_a_damaged_entry_is_ignored(cache: Path) -> None:
    calls: list[bytes] = []
    load_cached(FREE_TIER, FreeTierPrograms, _validate(calls))
    for damage in (b"", b"not a pickle", b"\x80\x05N."):  # the last one unpickles to None: the wrong type
        next(cache.iterdir()).write_bytes(damage)
        assert isinstance(load_cached(FREE_TIER, FreeTierPrograms, _validate(calls)), FreeTierPrograms)
    assert len(calls) == 4


def test_no_usable_cache_folder_means_validating_every_time(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "not-a-folder").write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "not-a-folder"))
    calls: list[bytes] = []
    load_cached(FREE_TIER, FreeTierPrograms, _validate(calls))
    load_cached(FREE_TIER, FreeTierPrograms, _validate(calls))
    assert len(calls) == 2


def test_a_command_with_cached_catalogues_builds_none_of_their_validators(tmp_path: Path) -> None:
    """The point of the cache: the catalogue types' validators (pydantic's deferred build) are never made."""
    code = (
        "import sys\n"
        "from generator.catalogue.framework import Framework, framework\n"
        "from generator.catalogue.prices import PriceCatalogue, default_catalogue\n"
        "from generator.catalogue.service_kinds import KindCatalogue, SERVICE_KINDS\n"
        "framework(); default_catalogue()\n"
        "print(*(type(t.__pydantic_validator__).__name__ for t in (Framework, PriceCatalogue, KindCatalogue)))\n"
    )
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    first, again = run_python(code, env), run_python(code, env)
    assert first.stdout.split() == ["SchemaValidator"] * 3  # validated: the validators were built
    assert again.stdout.split() == ["MockValSer"] * 3  # read from the cache: never built
