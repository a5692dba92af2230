"""What a township's case record may carry into the hall: its own numbers, desks, clerks and events, within limits.

A package's signature proves who sent it, not that what it says is the sender's to say.  A township takes intakes
at its own desks, numbers them in its own series (:mod:`counter.case.numbers`: the site code leads every case and
document number) and passes them on to the hall (domain §1); the departments behind the hall decide, and the
results come out at the window the applicant applied at, the township's own for its case.  So a record from a
township is refused — put on the review list with the reason, the rest of the package still applied — when it

* carries a number outside the sender's series, or a desk its number does not name: a case numbered like the hall's
  next one would take that number, and every later intake at that hall desk would fail on it;
* names another site, or rates a clerk who is one of the receiving site's own people (a bad rating "against" a
  hall clerk would count in that clerk's figures, which group by name);
* adds a history line the township could not have written (:data:`TOWNSHIP_EVENTS`), or hands over results the
  hall has not decided (:func:`_hand_overs`);
* adds a step or decision of an item a township body does not decide, a 不予批准 or 作废 of a case the hall holds
  already, a second intake, or a line dated at or before the last the hall holds of the case (:func:`_whose`);
* holds a date outside what this program supports, or a name, address or note the desk itself would not take: too
  long for its field, or holding control, invisible or direction-changing characters (:mod:`counter.sync.record_texts`;
  texts and lists longer than any real case's are the package's structure: :mod:`counter.sync.records`).

A township's 帮您办 project is held to the same: its own code and number series, its dates and names
(:func:`check_project`).

Whether the case is the sender's at all (a uid the hall already keeps for one of its own cases) needs the database;
:mod:`counter.db.sync.cases` asks that.  Details name the field and what is wrong with it, never a personal value:
they are kept on the review list and logged for support.

Why one module: it is one policy, the list above, applied in its order by :func:`check_case`; the date and text checks
serve the case and the project alike, and each check is a few lines that read only the record and the sender.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from operator import attrgetter
from types import MappingProxyType
from typing import Any

from counter.case.decisions import DECISION_EVENTS, ItemDecision, read_item_note, split_validity
from counter.case.hand_over import HAND_OVER_EVENTS, read_hand_over
from counter.case.item_path import ItemEvent
from counter.case.numbers import CASE_NO, DESK_NO, FIRST_SUPPORTED_DAY
from counter.case.status import MOVES, CaseEvent, CaseStatus
from counter.catalog.departments import AdminLevel
from counter.parties.skeleton import skeleton
from counter.parties.text import character_problem
from counter.projects.numbers import PROJECT_NO
from counter.sync.project_record import ProjectRecord
from counter.sync.record_texts import text_problem
from counter.sync.records import CaseRecord, HistoryEntry


class Refusal(StrEnum):
    """Why a township's record is not taken in (worded in counter.words.sync, as the other hold reasons)."""

    NOT_OWN_NUMBER = "not_own_number"  # the case number is not in the sender's series, or names another desk
    NOT_OWN_PART = "not_own_part"  # a document, rating or rating request naming another site, or no desk
    NOT_OWN_CASE = "not_own_case"  # the uid is a case here that another site took (decided in counter.db.sync.cases)
    HALL_CLERK = "hall_clerk"  # a rating of a clerk who is one of this site's own people
    NOT_TOWNSHIP_EVENT = "not_township_event"  # a history line (or the status it leaves) only the hall may write
    BAD_DATE = "bad_date"  # outside the supported range, or "happened" in the future
    BAD_CHARACTERS = "bad_characters"  # a name, address or note the desk would not take (counter.parties.text)
    BARE_HAND_OVER = "bare_hand_over"  # a 送达 or 出件 line without the record of what was handed over
    NOT_DECIDED_HERE = "not_decided_here"  # a hand-over of results the hall has not decided (or handed over)
    NOT_OWN_PROJECT = "not_own_project"  # a project of another site, or numbered outside the sender's series
    BAD_PROJECT = "bad_project"  # a project's date out of range, or a name with control characters
    NOT_TOWNSHIP_ITEM = "not_township_item"  # an item's step or decision (or a case's 不予批准) not a township body's
    HALL_HOLDS_CASE = "hall_holds_case"  # 不予批准 or 作废 of a case the hall holds already
    SECOND_TAKEN = "second_taken"  # a second intake line on one case
    BACKDATED = "backdated"  # a line dated at or before the last line the hall holds of the case


