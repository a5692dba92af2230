"""The parts of cases already here merged with a package's: checklists, history, documents, ratings.

Merging adds what the case lacks here; nothing is removed or overwritten.  A
status follows the newest history line of the merged history; a deferred
material counts as arrived once either side saw it arrive, and its due date is
the later of the two.  So the result does not depend on how often, or in which
order, the packages arrive.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from operator import attrgetter
from typing import Any

from sqlalchemy import and_, bindparam, insert, update
from sqlalchemy.orm import Session

from counter.db.bulk_rows import bulk_insert, chunks
from counter.db.sync_tables import (
    APPEAL,
    CASE,
    DOCUMENT,
    HISTORY,
    LAPSE,
    MATERIAL,
    PRINT,
    RATING,
    RECT,
    RECT_LINE,
    REQUEST,
    select_in,
    utc,
)
from counter.sync.records import CaseRecord, HistoryEntry, MaterialLine, PrintEntry, RatingEntry, RatingRound


def merge_parts(
    session: Session, records: Sequence[CaseRecord], old: Sequence[CaseRecord], ids: Mapping[str, int]
) -> set[str]:
    """Add every part the cases lack and update status and materials of the ``old`` ones; the uids changed.

    New cases' checklist and history lines are in already (:func:`_write_new`).
    """
    old_ids = [ids[r.uid] for r in old]
    changed = merge_history(session, {ids[r.uid]: (r.uid, r.history) for r in old}, old_ids, _denials(old, ids))
    # a checklist line changes only with a history line (materials handed in, a deadline extended):
    # an existing case without a new line has nothing new in its checklist either
    moved = [r for r in old if r.uid in changed]
    changed |= merge_materials(session, moved, ids, [ids[r.uid] for r in moved])
    changed |= merge_documents(session, records, ids, old_ids)
    changed |= merge_ratings(session, records, ids, old_ids)
    return changed


def _denials(records: Sequence[CaseRecord], ids: Mapping[str, int]) -> dict[int, str]:
    return {ids[r.uid]: r.denial_reason for r in records if r.denial_reason}


def merge_materials(
    session: Session, records: Sequence[CaseRecord], ids: Mapping[str, int], old_ids: Sequence[int]
) -> set[str]:
    """Existing cases' checklists: lines they lack added, arrivals and deadlines merged."""
    have: dict[tuple[int, str], Any] = {
        (row.case_id, row.material_code): row
        for row in select_in(session, (MATERIAL.c.id, MATERIAL.c.case_id, MATERIAL.c.material_code, MATERIAL.c.receipt,
                                        MATERIAL.c.due_on, MATERIAL.c.arrived_on), MATERIAL.c.case_id, old_ids)
    }  # fmt: skip
    new_rows: list[tuple[Any, ...]] = []
    updates: list[dict[str, Any]] = []
    changed: set[str] = set()
    for r in records:
        case_id = ids[r.uid]
        for m in r.materials:
            row = have.get((case_id, m.material_code))
            if row is None:
                new_rows.append((case_id, *_material_values(m)))
                changed.add(r.uid)
                have[(case_id, m.material_code)] = m
                continue
            if isinstance(row, MaterialLine):
                continue  # listed twice in one record: the first stands
            arrived, receipt = (
                (row.arrived_on, row.receipt) if row.arrived_on or not m.arrived_on else (m.arrived_on, m.receipt)
            )
            due = max((d for d in (row.due_on, m.due_on) if d is not None), default=None)
            if (arrived, receipt, due) != (row.arrived_on, row.receipt, row.due_on):
                updates.append({"b_id": row.id, "b_arrived": arrived, "b_receipt": receipt, "b_due": due})
                changed.add(r.uid)
    bulk_insert(session, MATERIAL, MATERIAL_COLUMNS, new_rows)
    if updates:
        session.execute(
            update(MATERIAL).where(MATERIAL.c.id == bindparam("b_id"))
            .values(arrived_on=bindparam("b_arrived"), receipt=bindparam("b_receipt"), due_on=bindparam("b_due")),
            updates,
        )  # fmt: skip
    return changed


