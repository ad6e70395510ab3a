"""Options: an overlay file replaces, adds or removes items of the base model, then validates like it.

An option file holds `option:` (id, title, ...), `remove:` (ids to drop from any list section), and
any model sections: list items replace the base item with the same id (or `from`/`to` pair for
relationships) or are added; mapping sections (`cost`, `well_architected`, ...) merge one level deep,
so an option restates only the keys it changes. Errors in option items are
located in the option's own file.

Scenario entries of the base `cost` section that name a removed service, or a service the option
replaces with one of another kind, and answer evidence or acknowledgements that point at a removed
element, were written for what is gone: they are dropped (an option that wants its own restates
that section's key).
"""

from __future__ import annotations

from generator.diagnostics import Diagnostic, Location
from generator.load.model_loader import (
    RawModel,
)
from generator.parse.sourcemap import SourceMap
from generator.parse.suggest import did_you_mean
from generator.schema import TOP_LEVEL_LISTS


def _item_key(section: str, item) -> object:
    if not isinstance(item, dict):
        return None
    if section == "relationships":
        return (item.get("from"), item.get("to"))
    return item.get("id")


def _kind_of(value) -> str:
    for kind, name in (
        (bool, "true/false"),
        ((int, float), "a number"),
        (str, "text"),
        (list, "a list"),
        (dict, "a mapping"),
    ):
        if isinstance(value, kind):
            return name
    return "nothing" if value is None else type(value).__name__


def _removals(value, overlay_map: SourceMap, display: str) -> tuple[list[str], list[Diagnostic]]:
    """`remove:` must be a list of ids; anything else is a located error, never an internal one."""
    if value is None:
        return [], []
    where = overlay_map.nearest(("remove",)) or Location(display, 1, 1)
    if not isinstance(value, list):
        return [], [
            Diagnostic(
                where,
                "S105",
                f"`remove` must be a list of ids, got {_kind_of(value)}",
                hint="write `remove: [id_one, id_two]`",
            )
        ]
    ids, problems = [], []
    for j, item in enumerate(value):
        if isinstance(item, str):
            ids.append(item)
        else:
            loc = overlay_map.nearest(("remove", j)) or where
            problems.append(
                Diagnostic(
                    loc,
                    "S105",
                    f"`remove` items must be ids (text), got {_kind_of(item)}",
                    hint="list the ids of base elements to remove",
                )
            )
    return ids, problems


class _ItemLocations:
    """A source map's entries grouped by the list item they sit under (`(section, index)`), built once,
    so re-numbering an item's locations costs its own entries, not a scan of the whole map."""

    def __init__(self, source_map: SourceMap) -> None:
        self.values: dict[tuple, list] = {}
        self.keys: dict[tuple, list] = {}
        for mapping, grouped in ((source_map.values, self.values), (source_map.keys, self.keys)):
            for path, loc in mapping.items():
                if len(path) >= 2 and path[0] in TOP_LEVEL_LISTS:
                    grouped.setdefault(path[:2], []).append((path[2:], loc))


def _unknown_removals(removed: list[str], base: RawModel, overlay_map: SourceMap, display: str) -> list:
    known = {
        _item_key(s, i) for s in TOP_LEVEL_LISTS for i in base.data.get(s, []) if isinstance(base.data.get(s), list)
    }
    problems = []
    for j, rid in enumerate(removed):
        if rid not in known:
            loc = overlay_map.nearest(("remove", j)) or Location(display, 1, 1)
            problems.append(
                Diagnostic(
                    loc,
                    "R201",
                    f"cannot remove {rid!r}: no such id in the base model",
                    hint=did_you_mean(rid, [k for k in known if isinstance(k, str)]) or "check the id",
                )
            )
    return problems


def _merged_section(section: str, base: RawModel, overlay: dict, removed: list) -> tuple[list, list]:
    """The section's items after the option, each with where it came from: (True for the option, index)."""
    base_items = base.data.get(section, []) if isinstance(base.data.get(section), list) else []
    new_items = overlay.get(section, []) if isinstance(overlay.get(section), list) else []
    replacements = {_item_key(section, item): (j, item) for j, item in enumerate(new_items)}
    merged, origins = [], []
    for i, item in enumerate(base_items):
        k = _item_key(section, item)
        if isinstance(item, dict) and (
            item.get("id") in removed
            or (section == "relationships" and (item.get("from") in removed or item.get("to") in removed))
        ):
            continue
        if k in replacements and k is not None:
            j, repl = replacements.pop(k)
            merged.append(repl)
            origins.append((True, j))
        else:
            merged.append(item)
            origins.append((False, i))
    for _, (j, item) in sorted(replacements.items(), key=lambda kv: kv[1][0]):
        merged.append(item)
        origins.append((True, j))
    return merged, origins