@dataclass(frozen=True, slots=True)
class Refused:
    reason: Refusal
    detail: str  # the field's path and what is wrong: never the value of a personal field


#: The events a township writes itself, on any case of its own.  A township takes the intake (``taken``), keeps
#: the 容缺 promise it made at its own desk (materials handed in, a deadline extended, the lapse of the materials),
#: answers its own correction notice with a later intake, withdraws or voids its own case, moves its open dates
#: later when the hall's holidays change them (counter.actions.cases.date_moves), and hands over the results at its own
#: window: "统一窗口出件" is the window where the applicant applied, and for a township's case that is the
#: township's (domain §1), and so is the signed return of what it posted.  Sending to approval, granting
#: or denying an item and completing are the deciding bodies' ("后台并联审批", domain §11 "only the deciding body
#: decides"): such lines reach a township only as the hall's progress, and the hall has them already — a township
#: adding one is refused, and so is any event this program does not know (an ``approved`` line, say).  The one
#: exception is an item a township body decides (:data:`TOWNSHIP_ITEM_EVENTS`).  A hand-over the township adds is
#: held to what the hall decided (:func:`_hand_overs`): the township cannot decide, so it cannot hand over what
#: nobody decided either.  A ``denied`` closes a case whose every item was denied
#: (counter.case.decisions.closing_event): it is the township's only where every item of the case is a township
#: body's, and never on a case the hall holds (:func:`_whose`).
TOWNSHIP_EVENTS: frozenset[str] = frozenset(
    e.value
    for e in (
        CaseEvent.TAKEN, CaseEvent.DEFERRED_ARRIVED, CaseEvent.DEFERRED_COMPLETE, CaseEvent.DEFERRAL_EXTENDED,
        CaseEvent.RESUBMITTED, CaseEvent.CORRECTION_LAPSED, CaseEvent.WITHDRAWN, CaseEvent.VOIDED,
        CaseEvent.DEFERRAL_LAPSED, CaseEvent.DEFERRAL_PART_LAPSED, CaseEvent.DENIED,
        CaseEvent.ITEMS_HANDED, CaseEvent.DELIVERED, CaseEvent.SERVICE_SIGNED, CaseEvent.DATES_MOVED,
        CaseEvent.LAPSE_EARLY, CaseEvent.TEXT_CONVERTED, CaseEvent.PAPERS_WAIVED, CaseEvent.E_SERVICE_AGREED,
        CaseEvent.PAPER_SERVED_ONLINE,
    )
)  # fmt: skip
#: An item's own path and decision (counter.case.item_lines: the item's code leads the note): taken from a township
#: only for an item whose deciding body is a township body (:class:`GuideItems`), as the guide the case was taken
#: under says (its ``level``, counter.catalog.departments) — 苏木乡镇 decide some items themselves, in their own name.
#: And so is the revocation of such an item granted on a promise found false (its note led by the item's code too).
TOWNSHIP_ITEM_EVENTS: frozenset[str] = frozenset(e.value for e in ItemEvent) | {CaseEvent.ITEM_REVOKED.value}
#: The statuses an intake leaves a case in (counter.actions.intake.take.STATUS_OF_OUTCOME, and withdrawn where the
#: applicant withdrew after the window's 申请事项告知书): the ``taken`` line's.
_INTAKE_STATUSES = frozenset({CaseStatus.ACCEPTED, CaseStatus.AWAITING_DEFERRED, CaseStatus.CORRECTION_ISSUED,
                              CaseStatus.REFUSED, CaseStatus.WITHDRAWN})  # fmt: skip
