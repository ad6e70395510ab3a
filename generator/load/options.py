"""Options: each file in model/options/ is an overlay on the base model, loaded and validated like it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from generator.diagnostics import Diagnostic, Location, display_path
from generator.errors import ModelInvalid
from generator.load.model_loader import (
    MODEL_SUFFIXES,
    OPTIONS_DIR,
    LoadedModel,
    RawModel,
    project_root,
    read_model,
    validate_model,
)
from generator.load.overlay import apply_overlay, sub_map
from generator.parse.files import FileRefused, read_source_file
from generator.parse.gc_pause import without_gc_pauses
from generator.parse.limits import DEFAULT_LIMITS
from generator.parse.pydantic_errors import diagnostics_from
from generator.parse.text import SourceRejected
from generator.parse.yaml12 import YamlProblem
from generator.parse.yaml_file import as_tuples, parse_file
from generator.schema.option import OptionInfo


@dataclass(frozen=True)
class LoadedOption:
    """An option: its header, its file, and the whole model it makes (the base with the option's changes)."""

    info: OptionInfo
    file: str
    loaded: LoadedModel


def option_files(model_dir: Path) -> list[Path]:
    """Every YAML file in model/options/ (links and odd files included: reading them says what is wrong)."""
    folder = model_dir / OPTIONS_DIR
    if not folder.is_dir() or folder.is_symlink():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in MODEL_SUFFIXES and not p.name.startswith("."))


def load_option(option_path: Path, base: RawModel, *, root: Path | None = None) -> LoadedOption:
    display = display_path(option_path, root)
    sources = dict(base.sources)
    try:
        raw_bytes = read_source_file(option_path, display, DEFAULT_LIMITS, project_root(option_path.parent.parent))
        parsed = parse_file(raw_bytes, display, DEFAULT_LIMITS, sources)
    except (FileRefused, SourceRejected, YamlProblem) as exc:
        raise ModelInvalid([exc.diagnostic], sources) from None
    if "option" not in parsed.data:
        raise ModelInvalid(
            [
                Diagnostic(
                    Location(display, 1, 1),
                    "S101",
                    "missing required section 'option' in an option file",
                    hint="start with `option: {id: ..., title: ...}`",
                )
            ],
            sources,
        )
    try:
        info = OptionInfo.model_validate(as_tuples(parsed.data.get("option")))
    except ValidationError as exc:
        diags = diagnostics_from(
            exc,
            parsed.data.get("option"),
            sub_map(parsed.source_map, "option"),
            OptionInfo,
            parsed.source_map.nearest(("option",)) or Location(display, 1, 1),
        )
        raise ModelInvalid(sorted(set(diags), key=Diagnostic.sort_key), sources) from None
    data, source_map, problems = apply_overlay(base, parsed.data, parsed.source_map, display)
    if problems:
        raise ModelInvalid(sorted(problems, key=Diagnostic.sort_key), sources)
    raw = RawModel(data, source_map, sources, base.files + [display], base.raw_files + [(display, raw_bytes)])
    return LoadedOption(info, display, validate_model(raw))


@without_gc_pauses
def load_model_and_options(path: Path, *, base: Path | None = None) -> tuple[LoadedModel, tuple[LoadedOption, ...]]:
    """The base model and every option under model/options/, each validated; all problems at once.

    `base` is the folder file names are shown relative to (default: the working directory).
    """
    raw = read_model(path, base=base)
    problems: list[Diagnostic] = []
    sources = dict(raw.sources)
    try:
        loaded = validate_model(raw)
    except ModelInvalid as exc:
        problems += exc.diagnostics
        loaded = None
    options = []
    # an option is the base plus an overlay: while the base is invalid, options would only repeat its problems
    if path.is_dir() and loaded is not None:
        seen = set(problems)
        for option_path in option_files(path):
            try:
                options.append(load_option(option_path, raw, root=base))
            except ModelInvalid as exc:
                fresh = [d for d in exc.diagnostics if d not in seen]
                seen.update(fresh)
                problems += fresh
                sources.update(exc.sources)
    if problems:
        raise ModelInvalid(sorted(set(problems), key=Diagnostic.sort_key), sources)
    ids = [o.info.id for o in options]
    if len(ids) != len(set(ids)):
        dup = next(i for i in ids if ids.count(i) > 1)
        raise ModelInvalid(
            [
                Diagnostic(
                    Location(options[ids.index(dup, ids.index(dup) + 1)].file, 1, 1),
                    "R202",
                    f"two options have the id {dup!r}",
                    hint="give each option its own id",
                )
            ],
            sources,
        )
    chosen = [o for o in options if o.info.chosen]
    if len(chosen) > 1:
        raise ModelInvalid(
            [
                Diagnostic(
                    Location(o.file, 1, 1),
                    "R213",
                    f"option {o.info.id!r} is marked chosen, and so is {chosen[0].info.id!r}",
                    hint="at most one option can be chosen; set `chosen: false` on the others",
                )
                for o in chosen[1:]
            ],
            sources,
        )
    return loaded, tuple(options)
