"""mkdocs.yml is read by archgen before MkDocs sees it: the tags Material's documented extensions use
are accepted, tags that create or call Python objects are refused with their location, and the folders
archgen owns cannot be moved elsewhere."""

from __future__ import annotations

from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.errors import ArchgenError, UsageError

SAFE_PREFIXES = (
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:binary",
    "tag:yaml.org,2002:merge",
    "tag:yaml.org,2002:value",
    "tag:yaml.org,2002:python/name:",  # a reference to a function (pymdownx emoji, superfences formats)
    "!ENV",
    "!relative",  # MkDocs' own tags
)
OWNED_FOLDERS = {"docs_dir": "docs", "site_dir": "site"}


class MkDocsConfigRefused(ArchgenError):
    """mkdocs.yml asks for something archgen will not run or honour."""


def _where(config_file: Path, node: Node) -> str:
    return f"{config_file.as_posix()}:{node.start_mark.line + 1}:{node.start_mark.column + 1}"


_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _walk(node: Node):
    yield node
    if isinstance(node, MappingNode):
        for key, value in node.value:
            yield from _walk(key)
            yield from _walk(value)
    elif isinstance(node, SequenceNode):
        for item in node.value:
            yield from _walk(item)


def check_mkdocs_config(config_file: Path) -> None:
    """Raise a located error for object-creating tags, and for docs_dir/site_dir pointing elsewhere."""
    if not config_file.is_file():
        raise UsageError(
            f"no MkDocs configuration at {config_file.as_posix()}",
            hint="run from the project root (where mkdocs.yml is) or pass --project",
        )
    try:
        # compose never runs tags; libyaml's composer when PyYAML has it (the pure-Python one cost more
        # than the rest of the check, and this runs before every build)
        root = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=_COMPOSER)
    except (yaml.YAMLError, UnicodeDecodeError, OSError) as exc:
        raise MkDocsConfigRefused(
            f"{config_file.as_posix()} cannot be read as YAML: {exc}", hint="fix the YAML syntax of mkdocs.yml"
        ) from None
    if root is None:
        return
    for node in _walk(root):
        if not node.tag.startswith(SAFE_PREFIXES):
            raise MkDocsConfigRefused(
                f"{_where(config_file, node)} tag {node.tag!r} is not allowed: archgen never runs tags that create "
                "or call Python objects",
                hint="remove the tag; `!!python/name:` references, `!ENV` and `!relative` are accepted",
            )
    if isinstance(root, MappingNode):
        for key, value in root.value:
            expected = OWNED_FOLDERS.get(getattr(key, "value", None))
            if expected and isinstance(value, ScalarNode) and value.value.rstrip("/") != expected:
                raise MkDocsConfigRefused(
                    f"{_where(config_file, value)} {key.value}: {value.value!r}: archgen always builds into "
                    f"{OWNED_FOLDERS['docs_dir']}/ and {OWNED_FOLDERS['site_dir']}/ beside mkdocs.yml",
                    hint=f"remove `{key.value}` from mkdocs.yml or set it to `{expected}`",
                )
