"""Cases in and out of sync packages, in bulk.

A township's package may hold ten thousand cases, and the hall takes it in
while its desks keep working: so every query here reads or writes a whole
package (in chunks that fit any database's parameter limit), never one case at
a time.  Local row ids never leave the database: a case is found by its
``uid``, a guide version by its content hash, a document by its number and
kind, a rating by its case and round; history, print, rectification and appeal
lines by who did what when.

Applying a case *merges*: what the case lacks here is added, nothing is
removed or overwritten.  A status follows the newest history line of the
merged history; a deferred material counts as arrived once either side saw it
arrive, and its due date is the later of the two.  So the result does not
depend on how often, or in which order, the packages arrive.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, TypeVar, cast

import orjson
from sqlalchemy import JSON, String, Table, Text, and_, any_, bindparam, func, insert, select, union, update
from sqlalchemy.dialects.postgresql import REGCLASS
from sqlalchemy.orm import Session, aliased

from counter.db import models
from counter.db.bulk_rows import RowWriter, bulk_insert, chunks
from counter.sync.case_reader import PackageCase
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

CHUNK = 900  # ids per IN (...): within SQLite's and PostgreSQL's limits with room to spare
T = TypeVar("T")


def _table(model: type[models.Base]) -> Table:
    return cast(Table, model.__table__)


CASE, MATERIAL, HISTORY = _table(models.Case), _table(models.CaseMaterial), _table(models.CaseHistory)
DOCUMENT, PRINT = _table(models.DocumentRecord), _table(models.PrintRecord)
REQUEST, RATING, LAPSE = _table(models.RatingRequest), _table(models.Rating), _table(models.RatingLapse)
RECT, RECT_LINE, APPEAL = _table(models.Rectification), _table(models.RectificationHistory), _table(models.RatingAppeal)
GUIDE = _table(models.GuideVersion)

#: the tables whose new rows make a case "changed since" a package: their highest ids are a package's marks
TRACKED: dict[str, Table] = {
    t.name: t for t in (CASE, HISTORY, DOCUMENT, PRINT, REQUEST, RATING, LAPSE, RECT, RECT_LINE, APPEAL)
}

#: the columns of a case that a record carries as they are
CASE_FIELDS = (
    "uid", "case_no", "site_code", "desk_no", "clerk", "bundle_code", "status", "outcome", "answers",
    "applicant_kind", "applicant_name", "applicant_id_no", "applicant_phone", "applicant_address", "legal_rep",
    "agent_name", "agent_id_no", "agent_authorisation", "delivery", "delivery_address", "notify_phone",
    "received_on", "accepted_on", "promised_on", "correction_due", "notify_due", "refusal_ground", "turn_to",
    "denial_reason", "dates_beyond_data", "created_at",
)  # fmt: skip


def utc(value: dt.datetime) -> dt.datetime:
    """A stored time as UTC: SQLite hands times back without their zone."""
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


# --- marks: what a package covered --------------------------------------------------------


def current_marks(session: Session, tables: Iterable[str] = TRACKED) -> dict[str, int]:
    """The highest row id of each tracked table now: rows above these are newer than this moment."""
    wanted = list(tables)
    columns = [select(func.coalesce(func.max(TRACKED[name].c.id), 0)).scalar_subquery() for name in wanted]
    row = session.execute(select(*columns)).one()
    return {name: int(value) for name, value in zip(wanted, row, strict=True)}


def changed_case_ids(session: Session, marks: Mapping[str, int] | None, site_code: str | None = None) -> list[int]:
    """Ids of the cases with any row newer than ``marks`` (every case when None), oldest first.

    ``site_code`` keeps only the cases taken at that site (the hall's progress for one township).
    """
    m = defaultdict(int, marks or {})
    rq, rt, rc = REQUEST.c, RATING.c, RECT.c
    parts = [
        select(CASE.c.id.label("case_id")).where(CASE.c.id > m["case"]),
        select(HISTORY.c.case_id).where(HISTORY.c.id > m["case_history"]),
        select(DOCUMENT.c.case_id).where(DOCUMENT.c.id > m["document_record"], DOCUMENT.c.case_id.is_not(None)),
        select(DOCUMENT.c.case_id)
        .join(PRINT, PRINT.c.document_id == DOCUMENT.c.id)
        .where(PRINT.c.id > m["print_record"], DOCUMENT.c.case_id.is_not(None)),
        select(rq.case_id).where(rq.id > m["rating_request"]),
        select(rq.case_id).join(RATING, rt.request_id == rq.id).where(rt.id > m["rating"]),
        select(rq.case_id).join(LAPSE, LAPSE.c.request_id == rq.id).where(LAPSE.c.id > m["rating_lapse"]),
        select(rq.case_id).join(RATING, rt.request_id == rq.id).join(RECT, rc.rating_id == rt.id)
        .where(rc.id > m["rectification"]),
        select(rq.case_id).join(RATING, rt.request_id == rq.id).join(RECT, rc.rating_id == rt.id)
        .join(RECT_LINE, RECT_LINE.c.rectification_id == rc.id).where(RECT_LINE.c.id > m["rectification_history"]),
        select(rq.case_id).join(RATING, rt.request_id == rq.id).join(APPEAL, APPEAL.c.rating_id == rt.id)
        .where(APPEAL.c.id > m["rating_appeal"]),
    ]  # fmt: skip
    if marks is None:
        parts = parts[:1]
    ids = union(*parts).subquery()
    stmt = select(ids.c.case_id).distinct()
    if site_code is not None:
        stmt = stmt.join(CASE, CASE.c.id == ids.c.case_id).where(CASE.c.site_code == site_code)
    return sorted(int(i) for i in session.scalars(stmt))


def earliest_change(session: Session, marks: Mapping[str, int]) -> dt.datetime | None:
    """When the oldest change above ``marks`` was made (its history line, document, print or rating)."""
    m = defaultdict(int, marks)
    times = [
        select(func.min(HISTORY.c.at)).where(HISTORY.c.id > m["case_history"]),
        select(func.min(DOCUMENT.c.created_at)).where(DOCUMENT.c.id > m["document_record"]),
        select(func.min(PRINT.c.at)).where(PRINT.c.id > m["print_record"]),
        select(func.min(REQUEST.c.sent_at)).where(REQUEST.c.id > m["rating_request"]),
        select(func.min(RATING.c.rated_at)).where(RATING.c.id > m["rating"]),
        select(func.min(LAPSE.c.at)).where(LAPSE.c.id > m["rating_lapse"]),
        select(func.min(RECT_LINE.c.at)).where(RECT_LINE.c.id > m["rectification_history"]),
        select(func.min(APPEAL.c.at)).where(APPEAL.c.id > m["rating_appeal"]),
    ]
    found = [utc(t) for t in (session.scalar(stmt) for stmt in times) if t is not None]
    return min(found) if found else None


# --- reading cases into records -----------------------------------------------------------


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
    for among in _memberships(session, column, values):
        rows.extend(session.execute(select(table).where(among).order_by(table.c.id)))
    return rows


def _memberships(session: Session, column: Any, values: Sequence[Any]) -> Iterator[Any]:
    """``column`` among ``values``, as one condition or as several that together cover them.

    PostgreSQL takes all of them as one array (``= ANY(…)``): a thousand
    bound parameters cost more to compile and send than the query costs to run.
    Elsewhere the values go in chunks of ``IN`` lists within the parameter limit.
    """
    values = list(values)
    if session.get_bind().dialect.name == "postgresql":
        # sent as one JSON array: psycopg writes a list parameter value by value in Python (about 30 ms for
        # ten thousand uids), orjson writes it at once and the server unpacks it in a few
        element = Text() if isinstance(column.type, String) else column.type  # text: a cast to varchar(n) cuts
        unpacked = func.json_array_elements_text(bindparam(None, orjson.dumps(values).decode(), type_=Text).cast(JSON))
        yield column == any_(func.array(select(unpacked.cast(element)).scalar_subquery()))
        return
    for part in chunks(values, CHUNK):
        yield column.in_(part)


# --- applying cases -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HeldCase:
    """A case that cannot go in here yet, with the reason code and a detail for the review list."""

    record: CaseRecord
    reason: str  # unknown_guide / case_no_taken / previous_missing / document_conflict
    detail: str


@dataclass(slots=True)
class CasesApplied:
    applied: list[str] = field(default_factory=list)  # uids
    unchanged: list[str] = field(default_factory=list)
    held: list[HeldCase] = field(default_factory=list)


def _select_in(session: Session, columns: Sequence[Any], column: Any, values: Sequence[Any]) -> list[Any]:
    rows: list[Any] = []
    for among in _memberships(session, column, values):
        rows.extend(session.execute(select(*columns).where(among)))
    return rows


def apply_cases(
    session: Session,
    cases: Sequence[PackageCase],
    read: Callable[[Sequence[PackageCase]], list[CaseRecord]],
) -> CasesApplied:
    """Merge the cases into this database; those that cannot go in are returned as held, untouched.

    ``cases`` are whole records or only their keys, which ``read`` turns into
    records when their turn comes (see :mod:`counter.sync.case_reader`); a case
    ``read`` leaves out is neither applied nor held.  Decisions never depend on
    the cases' order: conflicts inside one package (two uids with one case
    number, one document number in two cases) are settled for the smallest uid.
    """
    result = CasesApplied()
    cases = sorted(cases, key=attrgetter("uid"))
    guides = _guide_ids(session, {c.guide.content_hash for c in cases})
    held = _held(session, cases, guides)
    good = [c for c in cases if c.uid not in held]
    existing = {
        row.uid: row.id for row in _select_in(session, (CASE.c.uid, CASE.c.id), CASE.c.uid, [c.uid for c in good])
    }
    new = [c for c in good if c.uid not in existing]
    ids = dict(existing) | dict(zip([c.uid for c in new], _new_case_ids(session, len(new)), strict=True))
    new_records = _write_new(session, new, ids, guides, read)
    old = read([c for c in good if c.uid in existing])
    records = sorted([*new_records, *old], key=attrgetter("uid"))
    changed = {r.uid for r in new_records}
    changed |= _link_previous(session, records, ids, set(existing))
    changed |= _merge_parts(session, records, old, ids)
    for r in records:
        (result.applied if r.uid in changed else result.unchanged).append(r.uid)
    held_cases = [c for c in cases if c.uid in held]
    result.held.extend(HeldCase(r, *held[r.uid]) for r in read(held_cases))
    return result


#: new cases per batch of rows handed to the writer: small enough that the server starts early, large
#: enough that a batch's statements cost little beside its rows
NEW_BATCH = 1000


def _new_case_ids(session: Session, count: int) -> list[int]:
    """Row ids for ``count`` new cases, taken before their rows are written.

    The rows then go in with their ids, so their checklist and history lines can
    be written right behind them without asking the database which ids it gave.
    PostgreSQL hands them out from the table's sequence, so desks adding cases
    meanwhile get others; SQLite has one writer at a time, and its ids follow
    the highest there is.
    """
    if count == 0:
        return []
    if session.get_bind().dialect.name == "postgresql":
        # the sequence looked up once (a subquery), not once per id: a third of the time for ten thousand
        sequence = select(func.pg_get_serial_sequence('"case"', "id")).scalar_subquery().cast(REGCLASS)
        return list(session.scalars(select(func.nextval(sequence)).select_from(func.generate_series(1, count))))
    before = int(session.scalar(select(func.coalesce(func.max(CASE.c.id), 0))) or 0)
    return list(range(before + 1, before + 1 + count))


def _write_new(
    session: Session,
    new: Sequence[PackageCase],
    ids: Mapping[str, int],
    guides: Mapping[str, tuple[int, str]],
    read: Callable[[Sequence[PackageCase]], list[CaseRecord]],
) -> list[CaseRecord]:
    """Cases new here, with their checklist and history lines as they came, a batch at a time; their records.

    Nothing to compare with what is here, so nothing is read from the
    database: each batch is read from the package and its rows handed to a
    :class:`RowWriter`, and the next batch is read while the database inserts
    them.  Documents and ratings follow in :func:`_merge_parts`.
    """
    records: list[CaseRecord] = []
    with RowWriter(session) as writer:
        for part in chunks(new, NEW_BATCH):
            batch = read(part)
            records.extend(batch)
            leads = [(ids[r.uid],) for r in batch]
            writer.put_objects(
                CASE, ("id", "guide_version_id"), CASE_FIELDS,
                [((lead[0], guides[r.guide.content_hash][0]), r) for lead, r in zip(leads, batch, strict=True)],
            )  # fmt: skip
            writer.put_objects(
                HISTORY, HISTORY_COLUMNS[:1], HISTORY_COLUMNS[1:],
                [(lead, x) for lead, r in zip(leads, batch, strict=True) for x in r.history],
            )  # fmt: skip
            writer.put_objects(
                MATERIAL, MATERIAL_COLUMNS[:1], MATERIAL_COLUMNS[1:],
                [(lead, m) for lead, r in zip(leads, batch, strict=True) for m in _first_of_each_code(r.materials)],
            )  # fmt: skip
    return records


def _first_of_each_code(lines: Sequence[MaterialLine]) -> Sequence[MaterialLine]:
    """A checklist with each material once: a line listed twice in one record counts the first time."""
    if len({m.material_code for m in lines}) == len(lines):
        return lines
    first: dict[str, MaterialLine] = {}
    for m in lines:
        first.setdefault(m.material_code, m)
    return list(first.values())


def _guide_ids(session: Session, hashes: set[str]) -> dict[str, tuple[int, str]]:
    """Content hash → (the oldest local version with it, its bundle)."""
    found: dict[str, tuple[int, str]] = {}
    rows = _select_in(
        session, (GUIDE.c.content_hash, GUIDE.c.id, GUIDE.c.bundle_code), GUIDE.c.content_hash, sorted(hashes)
    )
    for content_hash, version_id, bundle in sorted(rows, key=lambda r: r[1], reverse=True):
        found[content_hash] = (version_id, bundle)
    return found  # fmt: skip


def _held(
    session: Session, records: Sequence[PackageCase], guides: Mapping[str, tuple[int, str]]
) -> dict[str, tuple[str, str]]:
    """The records that cannot be applied, by uid: unknown guide, a number another case has, a missing earlier case."""
    held: dict[str, tuple[str, str]] = {}  # uid → reason, detail
    for r in records:
        local = guides.get(r.guide.content_hash)
        if local is None or local[1] != r.bundle_code:
            detail = f"{r.guide.bundle_code} v{r.guide.version} {r.guide.content_hash[:12]}"
            held[r.uid] = ("unknown_guide", detail)
    numbers = {
        row.case_no: row.uid
        for row in _select_in(session, (CASE.c.case_no, CASE.c.uid), CASE.c.case_no, [r.case_no for r in records])
    }
    docs = {(row.doc_no, row.kind): row.uid for row in _select_in(
        session, (DOCUMENT.c.doc_no, DOCUMENT.c.kind, CASE.c.uid), DOCUMENT.c.doc_no,
        [doc_no for r in records for doc_no, _kind in r.document_keys],
    ) if row.uid is not None} if any(r.document_keys for r in records) else {}  # fmt: skip
    for r in records:
        if r.uid in held:
            continue
        owner = numbers.setdefault(r.case_no, r.uid)
        if owner != r.uid:
            held[r.uid] = ("case_no_taken", f"{r.case_no} belongs to {owner}")
            continue
        for doc_no, kind in r.document_keys:
            doc_owner = docs.setdefault((doc_no, kind), r.uid)
            if doc_owner != r.uid:
                held[r.uid] = ("document_conflict", f"{doc_no} ({kind}) belongs to {doc_owner}")
                break
    _hold_missing_previous(session, records, held)
    return held


def _hold_missing_previous(session: Session, records: Sequence[PackageCase], held: dict[str, tuple[str, str]]) -> None:
    """Hold a case whose earlier case (the correction it answers) is neither here nor going in with it."""
    wanted = {r.previous_uid for r in records if r.previous_uid}
    if not wanted:
        return
    here = {row.uid for row in _select_in(session, (CASE.c.uid,), CASE.c.uid, sorted(wanted))}
    coming = {r.uid for r in records}
    moved = True
    while moved:  # a held earlier case holds its later one, and so on down the chain
        moved = False
        for r in records:
            if r.uid in held or not r.previous_uid or r.previous_uid in here:
                continue
            if r.previous_uid not in coming or r.previous_uid in held:
                held[r.uid] = ("previous_missing", r.previous_uid)
                moved = True


def _link_previous(
    session: Session, records: Sequence[CaseRecord], ids: Mapping[str, int], existing: set[str]
) -> set[str]:
    """Point cases at the earlier case they answer; the uids of existing cases that got their link now."""
    linked = [r for r in records if r.previous_uid]
    if not linked:
        return set()
    have = {
        row.id: row.previous_case_id
        for row in _select_in(session, (CASE.c.id, CASE.c.previous_case_id), CASE.c.id, [ids[r.uid] for r in linked])
    }
    missing = {r.previous_uid for r in linked} - set(ids)
    known = dict(ids) | {
        row.uid: row.id for row in _select_in(session, (CASE.c.uid, CASE.c.id), CASE.c.uid, sorted(missing))
    }
    changes = [
        {"b_id": ids[r.uid], "b_previous": known[r.previous_uid]}
        for r in linked
        if have.get(ids[r.uid]) is None and r.previous_uid in known
    ]
    if changes:
        session.execute(
            update(CASE).where(CASE.c.id == bindparam("b_id")).values(previous_case_id=bindparam("b_previous")), changes
        )
    done = {row["b_id"] for row in changes}
    return {r.uid for r in linked if r.uid in existing and ids[r.uid] in done}  # fmt: skip


def _merge_parts(
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
    changed |= _merge_materials(session, moved, ids, [ids[r.uid] for r in moved])
    changed |= _merge_documents(session, records, ids, old_ids)
    changed |= _merge_ratings(session, records, ids, old_ids)
    return changed


def _denials(records: Sequence[CaseRecord], ids: Mapping[str, int]) -> dict[int, str]:
    return {ids[r.uid]: r.denial_reason for r in records if r.denial_reason}


def _merge_materials(
    session: Session, records: Sequence[CaseRecord], ids: Mapping[str, int], old_ids: Sequence[int]
) -> set[str]:
    """Existing cases' checklists: lines they lack added, arrivals and deadlines merged."""
    have: dict[tuple[int, str], Any] = {
        (row.case_id, row.material_code): row
        for row in _select_in(session, (MATERIAL.c.id, MATERIAL.c.case_id, MATERIAL.c.material_code, MATERIAL.c.receipt,
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
    rows = _select_in(session, (HISTORY.c.case_id, HISTORY.c.id, HISTORY.c.at, HISTORY.c.event, HISTORY.c.desk_no,
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


def _merge_documents(
    session: Session, records: Sequence[CaseRecord], ids: Mapping[str, int], old_ids: Sequence[int]
) -> set[str]:
    docs = {
        (row.doc_no, row.kind): row.id
        for row in _select_in(session, (DOCUMENT.c.id, DOCUMENT.c.doc_no, DOCUMENT.c.kind), DOCUMENT.c.case_id, old_ids)
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
        for row in _select_in(session, columns, PRINT.c.document_id, sorted(set(docs.values())))
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


def _merge_ratings(
    session: Session, records: Sequence[CaseRecord], ids: Mapping[str, int], old_ids: Sequence[int]
) -> set[str]:
    """Requests, ratings, lapses, rectifications and appeals: each added where its place is empty."""
    rounds = [(r, q) for r in records for q in r.ratings]
    if not rounds:
        return set()
    requests = {
        (row.case_id, row.round): row.id
        for row in _select_in(session, (REQUEST.c.id, REQUEST.c.case_id, REQUEST.c.round), REQUEST.c.case_id, old_ids)
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
        for row in _select_in(session, (RATING.c.id, RATING.c.request_id), RATING.c.request_id, request_ids)
    }
    lapses = {row.request_id for row in _select_in(session, (LAPSE.c.request_id,), LAPSE.c.request_id, request_ids)}
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
        row.rating_id: row.id
        for row in _select_in(session, (RECT.c.id, RECT.c.rating_id), RECT.c.rating_id, rating_ids)
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
        for row in _select_in(
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


def case_ids_by_uid(session: Session, uids: Sequence[str]) -> dict[str, int]:
    return {row.uid: row.id for row in _select_in(session, (CASE.c.uid, CASE.c.id), CASE.c.uid, uids)}


def _merge_rect_lines(
    session: Session, rated: Sequence[tuple[CaseRecord, RatingEntry | None, int]], rects: Mapping[int, int]
) -> set[str]:
    lines = {
        (row.rectification_id, utc(row.at), row.event)
        for row in _select_in(
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