#: What each township event may leave the case in, by :data:`counter.case.status.MOVES`.  The hall takes a
#: case's status from the newest line's ``status_after`` (counter.db.sync.case_parts), so a township line with its
#: own event but a hall's status (``withdrawn`` leaving the case ``ready``) would otherwise mark the case done.  A
#: hand-over leaves the status it found (``items_handed``) or moves it from ready to delivered: which one it found is
#: the merged history's to say (:func:`_hand_overs`), not the event's.
STATUS_AFTER: dict[str, frozenset[str]] = {
    str(event): frozenset(s.value for s in (allowed if after is None else (after,)))
    for event, (allowed, after) in [
        *MOVES.items(),
        (CaseEvent.TAKEN, (_INTAKE_STATUSES, None)),
        (CaseEvent.TEXT_CONVERTED, (_INTAKE_STATUSES, None)),  # written with the intake's line
    ]
    if event.value in TOWNSHIP_EVENTS | TOWNSHIP_ITEM_EVENTS
}


def _reached(start: frozenset[CaseStatus]) -> frozenset[str]:
    """Every status township events lead to from ``start``, by :data:`counter.case.status.MOVES`."""
    reached, moved = set(start), True
    while moved:
        moved = False
        for event, (allowed, after) in MOVES.items():
            if event.value in TOWNSHIP_EVENTS and after is not None and after not in reached and reached & allowed:
                reached.add(after)
                moved = True
    return frozenset(s.value for s in reached)


#: The statuses a case can reach by township lines alone: what a case new here may say it is in.  Not 已办结 nor
#: 已送达: only the hall's 办结 (``completed``) leaves a case ready, so a hand-over line, though the township's, never
#: brings a case the hall has not seen there (a hand-over leaves its status as it is, or moves it from ready on).
TOWNSHIP_STATUSES: frozenset[str] = _reached(_INTAKE_STATUSES)

#: The first day a record may bear is the first the desks accept (counter.case.numbers): a case a township's desk
#: could take, the hall takes in too.
EARLIEST = FIRST_SUPPORTED_DAY
#: How far ahead of the receiving site's clock a date that *happened* may be: a township laptop's clock running a
#: day or two fast is common, a case received next month is not.
AHEAD = dt.timedelta(days=2)
#: How far ahead a deadline may lie: the longest promised or corrective period is months, never years.
DEADLINE_AHEAD = dt.timedelta(days=2 * 366)


@dataclass(frozen=True, slots=True)
class Sender:
    """Who sent the package, what this site's own people are called, and the receiving site's present."""

    site_code: str
    own_people: frozenset[str]  # names and logins of this site's accounts, and its desk's clerk (never "")
    own_staff_nos: frozenset[str]  # never ""
    now: dt.datetime
    #: a hall reporting its own cases to its league: the lines its departments wrote are its own to send, so only
    #: its numbers, its parts, the league's people and the dates and texts are checked (:func:`check_case`)
    hall: bool = False

    def __post_init__(self) -> None:
        """The names and numbers kept as their skeletons (:mod:`counter.parties.skeleton`): what they look like.

        A rating names its clerk as the township typed it; "其\\u200b其格", "其其格\\ufe0f" or a full-width or Cyrillic
        look-alike of a hall clerk's name is that clerk on every list and in the figures, so it is compared so.
        """
        object.__setattr__(self, "own_people", frozenset(skeleton(p) for p in self.own_people) - {""})
        object.__setattr__(self, "own_staff_nos", frozenset(skeleton(p) for p in self.own_staff_nos) - {""})

    @property
    def latest_happened(self) -> dt.date:
        return (self.now + AHEAD).date()

    @property
    def latest_deadline(self) -> dt.date:
        return (self.now + DEADLINE_AHEAD).date()


#: A history line's key (:attr:`counter.sync.records.HistoryEntry.key`): who did what when.
LineKey = tuple[dt.datetime, str, str]
_NOTHING_HERE: Mapping[LineKey, HistoryEntry] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class GuideItems:
    """The items of the guide version a case was taken under, as plain data the caller reads (the checks stay pure).

    ``township`` are those a township body decides: their steps and decisions are the township's own to send.
    """

    codes: frozenset[str] = frozenset()  # every item of the bundle
    township: frozenset[str] = frozenset()

    @classmethod
    def of(cls, levels: Mapping[str, AdminLevel | None]) -> GuideItems:
        """The items by their deciding body's level (:attr:`counter.catalog.model.Item.level`); None is not known,
        so not a township's: an item the catalog does not place is decided above the township (domain §10)."""
        return cls(frozenset(levels), frozenset(code for code, level in levels.items() if level is AdminLevel.TOWNSHIP))

    @property
    def all_township(self) -> bool:
        return bool(self.codes) and self.codes <= self.township


