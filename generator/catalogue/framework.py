"""The Well-Architected question catalogue (data file) and its loader."""

from __future__ import annotations

from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from generator.parse.data_file import load_data_file
from generator.values import CatalogueData, Name, Text, Url

PATH = Path(__file__).resolve().parent / "data" / "wellarchitected.yaml"
Risk = Literal["HIGH", "MEDIUM", "LOW"]


class Practice(CatalogueData):
    id: Name = Field(pattern=r"^(OPS|SEC|REL|PERF|COST|SUS)\d{2}-BP\d{2}$")
    risk: Risk
    title: Text
    page: Name = Field(pattern=r"^[a-z0-9_]+$")  # its page under the framework's `pages` address, without .html

    @model_validator(mode="before")
    @classmethod
    def _from_row(cls, value):
        if isinstance(value, (list, tuple)) and len(value) == 4:
            return {"id": value[0], "risk": value[1], "title": value[2], "page": value[3]}
        return value


class Question(CatalogueData):
    id: Name = Field(pattern=r"^(OPS|SEC|REL|PERF|COST|SUS) \d{1,2}$")
    title: Text
    practices: tuple[Practice, ...] = Field(min_length=1)


class Pillar(CatalogueData):
    id: Name
    name: Name
    prefix: Name
    source: Url
    questions: tuple[Question, ...] = Field(min_length=1)


class FrameworkInfo(CatalogueData):
    name: Name
    version: Name  # the revision: the latest date in the pillars' "Document revisions"
    read: Name
    source: Url
    pages: Url


class Framework(CatalogueData):
    framework: FrameworkInfo
    pillars: tuple[Pillar, ...] = Field(min_length=6, max_length=6)

    @cached_property
    def questions(self) -> dict[str, Question]:
        return {q.id: q for p in self.pillars for q in p.questions}

    @cached_property
    def practices(self) -> dict[str, Practice]:
        return {bp.id: bp for p in self.pillars for q in p.questions for bp in q.practices}

    @cached_property
    def pillar_of_question(self) -> dict[str, Pillar]:
        return {q.id: p for p in self.pillars for q in p.questions}

    def practice_url(self, practice_id: str) -> str:
        return f"{self.framework.pages}{self.practices[practice_id].page}.html"

    def question_of_practice(self, practice_id: str) -> Question | None:
        prefix, number = practice_id.split("-")[0][:-2], int(practice_id.split("-")[0][-2:])
        return self.questions.get(f"{prefix} {number}")


@lru_cache(maxsize=1)
def framework() -> Framework:
    return load_data_file(PATH, Framework)


def normalise_question_id(value: str) -> str:
    """`SEC1`, `SEC 1` and `SEC 01` all mean `SEC 1`."""
    letters = value.rstrip("0123456789 ").strip()
    digits = value[len(letters) :].strip()
    return f"{letters} {int(digits)}" if digits else value
