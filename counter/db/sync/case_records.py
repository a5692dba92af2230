"""Cases read into sync records, in bulk.

Local row ids never leave the database: a case is named by its ``uid``, a
guide version by its content hash, a document by its number and kind, a
rating by its case and round; history, print, rectification and appeal lines
by who did what when.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from counter.db.bulk_rows import chunks
from counter.db.json_rows import json_rows
from counter.db.sealed import CASE_SEALED, unseal_to_send
from counter.db.sync.tables import (
    APPEAL,
    CASE,
    CASE_FIELDS,
    CHUNK,
    DOCUMENT,
    GUIDE,
    HISTORY,
    LAPSE,
    MATERIAL,
    MATERIAL_COLUMNS,
    PRINT,
    RATING,
    RECT,
    RECT_LINE,
    REQUEST,
    memberships,
)
from counter.sync.records import CaseRecord

T = TypeVar("T")


def _grouped(rows: Iterable[Sequence[Any]]) -> dict[Any, list[Sequence[Any]]]:
    """Rows by their first value (the id of what they belong to)."""
    groups: dict[Any, list[Sequence[Any]]] = defaultdict(list)
    for row in rows:
        groups[row[0]].append(row)
    return groups


class _Among:
    """Which cases a chunk's queries ask for: a range of ids where the chunk fills most of it, else the ids.

    A township's first export, and most of the others, asks for cases whose ids follow each other: ``BETWEEN``
    costs the database one index range and the program nothing, where an ``IN`` list of nine hundred ids costs
    more to compile and bind than the rows cost to read.  The few rows of a range that belong to a case not asked
    for are dropped as they are read.  ``as_json`` reads the rows by the driver, their values as JSON writes them
    (:mod:`counter.db.json_rows`); else through SQLAlchemy, as Python values.
    """

    def __init__(self, session: Session, ids: Sequence[int], as_json: bool) -> None:
        self.session, self.ids, self.as_json = session, ids, as_json
        span = ids[-1] - ids[0] + 1
        self.dense = span <= 2 * len(ids)
        self.extra: frozenset[int] | None = frozenset(ids) if self.dense and span != len(ids) else None

    def rows(self, columns: Sequence[Any], case_id: Any, from_: Any, order: Any) -> list[Sequence[Any]]:
        """``columns`` (the case's id first, ``order`` last) of the rows of these cases, in ``order``."""
        found: list[Sequence[Any]]
        if self.dense:
            if self.as_json:  # compiled once: each part is ordered by the ids of its own table, which names it
                stmt = select(*columns).select_from(from_).where(case_id.between(bindparam("lo"), bindparam("hi")))
                key = ("case parts", order.table.name)
                found = json_rows(self.session, stmt.order_by(order), {"lo": self.ids[0], "hi": self.ids[-1]}, key)
            else:
                stmt = select(*columns).select_from(from_).where(case_id.between(self.ids[0], self.ids[-1]))
                found = list(self.session.execute(stmt.order_by(order)).all())
            return found if self.extra is None else [r for r in found if r[0] in self.extra]
        rows: list[Sequence[Any]] = []
        for among in memberships(self.session, case_id, self.ids):
            stmt = select(*columns).select_from(from_).where(among)
            rows.extend(json_rows(self.session, stmt) if self.as_json else self.session.execute(stmt))
        return sorted(rows, key=lambda r: r[-1]) if rows else rows


def case_dicts(session: Session, case_ids: Sequence[int]) -> list[dict[str, Any]]:
    """The records of these cases as plain JSON data, as ``to_dict`` writes a case's record, made from the rows.

    The export writes nothing but this JSON: made straight from the rows it skips a frozen object per checklist
    line, history line, print and rating (half of a township's export), and read by the driver
    (:mod:`counter.db.json_rows`) it skips SQLAlchemy's row objects and the parsing of every stored time (half of
    what was left).  A test holds it equal to the records read through SQLAlchemy.
    """
    found: list[dict[str, Any]] = []
    for ids in chunks(sorted(case_ids), CHUNK):
        found.extend(_case_chunk(session, ids, _json, as_json=True))
    return found


def _case_chunk(session: Session, ids: Sequence[int], make: Callable[..., T], as_json: bool) -> list[T]:
    """What ``make`` makes of each of the cases ``ids`` (ascending), every part read by one query per table.

    Rows come as plain tuples in the order of the record's fields (``id`` last, to keep their order), so each
    part is made from a slice of its row: a hundred thousand checklist lines read attribute by attribute were
    most of a township's export.
    """
    among = _Among(session, ids, as_json)
    previous = CASE.alias("previous")
    g = GUIDE.c
    req, rat, rect = REQUEST.c, RATING.c, RECT.c
    head_columns = [CASE.c[name] for name in CASE_FIELDS]
    heads = among.rows(
        [CASE.c.id, *head_columns, g.content_hash, g.bundle_code, g.version, previous.c.uid, CASE.c.id],
        CASE.c.id,
        CASE.join(GUIDE, g.id == CASE.c.guide_version_id).outerjoin(previous, previous.c.id == CASE.c.previous_case_id),
        CASE.c.id,
    )
    m = MATERIAL.c
    materials = _grouped(among.rows([*(m[name] for name in MATERIAL_COLUMNS), m.id], m.case_id, MATERIAL, m.id))
    h = HISTORY.c
    history = _grouped(among.rows(
        [h.case_id, h.at, h.clerk, h.desk_no, h.event, h.status_after, h.note, h.id], h.case_id, HISTORY, h.id
    ))  # fmt: skip
    d = DOCUMENT.c
    documents = _grouped(among.rows(
        [d.case_id, d.doc_no, d.kind, d.issued_on, d.site_code, d.desk_no, d.clerk, d.office, d.content_hash,
         d.created_at, d.id],
        d.case_id, DOCUMENT, d.id,
    ))  # fmt: skip
    p = PRINT.c
    prints = _grouped(
        r[1:] for r in among.rows(
            [d.case_id, p.document_id, p.at, p.clerk, p.desk_no, p.target, p.content_hash, p.ok, p.error, p.id],
            d.case_id, PRINT.join(DOCUMENT, d.id == p.document_id), p.id,
        )
    )  # fmt: skip
    requests = _grouped(among.rows(
        [req.case_id, req.round, req.sent_at, req.site_code, req.desk_no, req.clerk, req.id],
        req.case_id, REQUEST, req.id,
    ))  # fmt: skip
    rated = RATING.join(REQUEST, req.id == rat.request_id)
    ratings = {r[1]: r[2:] for r in among.rows(
        [req.case_id, rat.request_id, rat.level, rat.channel, rat.reasons, rat.comment, rat.rated_at, rat.rated_on,
         rat.item_code, rat.item_name, rat.department, rat.clerk, rat.staff_no, rat.desk_no, rat.site_code,
         rat.region, rat.rater_name, rat.rater_id_no, rat.rater_kind, rat.anonymous, rat.id],
        req.case_id, rated, rat.id,
    )}  # fmt: skip
    lapses = {r[1]: r[2] for r in among.rows(
        [req.case_id, LAPSE.c.request_id, LAPSE.c.at, LAPSE.c.id],
        req.case_id, LAPSE.join(REQUEST, req.id == LAPSE.c.request_id), LAPSE.c.id,
    )}  # fmt: skip
    opened = RECT.join(RATING, rat.id == rect.rating_id).join(REQUEST, req.id == rat.request_id)
    rects = {r[1]: r[2:] for r in among.rows(
        [req.case_id, rect.rating_id, rect.opened_at, rect.opened_on, rect.period, rect.due_on, rect.due_beyond_data,
         rect.id],
        req.case_id, opened, rect.id,
    )}  # fmt: skip
    x = RECT_LINE.c
    rect_lines = _grouped(
        r[1:] for r in among.rows(
            [req.case_id, x.rectification_id, x.at, x.by, x.event, x.state_after, x.note, x.fix_due, x.id],
            req.case_id, RECT_LINE.join(opened, rect.id == x.rectification_id), x.id,
        )
    )  # fmt: skip
    a = APPEAL.c
    appeals = _grouped(
        r[1:] for r in among.rows(
            [req.case_id, a.rating_id, a.at, a.by, a.ground, a.upheld, a.reason, a.id],
            req.case_id, APPEAL.join(rated, rat.id == a.rating_id), a.id,
        )
    )  # fmt: skip
    return [make(c, materials, history, documents, prints, requests, ratings, lapses, rects, rect_lines, appeals)
            for c in heads]  # fmt: skip


_NO_ROWS: list[Sequence[Any]] = []
#: a package's keys of a checklist line: its columns but the case's id
_MATERIAL_KEYS = MATERIAL_COLUMNS[1:]


def _json(c: Sequence[Any], *parts: Any) -> dict[str, Any]:
    """A case's record as ``to_dict`` writes it, made from the rows read as JSON values
    (:mod:`counter.db.json_rows`: times, days and flags as JSON writes them)."""
    materials, history, documents, prints, requests, ratings, lapses, rects, rect_lines, appeals = parts
    case_id = c[0]
    found: dict[str, Any] = dict(zip(CASE_FIELDS, c[1 : 1 + len(CASE_FIELDS)], strict=True))
    for name in CASE_SEALED:  # read by the driver, as stored: opened here (the package has its own encryption)
        found[name] = unseal_to_send(found[name] or "")  # a placeholder never sent: DataKeyDamaged
    content_hash, guide_bundle, version, previous_uid = c[1 + len(CASE_FIELDS) : -1]

    def rating_entry(request_id: int) -> dict[str, Any] | None:
        r = ratings.get(request_id)
        if r is None:
            return None
        rating_id = r[-1]
        o = rects.get(rating_id)
        entry = dict(zip(_RATING_NAMES, r[:-1], strict=True))
        entry["rater_id_no"] = unseal_to_send(entry["rater_id_no"] or "")  # as stored, sealed: opened
        entry["rectification"] = None if o is None else {
            "opened_at": o[0], "opened_on": o[1], "period": o[2], "due_on": o[3],
            "due_beyond_data": o[4],
            "history": [{"at": y[1], "by": y[2], "event": y[3], "state_after": y[4], "note": y[5],
                         "fix_due": y[6]} for y in rect_lines.get(o[-1], _NO_ROWS)],
        }  # fmt: skip
        entry["appeals"] = [{"at": y[1], "by": y[2], "ground": y[3], "upheld": y[4], "reason": y[5]}
                            for y in appeals.get(rating_id, _NO_ROWS)]  # fmt: skip
        return entry

    found.update(
        type=CaseRecord.TYPE,
        guide={"content_hash": content_hash, "bundle_code": guide_bundle, "version": version},
        previous_uid=previous_uid or "",
        materials=[dict(zip(_MATERIAL_KEYS, m[1:-1], strict=True)) for m in materials.get(case_id, _NO_ROWS)],
        history=[
            {"at": y[1], "clerk": y[2], "desk_no": y[3], "event": y[4], "status_after": y[5], "note": y[6]}
            for y in history.get(case_id, _NO_ROWS)
        ],
        documents=[
            {"doc_no": y[1], "kind": y[2], "issued_on": y[3], "site_code": y[4], "desk_no": y[5], "clerk": y[6],
             "office": y[7], "content_hash": y[8], "created_at": y[9],
             "prints": [{"at": q[1], "clerk": q[2], "desk_no": q[3], "target": q[4], "content_hash": q[5],
                         "ok": q[6], "error": q[7]} for q in prints.get(y[-1], _NO_ROWS)]}
            for y in documents.get(case_id, _NO_ROWS)
        ],
        ratings=[
            {"round": q[1], "sent_at": q[2], "site_code": q[3], "desk_no": q[4], "clerk": q[5],
             "rating": rating_entry(q[-1]), "lapsed_at": lapses.get(q[-1])}
            for q in sorted(requests.get(case_id, _NO_ROWS), key=lambda q: q[1])
        ],
    )  # fmt: skip
    return found


#: a rating's fields in the order :func:`_case_chunk` reads them (its rectification and appeals aside)
_RATING_NAMES = (
    "level", "channel", "reasons", "comment", "rated_at", "rated_on", "item_code", "item_name", "department", "clerk",
    "staff_no", "desk_no", "site_code", "region", "rater_name", "rater_id_no", "rater_kind", "anonymous",
)  # fmt: skip
