"""What a catalog import answers: the versions it made, or the problems that stopped it; the bundled catalog's
sync at start; the region's list pulled from its 事项库."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

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


class PullFailure(StrEnum):
    """Why no list came from the 事项库: a code the faces word; what exactly went wrong goes to the log."""

    NOT_HTTPS = "not_https"  # an address other than https://: nothing was asked
    REFUSED = "refused"  # the 事项库 answered with a status other than 2xx (its status kept)
    UNTRUSTED = "untrusted"  # a certificate that is not the 事项库's: nothing was asked
    UNREACHABLE = "unreachable"  # no connection, or no answer within the timeout
    TOO_LARGE = "too_large"  # an answer beyond the limit: no region's list is that large
    NOT_WORKBOOK = "not_workbook"  # an answer that is not an .xlsx at all


@dataclass(frozen=True, slots=True)
class Pulled:
    failure: PullFailure | None  # why nothing was fetched (None: fetched)
    outcome: ImportOutcome | None  # the import of what was fetched: its report, or the problems that stopped it
    previews: tuple[tuple[str, PublicationPreview], ...] = ()  # each new 待核 guide's changes, by bundle code
    status: int = 0  # the 事项库's HTTP status where it refused
