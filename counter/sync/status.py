"""Where sync stands at this site, as plain data: what waits to be sent, when packages last went and came, what the
hall holds for review.

The status bar, the sync page and ``counter sync status`` show these; they are read by the sync operations
(``sync.read_pending``, ``sync.read_page``, ``sync.read_status``) and cross the service as they are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter.sync.site_view import ShownSite, SiteState
from counter.sync.sites import Peer


@dataclass(frozen=True)
class SyncStatus:
    site_code: str
    site_kind: str
    pending_cases: int
    pending_since: dt.datetime | None
    last_export_at: dt.datetime | None
    last_import_at: dt.datetime | None
    review_open: int
    pending_projects: int = 0  # 帮您办 projects with anything the hall has not acknowledged (a township)
    held_at_hall: int = 0  # this township's records its hall holds for review, as its last update said


@dataclass(frozen=True)
class ReviewItem:
    id: int
    from_site: str
    export_no: int
    record_type: str
    record_key: str
    reason: str
    detail: str  # as the import wrote it: read by counter.sync.hold_detail, worded by counter.words.sync_details
    created_at: dt.datetime
    number: str = ""  # the case's (or project's) number the clerk finds it by; "" for a record that has none


@dataclass(frozen=True)
class HeldAtHall:
    """One of this township's records its hall did not take in, as the hall's last update told.

    ``reason`` is a hold reason's code (worded by counter.words.sync.hold_reason), ``detail`` the field and what is
    wrong with it: what the township's clerk needs to put it right, or to ask the hall about it by its number.
    """

    hall: str
    record_type: str
    number: str
    reason: str
    detail: str
    held_at: dt.datetime


@dataclass(frozen=True, slots=True)
class PendingSync:
    """The status bar's line: where sync stands, and after how many days (``sync.warn_days``) a wait is too long."""

    status: SyncStatus
    warn_days: int  # a case waiting longer than this is overdue for the hall


@dataclass(frozen=True)
class StatusAndHeld:
    """Where sync stands, and this township's records its hall holds for review (none at a hall)."""

    status: SyncStatus
    held: tuple[HeldAtHall, ...]


@dataclass(frozen=True)
class SyncPage:
    """What the sync page shows: the site's state; once it is set up, the site, where sync stands, the peers, the
    review list and the records the hall holds (all None or empty before)."""

    state: SiteState
    shown: ShownSite | None = None
    status: SyncStatus | None = None
    peers: tuple[Peer, ...] = ()
    reviews: tuple[ReviewItem, ...] = ()
    held: tuple[HeldAtHall, ...] = ()