#: no items known: no item's step or decision is the township's (what a check is asked without a guide)
NO_ITEMS = GuideItems()


def check_case(
    record: CaseRecord,
    sender: Sender,
    lines_here: Mapping[LineKey, HistoryEntry] = _NOTHING_HERE,
    items: GuideItems = NO_ITEMS,
) -> Refused | None:
    """The first reason ``record`` may not go in from ``sender``, or None.

    ``lines_here`` are the history lines the case already has here, by key: those are not the sender's additions (a
    township's case carries the hall's own lines back once its progress arrived), so their event, time and clerk are
    not the sender's to answer for; and they are the hall's record of the case that a township's hand-over is held
    to (what the hall's departments decided, and whether the case was ready).  ``items`` are the items of the guide
    version the case was taken under (:class:`GuideItems`): a step or decision of one goes in only if a township body
    decides it.  A hall's case at its league is the hall's record, decided behind the hall: what a township may
    not say of a case does not apply to it.
    """
    for check in (_numbers, _parts) if sender.hall else (_numbers, _parts, _events, _hand_overs):
        found = check(record, sender, lines_here)
        if found is not None:
            return found
    found = None if sender.hall else _whose(record, lines_here, items)
    if found is not None:
        return found
    for last in (_people, _fields):
        found = last(record, sender, lines_here)
        if found is not None:
            return found
    return None


_TAKEN, _DENIED, _VOIDED = CaseEvent.TAKEN.value, CaseEvent.DENIED.value, CaseEvent.VOIDED.value


def _whose(record: CaseRecord, here: Mapping[LineKey, HistoryEntry], items: GuideItems) -> Refused | None:
    """Each line the township adds is its own to add, and comes after what the hall holds of the case.

    * An item's step or decision only of an item a township body decides (:data:`TOWNSHIP_ITEM_EVENTS`): the
      departments behind the hall decide theirs in their own name (domain §11), and a township's ``item_denied`` —
      the lapse of its own 容缺 promise denies the items the lapsed materials served — would deny another body's
      item, and with it empty that department's queue.  So a township's lapse that denies items of the hall's
      departments is refused whole, its lapse line with its denials, and waits on the review list: the departments
      decide their items.
    * A ``denied`` or ``voided`` of a case the hall holds: the case is with the departments, whose queues a township
      line would empty; the hall decides (or voids) it.  A ``denied`` of a case new here only where every item of it
      is a township body's (it closes a case whose every item was denied).
    * A ``voided`` of a case the hall has never seen goes in: a case taken in error at the township and voided before
      it was sent.  Voiding decides nothing on the application (it corrects the record of the desk that took it),
      no department ever had it, and the hall keeps the number, 已作废, so the township's series shows no gap.
    * A second ``taken``: a case is taken once; a second line would restart its clock.
    * A line dated at or before the last line the hall holds of the case: the case's status is its newest line's
      (:mod:`counter.db.sync.case_parts`), and the departments acted on the history as it stood; a line slipped in
      before theirs would rewrite it.  It waits on the review list for the hall to settle with the township.
    """
    last = max((x.at for x in here.values()), default=None)
    taken = any(x.event == _TAKEN for x in here.values())
    for n, line in enumerate(record.history):
        if here and line.key in here:
            continue
        event = line.event
        if event == _TAKEN:
            if taken:
                return Refused(Refusal.SECOND_TAKEN, f"history[{n}]: a second taken line")
            taken = True
        elif here and event in (_DENIED, _VOIDED):
            return Refused(Refusal.HALL_HOLDS_CASE, f"history[{n}].event {event}: the case is here already")
        elif event in TOWNSHIP_ITEM_EVENTS:
            code = read_item_note(line.note)[0]
            if code not in items.township:
                return Refused(Refusal.NOT_TOWNSHIP_ITEM, f"history[{n}] {event}: item {code[:40]}")
        elif event == _DENIED and not items.all_township:
            return Refused(Refusal.NOT_TOWNSHIP_ITEM, f"history[{n}] {event}: items not a township body's")
        if last is not None and line.at <= last:
            return Refused(Refusal.BACKDATED, f"history[{n}].at {line.at.isoformat()}: not after {last.isoformat()}")
    return None


