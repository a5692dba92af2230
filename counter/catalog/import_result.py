"""What a catalog import answers: the versions it made, or the problems that stopped it; the bundled catalog's
sync at start; the region's list pulled from its 事项库."""

from __future__ import annotations

from dataclasses import dataclass

from counter.catalog.problems import Problem
from counter.catalog.publication import PublicationPreview


@dataclass(frozen=True, slots=True)
class ImportReport:
    import_id: int | None  # None when nothing changed and no import was recorded
    new_versions: tuple[str, ...]  # bundle codes that got a new guide version
    unchanged: int
    back_to_draft: tuple[str, ...] = ()  # published guides whose current version is now a revised draft


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    report: ImportReport | None  # None when problems stopped the import
    problems: tuple[Problem, ...]


@dataclass(frozen=True, slots=True)
class BundledSync:
    checked: bool  # False when the files had not changed since the last start
    new_versions: tuple[str, ...]
    problems: tuple[Problem, ...]  # the files skipped, and why


@dataclass(frozen=True, slots=True)
class Pulled:
    failure: str  # why nothing was fetched ("": fetched)
    outcome: ImportOutcome | None  # the import of what was fetched: its report, or the problems that stopped it
    previews: tuple[tuple[str, PublicationPreview], ...] = ()  # each new 待核 guide's changes, by bundle code
