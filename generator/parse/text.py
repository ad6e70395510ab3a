"""Bytes to text: size limits, binary junk, encodings and byte-order marks."""

from __future__ import annotations

from generator.diagnostics import Diagnostic, Location
from generator.parse.limits import Limits


class SourceRejected(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def decode_source(data: bytes, display: str, limits: Limits) -> str:
    """Decode a model file, refusing what is not a small UTF-8 text file."""
    where = Location(display, 1, 1)
    if len(data) > limits.max_file_bytes:
        raise SourceRejected(
            Diagnostic(
                Location(display),
                "Y006",
                f"file is {len(data):,} bytes, over the {limits.max_file_bytes:,}-byte limit for one model file",
                hint="split the model over several files in the model folder",
            )
        )
    if b"\x00" in data[:8192]:
        raise SourceRejected(
            Diagnostic(
                where,
                "Y007",
                "file is binary, not YAML text (it contains NUL bytes)",
                hint="remove it from the model folder or replace it with a YAML file",
            )
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SourceRejected(
            Diagnostic(
                Location(display, line, column),
                "Y007",
                f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
                hint="save the file as UTF-8",
            )
        ) from None
    stripped = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if not stripped or stripped == ["---"]:
        raise SourceRejected(
            Diagnostic(
                where,
                "Y008",
                "file is empty: it holds no YAML content",
                hint="add content (a mapping of top-level model sections) or delete the file",
            )
        )
    return text
