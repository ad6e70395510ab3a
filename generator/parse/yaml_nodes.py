"""YAML nodes to Python values: tags checked, numbers bounded, duplicate keys reported, every value located."""

from __future__ import annotations

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from generator.diagnostics import Diagnostic, Location
from generator.parse.limits import Limits, NodeBudget
from generator.parse.sourcemap import SourceMap
from generator.parse.yaml12 import (
    ALLOWED_TAGS,
    FLOAT,
    INT8,
    INT10,
    INT16,
    PLAIN,
    STR,
    Loader,
    YamlProblem,
    located,
    resolve_plain,
    syntax_hint,
)


class NodeBuilder:
    def __init__(self, display: str, limits: Limits, budget: NodeBudget) -> None:
        self.display = display
        self.limits = limits
        self.source_map = SourceMap()
        self.budget = budget

    def build(self, node, path: tuple, depth: int):
        if not self.budget.spend():
            raise YamlProblem(
                Diagnostic(
                    located(self.display, node),
                    "Y004",
                    f"the model expands to more than {self.budget.limit:,} values in all (an alias bomb?)",
                    hint="avoid nesting anchors and aliases; write the values out",
                )
            )
        if depth > self.limits.max_depth:
            raise YamlProblem(
                Diagnostic(
                    located(self.display, node),
                    "Y005",
                    f"nesting is deeper than {self.limits.max_depth} levels",
                    hint="flatten the structure; the model never needs this depth",
                )
            )
        if node.tag not in ALLOWED_TAGS:
            raise YamlProblem(
                Diagnostic(
                    located(self.display, node),
                    "Y003",
                    f"tag {node.tag!r} is not allowed: archgen loads plain YAML data only and never runs tags",
                    hint="remove the tag",
                )
            )
        self.source_map.values[path] = located(self.display, node)
        if isinstance(node, MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, SequenceNode):
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _scalar(self, node: ScalarNode):
        if len(node.value) > self.limits.max_string_chars:
            raise YamlProblem(
                Diagnostic(
                    located(self.display, node),
                    "Y006",
                    f"value is {len(node.value):,} characters, over the {self.limits.max_string_chars:,} limit",
                    hint="shorten it or link to a document instead",
                )
            )
        if node.tag == PLAIN:
            return self._plain(node)
        if node.tag == STR:
            return node.value
        # an explicit core tag such as !!int: resolve the text, then check it fits the tag
        value = self._plain(node)
        kind = node.tag.rsplit(":", 1)[-1]
        expected = {"int": int, "float": (int, float), "bool": bool, "null": type(None)}[kind]
        if not isinstance(value, expected) or (kind == "int" and isinstance(value, bool)):
            raise YamlProblem(
                Diagnostic(
                    located(self.display, node),
                    "Y003",
                    f"value {node.value!r} does not match its tag !!{kind}",
                    hint="remove the tag or fix the value",
                )
            )
        return value

    def _plain(self, node: ScalarNode):
        """A plain scalar resolved by YAML 1.2 core rules; numbers are bounded before Python converts them."""
        numeric = (
            INT10.match(node.value) or INT8.match(node.value) or INT16.match(node.value) or FLOAT.match(node.value)
        )
        if numeric and len(node.value) > self.limits.max_number_chars:
            raise YamlProblem(
                Diagnostic(
                    located(self.display, node),
                    "Y010",
                    f"number is {len(node.value):,} characters long, over the {self.limits.max_number_chars} limit",
                    hint="quote it if it is text; no quantity in a model needs this many digits",
                )
            )
        try:
            return resolve_plain(node.value)
        except (ValueError, OverflowError):
            raise YamlProblem(
                Diagnostic(
                    located(self.display, node),
                    "Y010",
                    "number cannot be represented",
                    hint="quote it if it is text, or write a smaller number",
                )
            ) from None

    def _mapping(self, node: MappingNode, path: tuple, depth: int) -> dict:
        result: dict = {}
        seen: dict[str, Location] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge" or (key_node.value == "<<" and key_node.tag == PLAIN):
                raise YamlProblem(
                    Diagnostic(
                        located(self.display, key_node),
                        "Y003",
                        "merge keys (`<<`) are not supported",
                        hint="write the keys out explicitly",
                    )
                )
            if not isinstance(key_node, ScalarNode):
                raise YamlProblem(
                    Diagnostic(
                        located(self.display, key_node),
                        "Y010",
                        "a mapping key must be a plain name, not a list or mapping",
                        hint="use a simple name as the key",
                    )
                )
            key = key_node.value
            key_loc = located(self.display, key_node)
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


def _expanded_size(node, memo: dict[int, int], depth: int, max_depth: int) -> int:
    """Values `node` becomes once aliases are expanded (each distinct node measured once)."""
    if id(node) in memo:
        return memo[id(node)]
    if depth > max_depth:
        return 1  # the builder reports the nesting with its location
    size = 1
    if isinstance(node, MappingNode):
        size += sum(
            _expanded_size(k, memo, depth + 1, max_depth) + _expanded_size(v, memo, depth + 1, max_depth)
            for k, v in node.value
        )
    elif isinstance(node, SequenceNode):
        size += sum(_expanded_size(item, memo, depth + 1, max_depth) for item in node.value)
    memo[id(node)] = size
    return size


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, display: str) -> Diagnostic:
    """A parser error as a located diagnostic, pointing where an unclosed construct began."""
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
        return_hint = syntax_hint(problem, line)
    return Diagnostic(location, "Y001", f"YAML syntax error: {problem}", hint=return_hint)


def _check_size(node, display: str, limits: Limits, budget: NodeBudget) -> None:
    """Aliases share nodes: the expanded size is counted over distinct nodes first, so a bomb is
    refused in time proportional to the file, not to what it would expand to."""
    memo: dict[int, int] = {}
    expanded = _expanded_size(node, memo, 0, limits.max_depth)
    if expanded - len(memo) > limits.max_alias_values:
        raise YamlProblem(
            Diagnostic(
                located(display, node),
                "Y004",
                f"aliases in this file expand to {expanded - len(memo):,} more values, over the "
                f"{limits.max_alias_values:,} limit (an alias bomb?)",
                hint="avoid nesting anchors and aliases; write the values out",
            )
        )
    if budget.used + expanded > budget.limit:
        raise YamlProblem(
            Diagnostic(
                located(display, node),
                "Y004",
                f"the model holds more than {budget.limit:,} values in all",
                hint="a model this large is almost certainly generated by mistake; split it or trim it",
            )
        )


def load_yaml(text: str, display: str, limits: Limits, budget: NodeBudget | None = None) -> tuple[object, SourceMap]:
    """Parse one YAML document; raise YamlProblem with a located diagnostic on any failure."""
    try:
        loader = Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        raise YamlProblem(_syntax_problem(exc, text, display)) from None
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
    budget = budget or NodeBudget(limits.max_nodes)
    _check_size(node, display, limits, budget)
    builder = NodeBuilder(display, limits, budget)
    try:
        data = builder.build(node, (), 0)
    except RecursionError:
        raise YamlProblem(
            Diagnostic(Location(display, 1, 1), "Y005", "nesting is too deep", hint="flatten the structure")
        ) from None
    return data, builder.source_map
