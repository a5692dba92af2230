"""The records a sync package carries, as frozen dataclasses.

A record names what it is about by an identity that is the same on every site
— a case by its ``uid``, a guide version by its content hash, a holiday by its
day — never by a local row id.  A case record carries everything that belongs
to the case: checklist lines, history lines, documents with their prints,
rating rounds with the request, the rating or its lapse, the rectification a
bad rating opened (with its history) and the appeal decisions.  Those parts are
insert-only where they are kept, so the receiving side adds what it lacks and
never changes what it has: importing a record twice, or two packages in either
order, ends in the same rows.

A 帮您办 project travels the same way, by its ``uid`` (:mod:`counter.sync.project_record`); the limits every
record is held to are :mod:`counter.sync.record_limits`.

Their plain JSON form, written and read back with every structure problem listed, is
:mod:`counter.sync.record_json`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from counter.case.view import CaseMaterialLine
from counter.intake.parties import PartyColumns
from counter.sync.appeal_record import AppealRecord
from counter.sync.project_record import ProjectRecord
from counter.sync.record_limits import (
    LICENCE_MAX,
    LINES_MAX,
    NAME_MAX,
    NOTE_MAX,
    PAGE_B64_MAX,
    ROUNDS_MAX,
    SNAPSHOT_MAX,
    TEXT_MAX,
)

# --- the parts of a case ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GuideRef:
    """The guide version a case was taken under, as every site can find it: by its content hash."""

    content_hash: str
    bundle_code: str
    version: int
    LIMITS: ClassVar[dict[str, int]] = {"content_hash": 64, "bundle_code": 24}


@dataclass(frozen=True, slots=True)
class PartFormat:
    """How a package carries a record part declared outside this module, which cannot hold ``LIMITS`` itself."""

    limits: dict[str, int]  # the longest text per field, as a class's ``LIMITS``
    keys: dict[str, str]  # the package's key of a field named otherwise


#: a case record's checklist line is the case's own (:class:`~counter.case.view.CaseMaterialLine`); a package names
#: its code ``material_code``, as the table does
PART_FORMATS: dict[type, PartFormat] = {
    CaseMaterialLine: PartFormat(
        {
            "code": 40,
            "name": NAME_MAX,
            "necessity": 12,
            "receipt": 20,
            "medium": 12,
            "defect_note": TEXT_MAX,
            "licence": LICENCE_MAX,
        },
        {"code": "material_code"},
    ),
}


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    at: dt.datetime
    clerk: str
    desk_no: str
    event: str
    status_after: str
    note: str
    LIMITS: ClassVar[dict[str, int]] = {
        "clerk": 60, "desk_no": 4, "event": 24, "status_after": 24, "note": NOTE_MAX,
    }  # fmt: skip

    @property
    def key(self) -> tuple[dt.datetime, str, str]:
        """Who did what when: the same line on every site (history lines are never changed)."""
        return (self.at, self.event, self.desk_no)


@dataclass(frozen=True, slots=True)
class PrintEntry:
    at: dt.datetime
    clerk: str
    desk_no: str
    target: str
    content_hash: str
    ok: bool
    error: str
    LIMITS: ClassVar[dict[str, int]] = {
        "clerk": 60, "desk_no": 4, "target": TEXT_MAX, "content_hash": 64, "error": TEXT_MAX,
    }  # fmt: skip

    @property
    def key(self) -> tuple[dt.datetime, str, str]:
        return (self.at, self.desk_no, self.target)


@dataclass(frozen=True, slots=True)
class DocumentEntry:
    doc_no: str
    kind: str
    issued_on: dt.date
    site_code: str
    desk_no: str
    clerk: str
    office: str  # JSON snapshot of the office settings, as stored
    content_hash: str
    created_at: dt.datetime
    prints: tuple[PrintEntry, ...]
    LIMITS: ClassVar[dict[str, int]] = {
        "doc_no": 30, "kind": 16, "site_code": 12, "desk_no": 4, "clerk": 60, "office": SNAPSHOT_MAX,
        "content_hash": 64,
    }  # fmt: skip
    COUNTS: ClassVar[dict[str, int]] = {"prints": LINES_MAX}

    @property
    def key(self) -> tuple[str, str]:
        return (self.doc_no, self.kind)


@dataclass(frozen=True, slots=True)
class RectLine:
    at: dt.datetime
    by: str
    event: str
    state_after: str
    note: str
    fix_due: dt.date | None
    LIMITS: ClassVar[dict[str, int]] = {"by": 60, "event": 24, "state_after": 24, "note": TEXT_MAX}

    @property
    def key(self) -> tuple[dt.datetime, str]:
        return (self.at, self.event)


@dataclass(frozen=True, slots=True)
class AppealEntry:
    at: dt.datetime
    by: str
    ground: str
    upheld: bool
    reason: str
    LIMITS: ClassVar[dict[str, int]] = {"by": 60, "ground": 16, "reason": TEXT_MAX}

    @property
    def key(self) -> tuple[dt.datetime, str]:
        return (self.at, self.ground)


@dataclass(frozen=True, slots=True)
class RectificationEntry:
    opened_at: dt.datetime
    opened_on: dt.date
    period: str
    due_on: dt.date
    due_beyond_data: bool
    history: tuple[RectLine, ...]
    LIMITS: ClassVar[dict[str, int]] = {"period": 24}
    COUNTS: ClassVar[dict[str, int]] = {"history": LINES_MAX}


@dataclass(frozen=True, slots=True)
class RatingEntry:
    """A rating as given; its round and case number are the round's and the case's."""

    level: str
    channel: str
    reasons: str  # JSON list, as stored
    comment: str
    rated_at: dt.datetime
    rated_on: dt.date
    item_code: str
    item_name: str
    department: str
    clerk: str
    staff_no: str
    desk_no: str
    site_code: str
    region: str
    rater_name: str
    rater_id_no: str
    rater_kind: str
    anonymous: bool
    rectification: RectificationEntry | None
    appeals: tuple[AppealEntry, ...]
    LIMITS: ClassVar[dict[str, int]] = {
        "level": 24, "channel": 20, "reasons": TEXT_MAX, "comment": TEXT_MAX, "item_code": 24,
        "item_name": NAME_MAX, "department": NAME_MAX, "clerk": 60, "staff_no": 20, "desk_no": 4, "site_code": 12,
        "region": 6, "rater_name": NAME_MAX, "rater_id_no": 18, "rater_kind": 10,
    }  # fmt: skip
    COUNTS: ClassVar[dict[str, int]] = {"appeals": ROUNDS_MAX}


@dataclass(frozen=True, slots=True)
class RatingRound:
    """One request sent to the review pad, and its answer: a rating, a lapse, or none yet."""

    round: int
    sent_at: dt.datetime
    site_code: str
    desk_no: str
    clerk: str
    rating: RatingEntry | None
    lapsed_at: dt.datetime | None
    LIMITS: ClassVar[dict[str, int]] = {"site_code": 12, "desk_no": 4, "clerk": 60}


# --- records ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CaseRecord(PartyColumns):
    """A case with everything that belongs to it (township → hall)."""

    TYPE: ClassVar[str] = "case"
    uid: str
    case_no: str
    site_code: str
    desk_no: str
    clerk: str
    bundle_code: str
    guide: GuideRef
    status: str
    outcome: str
    answers: str  # JSON, as stored
    received_on: dt.date
    accepted_on: dt.date | None
    promised_on: dt.date | None
    correction_due: dt.date | None
    notify_due: dt.date | None
    refusal_ground: str
    turn_to: str
    denial_reason: str
    dates_beyond_data: bool
    previous_uid: str  # the case whose correction notice this intake answered; "" if none
    created_at: dt.datetime
    materials: tuple[CaseMaterialLine, ...]
    history: tuple[HistoryEntry, ...]
    documents: tuple[DocumentEntry, ...]
    ratings: tuple[RatingRound, ...]
    # the bundle's subject fields as taken, JSON as stored (counter.intake.subject): "" for none.  Added in format 6:
    # a package holding one is written in that format, which an older hall refuses whole rather than drop it
    subject: str = ""
    LIMITS: ClassVar[dict[str, int]] = {
        "uid": 32, "case_no": 50, "site_code": 12, "desk_no": 4, "clerk": 60, "bundle_code": 24, "status": 24,
        "outcome": 16, "answers": SNAPSHOT_MAX, "applicant_kind": 10, "applicant_name": NAME_MAX,
        "applicant_id_no": 18, "applicant_phone": 40, "applicant_address": TEXT_MAX, "legal_rep": NAME_MAX,
        "agent_name": NAME_MAX, "agent_id_no": 18, "agent_authorisation": TEXT_MAX, "delivery": 16,
        "delivery_address": TEXT_MAX, "notify_phone": 40, "refusal_ground": 40, "turn_to": TEXT_MAX,
        "denial_reason": NOTE_MAX, "previous_uid": 32, "subject": TEXT_MAX,
    }  # fmt: skip
    COUNTS: ClassVar[dict[str, int]] = {
        "materials": LINES_MAX, "history": LINES_MAX, "documents": LINES_MAX, "ratings": ROUNDS_MAX,
    }  # fmt: skip

    @property
    def key(self) -> str:
        return self.uid

    @property
    def document_keys(self) -> tuple[tuple[str, str], ...]:
        return tuple(d.key for d in self.documents)


@dataclass(frozen=True, slots=True)
class GuideRecord:
    """A guide version of the hall's catalog (hall → township): the bundle row and the version document."""

    TYPE: ClassVar[str] = "guide"
    bundle_code: str
    number: int
    name: str
    published: bool
    search_text: str
    version: int
    content_hash: str
    document: str  # canonical JSON of the bundle, as stored
    current: bool  # the bundle's current version at the hall
    LIMITS: ClassVar[dict[str, int]] = {"bundle_code": 24, "name": 200, "content_hash": 64}

    @property
    def key(self) -> str:
        return self.content_hash


