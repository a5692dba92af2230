"""Where sync stands at this site: what waits to be sent, when packages last went and came, the review list.

Read on every refresh of the status bar and of the sync page, apart from the export and the import
(:mod:`counter.actions.sync.packages`) that change it: a read needs none of their sealing, checking and writing.
"""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from counter.actions.admin.site import peers, this_site
from counter.db.sync import store as sync_store
from counter.db.sync.held import told_held
from counter.db.sync.marks import changed_case_ids, changed_project_ids, earliest_change
from counter.sync.sites import SiteKind
from counter.sync.status import HeldAtHall, ReviewItem, StatusAndHeld, SyncStatus


def held_at_hall(session: Session) -> list[HeldAtHall]:
    """This township's records its halls hold for review, oldest first (none at a hall, which is told none)."""
    return [HeldAtHall(hall, e.record_type, e.number, e.reason, e.detail, e.held_at) for hall, e in told_held(session)]


def sync_status(session: Session) -> SyncStatus:
    """Where this site stands: cases not yet acknowledged by the hall (a township), times, open reviews."""
    return _status(session, len(told_held(session)))


def status_and_held(session: Session) -> StatusAndHeld:
    """Where sync stands, and this township's records its hall holds for review: the status bar's one read, which
    reads the halls' held lists once for both."""
    held = held_at_hall(session)
    return StatusAndHeld(_status(session, len(held)), tuple(held))


def _status(session: Session, held: int) -> SyncStatus:
    site = this_site(session)
    pending, projects, since = 0, 0, None
    if site.kind is SiteKind.TOWNSHIP:
        halls = [p.code for p in peers(session) if p.kind is SiteKind.HALL]
        base = sync_store.baseline(session, halls[0]) if len(halls) == 1 else None
        pending = len(changed_case_ids(session, base))
        projects = len(changed_project_ids(session, base))
        since = earliest_change(session, base or {}) if pending or projects else None
    exported, imported = sync_store.last_times(session)
    return SyncStatus(
        site.code, site.kind.value, pending, since, exported, imported, sync_store.open_review_count(session),
        projects, held,
    )  # fmt: skip


def review_items(session: Session, open_only: bool = True) -> list[ReviewItem]:
    return [
        ReviewItem(r.id, r.from_site, r.export_no, r.record_type, r.record_key, r.reason, r.detail, r.created_at,
                   record_number(r.record_type, r.payload))
        for r in sync_store.all_reviews(session, open_only)
    ]  # fmt: skip


_NUMBERS = {"case": "case_no", "project": "project_no", "progress": "case_no", "appeal": "case_no"}


def record_number(record_type: str, payload: str) -> str:
    """The number a held record's clerk knows it by (a case's, a project's), from its kept payload; "" if none:
    the review list shows it in place of the record's key, a long hex uid no clerk can find anything by."""
    name = _NUMBERS.get(record_type)
    if name is None:
        return ""
    try:
        found = json.loads(payload).get(name)
    except (ValueError, AttributeError):
        return ""
    return found[:50] if isinstance(found, str) else ""