def _numbers(record: CaseRecord, sender: Sender, _here: Collection[Any]) -> Refused | None:
    number = CASE_NO.match(record.case_no)
    if number is None or number["site"] != sender.site_code:
        return Refused(Refusal.NOT_OWN_NUMBER, f"case_no {record.case_no[:60]}: not in {sender.site_code}'s series")
    if not DESK_NO.match(record.desk_no) or int(number["desk"]) != int(record.desk_no):
        return Refused(Refusal.NOT_OWN_NUMBER, f"case_no {record.case_no}: desk {record.desk_no!r} is not its desk")
    return None


def _parts(record: CaseRecord, sender: Sender, _here: Collection[Any]) -> Refused | None:
    for n, d in enumerate(record.documents):
        if d.site_code != sender.site_code or not d.doc_no.startswith(f"{sender.site_code}-"):
            return Refused(Refusal.NOT_OWN_PART, f"documents[{n}] {d.doc_no}: not in {sender.site_code}'s series")
        if not DESK_NO.match(d.desk_no):
            return Refused(Refusal.NOT_OWN_PART, f"documents[{n}].desk_no {d.desk_no!r}")
    for n, q in enumerate(record.ratings):
        rating = q.rating
        for where, site, desk in ((f"ratings[{n}]", q.site_code, q.desk_no),) + (
            () if rating is None else ((f"ratings[{n}].rating", rating.site_code, rating.desk_no),)
        ):
            if site != sender.site_code:
                return Refused(Refusal.NOT_OWN_PART, f"{where}.site_code {site}: not {sender.site_code}")
            if not DESK_NO.match(desk):
                return Refused(Refusal.NOT_OWN_PART, f"{where}.desk_no {desk!r}")
    return None


def _events(record: CaseRecord, _sender: Sender, here: Collection[Any]) -> Refused | None:
    """The township's own lines are township events leaving the statuses they can; a new case's status is one too.

    A case already here takes its status from its lines; a case new here is written with the record's ``status``,
    so a township could otherwise send a case the hall never saw as ``ready`` for handing out.
    """
    for n, line in enumerate(record.history):
        if here and line.key in here:  # a case new here has none: no key made to be compared with nothing
            continue
        if line.event not in TOWNSHIP_EVENTS and line.event not in TOWNSHIP_ITEM_EVENTS:
            return Refused(Refusal.NOT_TOWNSHIP_EVENT, f"history[{n}].event {line.event[:24]}")
        if line.status_after not in STATUS_AFTER[line.event]:
            return Refused(Refusal.NOT_TOWNSHIP_EVENT, f"history[{n}].status_after {line.status_after[:24]}")
    if not here and record.status not in TOWNSHIP_STATUSES:
        return Refused(Refusal.NOT_TOWNSHIP_EVENT, f"status {record.status[:24]}")
    return None


def _hand_overs(record: CaseRecord, _sender: Sender, here: Mapping[LineKey, HistoryEntry]) -> Refused | None:
    """A township hands over only what the hall decided, each result once, and 送达 only a case ready here.

    The township's desk hands over the results of its own case ("统一窗口出件": where the applicant applied), but
    the decisions are the deciding bodies' (a township's only for the items its own bodies decide: :func:`_whose`).
    So each hand-over line the township adds must carry its record (:func:`read_hand_over`: which results went out
    with which papers, as its 送达回证 lists them) — a bare 送达 would mark the case done with
    nothing to show what the applicant got — and every result in it must be decided, as granted or denied, with
    the grant's number as decided, and not handed over before, in the case's history as the hall holds it plus
    the township's own lines before it.  A 送达 (``delivered``) also finds the case ready (办结: every item
    decided) and hands over the last of its results; an ``items_handed`` leaves the status it found.

    The lines are taken in time order, the order the hall reads a case's status in (its newest line's,
    :mod:`counter.db.sync.case_parts`): a hand-over timed before the hall's 办结 would neither find the case ready
    nor leave it delivered, so it is refused rather than kept beside a status that says otherwise.  A case new here
    has only the township's lines: it may hand over its own bodies' decisions, never a 送达.
    """
    sent = [x for x in _sent_lines(record, here) if x.event in HAND_OVER_EVENTS]
    if not sent:
        return None  # nearly every record
    mine = {x.key for x in sent}
    lines = sorted([*here.values(), *(x for x in record.history if x.key not in here)], key=attrgetter("at"))
    status = ""  # before the case's first line
    decided: dict[str, ItemDecision] = {}
    handed: set[str] = set()
    for line in lines:
        if line.key in mine:
            n = record.history.index(line)
            found = _hand_over_refused(line, n, status, decided, handed)
            if found is not None:
                return found
        if line.event in DECISION_EVENTS:
            code, text = read_item_note(line.note)
            approved = line.event == CaseEvent.ITEM_APPROVED.value
            text = split_validity(text)[0] if approved else text  # the paper's number, without the licence's validity
            decided.setdefault(code, ItemDecision(code, approved, text))
        elif line.event in HAND_OVER_EVENTS and (read := read_hand_over(line.note)) is not None:
            handed.update(i.code for i in read.items)
        status = line.status_after
    return None


