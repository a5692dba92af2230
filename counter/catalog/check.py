"""A catalog source read and checked, without the database: a folder, one catalog file, or a workbook.

``counter catalog validate`` and every import read a source the same way; checking writes nothing, so a face checks
a source itself before (or without) asking an import.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from counter.catalog.fingerprint import SUFFIX, catalog_files
from counter.catalog.limits import catalog_warnings
from counter.catalog.model import Bundle
from counter.catalog.problems import Problem, Rule
from counter.catalog.reader import ReadResult, read_paths
from counter.catalog.validate import validate_read

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


@dataclass(frozen=True, slots=True)
class CheckResult:
    bundles: tuple[tuple[str, Bundle], ...]
    problems: tuple[Problem, ...]
    warnings: tuple[Problem, ...] = ()  # never stop an import (counter.catalog.problems.WARNINGS)

    @property
    def ok(self) -> bool:
        return not self.problems


def read_source(path: Path) -> ReadResult:
    """A catalog folder, one catalog file, or a workbook.

    A path the system cannot even look at is a problem named like any other (``UNREADABLE``, with the system's
    reason), not an error: :meth:`Path.is_dir` and :meth:`Path.exists` answer False only for a path that is not
    there, and raise for a name too long for the file system or a folder the user may not enter or list.
    """
    try:
        folder = catalog_files(path) if path.is_dir() else None
        one_file = folder is None and path.suffix == SUFFIX and path.is_file()
        there = folder is not None or one_file or path.exists()
    except OSError as err:
        return ReadResult((), (Problem(Rule.UNREADABLE, str(path), detail=err.strerror or str(err)),))
    if folder is not None:
        return read_paths(folder)
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        from counter.catalog.workbook import read_workbook

        return read_workbook(path)
    if one_file:
        return read_paths([path])
    return ReadResult((), (Problem(Rule.NOT_FOUND if not there else Rule.NOT_A_CATALOG, str(path)),))


def check_source(path: Path) -> CheckResult:
    read = read_source(path)
    return CheckResult(read.bundles, tuple(validate_read(read)), tuple(catalog_warnings(read.bundles)))