@dataclass(frozen=True, slots=True)
class HolidayRecord:
    """One day of the hall's holiday table: off or a make-up working day."""

    TYPE: ClassVar[str] = "holiday"
    day: dt.date
    kind: str
    source: str
    LIMITS: ClassVar[dict[str, int]] = {"kind": 8, "source": 200}

    @property
    def key(self) -> str:
        return self.day.isoformat()


@dataclass(frozen=True, slots=True)
class SettingRecord:
    """A named setting the hall manages for its townships (rating settings, holiday coverage, office)."""

    TYPE: ClassVar[str] = "setting"
    key_: str
    value: str
    LIMITS: ClassVar[dict[str, int]] = {"key_": 100}

    @property
    def key(self) -> str:
        return self.key_


@dataclass(frozen=True, slots=True)
class ProgressRecord:
    """What became of a township's case at the hall: its status and its history lines."""

    TYPE: ClassVar[str] = "progress"
    uid: str
    case_no: str
    status: str
    history: tuple[HistoryEntry, ...]
    LIMITS: ClassVar[dict[str, int]] = {"uid": 32, "case_no": 50, "status": 24}
    COUNTS: ClassVar[dict[str, int]] = {"history": LINES_MAX}

    @property
    def key(self) -> str:
        return self.uid


