"""The AWS Free Tier programs (data file), so every page can say which one an estimate assumes and why."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from generator.parse.data_file import load_data_file
from generator.values import CatalogueData, Name, Text, Url

PATH = Path(__file__).resolve().parent / "data" / "free_tier.yaml"


class Program(CatalogueData):
    title: Name
    summary: Text


class FreeTierPrograms(CatalogueData):
    read: Name
    source: Url
    programs: dict[str, Program]


@lru_cache(maxsize=1)
def free_tier_programs() -> FreeTierPrograms:
    return load_data_file(PATH, FreeTierPrograms)