def _hand_over_refused(
    line: HistoryEntry, n: int, status: str, decided: Mapping[str, ItemDecision], handed: Collection[str]
) -> Refused | None:
    """Why the township's hand-over ``line`` (``history[n]``) may not go in where the case stood so, or None."""
    read = read_hand_over(line.note)
    if read is None or not read.items:
        return Refused(Refusal.BARE_HAND_OVER, f"history[{n}].note: no hand-over record")
    for k, item in enumerate(read.items):
        decision = decided.get(item.code)
        if (
            decision is None
            or decision.approved != item.granted
            or (item.granted and item.paper_no != decision.text)
            or item.code in handed
        ):
            return Refused(Refusal.NOT_DECIDED_HERE, f"history[{n}].note items[{k}] {item.code[:40]}")
    if line.event == CaseEvent.DELIVERED.value:
        if status != CaseStatus.READY.value:
            return Refused(Refusal.NOT_DECIDED_HERE, f"history[{n}]: delivered where the case is {status[:24]}")
        left = set(decided) - set(handed) - {i.code for i in read.items}
        if read.partial or left:
            return Refused(Refusal.NOT_DECIDED_HERE, f"history[{n}]: delivered with {len(left)} result(s) left")
    elif line.status_after != status:
        return Refused(Refusal.NOT_TOWNSHIP_EVENT, f"history[{n}].status_after {line.status_after[:24]}")
    return None


def _people(record: CaseRecord, sender: Sender, _here: Collection[Any]) -> Refused | None:
    """No rating or rating request of the record names one of this site's own people.

    Ratings are counted by clerk (counter.ratings.figures), so a rating naming a hall clerk would count against
    that clerk.  Other lines (history, notices, prints) only show who wrote them, and a township clerk may share a
    common name with a hall one: refusing those would keep a real case from the hall for nothing.
    """
    for n, q in enumerate(record.ratings):
        where = f"ratings[{n}]"
        named = [(f"{where}.clerk", q.clerk)]
        if q.rating is not None:
            named.append((f"{where}.rating.clerk", q.rating.clerk))
            if skeleton(q.rating.staff_no) in sender.own_staff_nos:
                return Refused(Refusal.HALL_CLERK, f"{where}.rating.staff_no")
        for path, name in named:
            if skeleton(name) in sender.own_people:
                return Refused(Refusal.HALL_CLERK, path)
    return None


def _fields(record: CaseRecord, sender: Sender, here: Collection[Any]) -> Refused | None:
    """Dates within range, and names and notes as the desk would take them, in every part (lines here aside).

    Lengths and counts are the package's structure (:mod:`counter.sync.records`' limits, checked as it is read):
    a record far beyond them is refused with its package before it is kept anywhere, the review list included.
    """
    if _dates_within(record, sender, here):  # nearly every record: the paths naming a date are written only for one
        return _names(record, here)  # that is not
    found = _dates(record, sender, here)
    return found if found is not None else _names(record, here)


_ZONE = attrgetter("tzinfo")


