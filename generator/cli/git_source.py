"""Read a model folder as it was at a git revision (for `archgen diff --base REF`)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from generator.errors import UsageError


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    if shutil.which("git") is None:
        raise UsageError("git is not installed", hint="install git, or compare two folders: archgen diff OLD NEW")
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=60)


def repo_root(path: Path) -> Path:
    proc = _git(["rev-parse", "--show-toplevel"], path if path.is_dir() else path.parent)
    if proc.returncode != 0:
        raise UsageError(
            f"{path.as_posix()} is not inside a git repository",
            hint="run inside the repository, or compare two folders: archgen diff OLD NEW",
        )
    return Path(proc.stdout.decode().strip())


def default_base(root: Path) -> str:
    for branch in ("main", "origin/main", "master", "origin/master"):
        proc = _git(["merge-base", "HEAD", branch], root)
        if proc.returncode == 0:
            return proc.stdout.decode().strip()
    raise UsageError("cannot find the merge base with main", hint="pass --base REF (a branch, tag or commit)")


def merge_base(root: Path, ref: str) -> str:
    """The merge base of `ref` and HEAD, as a pull request compares (not `ref`'s tip, which may have moved)."""
    if _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root).returncode != 0:
        raise UsageError(f"unknown git revision {ref!r}", hint="pass a branch, tag or commit that exists")
    proc = _git(["merge-base", "HEAD", ref], root)
    if proc.returncode != 0:
        raise UsageError(f"no merge base between HEAD and {ref!r}", hint="pass a branch, tag or commit that exists")
    return proc.stdout.decode().strip()


def export_model(root: Path, ref: str, model_rel: str, dest: Path) -> Path:
    """Write the files under `model_rel` at `ref` into `dest/model_rel`; return that folder."""
    if _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root).returncode != 0:
        raise UsageError(f"unknown git revision {ref!r}", hint="pass a branch, tag or commit that exists")
    listing = _git(["ls-tree", "-r", "-z", "--name-only", ref, "--", model_rel], root)
    names = [n for n in listing.stdout.decode().split("\0") if n]
    target = dest / model_rel
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        blob = _git(["show", f"{ref}:{name}"], root)
        out = dest / name
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(blob.stdout)
    if not names:
        raise UsageError(f"no model files under {model_rel!r} at {ref}", hint="check the model path and revision")
    return target
