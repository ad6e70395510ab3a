"""Safe YAML loading with YAML 1.2 core scalars, duplicate-key detection and a source map.

PyYAML resolves scalars by YAML 1.1 rules (`no` -> False, `3.10` -> 3.1, `0755` -> 493) and keeps the
last of two duplicate keys silently. We only use its parser's events (nothing is constructed, so no
tag can execute code), resolve plain scalars ourselves by the YAML 1.2 core schema, and build the
data while recording where every key and value came from.
"""

from __future__ import annotations

import re

import yaml

from generator.diagnostics import Diagnostic, Location

PLAIN = "tag:archgen:plain"
STR = "tag:yaml.org,2002:str"
ALLOWED_TAGS = {
    PLAIN,
    STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
INT10 = re.compile(r"^[-+]?[0-9]+$")
INT8 = re.compile(r"^0o[0-7]+$")
INT16 = re.compile(r"^0x[0-9a-fA-F]+$")
FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")


class YamlInt(int):
    """An int that remembers how it was written, so a string field can get `010` back."""

    source: str

    def __new__(cls, value: int, source: str):
        obj = super().__new__(cls, value)
        obj.source = source
        return obj


class YamlFloat(float):
    """A float that remembers how it was written, so `3.10` stays `3.10` where text is expected."""

    source: str

    def __new__(cls, value: float, source: str):
        obj = super().__new__(cls, value)
        obj.source = source
        return obj


# libyaml's parser (C) when PyYAML was built with it: about ten times faster on large models. Only its
# parser is used: events are turned into data by archgen itself (parse/yaml_nodes.py), never constructed.
Parser = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader


class YamlProblem(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def located(display: str, node) -> Location:
    mark = node.start_mark
    return Location(display, mark.line + 1, mark.column + 1)


# a plain scalar starting with one of these is text under every core rule (null, bool, number, .inf/.nan
# start with n N t T f F ~ . + - or a digit): most of a model, resolved without trying the patterns
_TEXT_START = frozenset("abcdeghijklmopqrsuvwxyzABCDEGHIJKLMOPQRSUVWXYZ_/$@%^&*=<>?'\"")


def resolve_plain(value: str):
    """YAML 1.2 core schema resolution of a plain scalar."""
    if value[:1] in _TEXT_START:
        return value
    if _NULL.match(value):
        return None
    if _BOOL.match(value):
        return value.lower() == "true"
    if INT10.match(value):
        return YamlInt(int(value, 10), value)
    if INT8.match(value):
        return YamlInt(int(value[2:], 8), value)
    if INT16.match(value):
        return YamlInt(int(value[2:], 16), value)
    if FLOAT.match(value):
        return YamlFloat(float(value), value)
    if _INF.match(value):
        return YamlFloat(float("-inf") if value.startswith("-") else float("inf"), value)
    if _NAN.match(value):
        return YamlFloat(float("nan"), value)
    return value


def syntax_hint(problem: str, line: str = "") -> str:
    if "'\\t'" in problem or "tab" in problem or "\t" in line:
        return "YAML indentation must use spaces, not tabs"
    if "could not find expected ':'" in problem:
        return "a key needs a colon and a space after it (`key: value`); check for an unterminated string"
    if "never closed" in problem or "found unexpected end of stream" in problem:
        return "a quoted string or a flow collection ([...] / {...}) is not closed"
    if "expected ',' or ']'" in problem or "expected ',' or '}'" in problem:
        return "close the flow collection or separate its items with commas"
    if "mapping values are not allowed here" in problem:
        return "a value containing ': ' must be quoted, or the indentation is off"
    return "fix the YAML syntax at this position"
