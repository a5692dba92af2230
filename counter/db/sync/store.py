"""Sync bookkeeping: packages written and taken in, what each covered, the review list; the hall's updates.

What a package covered is kept as *marks*: the highest row id of each tracked
table when it was written (a setting per package).  Row ids only grow, so
"changed since the last acknowledged package" is "has a row above its marks",
whatever the clocks of the two sites say.  When the other side acknowledges a
package, its marks become the site's *baseline*; pending work is everything
above the baseline.

Cases themselves are read in :mod:`counter.db.sync.case_records` and merged in :mod:`counter.db.sync.cases`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from counter.case.status import CaseEvent
from counter.db import models
from counter.db.settings_store import get_setting, put_setting
from counter.db.sync.case_parts import merge_history
from counter.db.sync.marks import changed_case_ids, changed_project_ids
from counter.db.sync.tables import APPEAL, CASE, GUIDE, HISTORY, case_ids_by_uid, utc
from counter.sync.records import GuideRecord, HistoryEntry, HolidayRecord, ProgressRecord, SettingRecord

COVERED_KEY = "holidays.covered"  # as counter.db.holiday_store


def _marks_key(to_site: str, export_no: int) -> str:
    return f"sync.marks.{to_site}.{export_no}"


def _baseline_key(to_site: str) -> str:
    return f"sync.baseline.{to_site}"


def update_marks(session: Session) -> dict[str, int]:
    """The marks of a hall's updates package: its newest guide version, case history line and appeal decision."""
    row = session.execute(
        select(
            select(func.coalesce(func.max(GUIDE.c.id), 0)).scalar_subquery(),
            select(func.coalesce(func.max(HISTORY.c.id), 0)).scalar_subquery(),
            select(func.coalesce(func.max(APPEAL.c.id), 0)).scalar_subquery(),
        )
    ).one()
    return {"guide_version": int(row[0]), "case_history": int(row[1]), "rating_appeal": int(row[2])}


def baseline(session: Session, to_site: str) -> dict[str, int] | None:
    """The marks of the newest package ``to_site`` acknowledged (None: nothing acknowledged yet)."""
    raw = get_setting(session, _baseline_key(to_site))
    return None if raw is None else {k: int(v) for k, v in json.loads(raw).items()}


def set_baseline(session: Session, to_site: str, marks: Mapping[str, int]) -> None:
    """Move the baseline up to ``marks``; a table ``marks`` does not name keeps its mark.

    Some moves name a few tables only (the cases' after the hall's update, so a township's projects not yet sent
    stay pending): the others must not fall back to nothing, which would send everything again.
    """
    old = baseline(session, to_site) or {}
    merged = dict(old) | {k: max(v, old.get(k, 0)) for k, v in marks.items()}
    put_setting(session, _baseline_key(to_site), json.dumps(merged, sort_keys=True))


# --- exports ------------------------------------------------------------------------------


def next_export_no(session: Session, to_site: str) -> int:
    last = session.scalar(select(func.max(models.SyncExport.export_no)).where(models.SyncExport.to_site == to_site))
    return int(last or 0) + 1


def add_export(
    session: Session,
    to_site: str,
    export_no: int,
    kind: str,
    created_at: dt.datetime,
    since: dt.datetime | None,
    records: int,
    content_hash: str,
    marks: Mapping[str, int] | None,
) -> None:
    """Remember a package written; ``marks`` None for one whose acknowledgement must not move the baseline."""
    session.add(
        models.SyncExport(
            to_site=to_site, export_no=export_no, kind=kind, created_at=created_at, since=since,
            records=records, content_hash=content_hash,
        )
    )  # fmt: skip
    if marks is not None:
        put_setting(session, _marks_key(to_site, export_no), json.dumps(dict(marks), sort_keys=True))


def last_acked(session: Session, to_site: str) -> models.SyncExport | None:
    e = models.SyncExport
    return session.scalars(
        select(e).where(e.to_site == to_site, e.acked_at.is_not(None)).order_by(e.export_no.desc()).limit(1)
    ).first()


