"""How many cores this process may run on: its CPU affinity (`taskset`, a CI runner's cgroup cpuset), not
the machine's count, so a build pinned to one core does not start work that only pays off on a second."""

from __future__ import annotations

import os


def usable_cores() -> int:
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 1