def _dates_within(record: CaseRecord, sender: Sender, here: Collection[Any]) -> bool:
    """Whether every date :func:`_dates` checks is within its range, asked without naming any of them.

    Days and times are gathered apart and only the earliest and the latest of each compared (a package's forty
    thousand times, one at a time, were a third of the checks).  A time is within a range of days when it falls
    from the first instant of its first day to before that of the day after its last: a record's times are in UTC
    (:mod:`counter.sync.record_json` reads them so), the days they fall on are UTC days, as :func:`_dates` takes them.
    """
    days: list[dt.date | None] = [record.received_on, record.accepted_on]
    times: list[dt.datetime | None] = [record.created_at]
    due: list[dt.date | None] = [record.promised_on, record.correction_due, record.notify_due]
    for m in record.materials:
        days.append(m.arrived_on)
        due.append(m.due_on)
    times += [x.at for x in _sent_lines(record, here)]
    for d in record.documents:
        days.append(d.issued_on)
        times += [d.created_at, *[p.at for p in d.prints]]
    for q in record.ratings:
        times += [q.sent_at, q.lapsed_at]
        e = q.rating
        if e is None:
            continue
        days.append(e.rated_on)
        times += [e.rated_at, *[a.at for a in e.appeals]]
        x = e.rectification
        if x is not None:
            days.append(x.opened_on)
            times += [x.opened_at, *[line.at for line in x.history]]
            due += [x.due_on, *[line.fix_due for line in x.history]]
    latest = sender.latest_happened
    for values, last in ((days, latest), (due, sender.latest_deadline)):
        known = [v for v in values if v is not None]
        if known and not (min(known) >= EARLIEST and max(known) <= last):
            return False
    known_times = [v for v in times if v is not None]
    if set(map(_ZONE, known_times)) <= {dt.UTC}:
        first = dt.datetime.combine(EARLIEST, dt.time(), dt.UTC)
        after = dt.datetime.combine(latest + dt.timedelta(days=1), dt.time(), dt.UTC)
        return not known_times or (first <= min(known_times) and max(known_times) < after)
    return all(EARLIEST <= v.date() <= latest for v in known_times)  # a time in another zone: its own day


def _sent_lines(record: CaseRecord, here: Collection[Any]) -> Sequence[HistoryEntry]:
    """The record's history lines that are not here already: all of them for a case new here (nearly every case).

    A line's key is made on asking (a tuple each): a package's forty thousand lines would make theirs twice over
    to be compared with nothing.
    """
    if not here:
        return record.history
    return [x for x in record.history if x.key not in here]


def _dates(record: CaseRecord, sender: Sender, here: Collection[Any]) -> Refused | None:
    happened = [
        ("received_on", record.received_on),
        ("accepted_on", record.accepted_on),
        ("created_at", record.created_at),
    ]
    due = [
        ("promised_on", record.promised_on),
        ("correction_due", record.correction_due),
        ("notify_due", record.notify_due),
    ]
    for n, m in enumerate(record.materials):
        happened.append((f"materials[{n}].arrived_on", m.arrived_on))
        due.append((f"materials[{n}].due_on", m.due_on))
    happened += [(f"history[{n}].at", x.at) for n, x in enumerate(record.history) if x.key not in here]
    for n, d in enumerate(record.documents):
        happened += [(f"documents[{n}].issued_on", d.issued_on), (f"documents[{n}].created_at", d.created_at)]
        happened += [(f"documents[{n}].prints[{k}].at", p.at) for k, p in enumerate(d.prints)]
    for n, q in enumerate(record.ratings):
        where = f"ratings[{n}]"
        happened += [(f"{where}.sent_at", q.sent_at), (f"{where}.lapsed_at", q.lapsed_at)]
        e = q.rating
        if e is None:
            continue
        happened += [(f"{where}.rating.rated_at", e.rated_at), (f"{where}.rating.rated_on", e.rated_on)]
        happened += [(f"{where}.rating.appeals[{k}].at", a.at) for k, a in enumerate(e.appeals)]
        x = e.rectification
        if x is not None:
            happened += [
                (f"{where}.rating.rectification.opened_at", x.opened_at),
                (f"{where}.rating.rectification.opened_on", x.opened_on),
            ]
            due.append((f"{where}.rating.rectification.due_on", x.due_on))
            for k, line in enumerate(x.history):
                happened.append((f"{where}.rating.rectification.history[{k}].at", line.at))
                due.append((f"{where}.rating.rectification.history[{k}].fix_due", line.fix_due))
    for dates, latest in ((happened, sender.latest_happened), (due, sender.latest_deadline)):
        for path, value in dates:
            if value is None:
                continue
            day = value.date() if isinstance(value, dt.datetime) else value
            if not EARLIEST <= day <= latest:
                return Refused(Refusal.BAD_DATE, f"{path}: {day.isoformat()} not within {EARLIEST}…{latest}")
    return None  # fmt: skip


