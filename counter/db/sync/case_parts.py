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

from sqlalchemy import and_, bindparam, update
from sqlalchemy.orm import Session

from counter.case.view import CaseMaterialLine
from counter.db.bulk_rows import bulk_insert
from counter.db.sealed import seal, sealing_keys
from counter.db.service_standing import refresh_standing
from counter.db.sync.tables import (
    APPEAL,
    CASE,
    DOCUMENT,
    HISTORY,
    LAPSE,
    LINE_FIELDS,
    MATERIAL,
    MATERIAL_COLUMNS,
    PRINT,
    RATING,
    RECT,
    RECT_LINE,
    REQUEST,
    new_row_ids,
    select_in,
    utc,
)
from counter.sync.records import (
    AppealEntry,
    CaseRecord,
    DocumentEntry,
    HistoryEntry,
    PrintEntry,
    RatingEntry,
    RatingRound,
    RectificationEntry,
    RectLine,
)


def merge_parts(
    session: Session, records: Sequence[CaseRecord], old: Sequence[CaseRecord], ids: Mapping[str, int]
) -> set[str]:
    """Add every part the cases lack and update status and materials of the ``old`` ones; the uids changed.

    New cases' checklist and history lines, and their standing, are in already (:func:`_write_new`).
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
        merged: set[str] = set()
        for m in r.materials:
            if m.code in merged:
                continue  # listed twice in one record: the first stands, as in a case new here
            merged.add(m.code)
            row = have.get((case_id, m.code))
            if row is None:
                new_rows.append((case_id, *_material_values(m)))
                changed.add(r.uid)
                continue
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


_material_values: Callable[[CaseMaterialLine], tuple[Any, ...]] = attrgetter(*LINE_FIELDS)


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
            # lines come in their case's order: of two at one moment (a decision and the 办结 it wrote), the later
            if top is None or line.at >= top[0]:
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
    """Documents and their prints each case lacks; a document new here has no prints here to compare with."""
    docs = {
        (row.doc_no, row.kind): row.id
        for row in select_in(session, (DOCUMENT.c.id, DOCUMENT.c.doc_no, DOCUMENT.c.kind), DOCUMENT.c.case_id, old_ids)
    }
    earlier = sorted(set(docs.values()))
    changed: set[str] = set()
    new_docs: list[tuple[Any, ...]] = []
    for r in records:
        for d in r.documents:
            if d.key in docs:
                continue
            docs[d.key] = 0  # its id below: the first case naming it has it
            new_docs.append((ids[r.uid], *_document_values(d)))
            changed.add(r.uid)
    made = new_row_ids(session, DOCUMENT, len(new_docs))
    for doc_id, row in zip(made, new_docs, strict=True):
        docs[(row[1], row[2])] = doc_id
    bulk_insert(
        session, DOCUMENT, ("id", *DOCUMENT_COLUMNS), [(i, *row) for i, row in zip(made, new_docs, strict=True)]
    )
    columns = (PRINT.c.document_id, PRINT.c.at, PRINT.c.desk_no, PRINT.c.target)
    prints = {
        (row.document_id, utc(row.at), row.desk_no, row.target)
        for row in select_in(session, columns, PRINT.c.document_id, earlier)
    }
    new_prints: list[tuple[Any, ...]] = []
    for r in records:
        for d in r.documents:
            doc_id = docs[d.key]
            for p in d.prints:
                key = (doc_id, *p.key)
                if key in prints:
                    continue
                prints.add(key)
                new_prints.append((doc_id, *_print_values(p)))
                changed.add(r.uid)
    bulk_insert(session, PRINT, PRINT_COLUMNS, new_prints)
    return changed


DOCUMENT_COLUMNS = (
    "case_id", "doc_no", "kind", "issued_on", "site_code", "desk_no", "clerk", "office", "content_hash", "created_at",
)  # fmt: skip
_document_values: Callable[[DocumentEntry], tuple[Any, ...]] = attrgetter(*DOCUMENT_COLUMNS[1:])
PRINT_COLUMNS = ("document_id", "at", "clerk", "desk_no", "target", "content_hash", "ok", "error")
_print_values: Callable[[PrintEntry], tuple[Any, ...]] = attrgetter(*PRINT_COLUMNS[1:])
REQUEST_COLUMNS = ("id", "case_id", "round", "sent_at", "site_code", "desk_no", "clerk")
RATING_COLUMNS = (
    "id", "request_id", "round", "case_no", "level", "channel", "reasons", "comment", "rated_at", "rated_on",
    "item_code", "item_name", "department", "clerk", "staff_no", "desk_no", "site_code", "region", "rater_name",
    "rater_id_no", "rater_kind", "anonymous",
)  # fmt: skip
_rating_values: Callable[[RatingEntry], tuple[Any, ...]] = attrgetter(*RATING_COLUMNS[4:])
_RATER_AT = RATING_COLUMNS[4:].index("rater_id_no")
RECT_COLUMNS = ("id", "rating_id", "opened_at", "opened_on", "period", "due_on", "due_beyond_data")
_rect_values: Callable[[RectificationEntry], tuple[Any, ...]] = attrgetter(*RECT_COLUMNS[2:])
RECT_LINE_COLUMNS = ("rectification_id", "at", "by", "event", "state_after", "note", "fix_due")
_rect_line_values: Callable[[RectLine], tuple[Any, ...]] = attrgetter(*RECT_LINE_COLUMNS[1:])
APPEAL_COLUMNS = ("rating_id", "at", "by", "ground", "upheld", "reason")
_appeal_values: Callable[[AppealEntry], tuple[Any, ...]] = attrgetter(*APPEAL_COLUMNS[1:])


def merge_ratings(
    session: Session, records: Sequence[CaseRecord], ids: Mapping[str, int], old_ids: Sequence[int]
) -> set[str]:
    """Requests, ratings, lapses, rectifications and appeals: each added where its place is empty.

    Only what was here before the package is read back to compare with: a request, rating or rectification
    written by this import has nothing under it yet.
    """
    rounds = [(r, q) for r in records for q in r.ratings]
    if not rounds:
        return set()
    requests = {
        (row.case_id, row.round): row.id
        for row in select_in(session, (REQUEST.c.id, REQUEST.c.case_id, REQUEST.c.round), REQUEST.c.case_id, old_ids)
    }
    earlier = sorted(requests.values())
    changed: set[str] = set()
    new_requests: list[tuple[Any, ...]] = []
    for r, q in rounds:
        place = (ids[r.uid], q.round)
        if place not in requests:
            requests[place] = 0
            new_requests.append((place[0], q.round, q.sent_at, q.site_code, q.desk_no, q.clerk))
            changed.add(r.uid)
    made = new_row_ids(session, REQUEST, len(new_requests))
    for request_id, row in zip(made, new_requests, strict=True):
        requests[(row[0], row[1])] = request_id
    bulk_insert(session, REQUEST, REQUEST_COLUMNS, [(i, *row) for i, row in zip(made, new_requests, strict=True)])
    ratings = {
        row.request_id: row.id
        for row in select_in(session, (RATING.c.id, RATING.c.request_id), RATING.c.request_id, earlier)
    }
    earlier_ratings = sorted(ratings.values())
    lapses = {row.request_id for row in select_in(session, (LAPSE.c.request_id,), LAPSE.c.request_id, earlier)}
    new_ratings: list[tuple[Any, ...]] = []
    new_lapses: list[tuple[Any, ...]] = []
    keys = sealing_keys() if any(q.rating is not None for _, q in rounds) else None
    for r, q in rounds:
        request_id = requests[(ids[r.uid], q.round)]
        if q.rating is not None and request_id not in ratings and request_id not in lapses:
            ratings[request_id] = 0
            values = _rating_values(q.rating)
            sealed = seal(values[_RATER_AT], keys)  # bulk_insert writes as given: sealed here
            values = (*values[:_RATER_AT], sealed, *values[_RATER_AT + 1 :])
            new_ratings.append((request_id, q.round, r.case_no, *values))
            changed.add(r.uid)
        elif q.lapsed_at is not None and request_id not in lapses and request_id not in ratings:
            lapses.add(request_id)
            new_lapses.append((request_id, q.lapsed_at))
            changed.add(r.uid)
    made = new_row_ids(session, RATING, len(new_ratings))
    for rating_id, row in zip(made, new_ratings, strict=True):
        ratings[row[0]] = rating_id
    bulk_insert(session, RATING, RATING_COLUMNS, [(i, *row) for i, row in zip(made, new_ratings, strict=True)])
    bulk_insert(session, LAPSE, ("request_id", "at"), new_lapses)
    changed |= _merge_rectifications(session, rounds, ids, requests, ratings, earlier_ratings)
    # in the same transaction as the facts: the figures count the cases' standing (counter.db.service_standing);
    # a case new here was written with the standing its record's facts leave it in (counter.db.sync.cases)
    here_before = set(old_ids)
    refresh_standing(session, (ids[uid] for uid in changed if ids[uid] in here_before))
    return changed


def _merge_rectifications(
    session: Session,
    rounds: Sequence[tuple[CaseRecord, RatingRound]],
    ids: Mapping[str, int],
    requests: Mapping[tuple[int, int], int],
    ratings: Mapping[int, int],
    earlier: Sequence[int],
) -> set[str]:
    """Rectifications, their lines and the appeals: ``earlier`` are the ratings that were here before."""
    rated = [(r, q.rating, ratings[requests[(ids[r.uid], q.round)]]) for r, q in rounds
             if q.rating is not None and requests[(ids[r.uid], q.round)] in ratings]  # fmt: skip
    if not rated:
        return set()
    rects = {
        row.rating_id: row.id for row in select_in(session, (RECT.c.id, RECT.c.rating_id), RECT.c.rating_id, earlier)
    }
    earlier_rects = sorted(rects.values())
    changed: set[str] = set()
    new_rects: list[tuple[Any, ...]] = []
    for r, e, rating_id in rated:
        if e is not None and e.rectification is not None and rating_id not in rects:
            rects[rating_id] = 0
            new_rects.append((rating_id, *_rect_values(e.rectification)))
            changed.add(r.uid)
    made = new_row_ids(session, RECT, len(new_rects))
    for rect_id, row in zip(made, new_rects, strict=True):
        rects[row[0]] = rect_id
    bulk_insert(session, RECT, RECT_COLUMNS, [(i, *row) for i, row in zip(made, new_rects, strict=True)])
    changed |= _merge_rect_lines(session, rated, rects, earlier_rects)
    appeals = {
        (row.rating_id, utc(row.at), row.ground)
        for row in select_in(session, (APPEAL.c.rating_id, APPEAL.c.at, APPEAL.c.ground), APPEAL.c.rating_id, earlier)
    }
    new_appeals: list[tuple[Any, ...]] = []
    for r, e, rating_id in rated:
        assert e is not None
        for a in e.appeals:
            if (rating_id, *a.key) not in appeals:
                appeals.add((rating_id, *a.key))
                new_appeals.append((rating_id, *_appeal_values(a)))
                changed.add(r.uid)
    bulk_insert(session, APPEAL, APPEAL_COLUMNS, new_appeals)
    return changed


def _merge_rect_lines(
    session: Session,
    rated: Sequence[tuple[CaseRecord, RatingEntry | None, int]],
    rects: Mapping[int, int],
    earlier: Sequence[int],
) -> set[str]:
    """The lines each rectification lacks; only those here before the package have any to compare with."""
    lines = {
        (row.rectification_id, utc(row.at), row.event)
        for row in select_in(
            session, (RECT_LINE.c.rectification_id, RECT_LINE.c.at, RECT_LINE.c.event), RECT_LINE.c.rectification_id,
            earlier,
        )
    }  # fmt: skip
    new_lines: list[tuple[Any, ...]] = []
    changed: set[str] = set()
    for r, e, rating_id in rated:
        if e is None or e.rectification is None or rating_id not in rects:
            continue
        rect_id = rects[rating_id]
        for line in e.rectification.history:
            if (rect_id, *line.key) not in lines:
                lines.add((rect_id, *line.key))
                new_lines.append((rect_id, *_rect_line_values(line)))
                changed.add(r.uid)
    bulk_insert(session, RECT_LINE, RECT_LINE_COLUMNS, new_lines)
    return changed
