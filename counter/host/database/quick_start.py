"""What a quick start read before the window shows: the search index, the bundled files' last problems, and whether
the database has accounts (read with the standard sqlite3 module by :mod:`counter.db.quick_start`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from counter.catalog.search import SearchEntry

if TYPE_CHECKING:  # the problems' module loads only when the last read found some (the usual start has none)
    from counter.catalog.problems import Problem


@dataclass(frozen=True, slots=True)
class QuickStart:
    entries: list[SearchEntry]
    catalog_problems: tuple[Problem, ...]  # what the last read of the bundled files found
    accounts: bool  # the database has accounts: nobody works before signing in