def acknowledge(session: Session, to_site: str, kind: str, export_no: int, now: dt.datetime) -> bool:
    """``to_site`` has imported our packages up to ``export_no``: mark them, move the baseline; False if nothing new."""
    e = models.SyncExport
    done = session.execute(
        update(e)
        .where(e.to_site == to_site, e.kind == kind, e.export_no <= export_no, e.acked_at.is_(None))
        .values(acked_at=now)
    )
    raw = get_setting(session, _marks_key(to_site, export_no))
    if raw is not None:
        set_baseline(session, to_site, {k: int(v) for k, v in json.loads(raw).items()})
    return bool(getattr(done, "rowcount", 0))


def pending_case_ids(session: Session, to_site: str, site_code: str | None = None) -> list[int]:
    """The cases with anything ``to_site`` has not acknowledged; ``site_code`` keeps those taken at that site (a
    hall's own, for its league)."""
    return changed_case_ids(session, baseline(session, to_site), site_code)


def pending_project_ids(session: Session, to_site: str) -> list[int]:
    """The 帮您办 projects with anything ``to_site`` has not acknowledged (a township's own, for its hall)."""
    return changed_project_ids(session, baseline(session, to_site))


# --- imports ------------------------------------------------------------------------------


def find_import(session: Session, from_site: str, kind: str, export_no: int) -> models.SyncImport | None:
    i = models.SyncImport
    return session.scalars(select(i).where(i.from_site == from_site, i.kind == kind, i.export_no == export_no)).first()


def highest_import(session: Session, from_site: str, kind: str) -> int:
    i = models.SyncImport
    value = session.scalar(select(func.max(i.export_no)).where(i.from_site == from_site, i.kind == kind))
    return int(value or 0)


def last_written(session: Session, from_site: str) -> dt.datetime | None:
    """When the latest package taken in from ``from_site`` was written, as its header said; None before any."""
    value = session.scalar(
        select(func.max(models.SyncImport.created_at)).where(models.SyncImport.from_site == from_site)
    )
    return None if value is None else utc(value)


def add_import(
    session: Session, from_site: str, kind: str, export_no: int, now: dt.datetime, content_hash: str,
    applied: int, unchanged: int, held: int, created_at: dt.datetime | None = None,
) -> None:  # fmt: skip
    """Remember a package taken in; ``created_at``: when its sender wrote it (its header's)."""
    session.add(
        models.SyncImport(
            from_site=from_site, kind=kind, export_no=export_no, imported_at=now, content_hash=content_hash,
            applied=applied, unchanged=unchanged, held=held, created_at=created_at,
        )
    )  # fmt: skip


def last_times(session: Session) -> tuple[dt.datetime | None, dt.datetime | None]:
    """When this site last wrote a package, and last took one in."""
    exported = session.scalar(select(func.max(models.SyncExport.created_at)))
    imported = session.scalar(select(func.max(models.SyncImport.imported_at)))
    return (None if exported is None else utc(exported), None if imported is None else utc(imported))


# --- the review list ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReviewRow:
    id: int
    from_site: str
    export_no: int
    record_type: str
    record_key: str
    reason: str
    detail: str
    payload: str
    created_at: dt.datetime
    resolved_at: dt.datetime | None


def own_clerks(session: Session, site_code: str) -> tuple[set[str], set[str]]:
    """The names and staff numbers of the clerks of ``site_code``'s own cases and ratings.

    The clerks who are not accounts (a hall without sign-in, or a desk's configured clerk) are known only by what
    they did here: every desk's clerk, not only the importing one's, must be protected from a rating planted under
    their name.
    """
    c, r = models.Case, models.Rating
    names = set(session.scalars(select(c.clerk).where(c.site_code == site_code).distinct()))
    names |= set(session.scalars(select(r.clerk).where(r.site_code == site_code).distinct()))
    staff = set(session.scalars(select(r.staff_no).where(r.site_code == site_code).distinct()))
    return {n.strip() for n in names}, {s.strip() for s in staff}


def open_reviews(session: Session, from_site: str | None = None) -> list[ReviewRow]:
    r = models.SyncReview
    stmt = select(r).where(r.resolved_at.is_(None)).order_by(r.id)
    if from_site is not None:
        stmt = stmt.where(r.from_site == from_site)
    return [_review_row(row) for row in session.scalars(stmt)]


def all_reviews(session: Session, open_only: bool) -> list[ReviewRow]:
    if open_only:
        return open_reviews(session)
    r = models.SyncReview
    return [_review_row(row) for row in session.scalars(select(r).order_by(r.id))]


