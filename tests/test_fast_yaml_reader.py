"""The C reader (parse/_fastyaml.c) gives exactly what the Python reader gives, or hands the file over.

Compared on every YAML file of the project and its examples, a synthetic landscape, and a few hundred
files damaged at random: the same data with the same types, the same source map in the same order, the
same count against the node budget, and the same diagnostic where the file is wrong."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

import generator.parse.yaml_nodes as yaml_nodes
from generator.diagnostics import Location
from generator.parse import yaml12
from generator.parse.limits import DEFAULT_LIMITS, Limits, NodeBudget
from generator.parse.yaml12 import YamlProblem
from generator.parse.yaml_builder import Builder
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import synthetic_model  # noqa: E402

FAST = yaml_nodes._fastyaml
FILES = sorted(
    p
    for folder in (ROOT / "model", ROOT / "tests", *(ROOT / "examples").glob("*/model"))
    for p in folder.rglob("*.yaml")
)


def test_the_c_reader_is_built_where_run_sets_up() -> None:
    """`./run` installs libyaml's headers, so CI reads YAML in C; a build without it would only be slower."""
    assert FAST is not None, "generator/parse/_fastyaml.c was not built (is Debian's libyaml-dev installed?)"


def test_the_c_reader_knows_the_same_text_starts() -> None:
    assert frozenset(FAST.TEXT_START) == yaml12._TEXT_START


def _typed(value):
    """The value with every scalar's exact type (and a YamlInt's or YamlFloat's source) spelled out."""
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}, "dict"
    if isinstance(value, list):
        return [_typed(v) for v in value], "list"
    return repr(value), type(value).__name__, getattr(value, "source", None)


def _read(text: str, *, fast: bool, limits: Limits = DEFAULT_LIMITS, offsets=None, monkeypatch) -> tuple:
    monkeypatch.setattr(yaml_nodes, "_fastyaml", FAST if fast else None)
    budget = NodeBudget(limits.max_nodes)
    try:
        data, source_map = yaml_nodes.load_yaml(text, "f.yaml", limits, budget, offsets)
    except YamlProblem as exc:
        return ("problem", exc.diagnostic)
    return (
        _typed(data),
        [(path, type(loc).__name__, tuple(loc)) for path, loc in source_map.values.items()],
        [(path, type(loc).__name__, tuple(loc)) for path, loc in source_map.keys.items()],
        budget.used,
    )


def _same(text: str, monkeypatch, **kwargs) -> None:
    assert _read(text, fast=True, monkeypatch=monkeypatch, **kwargs) == _read(
        text, fast=False, monkeypatch=monkeypatch, **kwargs
    )


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_project_file_reads_the_same(path: Path, monkeypatch) -> None:
    _same(path.read_text(encoding="utf-8"), monkeypatch)


def test_a_synthetic_landscape_reads_the_same_with_its_list_numbering(monkeypatch) -> None:
    for _file, text in sorted(synthetic_model(600).items()):
        _same(text, monkeypatch, offsets={"containers": 7, "relationships": 3, "services": 11})


_DAMAGE = [
    "&a ",
    "*a ",
    "!!str ",
    "!!int ",
    "!custom ",
    "<<: ",
    ": ",
    "- ",
    "\t",
    "{",
    "}",
    "[",
    "]",
    "'",
    '"',
    "---\n",
    "? ",
    "|\n",
    ">-\n",
    "#",
    "0x1F",
    "0o17",
    "1e999",
    ".inf",
    "-.NaN",
    "~",
    "null",
    "True",
    "3.10",
    "1" * 70,
    "\u00e9",
    "\u2028",
    "key: value\n",
    "  ",
    "\n",
]


def _damaged(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(text) + 1)
        choice = rng.random()
        if choice < 0.5:
            text = text[:at] + rng.choice(_DAMAGE) + text[at:]
        elif choice < 0.8:
            text = text[:at] + text[at + rng.randint(1, 8) :]
        else:
            lines = text.splitlines(keepends=True)
            if lines:
                line = rng.randrange(len(lines))
                lines.insert(line, lines[line])  # a duplicated line: often a duplicate key
            text = "".join(lines)
    return text


def test_damaged_files_read_the_same_or_fail_the_same(monkeypatch) -> None:
    rng = random.Random(20261206)
    sources = [p.read_text(encoding="utf-8") for p in FILES if p.stat().st_size < 40_000]
    outcomes = {"problem": 0, "read": 0}
    for _ in range(400):
        text = _damaged(rng.choice(sources), rng)
        fast = _read(text, fast=True, monkeypatch=monkeypatch)
        assert fast == _read(text, fast=False, monkeypatch=monkeypatch), text
        outcomes["problem" if fast[0] == "problem" else "read"] += 1
    assert min(outcomes.values()) > 50  # both kinds were exercised


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",  # anchor and alias
        "a: !!str 1\n",  # a tag
        "a: 1\na: 2\n",  # duplicate key
        "a: {b: 1}\n<<: {c: 2}\n",  # merge key
        "a: 1\n---\nb: 2\n",  # two documents
        "a: [1, 2\n",  # syntax error
        "",  # empty
        "# only a comment\n",
        "? [a]\n: 1\n",  # a list as a key
        "a: " + "9" * 80 + "\n",  # a number over the length limit
    ],
)
def test_the_unusual_is_handed_to_the_python_reader(text: str, monkeypatch) -> None:
    resolver = Builder.plain_resolver(DEFAULT_LIMITS)
    assert FAST.load(text, "f.yaml", Location, resolver, 64, 20_000, 10**6, {}) is None
    _same(text, monkeypatch)


def test_limits_hand_over_at_the_same_place(monkeypatch) -> None:
    deep = "a:\n" + "".join("  " * i + "- \n" for i in range(1, 5)) + "  " * 5 + "- x\n"
    tight = Limits(max_nodes=3, max_depth=3, max_string_chars=5)
    for text in (deep, "a: 1\nb: 2\nc: 3\n", "a: abcdefgh\n", "a: [1, 2]\n"):
        _same(text, monkeypatch, limits=tight)


def test_a_budget_shared_over_files_is_counted_the_same(monkeypatch) -> None:
    text = "items:\n  - a\n  - b\nname: x\n"
    for fast in (True, False):
        monkeypatch.setattr(yaml_nodes, "_fastyaml", FAST if fast else None)
        budget = NodeBudget(100)
        budget.used = 95
        yaml_nodes.load_yaml(text, "f.yaml", DEFAULT_LIMITS, budget)
        assert budget.used == 100
        with pytest.raises(YamlProblem) as caught:
            yaml_nodes.load_yaml(text, "g.yaml", DEFAULT_LIMITS, budget)
        assert caught.value.diagnostic.code == "Y004"


def test_version_says_which_reader_runs() -> None:
    from tests.conftest import run_cli

    result = run_cli("--version", cwd=ROOT)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1] == "YAML reader: C (libyaml)"
