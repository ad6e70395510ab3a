"""Build fingerprints: when every input of the last successful build is unchanged and its outputs are still
exactly what it wrote, `archgen build` can say so without loading anything (stdlib only, so it stays fast)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from generator.clock import build_date
from generator.errors import ArchgenError
from generator.render.graphviz_tool import dot_version

PACKAGE = Path(__file__).resolve().parent.parent
STAMP = Path(".archgen-cache") / "build-stamp.json"
OUTPUTS = ("docs", "diagrams_out", "site")


_CODE_AND_DATA = (".py", ".c", ".yaml", ".j2", ".md", ".css", ".json")  # what a build's output depends on


def _hash_files(digest, root: Path, files) -> None:
    for path in sorted(files):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())


def input_fingerprint(project: Path, model: Path, flags: str) -> str:
    """Everything a build reads: archgen's own code and data, the model, mkdocs.yml, Graphviz's version
    and the build's date (prices too old for the model are flagged)."""
    digest = hashlib.sha256(flags.encode() + b"\0" + build_date().isoformat().encode() + b"\0")
    package = [p for p in PACKAGE.rglob("*") if p.suffix in _CODE_AND_DATA and "__pycache__" not in p.parts]
    _hash_files(digest, PACKAGE, [p for p in package if p.is_file()])
    if model.is_dir():
        _hash_files(digest, model, [p for p in model.rglob("*") if p.is_file() and p.suffix in (".yaml", ".yml")])
    elif model.is_file():
        _hash_files(digest, model.parent, [model])
    else:
        return ""
    config = project / "mkdocs.yml"
    digest.update(config.read_bytes() if config.is_file() else b"-")
    try:  # the layouts ask for it too: one `dot -V` per build
        digest.update(dot_version().encode())
    except ArchgenError:  # no Graphviz: no fingerprint, so the full build runs and says so
        return ""
    return digest.hexdigest()


def output_fingerprint(project: Path, folders=OUTPUTS) -> dict[str, str]:
    out = {}
    for name in folders:
        root = project / name
        digest = hashlib.sha256()
        if root.is_dir():
            _hash_files(digest, root, [p for p in root.rglob("*") if p.is_file()])
        out[name] = digest.hexdigest() if root.is_dir() else ""
    return out


def read_stamp(project: Path) -> dict | None:
    """The last build's stamp, or None when it is missing, unreadable or not what archgen writes."""
    try:
        stamp = json.loads((project / STAMP).read_text())
    except (OSError, ValueError):
        return None
    if not isinstance(stamp, dict) or not all(isinstance(stamp.get(k), str) for k in ("inputs", "summary")):
        return None
    return stamp if isinstance(stamp.get("outputs"), dict) else None


def write_stamp(project: Path, inputs: str, summary: str, folders, warnings: str = "") -> None:
    """Remember a successful build: what it read, what it wrote, its summary and its warnings (as printed)."""
    path = project / STAMP
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(
            json.dumps(
                {
                    "inputs": inputs,
                    "outputs": output_fingerprint(project, folders),
                    "summary": summary,
                    "warnings": warnings,
                },
                indent=1,
                sort_keys=True,
            )
        )
        tmp.replace(path)
    except OSError:
        pass  # no stamp only means the next build does the full check


def unchanged(project: Path, inputs: str, folders) -> tuple[str, str] | None:
    """The previous build's (summary, warnings) when nothing it read or wrote has changed since; otherwise None."""
    stamp = read_stamp(project)
    if not inputs or stamp is None or stamp.get("inputs") != inputs:
        return None
    if stamp.get("outputs") != output_fingerprint(project, folders):
        return None
    summary, warnings = stamp.get("summary"), stamp.get("warnings", "")
    if not isinstance(summary, str) or not isinstance(warnings, str):
        return None
    return summary, warnings
