"""Sync between a hall and its townships: where it stands, the review list, a package sent and one taken in.

The export writes its files in the transaction that numbers them (a package whose file could not be written takes
no number), so its request names the file and its answer is what was written, never the packages' bytes; the import
carries the package the face read (the face reads the file, refusing one beyond the limit before it is read).
Reading where sync stands is a write: the first look at a site's settings may store its defaults.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from counter.access.roles import Permission
from counter.service.call import Call, at_desk
from counter.service.operation import Open, read, write
from counter.service.requests import Nothing
from counter.sync.exchange import ExportedFiles, ImportReport
from counter.sync.status import PendingSync, ReviewItem, StatusAndHeld, SyncPage

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_FAULTS = (
    "counter.sync.exchange:SyncNotPossible",
    "counter.sync.keys:KeyUnreadable",
    "counter.sync.package:PackageRejected",
)


@dataclass(frozen=True)
class ReviewList:
    open_only: bool = True  # False: the items already dealt with too


@dataclass(frozen=True)
class ExportPackage:
    """Write the export to ``path`` (more packages beside it when it needs several); ``to_site``: the peer it goes
    to, None for a township's one hall.  The export is dated by the call's moment."""

    path: Path
    to_site: str | None = None


@dataclass(frozen=True)
class ExportData:
    """The export of :class:`ExportPackage`, its packages given back rather than written: a hall's desk on the server
    writes them where its clerk chose, the packages signed at the server, which alone holds the site's keys."""

    to_site: str | None = None


@dataclass(frozen=True)
class ExportedData:
    """The packages, in the order to take them in, the first one's number, to whom, how many records in all."""

    export_no: int
    to_site: str
    records: int
    packages: tuple[bytes, ...]
    sent_seal_changed: int | None = None  # as :class:`counter.sync.exchange.ExportedFiles` says it


@dataclass(frozen=True)
class ImportPackage:
    data: bytes


def read_pending(work: Session, call: Call, request: Nothing) -> PendingSync:
    """The status bar's count of cases not yet at the hall, and after how many days it turns red."""
    from counter.actions.sync import pending

    return pending.pending_sync(work)


READ_PENDING = read("sync.read_pending", Open.ANY_DESK, read_pending)


def read_status(work: Session, call: Call, request: Nothing) -> StatusAndHeld:
    """Where sync stands at this site, and the records its hall holds for review."""
    from counter.actions.sync import sync_status

    return sync_status.status_and_held(work)


READ_STATUS = write("sync.read_status", Open.ANY_DESK, read_status)


def read_page(work: Session, call: Call, request: Nothing) -> SyncPage:
    """The sync page in one unit of work: whether the site is set up, and then all it shows of it."""
    from counter.actions.site.site_setup import sync_page

    return sync_page(work)


READ_PAGE = write("sync.read_page", Open.ANY_DESK, read_page, faults=("counter.sync.keys:KeyUnreadable",))


def review_items(work: Session, call: Call, request: ReviewList) -> tuple[ReviewItem, ...]:
    """The records taken in from a peer that wait for review (or, not open only, every one ever held)."""
    from counter.actions.sync import sync_status

    return tuple(sync_status.review_items(work, open_only=request.open_only))


REVIEW_ITEMS = read("sync.review_items", Open.ANY_DESK, review_items)


def export_package(work: Session, call: Call, request: ExportPackage) -> ExportedFiles:
    """Write this site's package for its hall, or its updates for a peer, to files; numbered only once written.

    The files written inside the export's transaction: a file that cannot be written records no export."""
    from counter.actions.sync import sync_files
    from counter.sync.exchange import PackageFileFailed
    from counter.util.bounded_read import NotRegularFile

    try:
        result, paths = sync_files.export_to_files(work, at_desk(call), call.now, request.path, request.to_site)
    except OSError as err:
        kind = err.kind if isinstance(err, NotRegularFile) else ""
        raise PackageFileFailed(request.path, err.errno or 0, kind) from err
    return ExportedFiles(
        result.export_no, len(result.packages), result.to_site, result.records, tuple(paths), result.sent_seal_changed
    )


EXPORT_PACKAGE = write(
    "sync.export_package", Permission.SYNC, export_package, faults=(*_FAULTS, "counter.sync.exchange:PackageFileFailed")
)


def export_data(work: Session, call: Call, request: ExportData) -> ExportedData:
    """This site's package for its hall, or its updates for a peer, signed where the site's keys are and given back to
    be written by the desk that asked; numbered with the answer (asked again under its key: the same packages).

    The export committed with its answer (and its receipt): the numbers are taken once the desk may be told."""
    from counter.actions.sync import packages

    result = packages.export_package(work, at_desk(call), call.now, to_site=request.to_site)
    return ExportedData(result.export_no, result.to_site, result.records, result.packages, result.sent_seal_changed)


EXPORT_DATA = write("sync.export_data", Permission.SYNC, export_data, faults=_FAULTS)


def import_package(work: Session, call: Call, request: ImportPackage) -> ImportReport:
    """Check a peer's package whole and take it in; a refused package changes nothing."""
    from counter.actions.sync import packages

    return packages.import_package(work, at_desk(call), request.data, call.now)


IMPORT_PACKAGE = write("sync.import_package", Permission.SYNC, import_package, faults=_FAULTS)
