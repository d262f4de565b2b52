"""Garbage-collector helpers shared by the build and the pages."""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Automatic (cyclic) garbage collection off in this process for the block.

    For blocks that make or unpickle many small containers and keep them:
    the collector's passes would walk them again and again and free nothing
    (~40% of the time when building the viz graph)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
