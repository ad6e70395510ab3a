"""Load a model folder (or one file): read, parse, merge, validate shape, then references."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from generator.diagnostics import Diagnostic, Location, display_path
from generator.errors import ModelInvalid, UsageError
from generator.load.references import check_references
from generator.parse.files import FileRefused, read_source_file, yaml_files_under
from generator.parse.gc_pause import without_gc_pauses
from generator.parse.limits import DEFAULT_LIMITS, Limits, NodeBudget
from generator.parse.pydantic_errors import diagnostics_from
from generator.parse.sourcemap import SourceMap
from generator.parse.text import SourceRejected
from generator.parse.yaml12 import YamlProblem
from generator.parse.yaml_file import ParsedFile, as_tuples, parse_file
from generator.schema import TOP_LEVEL_LISTS, Model

MODEL_SUFFIXES = (".yaml", ".yml")
OPTIONS_DIR = "options"  # alternatives to the base model live in model/options/, one overlay per file


@dataclass(frozen=True)
class LoadedModel:
    """A validated model with what messages need to locate its values: source map, file texts, file names, hash."""

    model: Model
    source_map: SourceMap
    sources: dict[str, str]
    files: tuple[str, ...]
    content_hash: str
    warnings: tuple[Diagnostic, ...] = field(default=())


def model_files(path: Path, limits: Limits = DEFAULT_LIMITS) -> list[Path]:
    if not path.exists():
        raise UsageError(
            f"model path {path.as_posix()!r} does not exist",
            hint="pass the model folder (default: model/) or a model YAML file",
        )
    if path.is_file():
        return [path]
    files = yaml_files_under(path, MODEL_SUFFIXES, OPTIONS_DIR)
    if not files:
        raise UsageError(f"no .yaml files in {path.as_posix()!r}", hint="put the model's YAML files in this folder")
    if len(files) > limits.max_files:
        raise UsageError(f"{len(files)} model files in {path.as_posix()!r}, over the limit of {limits.max_files}")
    return files


def project_root(model_path: Path) -> Path:
    """The folder links in the model may point into: the project holding the model folder."""
    folder = model_path if model_path.is_dir() else model_path.parent
    return folder.resolve().parent


def merge(parsed: list[ParsedFile]) -> tuple[dict, SourceMap, list[Diagnostic]]:
    """Join files: list sections concatenate, every other section may appear in one file only.

    Files were parsed with their list items numbered on from the earlier files (`list_offsets`), so
    their source maps join as they are; a section's own key keeps the file that opened it.
    """
    data: dict = {}
    source_map = SourceMap()
    problems: list[Diagnostic] = []
    for pf in parsed:
        refused = set()
        kept = {}
        for key, value in pf.data.items():
            if key in TOP_LEVEL_LISTS and isinstance(value, list) and isinstance(data.get(key, []), list):
                if key in data:
                    kept[(key,)] = (source_map.keys[(key,)], source_map.values[(key,)])
                data.setdefault(key, []).extend(value)
            elif key in data:
                first = source_map.keys[(key,)]
                problems.append(
                    Diagnostic(
                        pf.source_map.keys[(key,)],
                        "Y011",
                        f"section {key!r} is already defined in {first.file}:{first.line}:{first.column}",
                        hint="define each section in one file (only list sections may be split)",
                    )
                )
                refused.add(key)
            else:
                data[key] = value
        if refused:
            source_map.values.update(
                (p, loc) for p, loc in pf.source_map.values.items() if p[:1] and p[0] not in refused
            )
            source_map.keys.update((p, loc) for p, loc in pf.source_map.keys.items() if p[0] not in refused)
        else:
            source_map.values.update(pf.source_map.values)
            source_map.keys.update(pf.source_map.keys)
        source_map.values.pop((), None)
        for path, (key_loc, value_loc) in kept.items():
            source_map.keys[path], source_map.values[path] = key_loc, value_loc
    return data, source_map, problems


def content_hash(raw_files: list[tuple[str, bytes]]) -> str:
    digest = hashlib.sha256()
    for name, raw in sorted(raw_files):
        digest.update(name.encode() + b"\0" + hashlib.sha256(raw).digest())
    return digest.hexdigest()[:12]


@dataclass
class RawModel:
    """The merged YAML data of a model, before validation, with where everything came from."""

    data: dict
    source_map: SourceMap
    sources: dict[str, str]
    files: list[str]
    raw_files: list[tuple[str, bytes]]


@without_gc_pauses
def read_model(path: Path, *, limits: Limits = DEFAULT_LIMITS, base: Path | None = None) -> RawModel:
    """Read, parse and merge the model's files; raise ModelInvalid on file and YAML problems."""
    files = model_files(path, limits)
    sources: dict[str, str] = {}
    problems: list[Diagnostic] = []
    parsed: list[ParsedFile] = []
    raw_files: list[tuple[str, bytes]] = []
    total = 0
    budget = NodeBudget(limits.max_nodes)  # shared by every file of the model
    list_offsets: dict[str, int] = {}  # items of each list section read so far: the next file numbers on
    for file in files:
        display = display_path(file, base)
        try:
            raw = read_source_file(file, display, limits, project_root(path))
        except FileRefused as exc:
            problems.append(exc.diagnostic)
            continue
        total += len(raw)
        raw_files.append((display, raw))
        if total > limits.max_total_bytes:
            problems.append(
                Diagnostic(
                    Location(display),
                    "Y006",
                    f"the model is over the {limits.max_total_bytes:,}-byte limit in total",
                    hint="a model this large is almost certainly generated by mistake",
                )
            )
            break
        try:
            parsed.append(parse_file(raw, display, limits, sources, budget, list_offsets))
        except (SourceRejected, YamlProblem) as exc:
            problems.append(exc.diagnostic)
            continue
        for key, value in parsed[-1].data.items():
            if key in TOP_LEVEL_LISTS and isinstance(value, list):
                list_offsets[key] = list_offsets.get(key, 0) + len(value)
    if problems:
        raise ModelInvalid(sorted(problems, key=Diagnostic.sort_key), sources)
    data, source_map, problems = merge(parsed)
    if problems:
        raise ModelInvalid(sorted(problems, key=Diagnostic.sort_key), sources)
    return RawModel(data, source_map, sources, [display_path(f, base) for f in files], raw_files)


@without_gc_pauses
def validate_model(raw: RawModel) -> LoadedModel:
    """Shape, then references; raise ModelInvalid with every problem of the first failing stage."""
    data, source_map, sources = raw.data, raw.source_map, raw.sources
    fallback = Location(raw.files[0], 1, 1)
    try:
        model = Model.model_validate(as_tuples(data))
    except ValidationError as exc:
        diags = diagnostics_from(exc, data, source_map, Model, fallback)
        raise ModelInvalid(sorted(set(diags), key=Diagnostic.sort_key), sources) from None
    found = check_references(model, source_map, fallback)
    errors = [d for d in found if d.severity == "error"]
    if errors:
        raise ModelInvalid(sorted(set(errors), key=Diagnostic.sort_key), sources)
    warnings = tuple(sorted({d for d in found if d.severity != "error"}, key=Diagnostic.sort_key))
    return LoadedModel(model, source_map, sources, tuple(raw.files), content_hash(raw.raw_files), warnings)


def load_model(path: Path, *, limits: Limits = DEFAULT_LIMITS, base: Path | None = None) -> LoadedModel:
    """Load and validate the model at `path`; raise ModelInvalid with every problem found."""
    return validate_model(read_model(path, limits=limits, base=base))
