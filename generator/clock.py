"""The build's date: SOURCE_DATE_EPOCH when set (reproducible builds), else today's date. What a build
shows may depend on it (prices older than the model allows), so the no-change check hashes it too."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime


def build_date() -> date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()
