"""Cases of a sync package applied here, in bulk: which go in, which are held, and the new ones written.

A township's package may hold ten thousand cases, and the hall takes it in
while its desks keep working: so every query here reads or writes a whole
package (in chunks that fit any database's parameter limit), never one case at
a time.  A case is found by its ``uid``, a guide version by its content hash,
a document by its number and kind.

Applying a case *merges*: what the case lacks here is added, nothing is
removed or overwritten (the parts of a case already here are merged by
:mod:`counter.db.sync.case_parts`).  So the result does not depend on how
often, or in which order, the packages arrive.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from sqlalchemy import bindparam, update
from sqlalchemy.orm import Session

from counter.case.numbers import CASE_NO
from counter.case.view import CaseMaterialLine
from counter.db.bulk_rows import RowWriter, chunks
from counter.db.catalog_store import guide_version
from counter.db.name_pairs import PAIR_COLUMNS, pair_rows
from counter.db.platform_store import queue_from_record
from counter.db.sealed import CASE_INDEXES, CASE_SEALED, index_of, seal, sealing_keys
from counter.db.service_standing import STANDING_COLUMNS, new_case_standing
from counter.db.sync.case_parts import HISTORY_COLUMNS, merge_parts
from counter.db.sync.tables import (
    CASE,
    CASE_FIELDS,
    DOCUMENT,
    GUIDE,
    HISTORY,
    MATERIAL,
    MATERIAL_COLUMNS,
    NAME_PAIR,
    new_row_ids,
    select_in,
    utc,
)
from counter.host.keys.data_key import DataKeys
from counter.sync.case_reader import PackageCase
from counter.sync.records import CaseRecord, HistoryEntry
from counter.sync.sender_checks import NO_ITEMS, GuideItems, LineKey, Refusal, Sender, check_case


@dataclass(frozen=True, slots=True)
class HeldCase:
    """A case that cannot go in here yet, with the reason code and a detail for the review list."""

    record: CaseRecord
    reason: str  # unknown_guide / case_no_taken / previous_missing / document_conflict, or a Refusal
    detail: str


@dataclass(slots=True)
class CasesApplied:
    applied: list[str] = field(default_factory=list)  # uids
    unchanged: list[str] = field(default_factory=list)
    held: list[HeldCase] = field(default_factory=list)


def apply_cases(
    session: Session,
    cases: Sequence[PackageCase],
    read: Callable[[Sequence[PackageCase]], list[CaseRecord]],
    sender: Sender,
) -> CasesApplied:
    """Merge the cases into this database; those that cannot go in are returned as held, untouched.

    ``cases`` are whole records or only their keys, which ``read`` turns into
    records when their turn comes (see :mod:`counter.sync.case_reader`); a case
    ``read`` leaves out is neither applied nor held.  Decisions never depend on
    the cases' order: conflicts inside one package (two uids with one case
    number, one document number in two cases) are settled for the smallest uid.
    Each case read is checked against its ``sender``
    (:func:`~counter.sync.sender_checks.check_case`): one that is not the
    sender's to send is held with the reason, and nothing of it is written.
    """
    result = CasesApplied()
    cases = sorted(cases, key=attrgetter("uid"))
    guides = _guide_ids(session, {c.guide.content_hash for c in cases})
    here = _cases_here(session, cases)
    held = _held(session, cases, guides, here)
    good = [c for c in cases if c.uid not in held]
    existing = {c.uid: here[c.uid].id for c in good if c.uid in here}
    new = [c for c in good if c.uid not in existing]
    ids = dict(existing) | dict(zip([c.uid for c in new], new_row_ids(session, CASE, len(new)), strict=True))
    vetted = _Vetting(sender, _lines_here(session, existing), _GuideItems(session, guides))
    new_records = _write_new(session, new, ids, guides, lambda part: vetted(read(part)))
    old = vetted(read([c for c in good if c.uid in existing]))
    for refused in vetted.refused:  # never written: no other case may point at its row id
        ids.pop(refused.record.uid)
    result.held.extend(vetted.refused)
    records = sorted([*new_records, *old], key=attrgetter("uid"))
    changed = {r.uid for r in new_records}
    changed |= _link_previous(session, records, ids, set(existing))
    changed |= merge_parts(session, records, old, ids)
    for r in records:
        (result.applied if r.uid in changed else result.unchanged).append(r.uid)
        if r.uid in changed and not sender.hall:  # the township's events, under its own keys: the hall reports them
            queue_from_record(session, ids[r.uid], r)  # (a hall's own, at its league, the hall reported itself)
    held_cases = [c for c in cases if c.uid in held]
    result.held.extend(HeldCase(r, *held[r.uid]) for r in read(held_cases))
    return result


class _GuideItems:
    """The items of each guide version a package's cases were taken under, by content hash, read once each.

    The sender's checks are plain (:class:`~counter.sync.sender_checks.GuideItems`): which items a township body
    decides is the guide's to say, read here from the version the case names.
    """

    def __init__(self, session: Session, guides: Mapping[str, tuple[int, str]]) -> None:
        self.session, self.guides = session, guides
        self.known: dict[str, GuideItems] = {}

    def __call__(self, record: CaseRecord) -> GuideItems:
        content_hash = record.guide.content_hash
        found = self.known.get(content_hash)
        if found is None:
            local = self.guides.get(content_hash)
            stored = None if local is None else guide_version(self.session, local[0])
            found = NO_ITEMS if stored is None else GuideItems.of({i.code: i.level for i in stored.bundle.items})
            self.known[content_hash] = found
        return found


class _Vetting:
    """The records of a batch that their sender may send; the others kept aside as held."""

    def __init__(
        self,
        sender: Sender,
        lines_here: Mapping[str, Mapping[LineKey, HistoryEntry]],
        items: Callable[[CaseRecord], GuideItems],
    ) -> None:
        self.sender, self.lines_here, self.items = sender, lines_here, items
        self.refused: list[HeldCase] = []

    def __call__(self, batch: list[CaseRecord]) -> list[CaseRecord]:
        kept = []
        for r in batch:
            found = check_case(r, self.sender, self.lines_here.get(r.uid, {}), self.items(r))
            if found is None:
                kept.append(r)
            else:
                self.refused.append(HeldCase(r, found.reason.value, found.detail))
        return kept


def _lines_here(session: Session, existing: Mapping[str, int]) -> dict[str, dict[LineKey, HistoryEntry]]:
    """The history lines each case already here has, by uid and key (as :attr:`HistoryEntry.key`).

    Whole lines, not only their keys: a township's hand-over is checked against the decisions and the status they
    hold here (:func:`counter.sync.sender_checks.check_case`).
    """
    uid_of = {case_id: uid for uid, case_id in existing.items()}
    found: dict[str, dict[LineKey, HistoryEntry]] = defaultdict(dict)
    columns = (HISTORY.c.case_id, *(HISTORY.c[name] for name in HISTORY_COLUMNS[1:]))
    for row in select_in(session, columns, HISTORY.c.case_id, sorted(uid_of)):
        line = HistoryEntry(utc(row.at), row.clerk, row.desk_no, row.event, row.status_after, row.note)
        found[uid_of[row.case_id]][line.key] = line
    return found


#: new cases per batch of rows handed to the writer: small enough that the server starts early, large
#: enough that a batch's statements cost little beside its rows
NEW_BATCH = 1000


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
    them.  Documents and ratings follow in :func:`merge_parts`; the standing the ratings leave each case in
    (:func:`~counter.db.service_standing.new_case_standing`) is written with its row.
    """
    records: list[CaseRecord] = []
    keys = sealing_keys()
    with RowWriter(session) as writer:
        for part in chunks(new, NEW_BATCH):
            batch = read(part)
            records.extend(batch)
            leads = [(ids[r.uid],) for r in batch]
            writer.put_objects(
                CASE, ("id", "guide_version_id", *STANDING_COLUMNS, *SEALED_LEAD), CLEAR_CASE_FIELDS,
                [((lead[0], guides[r.guide.content_hash][0], *new_case_standing(r.ratings), *sealed_lead(r, keys)), r)
                 for lead, r in zip(leads, batch, strict=True)],
            )  # fmt: skip
            writer.put(  # F7 finds the township's case by any part of its name
                NAME_PAIR, PAIR_COLUMNS,
                [row for lead, r in zip(leads, batch, strict=True)
                 for row in pair_rows(lead[0], r.applicant_name, r.received_on)],
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


#: a case's sealed columns and their keyed indexes, written from the record by :func:`sealed_lead`: the package is
#: opened here, and what it held in clear is stored under this site's data key (counter.db.sealed), not the sender's
SEALED_FIELDS = CASE_SEALED
SEALED_LEAD = (*SEALED_FIELDS, *(index for index, _ in CASE_INDEXES))
CLEAR_CASE_FIELDS = tuple(name for name in CASE_FIELDS if name not in SEALED_FIELDS)


def sealed_lead(record: CaseRecord, keys: DataKeys) -> tuple[str, ...]:
    """The record's sealed columns, then their keyed indexes, in the order of :data:`SEALED_LEAD`."""
    return (
        *(seal(getattr(record, name), keys) for name in SEALED_FIELDS),
        *(index_of(getattr(record, source), keys) for _, source in CASE_INDEXES),
    )


def _first_of_each_code(lines: Sequence[CaseMaterialLine]) -> Sequence[CaseMaterialLine]:
    """A checklist with each material once: a line listed twice in one record counts the first time."""
    if len({m.code for m in lines}) == len(lines):
        return lines
    first: dict[str, CaseMaterialLine] = {}
    for m in lines:
        first.setdefault(m.code, m)
    return list(first.values())


def _guide_ids(session: Session, hashes: set[str]) -> dict[str, tuple[int, str]]:
    """Content hash → (the oldest local version with it, its bundle)."""
    found: dict[str, tuple[int, str]] = {}
    rows = select_in(
        session, (GUIDE.c.content_hash, GUIDE.c.id, GUIDE.c.bundle_code), GUIDE.c.content_hash, sorted(hashes)
    )
    for content_hash, version_id, bundle in sorted(rows, key=lambda r: r[1], reverse=True):
        found[content_hash] = (version_id, bundle)
    return found  # fmt: skip


def _cases_here(session: Session, records: Sequence[PackageCase]) -> dict[str, Any]:
    """The cases here (uid, id, site, number) that the records are or answer, by uid: read once for every check."""
    wanted = {r.uid for r in records} | {r.previous_uid for r in records if r.previous_uid}
    columns = (CASE.c.uid, CASE.c.id, CASE.c.site_code, CASE.c.case_no)
    return {row.uid: row for row in select_in(session, columns, CASE.c.uid, sorted(wanted))}


def _held(
    session: Session,
    records: Sequence[PackageCase],
    guides: Mapping[str, tuple[int, str]],
    here: Mapping[str, Any],
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
        for row in select_in(session, (CASE.c.case_no, CASE.c.uid), CASE.c.case_no, [r.case_no for r in records])
    }
    docs = {(row.doc_no, row.kind): row.uid for row in select_in(
        session, (DOCUMENT.c.doc_no, DOCUMENT.c.kind, CASE.c.uid), DOCUMENT.c.doc_no,
        [doc_no for r in records for doc_no, _kind in r.document_keys],
        DOCUMENT.outerjoin(CASE, CASE.c.id == DOCUMENT.c.case_id),
    ) if row.uid is not None} if any(r.document_keys for r in records) else {}  # fmt: skip
    _hold_others_cases(records, held, here)
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
    _hold_missing_previous(records, held, here)
    return held


def _hold_others_cases(
    records: Sequence[PackageCase], held: dict[str, tuple[str, str]], here: Mapping[str, Any]
) -> None:
    """Hold a case numbered outside its site's series, or whose uid or earlier case is a case here of another site.

    The sender's own records may only add to the sender's own cases: a uid the hall keeps for its own case (or
    another township's) with the sender's site code on it would otherwise put the sender's history lines and
    ratings on that case.  A uid here under another number is not the same case either.
    """
    for r in records:
        number = CASE_NO.match(r.case_no)
        if r.uid not in held and (number is None or number["site"] != r.site_code):
            held[r.uid] = (Refusal.NOT_OWN_NUMBER.value, f"case_no {r.case_no}: not in {r.site_code}'s series")
        if r.uid in held:
            continue
        mine, earlier = here.get(r.uid), here.get(r.previous_uid) if r.previous_uid else None
        if mine is not None and (mine.site_code, mine.case_no) != (r.site_code, r.case_no):
            held[r.uid] = (Refusal.NOT_OWN_CASE.value, f"{r.uid} is {mine.case_no} of {mine.site_code} here")
        elif earlier is not None and earlier.site_code != r.site_code:
            held[r.uid] = (Refusal.NOT_OWN_CASE.value, f"previous {earlier.case_no} is {earlier.site_code}'s")


def _hold_missing_previous(
    records: Sequence[PackageCase], held: dict[str, tuple[str, str]], here: Mapping[str, Any]
) -> None:
    """Hold a case whose earlier case (the correction it answers) is neither here nor going in with it."""
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
        for row in select_in(session, (CASE.c.id, CASE.c.previous_case_id), CASE.c.id, [ids[r.uid] for r in linked])
    }
    missing = {r.previous_uid for r in linked} - set(ids)
    known = dict(ids) | {
        row.uid: row.id for row in select_in(session, (CASE.c.uid, CASE.c.id), CASE.c.uid, sorted(missing))
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