@dataclass(frozen=True, slots=True)
class AckRecord:
    """The highest package number of ``kind`` the sender has imported from the receiver."""

    TYPE: ClassVar[str] = "ack"
    kind: str
    export_no: int
    LIMITS: ClassVar[dict[str, int]] = {"kind": 10}

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.export_no}"


@dataclass(frozen=True, slots=True)
class SealRecord:
    """One of the township's seals of its audit trail (township → hall, format 5), as signed with its key.

    The hall keeps each one it is sent (:mod:`counter.db.peer_seals`): a township that later rewrites a sealed part
    of its trail and seals it again with its own key sends a seal of the same number that is not the one the hall
    holds, and the hall's ``audit verify`` names it.
    """

    TYPE: ClassVar[str] = "seal"
    no: int
    payload: str
    signature: str
    LIMITS: ClassVar[dict[str, int]] = {"payload": 65_536, "signature": 200}

    @property
    def key(self) -> str:
        return str(self.no)


@dataclass(frozen=True, slots=True)
class PageRecord:
    """A page of a township case's material, as its document camera took it (township → hall, format 7).

    ``image`` is the JPEG as base64, bounded as every desk bounds it (counter.case.pages); the page belongs to the
    case of ``case_uid`` and is added at the hall beside the pages it has, never over one.
    """

    TYPE: ClassVar[str] = "page"
    case_uid: str
    material_code: str
    page_no: int
    image: str
    width: int
    height: int
    captured_at: dt.datetime
    clerk: str
    compared: bool
    LIMITS: ClassVar[dict[str, int]] = {"case_uid": 32, "material_code": 40, "image": PAGE_B64_MAX, "clerk": 60}

    @property
    def key(self) -> str:
        return f"{self.case_uid}:{self.material_code}:{self.page_no}"


@dataclass(frozen=True, slots=True)
class HeldEntry:
    """One of a township's records on the hall's review list: which, why (a hold reason's code), and the detail.

    ``number`` is the case's (or project's) number, what the township's clerk finds it by; ``detail`` names the field
    and what is wrong with it, never a personal value (counter.sync.sender_checks), as the hall's review list has it.
    """

    record_type: str
    number: str
    reason: str
    detail: str
    held_at: dt.datetime
    LIMITS: ClassVar[dict[str, int]] = {"record_type": 16, "number": 50, "reason": 40, "detail": TEXT_MAX}


@dataclass(frozen=True, slots=True)
class HeldRecord:
    """The hall's review list for the township's records (hall → township, format 4): why what it sent waits.

    Sent whole with every update once the township has had a record held (:mod:`counter.db.sync.held`), so the
    township's copy is replaced, and an entry the hall has resolved leaves it.
    """

    TYPE: ClassVar[str] = "held"
    entries: tuple[HeldEntry, ...]
    COUNTS: ClassVar[dict[str, int]] = {"entries": LINES_MAX}

    @property
    def key(self) -> str:
        return "review"


Record = (
    CaseRecord
    | GuideRecord
    | HolidayRecord
    | SettingRecord
    | ProgressRecord
    | AppealRecord
    | AckRecord
    | ProjectRecord
    | HeldRecord
    | SealRecord
    | PageRecord
)
RECORD_TYPES: dict[str, type[Record]] = {
    cls.TYPE: cls
    for cls in (
        CaseRecord,
        GuideRecord,
        HolidayRecord,
        SettingRecord,
        ProgressRecord,
        AppealRecord,
        AckRecord,
        ProjectRecord,
        HeldRecord,
        SealRecord,
        PageRecord,
    )
}
#: which records each kind of package may hold (a project only in a package of format 3: counter.sync.package)
ALLOWED: dict[str, frozenset[str]] = {
    "cases": frozenset({"case", "ack", "project", "seal", "page", "guide"}),  # guides: only a hall's, to its league
    "updates": frozenset({"guide", "holiday", "setting", "progress", "ack", "held", "appeal"}),
}
