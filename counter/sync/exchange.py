"""A package sent or taken in, as the faces see it: what an export wrote, what an import took, and why either could
not be done.

The export writes its packages to files in the transaction that numbers them, and the import reads a file the clerk
named; what comes back to the page or the command is a summary of plain data (never the packages' bytes), and a
refusal is one of these exceptions, each keeping what it was given so that it crosses the service as it is.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from counter.util.bounded_read import NotRegularFile


class SyncProblem(StrEnum):
    NO_HALL = "no_hall"  # a township with no hall registered
    SEVERAL_HALLS = "several_halls"  # a township with more than one: name the one with --to
    TO_SITE_REQUIRED = "to_site_required"  # a hall exports for one township: which
    UNKNOWN_PEER = "unknown_peer"  # the site named is not registered
    WRONG_PEER_KIND = "wrong_peer_kind"  # a township exporting to a township, a hall to a hall
    TRAINING = "training"  # the training database: its cases are practice and must never reach another site
    OLD_CARD = "old_card"  # the peer was registered from a card without an encryption key: nothing can be sealed to it


class SyncNotPossible(Exception):
    def __init__(self, problem: SyncProblem, site: str = "") -> None:
        super().__init__(f"{problem.value} {site}".strip())
        self.problem = problem
        self.site = site


class PackageFileFailed(Exception):
    """A package's file could not be written (an export) or read: ``errno`` is the system's error number (0 when
    none was given), ``not_regular`` what was named when it is no regular file (a pipe, a device), else "".

    The export's transaction is rolled back with it: no package number is taken by files that were not written."""

    def __init__(self, path: Path, errno: int, not_regular: str = "") -> None:
        super().__init__(f"{path}: errno {errno} {not_regular}".strip())
        self.path = path
        self.errno = errno
        self.not_regular = not_regular

    def os_error(self) -> OSError:
        """The system's error again, as the faces word a file's fault (:func:`counter.words.files.file_fault`)."""
        if self.not_regular:
            return NotRegularFile(self.path, self.not_regular)
        return OSError(self.errno, os.strerror(self.errno) if self.errno else "", str(self.path))


@dataclass(frozen=True)
class ExportedFiles:
    """An export written to its files: the first package's number, how many packages, to whom, how many records in
    all, and the files, in the order to take them in."""

    export_no: int
    count: int
    to_site: str
    records: int
    paths: tuple[Path, ...]
    #: a seal of this township that its hall holds and that is no longer here as sent (its trail rewritten after it
    #: was reported): the export goes, and the hall names it too (counter.audit.peer_seals)
    sent_seal_changed: int | None = None


@dataclass(frozen=True)
class ImportReport:
    from_site: str
    kind: str
    export_no: int
    applied: int
    unchanged: int
    held: int
    replayed: bool