MATERIAL_COLUMNS = (
    "case_id", "material_code", "name", "necessity", "receipt", "originals", "copies", "medium", "defect_note",
    "due_on", "arrived_on",
)  # fmt: skip


_material_values: Callable[[MaterialLine], tuple[Any, ...]] = attrgetter(*MATERIAL_COLUMNS[1:])


HISTORY_COLUMNS = ("case_id", "at", "clerk", "desk_no", "event", "status_after", "note")
_history_values: Callable[[HistoryEntry], tuple[Any, ...]] = attrgetter(*HISTORY_COLUMNS[1:])


def merge_history(
    session: Session,
    incoming: Mapping[int, tuple[str, Sequence[HistoryEntry]]],
    old_ids: Sequence[int],
    denials: Mapping[int, str] | None = None,
) -> set[str]:
    """Add the history lines each case lacks (case id → (uid, lines)); the status follows the newest line.

    Returns the uids of the cases that got a line or a new status.  ``denials``
    fills a denial reason the case does not have yet.
    """
    keys: dict[int, set[tuple[dt.datetime, str, str]]] = defaultdict(set)
    newest: dict[int, tuple[dt.datetime, int, str]] = {}
    rows = select_in(session, (HISTORY.c.case_id, HISTORY.c.id, HISTORY.c.at, HISTORY.c.event, HISTORY.c.desk_no,
                                HISTORY.c.status_after), HISTORY.c.case_id, old_ids)  # fmt: skip
    for row in rows:
        at = utc(row.at)
        keys[row.case_id].add((at, row.event, row.desk_no))
        mark = (at, 0, row.status_after)
        if row.case_id not in newest or mark[:1] > newest[row.case_id][:1]:
            newest[row.case_id] = mark
    new_rows: list[tuple[Any, ...]] = []
    changed: set[str] = set()
    status_changes: list[dict[str, Any]] = []
    for case_id, (uid, lines) in incoming.items():
        if case_id not in newest:  # a case new here (or with no line yet): every line goes in as it came
            new_rows.extend([(case_id, *_history_values(x)) for x in lines])
            if lines:
                changed.add(uid)
            continue
        seen = keys[case_id]
        before = newest.get(case_id)
        top = before
        for line in lines:
            if line.key in seen:
                continue
            seen.add(line.key)
            new_rows.append((case_id, *_history_values(line)))
            changed.add(uid)
            if top is None or line.at > top[0]:
                top = (line.at, 1, line.status_after)
        if before is not None and top is not None and top is not before:
            status_changes.append({"b_id": case_id, "b_status": top[2]})
    bulk_insert(session, HISTORY, HISTORY_COLUMNS, new_rows)
    if status_changes:
        session.execute(
            update(CASE).where(CASE.c.id == bindparam("b_id")).values(status=bindparam("b_status")), status_changes
        )
    if denials:
        old = set(old_ids)
        targets = [{"b_id": case_id, "b_reason": reason} for case_id, reason in denials.items() if case_id in old]
        if targets:
            session.execute(
                update(CASE).where(and_(CASE.c.id == bindparam("b_id"), CASE.c.denial_reason == ""))
                .values(denial_reason=bindparam("b_reason")),
                targets,
            )  # fmt: skip
    return changed


