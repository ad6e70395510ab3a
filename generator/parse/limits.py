"""Input limits that keep a malformed or hostile model from exhausting the machine."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """How much a model may hold before it is refused: file and total size, YAML nodes, nesting, text length."""

    max_file_bytes: int = 2 * 1024 * 1024
    max_total_bytes: int = 16 * 1024 * 1024
    max_nodes: int = 500_000
    max_depth: int = 64
    max_string_chars: int = 20_000
    max_files: int = 200
    max_number_chars: int = 64  # a plain scalar read as a number (beyond this it is a mistake or an attack)
    max_diagnostics_shown: int = 200
    max_alias_values: int = 5_000  # values one file may gain by expanding aliases (anchors for shared tags: tens)


class NodeBudget:
    """Values left to build across all of a model's files: an alias bomb split over many files still ends."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0

    def spend(self) -> bool:
        """Count one value; False once the budget is gone."""
        self.used += 1
        return self.used <= self.limit


DEFAULT_LIMITS = Limits()
