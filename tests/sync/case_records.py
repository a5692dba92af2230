"""Cases read into sync records through SQLAlchemy, as Python values: what the export's JSON
(:func:`counter.db.sync.case_records.case_dicts`, read by the driver) must equal once written by ``to_dict``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from counter.case.view import CaseMaterialLine
from counter.db.bulk_rows import chunks
from counter.db.sync.case_records import _NO_ROWS, _case_chunk
from counter.db.sync.tables import CASE_FIELDS, CHUNK, utc
from counter.sync.records import (
    AppealEntry,
    CaseRecord,
    DocumentEntry,
    GuideRef,
    HistoryEntry,
    PrintEntry,
    RatingEntry,
    RatingRound,
    RectificationEntry,
    RectLine,
)


def case_records(session: Session, case_ids: Sequence[int]) -> list[CaseRecord]:
    """The records of these cases, with every part, read a chunk of cases at a time."""
    records: list[CaseRecord] = []
    for ids in chunks(sorted(case_ids), CHUNK):
        records.extend(_case_chunk(session, ids, _record, as_json=False))
    return records


def _record(c: Sequence[Any], *parts: Any) -> CaseRecord:
    """One case's record from its head row and its parts' rows (see :func:`_case_chunk` for their columns)."""
    materials, history, documents, prints, requests, ratings, lapses, rects, rect_lines, appeals = parts
    case_id = c[0]
    fields = dict(zip(CASE_FIELDS, c[1 : 1 + len(CASE_FIELDS)], strict=True))
    fields["created_at"] = utc(fields["created_at"])
    content_hash, guide_bundle, version, previous_uid = c[1 + len(CASE_FIELDS) : -1]

    def rating_entry(request_id: int) -> RatingEntry | None:
        r = ratings.get(request_id)
        if r is None:
            return None
        rating_id = r[-1]
        o = rects.get(rating_id)
        rectification = None if o is None else RectificationEntry(
            utc(o[0]), o[1], o[2], o[3], o[4],
            tuple(RectLine(utc(y[1]), *y[2:-1]) for y in rect_lines.get(o[-1], _NO_ROWS)),
        )  # fmt: skip
        appealed = tuple(AppealEntry(utc(y[1]), *y[2:-1]) for y in appeals.get(rating_id, _NO_ROWS))
        return RatingEntry(*(*r[:4], utc(r[4]), *r[5:-1], rectification, appealed))

    return CaseRecord(
        **fields,
        guide=GuideRef(content_hash, guide_bundle, version),
        previous_uid=previous_uid or "",
        materials=tuple(CaseMaterialLine(*row[1:-1]) for row in materials.get(case_id, _NO_ROWS)),
        history=tuple(HistoryEntry(utc(y[1]), *y[2:-1]) for y in history.get(case_id, _NO_ROWS)),
        documents=tuple(
            DocumentEntry(*(
                *y[1:9], utc(y[9]), tuple(PrintEntry(utc(q[1]), *q[2:-1]) for q in prints.get(y[-1], _NO_ROWS))
            ))
            for y in documents.get(case_id, _NO_ROWS)
        ),
        ratings=tuple(
            RatingRound(
                q[1], utc(q[2]), q[3], q[4], q[5], rating_entry(q[-1]),
                None if (lapse := lapses.get(q[-1])) is None else utc(lapse),
            )
            for q in sorted(requests.get(case_id, _NO_ROWS), key=lambda q: q[1])
        ),
    )  # fmt: skip
