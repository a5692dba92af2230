"""A catalog folder read whole, as the tests and benchmarks read the shipped catalog or one written for a test."""

from __future__ import annotations

import functools
from pathlib import Path

from counter.catalog.fingerprint import catalog_files
from counter.catalog.reader import ReadResult, read_paths


def read_folder(folder: Path) -> ReadResult:
    """Every ``*.toml`` file of a catalog folder, in name order."""
    return read_paths(catalog_files(folder))


@functools.cache
def shipped_catalog() -> ReadResult:
    """The shipped catalog, read once by each test process: a dozen test modules read it whole (half a second each),
    some of them at import, which every worker of a run does.  What it holds is frozen, so one read serves all."""
    from tests.conftest import SHIPPED_CATALOG

    return read_folder(SHIPPED_CATALOG)