def _review_row(row: models.SyncReview) -> ReviewRow:
    return ReviewRow(
        row.id, row.from_site, row.export_no, row.record_type, row.record_key, row.reason, row.detail, row.payload,
        utc(row.created_at), None if row.resolved_at is None else utc(row.resolved_at),
    )  # fmt: skip


def open_review_count(session: Session) -> int:
    r = models.SyncReview
    return int(session.scalar(select(func.count()).select_from(r).where(r.resolved_at.is_(None))) or 0)


def hold(
    session: Session, from_site: str, export_no: int, record_type: str, record_key: str, reason: str, detail: str,
    payload: Mapping[str, Any], now: dt.datetime,
) -> None:  # fmt: skip
    """Put a record on the review list; an open item for the same record takes the newer payload instead."""
    r = models.SyncReview
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    row = session.scalars(
        select(r).where(
            r.from_site == from_site, r.record_type == record_type, r.record_key == record_key, r.resolved_at.is_(None)
        )
    ).first()
    if row is None:
        session.add(
            models.SyncReview(
                from_site=from_site, export_no=export_no, record_type=record_type, record_key=record_key,
                reason=reason, detail=detail[:2000], payload=text, created_at=now,
            )
        )  # fmt: skip
    elif row.payload != text or row.reason != reason:
        row.export_no, row.reason, row.detail, row.payload = export_no, reason, detail[:2000], text


def resolve(session: Session, review_ids: Sequence[int], now: dt.datetime) -> None:
    if review_ids:
        r = models.SyncReview
        session.execute(update(r).where(r.id.in_(list(review_ids))).values(resolved_at=now))


# --- the hall's updates: read -------------------------------------------------------------


def guide_records(session: Session, above: int, of_cases: Sequence[int] | None = None) -> list[GuideRecord]:
    """Guide versions newer than ``above`` (every version for 0), with their bundle rows; with ``of_cases``, only
    the versions those cases were taken under (what a hall's league needs to read them)."""
    b = models.Bundle
    stmt = (
        select(GUIDE, b.number, b.name, b.published, b.search_text, b.current_version_id)
        .join(b, b.code == GUIDE.c.bundle_code)
        .where(GUIDE.c.id > above)
        .order_by(GUIDE.c.id)
    )
    if of_cases is not None:
        named: set[int] = set()
        for start in range(0, len(of_cases), 5000):  # within every database's limit of bound values
            chunk = of_cases[start : start + 5000]
            named.update(session.scalars(select(CASE.c.guide_version_id).where(CASE.c.id.in_(chunk)).distinct()))
        stmt = stmt.where(GUIDE.c.id.in_(sorted(named)))
    rows = session.execute(stmt)
    return [
        GuideRecord(
            r.bundle_code,
            r.number,
            r.name,
            r.published,
            r.search_text,
            r.version,
            r.content_hash,
            r.document,
            r.current_version_id == r.id,
        )
        for r in rows
    ]


def holiday_records(session: Session) -> list[HolidayRecord]:
    h = models.Holiday
    return [HolidayRecord(r.day, r.kind, r.source) for r in session.scalars(select(h).order_by(h.day))]


def setting_records(session: Session, keys: Sequence[str]) -> list[SettingRecord]:
    s = models.Setting
    return [
        SettingRecord(r.key, r.value) for r in session.scalars(select(s).where(s.key.in_(list(keys))).order_by(s.key))
    ]


def progress_records(session: Session, site_code: str, above: int) -> list[ProgressRecord]:
    """The township's cases with history lines above ``above``: status and every history line."""
    stmt = (
        select(HISTORY.c.case_id)
        .join(CASE, CASE.c.id == HISTORY.c.case_id)
        .where(HISTORY.c.id > above, CASE.c.site_code == site_code)
        .distinct()
    )
    ids = sorted(int(i) for i in session.scalars(stmt))
    if not ids:
        return []
    heads = {
        r.id: r
        for r in session.execute(select(CASE.c.id, CASE.c.uid, CASE.c.case_no, CASE.c.status).where(CASE.c.id.in_(ids)))
    }
    lines: dict[int, list[HistoryEntry]] = {i: [] for i in ids}
    for h in session.execute(select(HISTORY).where(HISTORY.c.case_id.in_(ids)).order_by(HISTORY.c.id)):
        lines[h.case_id].append(HistoryEntry(utc(h.at), h.clerk, h.desk_no, h.event, h.status_after, h.note))
    return [ProgressRecord(heads[i].uid, heads[i].case_no, heads[i].status, tuple(lines[i])) for i in ids]  # fmt: skip


