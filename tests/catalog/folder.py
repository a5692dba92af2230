"""A catalog folder read whole, as the tests and benchmarks read the shipped catalog or one written for a test."""

from __future__ import annotations

from pathlib import Path

from counter.catalog.reader import ReadResult, catalog_files, read_paths


def read_folder(folder: Path) -> ReadResult:
    """Every ``*.toml`` file of a catalog folder, in name order."""
    return read_paths(catalog_files(folder))
