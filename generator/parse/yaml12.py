"""Safe YAML loading with YAML 1.2 core scalars, duplicate-key detection and a source map.

PyYAML resolves scalars by YAML 1.1 rules (`no` -> False, `3.10` -> 3.1, `0755` -> 493) and keeps the
last of two duplicate keys silently. We only use its composer (which never constructs objects, so no
tag can execute code), resolve plain scalars ourselves by the YAML 1.2 core schema, and build the
data while recording where every key and value came from.
"""

from __future__ import annotations

import re

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from generator.diagnostics import Diagnostic, Location
from generator.parse.limits import Limits
from generator.parse.sourcemap import SourceMap

_PLAIN = "tag:archgen:plain"
_STR = "tag:yaml.org,2002:str"
_ALLOWED_TAGS = {
    _PLAIN,
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT10 = re.compile(r"^[-+]?[0-9]+$")
_INT8 = re.compile(r"^0o[0-7]+$")
_INT16 = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
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


class _PlainMarker:
    """Composer only; every plain scalar gets a marker tag that we resolve by YAML 1.2 rules."""

    def resolve(self, kind, value, implicit):  # noqa: D401 - PyYAML hook
        if kind is ScalarNode and implicit[0]:
            return _PLAIN
        return super().resolve(kind, value, implicit)


# libyaml's parser (C) when PyYAML was built with it: about ten times faster on large models
_Base = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader


class _Loader(_PlainMarker, _Base):
    pass


class YamlProblem(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def _loc(display: str, node) -> Location:
    mark = node.start_mark
    return Location(display, mark.line + 1, mark.column + 1)


def resolve_plain(value: str):
    """YAML 1.2 core schema resolution of a plain scalar."""
    if _NULL.match(value):
        return None
    if _BOOL.match(value):
        return value.lower() == "true"
    if _INT10.match(value):
        return YamlInt(int(value, 10), value)
    if _INT8.match(value):
        return YamlInt(int(value[2:], 8), value)
    if _INT16.match(value):
        return YamlInt(int(value[2:], 16), value)
    if _FLOAT.match(value):
        return YamlFloat(float(value), value)
    if _INF.match(value):
        return YamlFloat(float("-inf") if value.startswith("-") else float("inf"), value)
    if _NAN.match(value):
        return YamlFloat(float("nan"), value)
    return value


def _syntax_hint(problem: str, line: str = "") -> str:
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


class _Builder:
    def __init__(self, display: str, limits: Limits) -> None:
        self.display = display
        self.limits = limits
        self.source_map = SourceMap()
        self.count = 0

    def build(self, node, path: tuple, depth: int):
        self.count += 1
        if self.count > self.limits.max_nodes:
            raise YamlProblem(
                Diagnostic(
                    _loc(self.display, node),
                    "Y004",
                    f"document expands to more than {self.limits.max_nodes:,} values (an alias bomb?)",
                    hint="avoid nesting anchors and aliases; write the values out",
                )
            )
        if depth > self.limits.max_depth:
            raise YamlProblem(
                Diagnostic(
                    _loc(self.display, node),
                    "Y005",
                    f"nesting is deeper than {self.limits.max_depth} levels",
                    hint="flatten the structure; the model never needs this depth",
                )
            )
        if node.tag not in _ALLOWED_TAGS:
            raise YamlProblem(
                Diagnostic(
                    _loc(self.display, node),
                    "Y003",
                    f"tag {node.tag!r} is not allowed: archgen loads plain YAML data only and never runs tags",
                    hint="remove the tag",
                )
            )
        self.source_map.values[path] = _loc(self.display, node)
        if isinstance(node, MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, SequenceNode):
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _scalar(self, node: ScalarNode):
        if len(node.value) > self.limits.max_string_chars:
            raise YamlProblem(
                Diagnostic(
                    _loc(self.display, node),
                    "Y006",
                    f"value is {len(node.value):,} characters, over the {self.limits.max_string_chars:,} limit",
                    hint="shorten it or link to a document instead",
                )
            )
        if node.tag == _PLAIN:
            return resolve_plain(node.value)
        if node.tag == _STR:
            return node.value
        # an explicit core tag such as !!int: resolve the text, then check it fits the tag
        value = resolve_plain(node.value)
        kind = node.tag.rsplit(":", 1)[-1]
        expected = {"int": int, "float": (int, float), "bool": bool, "null": type(None)}[kind]
        if not isinstance(value, expected) or (kind == "int" and isinstance(value, bool)):
            raise YamlProblem(
                Diagnostic(
                    _loc(self.display, node),
                    "Y003",
                    f"value {node.value!r} does not match its tag !!{kind}",
                    hint="remove the tag or fix the value",
                )
            )
        return value

    def _mapping(self, node: MappingNode, path: tuple, depth: int) -> dict:
        result: dict = {}
        seen: dict[str, Location] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge" or (key_node.value == "<<" and key_node.tag == _PLAIN):
                raise YamlProblem(
                    Diagnostic(
                        _loc(self.display, key_node),
                        "Y003",
                        "merge keys (`<<`) are not supported",
                        hint="write the keys out explicitly",
                    )
                )
            if not isinstance(key_node, ScalarNode):
                raise YamlProblem(
                    Diagnostic(
                        _loc(self.display, key_node),
                        "Y010",
                        "a mapping key must be a plain name, not a list or mapping",
                        hint="use a simple name as the key",
                    )
                )
            key = key_node.value
            key_loc = _loc(self.display, key_node)
            if key in seen:
                first = seen[key]
                raise YamlProblem(
                    Diagnostic(
                        key_loc,
                        "Y002",
                        f"duplicate key {key!r}: first defined at line {first.line}, column {first.column}",
                        hint="remove one of the two; YAML parsers would silently keep only the last",
                    )
                )
            seen[key] = key_loc
            self.source_map.keys[path + (key,)] = key_loc
            result[key] = self.build(value_node, path + (key,), depth + 1)
        return result


def load_yaml(text: str, display: str, limits: Limits) -> tuple[object, SourceMap]:
    """Parse one YAML document; raise YamlProblem with a located diagnostic on any failure."""
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        problem = exc.problem or exc.context or "invalid YAML"
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark is not None and "end of stream" in problem:
            mark = exc.context_mark  # where the unclosed string or collection began
            problem = f"{exc.context.removeprefix('while scanning ').removeprefix('while parsing ')} is never closed"
        elif exc.context_mark is not None and exc.context and exc.context_mark.line != mark.line:
            problem = f"{problem} ({exc.context} at line {exc.context_mark.line + 1})"
        location = Location(display, mark.line + 1, mark.column + 1) if mark else Location(display)
        if "expected a single document" in str(exc):
            problem = "file holds more than one YAML document (`---`)"
            return_hint = "keep one document per file; split documents into separate files"
        else:
            lines = text.splitlines()
            line = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
            return_hint = _syntax_hint(problem, line)
        raise YamlProblem(Diagnostic(location, "Y001", f"YAML syntax error: {problem}", hint=return_hint)) from None
    except yaml.YAMLError as exc:  # reader errors (control characters) have no problem_mark
        raise YamlProblem(
            Diagnostic(
                Location(display, 1, 1), "Y001", f"YAML error: {exc}", hint="remove control characters from the file"
            )
        ) from None
    except RecursionError:
        raise YamlProblem(
            Diagnostic(Location(display, 1, 1), "Y005", "nesting is too deep to parse", hint="flatten the structure")
        ) from None
    if node is None:
        raise YamlProblem(
            Diagnostic(
                Location(display, 1, 1),
                "Y008",
                "file is empty: it holds no YAML content",
                hint="add content or delete the file",
            )
        )
    builder = _Builder(display, limits)
    try:
        data = builder.build(node, (), 0)
    except RecursionError:
        raise YamlProblem(
            Diagnostic(Location(display, 1, 1), "Y005", "nesting is too deep", hint="flatten the structure")
        ) from None
    return data, builder.source_map