# --- the hall's updates: apply at a township ----------------------------------------------


def apply_guide(session: Session, record: GuideRecord, source: str) -> bool:
    """Add a guide version this site lacks (matched by content hash); True if anything changed.

    The version keeps its number where this site has no version of that number
    for the bundle; otherwise it takes the next free number (the content hash,
    not the number, is what identifies it).
    """
    g = models.GuideVersion
    bundle = session.get(models.Bundle, record.bundle_code)
    if bundle is None:
        bundle = models.Bundle(code=record.bundle_code, number=record.number, name=record.name,
                               published=record.published, search_text=record.search_text)  # fmt: skip
        session.add(bundle)
        session.flush()
    local = session.scalar(
        select(g.id).where(g.content_hash == record.content_hash, g.bundle_code == record.bundle_code).order_by(g.id)
    )
    changed = False
    if local is None:
        taken = session.scalar(select(g.id).where(g.bundle_code == record.bundle_code, g.version == record.version))
        number = (
            record.version
            if taken is None
            else int(session.scalar(select(func.max(g.version)).where(g.bundle_code == record.bundle_code)) or 0) + 1
        )
        batch = models.CatalogImport(source=source[:500], source_kind="sync", new_versions=1)
        session.add(batch)
        session.flush()
        version = g(
            bundle_code=record.bundle_code,
            version=number,
            content_hash=record.content_hash,
            document=record.document,
            import_id=batch.id,
        )
        session.add(version)
        session.flush()
        local, changed = version.id, True
    if record.current and bundle.current_version_id != local:
        bundle.current_version_id = local
        bundle.number, bundle.name, bundle.published, bundle.search_text = (
            record.number,
            record.name,
            record.published,
            record.search_text,
        )
        changed = True
    return changed  # fmt: skip


def apply_holiday(session: Session, record: HolidayRecord) -> bool:
    row = session.get(models.Holiday, record.day)
    if row is None:
        session.add(models.Holiday(day=record.day, kind=record.kind, source=record.source))
        return True
    if (row.kind, row.source) == (record.kind, record.source):
        return False
    row.kind, row.source = record.kind, record.source
    return True


def apply_setting(session: Session, record: SettingRecord) -> bool:
    """Take the hall's value; the holiday coverage is joined with this site's own, never narrowed."""
    before = get_setting(session, record.key)
    value = record.value
    if record.key == COVERED_KEY:
        spans = {tuple(s) for s in json.loads(before or "[]")} | {tuple(s) for s in json.loads(value)}
        value = json.dumps(sorted(list(s) for s in spans))
    if before == value:
        return False
    put_setting(session, record.key, value)
    return True


def apply_progress(session: Session, records: Sequence[ProgressRecord]) -> tuple[set[str], set[str]]:
    """Merge the hall's history into the township's cases; (uids changed, uids not found here).

    A case the hall denied whole gets its denial reason too, from the 不予批准 line (whose note the hall writes
    it in, :func:`counter.actions.cases.decisions.close_when_decided`): the record carries lines, not the column,
    and the township's clerk is the one the applicant asks why."""
    ids = case_ids_by_uid(session, [r.uid for r in records])
    missing = {r.uid for r in records if r.uid not in ids}
    known = [r for r in records if r.uid in ids]
    denials = {ids[r.uid]: reason for r in known if (reason := _denial_reason(r.history))}
    changed = merge_history(
        session, {ids[r.uid]: (r.uid, r.history) for r in known}, [ids[r.uid] for r in known], denials
    )
    return changed, missing


def _denial_reason(history: Sequence[HistoryEntry]) -> str:
    """The note of the newest 不予批准 line: the reason the case was denied; "" for a case not denied."""
    denied = [x for x in history if x.event == CaseEvent.DENIED.value]
    return max(denied, key=lambda x: utc(x.at)).note.strip() if denied else ""
