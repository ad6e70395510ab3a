"""Where each icon's PNG is in the `diagrams` package, found without importing its provider modules.

Finding an icon through its class (`diagrams.aws.compute.Fargate`: `_icon_dir` and `_icon`) imports
the provider module and every class in it: nine modules and 8 ms of every build of the example. The
icons archgen names itself (its service kinds, the views' people, internet and tool icons) are listed
in `icon_files.json`, relative to the package's resources folder; any other icon, or a listed one
whose file is missing (another `diagrams` release), is found through its class as before.

After adding a service kind or an icon to a view, regenerate the list (a test fails until you do):

    python -m generator.render.icon_files
"""

from __future__ import annotations

import importlib
import json
import sys
from functools import cache
from pathlib import Path

from generator.render.svg_icons import RESOURCES
from generator.views.diagram import VIEW_ICONS

TABLE = Path(__file__).resolve().parent / "icon_files.json"


@cache
def _table() -> dict[str, str]:
    try:
        table = json.loads(TABLE.read_bytes())
    except (OSError, ValueError):
        return {}
    return table if isinstance(table, dict) else {}


@cache
def icon_class(icon: str):
    """The diagrams class for "module.Class" (under diagrams.aws) or "provider.module.Class"."""
    parts = icon.split(".")
    module_name = "diagrams.aws." + parts[0] if len(parts) == 2 else "diagrams." + ".".join(parts[:-1])
    try:
        return getattr(importlib.import_module(module_name), parts[-1])
    except (ImportError, AttributeError):
        return None


def _through_class(icon: str) -> str | None:
    cls = icon_class(icon)
    if cls is None or not getattr(cls, "_icon", None):
        return None
    return f"{cls._icon_dir.removeprefix('resources/')}/{cls._icon}"


@cache
def icon_file(icon: str) -> Path | None:
    """The icon's PNG, or None when `diagrams` has no such icon (looked up once per icon, not per node)."""
    listed = _table().get(icon)
    if listed is not None and (RESOURCES / listed).is_file():
        return RESOURCES / listed
    found = _through_class(icon)
    return None if found is None else RESOURCES / found


def named_icons() -> list[str]:
    """Every icon archgen names itself: the service kinds', the fallback and the views' own."""
    from generator.catalogue.service_kinds import FALLBACK_ICON, SERVICE_KINDS  # noqa: PLC0415

    return sorted({kind.icon for kind in SERVICE_KINDS.values()} | {FALLBACK_ICON, *VIEW_ICONS})


def current_table() -> dict[str, str]:
    """The list as the installed `diagrams` has it (each icon found through its class)."""
    return {icon: path for icon in named_icons() if (path := _through_class(icon)) is not None}


def main(argv: list[str]) -> int:
    text = json.dumps(current_table(), indent=1, sort_keys=True) + "\n"
    if argv[1:] == ["--check"]:
        return 0 if TABLE.is_file() and TABLE.read_text() == text else 1
    TABLE.write_text(text)
    print(f"wrote {TABLE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