def apply_overlay(base: RawModel, overlay: dict, overlay_map: SourceMap, display: str) -> tuple[dict, SourceMap, list]:
    data: dict = dict(base.data.items())
    source_map = SourceMap()
    removed, problems = _removals(overlay.get("remove"), overlay_map, display)
    problems += _unknown_removals(removed, base, overlay_map, display)
    # start from the base's locations of the mapping sections; what the option replaces is re-pointed below
    for mapping, into in ((base.source_map.values, source_map.values), (base.source_map.keys, source_map.keys)):
        into.update((path, loc) for path, loc in mapping.items() if path and path[0] not in TOP_LEVEL_LISTS)
    located = {False: _ItemLocations(base.source_map), True: _ItemLocations(overlay_map)}
    for section in TOP_LEVEL_LISTS:
        merged, origins = _merged_section(section, base, overlay, removed)
        if merged or section in base.data or section in overlay:
            data[section] = merged
            src = overlay_map if section in overlay else base.source_map
            if (section,) in src.values:
                source_map.values[(section,)] = src.values[(section,)]
                source_map.keys[(section,)] = src.keys.get((section,), src.values[(section,)])
        for new_index, (from_option, old_index) in enumerate(origins):
            item = located[from_option]
            for rest, loc in item.values.get((section, old_index), ()):
                source_map.values[(section, new_index) + rest] = loc
            for rest, loc in item.keys.get((section, old_index), ()):
                source_map.keys[(section, new_index) + rest] = loc
    if "cost" not in overlay:
        _drop_stale_scenario_entries(data, base.data, removed)
    _drop_answer_references(data, overlay, removed)
    _overlay_mapping_sections(data, source_map, overlay, overlay_map)
    return data, source_map, problems


def _overlay_mapping_sections(data: dict, source_map: SourceMap, overlay: dict, overlay_map: SourceMap) -> None:
    """Mapping sections merge one level deep (the option restates only the keys it changes); any other
    section is replaced whole. Locations follow the values."""
    for key, value in overlay.items():
        if key in TOP_LEVEL_LISTS or key in ("option", "remove"):
            continue
        base_value = data.get(key)
        if isinstance(value, dict) and isinstance(base_value, dict):
            data[key] = {**base_value, **value}

            def replaced(path, key=key, value=value) -> bool:
                return len(path) >= 2 and path[0] == key and path[1] in value

        else:
            data[key] = value

            def replaced(path, key=key) -> bool:
                return bool(path) and path[0] == key

        for mapping, option_mapping in ((source_map.values, overlay_map.values), (source_map.keys, overlay_map.keys)):
            for path in [p for p in mapping if replaced(p)]:
                del mapping[path]
            mapping.update((p, loc) for p, loc in option_mapping.items() if replaced(p))


def _drop_answer_references(data: dict, overlay: dict, removed: list) -> None:
    """Answers and acknowledgements of the base that point at removed elements no longer apply."""
    wa = data.get("well_architected")
    own = overlay.get("well_architected") if isinstance(overlay.get("well_architected"), dict) else {}
    if not isinstance(wa, dict) or not removed:
        return
    wa = dict(wa)
    if "answers" not in own and isinstance(wa.get("answers"), list):
        wa["answers"] = [
            {**a, "elements": [e for e in a.get("elements", []) if e not in removed]}
            if isinstance(a, dict) and isinstance(a.get("elements"), list)
            else a
            for a in wa["answers"]
        ]
    if "acknowledgements" not in own and isinstance(wa.get("acknowledgements"), list):
        wa["acknowledgements"] = [
            a
            for a in wa["acknowledgements"]
            if not (
                isinstance(a, dict) and isinstance(a.get("finding"), str) and a["finding"].split("@")[-1] in removed
            )
        ]
    data["well_architected"] = wa


def _drop_stale_scenario_entries(data: dict, base_data: dict, removed: list) -> None:
    base_kinds = {s.get("id"): s.get("kind") for s in base_data.get("services", []) if isinstance(s, dict)}
    new_kinds = {s.get("id"): s.get("kind") for s in data.get("services", []) if isinstance(s, dict)}
    stale = {
        sid
        for sid in base_kinds
        if sid in removed or new_kinds.get(sid, base_kinds[sid]) != base_kinds[sid] or sid not in new_kinds
    }
    cost = data.get("cost")
    if not stale or not isinstance(cost, dict) or not isinstance(cost.get("scenarios"), list):
        return
    scenarios = []
    for scenario in cost["scenarios"]:
        if isinstance(scenario, dict):
            scenario = dict(scenario)
            for field in ("service_multipliers", "overrides", "sizing_overrides"):
                if isinstance(scenario.get(field), dict):
                    scenario[field] = {k: v for k, v in scenario[field].items() if k not in stale}
        scenarios.append(scenario)
    data["cost"] = {**cost, "scenarios": scenarios}


def sub_map(source_map: SourceMap, key: str) -> SourceMap:
    sub = SourceMap()
    for path, loc in source_map.values.items():
        if path and path[0] == key:
            sub.values[path[1:]] = loc
    for path, loc in source_map.keys.items():
        if path and path[0] == key:
            sub.keys[path[1:]] = loc
    return sub
