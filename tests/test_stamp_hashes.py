"""The no-change check reads a file again unless its size and modification time are what they were when
it was hashed, well after it was written (as git's index does); a damaged table is ignored."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from generator.publish import stamp
from generator.publish.stamp import RACY_NS, FileHashes


def _sha(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def _hash(hashes: FileHashes, f: Path) -> bytes:
    """What the stamp's walk asks for each file: its path and the stat it already has."""
    return hashes.sha256(str(f), f.stat())


def test_an_edit_is_seen_even_with_the_same_size(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    f.write_bytes(b"one")
    old = f.stat().st_mtime_ns - 10 * RACY_NS
    os.utime(f, ns=(old, old))
    hashes = FileHashes({})
    assert _hash(hashes, f) == _sha(b"one")
    f.write_bytes(b"two")  # same size, new time
    assert _hash(hashes, f) == _sha(b"two")


def test_a_file_hashed_right_after_it_was_written_is_read_again(tmp_path: Path) -> None:
    """Written, hashed and rewritten within one clock tick: size and time match, the content does not."""
    f = tmp_path / "a.md"
    f.write_bytes(b"one")
    hashes = FileHashes({})
    _hash(hashes, f)
    mtime = f.stat().st_mtime_ns
    f.write_bytes(b"two")
    os.utime(f, ns=(mtime, mtime))
    assert _hash(FileHashes(hashes.table()), f) == _sha(b"two")


def test_an_old_unchanged_file_is_not_read(tmp_path: Path, monkeypatch) -> None:
    f = tmp_path / "a.md"
    f.write_bytes(b"one")
    info = f.stat()
    known = {str(f): [info.st_size, info.st_mtime_ns, info.st_mtime_ns + 3 * RACY_NS, _sha(b"one").hex()]}
    monkeypatch.setattr(stamp, "open", lambda *a: (_ for _ in ()).throw(AssertionError("read")), raising=False)
    hashes = FileHashes(known)
    assert _hash(hashes, f) == _sha(b"one") and not hashes.refreshed


def test_a_damaged_table_is_ignored(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    f.write_bytes(b"one")
    for files in ("nonsense", {str(f): "x"}, {str(f): [1, 2, "3", "00"]}, {str(f): [3, 0, 9**20, "zz"]}):
        assert _hash(FileHashes.from_stamp({"files": files}), f) == _sha(b"one")


def test_archgen_own_file_hashes_are_kept_per_user_not_per_project(tmp_path: Path, monkeypatch) -> None:
    """A cold build in a fresh checkout does not read all of archgen's code to hash it: the hashes of
    archgen's own files live in the user's cache folder; a damaged or missing table is rebuilt."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    project = tmp_path / "project"
    (project / "model").mkdir(parents=True)
    (project / "model" / "m.yaml").write_text("proposal: {name: x}\n")
    monkeypatch.setattr(stamp, "_hashes", {})
    first = stamp.input_fingerprint(project, project / "model", "site=True")
    table = tmp_path / "cache" / "archgen" / "stamp" / stamp.PACKAGE_HASHES
    kept = json.loads(table.read_text())
    assert str(stamp.PACKAGE / "analysis.py") in kept
    assert not any(str(project) in key for key in kept)  # the project's files stay in its own stamp
    for damage in ("not json", "[1, 2]", '{"x": "y"}'):
        table.write_text(damage)
        monkeypatch.setattr(stamp, "_hashes", {})
        assert stamp.input_fingerprint(project, project / "model", "site=True") == first
        assert str(stamp.PACKAGE / "analysis.py") in json.loads(table.read_text())


def test_the_walk_skips_bytecode_folders_filters_suffixes_and_orders_by_path_parts(tmp_path: Path) -> None:
    for name in ("a/b.py", "a-b/c.py", "a/__pycache__/b.cpython-311.pyc", "a/notes.txt", "z.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    walked = stamp._files(tmp_path, (".py",))
    assert [parts for parts, _, _ in walked] == [("a", "b.py"), ("a-b", "c.py"), ("z.py",)]
    assert all(Path(path).is_file() and info.st_size == 1 for _, path, info in walked)
    assert len(stamp._files(tmp_path)) == 4  # every file but the bytecode folder's
