"""Loading a model allocates many small objects that all stay alive (nodes, locations, dicts) and
makes no garbage cycles; Python's cyclic collector would still scan them again and again as they
pile up, which made loading grow faster than the model. Collection is paused while a model loads.
"""

from __future__ import annotations

import functools
import gc


def without_gc_pauses(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        if not gc.isenabled():
            return fn(*args, **kwargs)
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            gc.enable()

    return wrapper
