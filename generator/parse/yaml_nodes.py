"""YAML parser events to Python values in one pass: tags checked, numbers bounded, duplicate keys and
alias bombs refused, every key and value located.

Files of plain mappings, lists and untagged scalars (every model file in practice) are read by the C
reader in parse/_fastyaml.c when it was built, which gives the same data and source map about five
times faster; it hands anything else (anchors, tags, errors) to the loop below.

PyYAML's composer builds a node object per value and then the data is built from the nodes; on a
large file that doubled the work and kept a second copy of the file alive. Here each event from the
(C) parser is turned into data as it arrives, with an explicit stack (no recursion limit to hit), and
an alias is expanded from what its anchor recorded, so its cost is the size of the expansion, counted
against the limits before it is made.
"""

from __future__ import annotations

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from generator.diagnostics import Diagnostic, Location
from generator.parse.limits import Limits, NodeBudget
from generator.parse.sourcemap import SourceMap
from generator.parse.yaml12 import Parser, YamlProblem, located, syntax_hint
from generator.parse.yaml_builder import NO_KEY, Builder, _Open, problem

try:  # the C reader for the common case (parse/_fastyaml.c), built when libyaml's headers were there
    from generator.parse import _fastyaml
except ImportError:  # pragma: no cover - the Python reader below does everything, only slower
    _fastyaml = None
C_READER = _fastyaml is not None

_NODE_EVENTS = (ScalarEvent, AliasEvent, MappingStartEvent, SequenceStartEvent)


def _run(builder: Builder, parser) -> None:  # long: the hot loop, common cases inlined
    """Every event into data. Plain untagged scalars, keys and values, are nine in ten events of a
    model: they take the inlined path; anything unusual goes through the builder's methods."""
    get_event = parser.get_event
    display, stack, budget = builder.display, builder.stack, builder.budget
    record_value, record_key = builder.values.append, builder.keys.append
    max_depth, max_chars = builder.limits.max_depth, builder.limits.max_string_chars
    new_location = tuple.__new__  # a Location without the named tuple's keyword handling: 4x faster
    new_open, values, keys = _Open, builder.values, builder.keys
    documents = 0
    while True:
        event = get_event()
        kind = type(event)
        if kind is ScalarEvent and stack and event.anchor is None and event.tag is None:
            top = stack[-1]
            text = event.value
            mark = event.start_mark
            location = new_location(Location, (display, mark.line + 1, mark.column + 1))
            if top.is_map and top.key is NO_KEY:
                if text in top.seen or (text == "<<" and event.implicit[0]):
                    builder.key(event, top)  # reports it
                top.seen[text] = location
                top.key = text
                record_key((top.path + (text,), location))
                continue
            budget.used += 1
            if budget.used > budget.limit or len(stack) > max_depth or len(text) > max_chars:
                budget.used -= 1
                builder.scalar(event, builder.place(event))  # reports it
            value = builder.plain(text, location) if event.implicit[0] else text
            if top.is_map:
                record_value((top.path + (top.key,), location))
                top.value[top.key] = value
                top.key = NO_KEY
            else:
                record_value((top.path + (top.next_index,), location))
                top.next_index += 1
                top.value.append(value)
            continue
        if (kind is MappingStartEvent or kind is SequenceStartEvent) and len(stack) > 1 and event.anchor is None:
            top = stack[-1]
            if (
                event.tag is None
                and len(stack) <= max_depth
                and budget.used < budget.limit
                and (not top.is_map or top.key is not NO_KEY)
            ):
                # a nested collection without anchor or tag (top-level sections take the full path below:
                # their list items are numbered on from earlier files)
                budget.used += 1
                mark = event.start_mark
                location = new_location(Location, (display, mark.line + 1, mark.column + 1))
                container = {} if kind is MappingStartEvent else []
                if top.is_map:
                    path = top.path + (top.key,)
                    top.value[top.key] = container
                    top.key = NO_KEY
                else:
                    path = top.path + (top.next_index,)
                    top.next_index += 1
                    top.value.append(container)
                record_value((path, location))
                stack.append(new_open(container, path, None, len(values) - 1, len(keys)))
                continue
        if kind is StreamEndEvent or event is None:
            return
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            if stack[-1].anchor is None:
                stack.pop()
                continue
            builder.end()
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise problem(
                    located(display, event),
                    "Y001",
                    "YAML syntax error: file holds more than one YAML document (`---`)",
                    "keep one document per file; split documents into separate files",
                )
        elif kind in _NODE_EVENTS:
            path = builder.place(event)
            if path is None:
                builder.key(event, stack[-1])
            elif kind is ScalarEvent:
                builder.scalar(event, path)
            elif kind is AliasEvent:
                builder.alias(event, path)
            else:
                builder.start(event, path)


def _syntaxproblem(exc: yaml.MarkedYAMLError, text: str, display: str) -> Diagnostic:
    """A parser error as a located diagnostic, pointing where an unclosed construct began."""
    problem = exc.problem or exc.context or "invalid YAML"
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark is not None and "end of stream" in problem:
        mark = exc.context_mark  # where the unclosed string or collection began
        problem = f"{exc.context.removeprefix('while scanning ').removeprefix('while parsing ')} is never closed"
    elif exc.context_mark is not None and exc.context and exc.context_mark.line != mark.line:
        problem = f"{problem} ({exc.context} at line {exc.context_mark.line + 1})"
    location = Location(display, mark.line + 1, mark.column + 1) if mark else Location(display)
    lines = text.splitlines()
    line = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
    return Diagnostic(location, "Y001", f"YAML syntax error: {problem}", hint=syntax_hint(problem, line))


def load_yaml(
    text: str,
    display: str,
    limits: Limits,
    budget: NodeBudget | None = None,
    list_offsets: dict[str, int] | None = None,
) -> tuple[object, SourceMap]:
    """Parse one YAML document; raise YamlProblem with a located diagnostic on any failure.

    `list_offsets` numbers the items of a top-level list section from where earlier files left off,
    so the source map of a model split over files needs no renumbering when the files are merged.
    """
    budget = budget or NodeBudget(limits.max_nodes)
    if _fastyaml is not None:
        fast = _fastyaml.load(
            text,
            display,
            Location,
            Builder.plain_resolver(limits),
            limits.max_depth,
            limits.max_string_chars,
            budget.limit - budget.used,
            list_offsets or {},
        )
        if fast is not None:  # None: something out of the ordinary, which the reader below reports
            root, values, keys, used = fast
            budget.used += used
            return root, SourceMap(values, keys)
    builder = Builder(display, limits, budget, list_offsets or {})
    parser = Parser(text)
    try:
        _run(builder, parser)
    except yaml.MarkedYAMLError as exc:
        raise YamlProblem(_syntaxproblem(exc, text, display)) from None
    except yaml.YAMLError as exc:  # reader errors (control characters) have no problem_mark
        raise YamlProblem(
            Diagnostic(
                Location(display, 1, 1), "Y001", f"YAML error: {exc}", hint="remove control characters from the file"
            )
        ) from None
    finally:
        parser.dispose()
    if builder.root is NO_KEY:
        raise YamlProblem(
            Diagnostic(
                Location(display, 1, 1),
                "Y008",
                "file is empty: it holds no YAML content",
                hint="add content or delete the file",
            )
        )
    return builder.root, SourceMap(dict(builder.values), dict(builder.keys))
