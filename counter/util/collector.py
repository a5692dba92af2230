"""Python's cycle collector held off while a sync package's millions of objects are made and kept."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def without_collector_pauses() -> Iterator[None]:
    """Python's cycle collector off while a body is read and applied, or read and written.

    A package of ten thousand cases unpacks to a couple of million objects that
    live until the import ends, none of them in a cycle; with the collector on,
    every full pass walks all of them again (about a fifth of the import).  An
    export holds as many, its records' JSON until the package is packed.  What
    garbage there is goes at the next pass after it.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