def merge_documents(
    session: Session, records: Sequence[CaseRecord], ids: Mapping[str, int], old_ids: Sequence[int]
) -> set[str]:
    docs = {
        (row.doc_no, row.kind): row.id
        for row in select_in(session, (DOCUMENT.c.id, DOCUMENT.c.doc_no, DOCUMENT.c.kind), DOCUMENT.c.case_id, old_ids)
    }
    changed: set[str] = set()
    new_docs: list[dict[str, Any]] = []
    owners: dict[tuple[str, str], str] = {}
    for r in records:
        for d in r.documents:
            if d.key in docs or d.key in owners:
                continue
            owners[d.key] = r.uid
            new_docs.append({"case_id": ids[r.uid], "doc_no": d.doc_no, "kind": d.kind, "issued_on": d.issued_on,
                             "site_code": d.site_code, "desk_no": d.desk_no, "clerk": d.clerk, "office": d.office,
                             "content_hash": d.content_hash, "created_at": d.created_at})  # fmt: skip
    if new_docs:
        for part in chunks(new_docs, 2000):
            for doc_id, doc_no, kind in session.execute(
                insert(DOCUMENT).returning(DOCUMENT.c.id, DOCUMENT.c.doc_no, DOCUMENT.c.kind), list(part)
            ):
                docs[(doc_no, kind)] = doc_id
        changed |= set(owners.values())
    columns = (PRINT.c.document_id, PRINT.c.at, PRINT.c.desk_no, PRINT.c.target)
    prints = {
        (row.document_id, utc(row.at), row.desk_no, row.target)
        for row in select_in(session, columns, PRINT.c.document_id, sorted(set(docs.values())))
    }
    new_prints: list[dict[str, Any]] = []
    for r in records:
        for d in r.documents:
            doc_id = docs[d.key]
            for p in d.prints:
                key = (doc_id, *p.key)
                if key in prints:
                    continue
                prints.add(key)
                new_prints.append(_print_values(p, doc_id))
                changed.add(r.uid)
    if new_prints:
        session.execute(insert(PRINT), new_prints)
    return changed


def _print_values(p: PrintEntry, doc_id: int) -> dict[str, Any]:
    return {
        "document_id": doc_id, "at": p.at, "clerk": p.clerk, "desk_no": p.desk_no, "target": p.target,
        "content_hash": p.content_hash, "ok": p.ok, "error": p.error,
    }  # fmt: skip


def merge_ratings(
    session: Session, records: Sequence[CaseRecord], ids: Mapping[str, int], old_ids: Sequence[int]
) -> set[str]:
    """Requests, ratings, lapses, rectifications and appeals: each added where its place is empty."""
    rounds = [(r, q) for r in records for q in r.ratings]
    if not rounds:
        return set()
    requests = {
        (row.case_id, row.round): row.id
        for row in select_in(session, (REQUEST.c.id, REQUEST.c.case_id, REQUEST.c.round), REQUEST.c.case_id, old_ids)
    }
    changed: set[str] = set()
    new_requests = []
    for r, q in rounds:
        place = (ids[r.uid], q.round)
        if place not in requests:
            requests[place] = 0
            new_requests.append({"case_id": place[0], "round": q.round, "sent_at": q.sent_at, "site_code": q.site_code,
                                 "desk_no": q.desk_no, "clerk": q.clerk})  # fmt: skip
            changed.add(r.uid)
    for part in chunks(new_requests, 2000):
        for request_id, case_id, round_ in session.execute(
            insert(REQUEST).returning(REQUEST.c.id, REQUEST.c.case_id, REQUEST.c.round), list(part)
        ):
            requests[(case_id, round_)] = request_id
    request_ids = sorted(requests.values())
    ratings = {
        row.request_id: row.id
        for row in select_in(session, (RATING.c.id, RATING.c.request_id), RATING.c.request_id, request_ids)
    }
    lapses = {row.request_id for row in select_in(session, (LAPSE.c.request_id,), LAPSE.c.request_id, request_ids)}
    new_ratings, new_lapses = [], []
    for r, q in rounds:
        request_id = requests[(ids[r.uid], q.round)]
        if q.rating is not None and request_id not in ratings and request_id not in lapses:
            ratings[request_id] = 0
            new_ratings.append(_rating_values(q.rating, request_id, q.round, r.case_no))
            changed.add(r.uid)
        elif q.lapsed_at is not None and request_id not in lapses and request_id not in ratings:
            lapses.add(request_id)
            new_lapses.append({"request_id": request_id, "at": q.lapsed_at})
            changed.add(r.uid)
    for part in chunks(new_ratings, 2000):
        for rating_id, request_id in session.execute(
            insert(RATING).returning(RATING.c.id, RATING.c.request_id), list(part)
        ):
            ratings[request_id] = rating_id
    if new_lapses:
        session.execute(insert(LAPSE), new_lapses)
    changed |= _merge_rectifications(session, rounds, ids, requests, ratings)
    return changed  # fmt: skip