def _names(record: CaseRecord, here: Collection[Any]) -> Refused | None:
    """Names and notes the desk itself would take (:mod:`counter.sync.record_texts`): lengths, no hidden text."""
    found = text_problem(record, here)
    return None if found is None else Refused(Refusal.BAD_CHARACTERS, found)


def check_project(record: ProjectRecord, sender: Sender) -> Refused | None:
    """The first reason the 帮您办 project ``record`` may not go in from ``sender``, or None.

    A project is its site's own: registered and served at the sender's desks, it comes numbered in the sender's
    series (:func:`counter.projects.numbers.project_no`) under the sender's code, and the receiver takes its row as
    sent (:mod:`counter.db.sync.projects`).  So a project naming another site, or numbered like another site's or
    another desk's, would overwrite that site's project here: it waits on the review list instead.  Its dates and
    names are held to what a case's are (:data:`EARLIEST`, :attr:`Sender.latest_happened`, no hidden characters):
    the monthly report counts its days, and its names show on the hall's lists.  Whether the uid is another site's
    project here needs the database (:mod:`counter.db.sync.projects`).
    """
    number = PROJECT_NO.match(record.project_no)
    if record.site_code != sender.site_code:
        return Refused(Refusal.NOT_OWN_PROJECT, f"site_code {record.site_code[:12]}: not {sender.site_code}")
    if number is None or number["site"] != sender.site_code:
        return Refused(
            Refusal.NOT_OWN_PROJECT, f"project_no {record.project_no[:30]}: not in {sender.site_code}'s series"
        )
    if not DESK_NO.match(record.desk_no) or int(number["desk"]) != int(record.desk_no):
        return Refused(
            Refusal.NOT_OWN_PROJECT, f"project_no {record.project_no}: desk {record.desk_no!r} is not its desk"
        )
    happened: list[tuple[str, dt.date | dt.datetime | None]] = [
        (name, getattr(record, name))
        for name in ("applied_on", "accepted_on", "signed_on", "ended_on", "evaluated_on", "created_at")
    ]
    due: list[tuple[str, dt.date | dt.datetime | None]] = []
    for n, s in enumerate(record.steps):
        happened += [(f"steps[{n}].filed_on", s.filed_on), (f"steps[{n}].done_on", s.done_on)]
        due.append((f"steps[{n}].expected_on", s.expected_on))
    happened += [(f"history[{n}].at", x.at) for n, x in enumerate(record.history)]
    happened += [(f"coordinations[{n}].day", c.day) for n, c in enumerate(record.coordinations)]
    for n, p in enumerate(record.papers):
        happened += [(f"papers[{n}].issued_on", p.issued_on), (f"papers[{n}].created_at", p.created_at)]
    for dates, latest in ((happened, sender.latest_happened), (due, sender.latest_deadline)):
        for path, value in dates:
            if value is None:
                continue
            day = value.date() if isinstance(value, dt.datetime) else value
            if not EARLIEST <= day <= latest:
                return Refused(Refusal.BAD_PROJECT, f"{path}: {day.isoformat()} not within {EARLIEST}…{latest}")
    named = [("name", record.name), ("investor", record.investor), ("county", record.county), ("clerk", record.clerk)]
    named += [(f"history[{n}].by", x.by) for n, x in enumerate(record.history)]
    named += [(f"coordinations[{n}].agent", c.agent) for n, c in enumerate(record.coordinations)]
    named += [(f"papers[{n}].clerk", p.clerk) for n, p in enumerate(record.papers)]
    for path, name in named:
        if character_problem(name) is not None:
            return Refused(Refusal.BAD_PROJECT, path)
    return None
