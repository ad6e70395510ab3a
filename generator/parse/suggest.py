"""'Did you mean' hints."""

from __future__ import annotations

import difflib


def did_you_mean(word: str, candidates, *, cutoff: float = 0.6) -> str:
    matches = difflib.get_close_matches(str(word), sorted(set(candidates)), n=1, cutoff=cutoff)
    return f"did you mean {matches[0]!r}?" if matches else ""
