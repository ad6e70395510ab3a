"""Where each value and key of the loaded data came from."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.diagnostics import Location

Path_ = tuple  # a tuple of str keys and int indices


@dataclass
class SourceMap:
    """Where each value and key of a parsed file came from (file, line, column), by its path in the data."""

    values: dict[Path_, Location] = field(default_factory=dict)
    keys: dict[Path_, Location] = field(default_factory=dict)

    def value(self, path: Path_) -> Location | None:
        return self.values.get(tuple(path))

    def nearest(self, path: Path_, *, prefer_key: bool = False) -> Location | None:
        """The location of `path`, or of its closest ancestor that exists."""
        path = tuple(path)
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            if prefer_key and end == len(path) and prefix in self.keys:
                return self.keys[prefix]
            if prefix in self.values:
                return self.values[prefix]
        return None

    def key(self, path: Path_) -> Location | None:
        return self.keys.get(tuple(path))

    def merge(self, other: SourceMap, offset_path: Path_ = ()) -> None:
        for p, loc in other.values.items():
            self.values[offset_path + p] = loc
        for p, loc in other.keys.items():
            self.keys[offset_path + p] = loc