def _rating_values(e: RatingEntry, request_id: int, round_: int, case_no: str) -> dict[str, Any]:
    return {
        "request_id": request_id, "level": e.level, "channel": e.channel, "reasons": e.reasons, "comment": e.comment,
        "rated_at": e.rated_at, "rated_on": e.rated_on, "round": round_, "case_no": case_no, "item_code": e.item_code,
        "item_name": e.item_name, "department": e.department, "clerk": e.clerk, "staff_no": e.staff_no,
        "desk_no": e.desk_no, "site_code": e.site_code, "region": e.region, "rater_name": e.rater_name,
        "rater_id_no": e.rater_id_no, "rater_kind": e.rater_kind, "anonymous": e.anonymous,
    }  # fmt: skip


def _merge_rectifications(
    session: Session,
    rounds: Sequence[tuple[CaseRecord, RatingRound]],
    ids: Mapping[str, int],
    requests: Mapping[tuple[int, int], int],
    ratings: Mapping[int, int],
) -> set[str]:
    rated = [(r, q.rating, ratings[requests[(ids[r.uid], q.round)]]) for r, q in rounds
             if q.rating is not None and requests[(ids[r.uid], q.round)] in ratings]  # fmt: skip
    if not rated:
        return set()
    rating_ids = sorted({rating_id for _r, _e, rating_id in rated})
    rects = {
        row.rating_id: row.id for row in select_in(session, (RECT.c.id, RECT.c.rating_id), RECT.c.rating_id, rating_ids)
    }
    changed: set[str] = set()
    new_rects = []
    for r, e, rating_id in rated:
        if e is not None and e.rectification is not None and rating_id not in rects:
            rects[rating_id] = 0
            x = e.rectification
            new_rects.append(
                {
                    "rating_id": rating_id,
                    "opened_at": x.opened_at,
                    "opened_on": x.opened_on,
                    "period": x.period,
                    "due_on": x.due_on,
                    "due_beyond_data": x.due_beyond_data,
                }
            )
            changed.add(r.uid)
    for part in chunks(new_rects, 2000):
        for rect_id, rating_id in session.execute(insert(RECT).returning(RECT.c.id, RECT.c.rating_id), list(part)):
            rects[rating_id] = rect_id
    changed |= _merge_rect_lines(session, rated, rects)
    appeals = {
        (row.rating_id, utc(row.at), row.ground)
        for row in select_in(
            session, (APPEAL.c.rating_id, APPEAL.c.at, APPEAL.c.ground), APPEAL.c.rating_id, rating_ids
        )
    }
    new_appeals = []
    for r, e, rating_id in rated:
        assert e is not None
        for a in e.appeals:
            if (rating_id, *a.key) not in appeals:
                appeals.add((rating_id, *a.key))
                new_appeals.append(
                    {
                        "rating_id": rating_id,
                        "at": a.at,
                        "by": a.by,
                        "ground": a.ground,
                        "upheld": a.upheld,
                        "reason": a.reason,
                    }
                )
                changed.add(r.uid)
    if new_appeals:
        session.execute(insert(APPEAL), new_appeals)
    return changed  # fmt: skip


def _merge_rect_lines(
    session: Session, rated: Sequence[tuple[CaseRecord, RatingEntry | None, int]], rects: Mapping[int, int]
) -> set[str]:
    lines = {
        (row.rectification_id, utc(row.at), row.event)
        for row in select_in(
            session,
            (RECT_LINE.c.rectification_id, RECT_LINE.c.at, RECT_LINE.c.event),
            RECT_LINE.c.rectification_id,
            sorted(rects.values()),
        )
    }
    new_lines = []
    changed: set[str] = set()
    for r, e, rating_id in rated:
        if e is None or e.rectification is None or rating_id not in rects:
            continue
        rect_id = rects[rating_id]
        for line in e.rectification.history:
            if (rect_id, *line.key) not in lines:
                lines.add((rect_id, *line.key))
                new_lines.append(
                    {
                        "rectification_id": rect_id,
                        "at": line.at,
                        "by": line.by,
                        "event": line.event,
                        "state_after": line.state_after,
                        "note": line.note,
                        "fix_due": line.fix_due,
                    }
                )
                changed.add(r.uid)
    if new_lines:
        session.execute(insert(RECT_LINE), new_lines)
    return changed  # fmt: skip
