"""Input limits that keep a malformed or hostile model from exhausting the machine."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 2 * 1024 * 1024
    max_total_bytes: int = 16 * 1024 * 1024
    max_nodes: int = 250_000
    max_depth: int = 64
    max_string_chars: int = 20_000
    max_files: int = 200


DEFAULT_LIMITS = Limits()
