"""Sync's operations in process (:mod:`counter.service.sync`)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from counter.actions.admin import site
from counter.actions.site import site_setup
from counter.actions.sync import packages, pending, sync_files, sync_status
from counter.service.call import Call
from counter.service.runs import at_desk
from counter.service.sync import (
    ExportData,
    ExportedData,
    ExportPackage,
    ImportPackage,
    ReviewList,
    StatusAndHeld,
    SyncAsked,
    SyncPage,
)
from counter.sync.exchange import ExportedFiles, ImportReport, PackageFileFailed
from counter.sync.status import PendingSync, ReviewItem
from counter.util.bounded_read import NotRegularFile


def read_pending(work: Session, call: Call, request: SyncAsked) -> PendingSync:
    return pending.pending_sync(work)


def read_status(work: Session, call: Call, request: SyncAsked) -> StatusAndHeld:
    return StatusAndHeld(sync_status.sync_status(work), tuple(sync_status.held_at_hall(work)))


def read_page(work: Session, call: Call, request: SyncAsked) -> SyncPage:
    state = site_setup.site_state(work)
    if not state.set_up:
        return SyncPage(state)
    return SyncPage(
        state, site.site_as_shown(work), sync_status.sync_status(work), tuple(site.peers(work)),
        tuple(sync_status.review_items(work)), tuple(sync_status.held_at_hall(work)),
    )  # fmt: skip


def review_items(work: Session, call: Call, request: ReviewList) -> tuple[ReviewItem, ...]:
    return tuple(sync_status.review_items(work, open_only=request.open_only))


def export_package(work: Session, call: Call, request: ExportPackage) -> ExportedFiles:
    """The files written inside the export's transaction: a file that cannot be written records no export."""
    try:
        result, paths = sync_files.export_to_files(work, at_desk(call), call.now, request.path, request.to_site)
    except OSError as err:
        kind = err.kind if isinstance(err, NotRegularFile) else ""
        raise PackageFileFailed(request.path, err.errno or 0, kind) from err
    return ExportedFiles(
        result.export_no, len(result.packages), result.to_site, result.records, tuple(paths), result.sent_seal_changed
    )


def export_data(work: Session, call: Call, request: ExportData) -> ExportedData:
    """The export committed with its answer (and its receipt): the numbers are taken once the desk may be told."""
    result = packages.export_package(work, at_desk(call), call.now, to_site=request.to_site)
    return ExportedData(result.export_no, result.to_site, result.records, result.packages, result.sent_seal_changed)


def import_package(work: Session, call: Call, request: ImportPackage) -> ImportReport:
    return packages.import_package(work, at_desk(call), request.data, call.now)
