"""Cases read into sync records, in bulk.

Local row ids never leave the database: a case is named by its ``uid``, a
guide version by its content hash, a document by its number and kind, a
rating by its case and round; history, print, rectification and appeal lines
by who did what when.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session, aliased

from counter.db import models
from counter.db.bulk_rows import chunks
from counter.db.sync_tables import (
    APPEAL,
    CASE,
    CASE_FIELDS,
    CHUNK,
    DOCUMENT,
    GUIDE,
    HISTORY,
    LAPSE,
    MATERIAL,
    PRINT,
    RATING,
    RECT,
    RECT_LINE,
    REQUEST,
    memberships,
    utc,
)
from counter.sync.records import (
    AppealEntry,
    CaseRecord,
    DocumentEntry,
    GuideRef,
    HistoryEntry,
    MaterialLine,
    PrintEntry,
    RatingEntry,
    RatingRound,
    RectificationEntry,
    RectLine,
)


def _grouped(rows: Iterable[Any], key: str) -> dict[Any, list[Any]]:
    groups: dict[Any, list[Any]] = defaultdict(list)
    for row in rows:
        groups[getattr(row, key)].append(row)
    return groups


def case_records(session: Session, case_ids: Sequence[int]) -> list[CaseRecord]:
    """The records of these cases, with every part, read a chunk of cases at a time."""
    records: list[CaseRecord] = []
    for ids in chunks(case_ids, CHUNK):
        records.extend(_case_chunk(session, ids))
    return records


def _case_chunk(session: Session, ids: Sequence[int]) -> list[CaseRecord]:
    previous = aliased(models.Case)
    g = GUIDE.c
    heads = session.execute(
        select(CASE, g.content_hash, g.bundle_code.label("guide_bundle"), g.version, previous.uid.label("prev_uid"))
        .join(GUIDE, g.id == CASE.c.guide_version_id)
        .outerjoin(previous, previous.id == CASE.c.previous_case_id)
        .where(CASE.c.id.in_(ids))
        .order_by(CASE.c.id)
    ).all()
    materials = _grouped(
        session.execute(select(MATERIAL).where(MATERIAL.c.case_id.in_(ids)).order_by(MATERIAL.c.id)), "case_id"
    )
    history = _grouped(
        session.execute(select(HISTORY).where(HISTORY.c.case_id.in_(ids)).order_by(HISTORY.c.id)), "case_id"
    )
    documents = session.execute(select(DOCUMENT).where(DOCUMENT.c.case_id.in_(ids)).order_by(DOCUMENT.c.id)).all()
    doc_ids = [d.id for d in documents]
    prints = _grouped(_rows_in(session, PRINT, PRINT.c.document_id, doc_ids), "document_id")
    requests = _rows_in(session, REQUEST, REQUEST.c.case_id, ids)
    request_ids = [r.id for r in requests]
    ratings = {r.request_id: r for r in _rows_in(session, RATING, RATING.c.request_id, request_ids)}
    lapses = {r.request_id: r for r in _rows_in(session, LAPSE, LAPSE.c.request_id, request_ids)}
    rating_ids = [r.id for r in ratings.values()]
    rects = {r.rating_id: r for r in _rows_in(session, RECT, RECT.c.rating_id, rating_ids)}
    rect_lines = _grouped(
        _rows_in(session, RECT_LINE, RECT_LINE.c.rectification_id, [r.id for r in rects.values()]), "rectification_id"
    )
    appeals = _grouped(_rows_in(session, APPEAL, APPEAL.c.rating_id, rating_ids), "rating_id")  # fmt: skip

    docs_of = _grouped(documents, "case_id")
    requests_of = _grouped(requests, "case_id")

    def rating_entry(request_id: int) -> RatingEntry | None:
        r = ratings.get(request_id)
        if r is None:
            return None
        rect = rects.get(r.id)
        return RatingEntry(
            r.level, r.channel, r.reasons, r.comment, utc(r.rated_at), r.rated_on, r.item_code, r.item_name,
            r.department, r.clerk, r.staff_no, r.desk_no, r.site_code, r.region, r.rater_name, r.rater_id_no,
            r.rater_kind, r.anonymous,
            None if rect is None else RectificationEntry(
                utc(rect.opened_at), rect.opened_on, rect.period, rect.due_on, rect.due_beyond_data,
                tuple(RectLine(utc(x.at), x.by, x.event, x.state_after, x.note, x.fix_due)
                      for x in rect_lines[rect.id]),
            ),
            tuple(AppealEntry(utc(a.at), a.by, a.ground, a.upheld, a.reason) for a in appeals[r.id]),
        )  # fmt: skip

    records = []
    for c in heads:
        lapse = None
        records.append(
            CaseRecord(
                **{name: getattr(c, name) for name in CASE_FIELDS if name != "created_at"},
                created_at=utc(c.created_at),
                guide=GuideRef(c.content_hash, c.guide_bundle, c.version),
                previous_uid=c.prev_uid or "",
                materials=tuple(
                    MaterialLine(m.material_code, m.name, m.necessity, m.receipt, m.originals, m.copies, m.medium,
                                 m.defect_note, m.due_on, m.arrived_on)
                    for m in materials[c.id]
                ),
                history=tuple(
                    HistoryEntry(utc(h.at), h.clerk, h.desk_no, h.event, h.status_after, h.note) for h in history[c.id]
                ),
                documents=tuple(
                    DocumentEntry(
                        d.doc_no, d.kind, d.issued_on, d.site_code, d.desk_no, d.clerk, d.office, d.content_hash,
                        utc(d.created_at),
                        tuple(PrintEntry(utc(p.at), p.clerk, p.desk_no, p.target, p.content_hash, p.ok, p.error)
                              for p in prints[d.id]),
                    )
                    for d in docs_of[c.id]
                ),
                ratings=tuple(
                    RatingRound(
                        q.round, utc(q.sent_at), q.site_code, q.desk_no, q.clerk, rating_entry(q.id),
                        None if (lapse := lapses.get(q.id)) is None else utc(lapse.at),
                    )
                    for q in sorted(requests_of[c.id], key=lambda q: q.round)
                ),
            )
        )  # fmt: skip
    return records


def _rows_in(session: Session, table: Table, column: Any, values: Sequence[int]) -> list[Any]:
    rows: list[Any] = []
    for among in memberships(session, column, values):
        rows.extend(session.execute(select(table).where(among).order_by(table.c.id)))
    return rows
