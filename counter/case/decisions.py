"""Decisions item by item, read from a case's history; and which items a lapsed 容缺 takes down.

A bundle is several items, each decided by its own department (seed 001 第十七条: 准予 within the promised time,
不予批准 with its reasons, "加盖审批业务专用章或部门公章").  A decision is a history line
(:data:`~counter.case.status.CaseEvent.ITEM_APPROVED` / ``ITEM_DENIED``) whose note is the item's code, then
:data:`~counter.case.status.NOTE_DUE_REASON`, then the result's number or the reason: the history is what sync
carries, so a township's decision reaches the hall without a new table.

A deferred material that is not handed in by its due date lapses on the next working day after it
(:func:`lapse_day`: a pledge given under 容缺受理 is kept by its date, not before it — until then the applicant may
still bring it — and a lapse is the office's act, taken on a day the office works).  It takes down exactly the items
it serves (:attr:`counter.catalog.model.Material.items`, of the guide version the case was taken under); the
other items go on to their departments.

An item's state is its history read to the end: a licence granted on the applicant's 告知承诺 whose 核查 found the
promise false is revoked by the body that granted it (行政许可法 第六十九条第二款; a
:data:`~counter.case.status.CaseEvent.ITEM_REVOKED` line).  The item stays decided — the 准予 was made, and is not
made again — but it is granted no longer (:attr:`ItemDecision.in_force`): what hands a result over, reports a
licence or counts a grant asks that, not whether a 准予 was once recorded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Protocol, TypeVar

from counter.calendar.workdays import WorkCalendar
from counter.case.entered_for import Entered, EntryField, entry_missing, split_entered
from counter.case.refusal_basis import NO_BASIS, RefusalBasis, split_basis
from counter.case.status import NOTE_CODES_JOIN, NOTE_DUE_REASON, CaseEvent
from counter.catalog.model import Bundle

DECISION_EVENTS = frozenset({CaseEvent.ITEM_APPROVED.value, CaseEvent.ITEM_DENIED.value})
#: a department's 不予受理 of an item the hall only received: it closes the item as a denial does, deciding nothing of
#: the matter (not a decision of DECISION_EVENTS: 即办 and the figures count decisions)
REFUSED_EVENT = CaseEvent.ITEM_REFUSED.value
REVOKED_EVENT = CaseEvent.ITEM_REVOKED.value
LAPSE_EVENTS = frozenset({CaseEvent.DEFERRAL_LAPSED.value, CaseEvent.DEFERRAL_PART_LAPSED.value})


class Line(Protocol):
    """A history line as far as decisions read it."""

    @property
    def event(self) -> str: ...
    @property
    def note(self) -> str: ...


class Deferred(Protocol):
    """A checklist line as far as a lapse reads it."""

    @property
    def code(self) -> str: ...
    @property
    def due_on(self) -> dt.date | None: ...
    @property
    def arrived_on(self) -> dt.date | None: ...


M = TypeVar("M", bound=Deferred)


#: At the head of a 不予批准's reasons in its note: the department denies a licence because the applicant hid
#: facts or gave false materials (行政许可法 第七十八条).  The department's own decision, after its own review; the
#: window's 不予受理 on that ground carries no such sanction (counter.documents.item_law.false_materials_lines).
FALSE_MATERIALS_MARK = "〔行政许可法第七十八条〕"


@dataclass(frozen=True, slots=True)
class ItemDecision:
    item_code: str
    approved: bool
    text: str  # approved: the result's number (may be empty); denied: the reason
    false_materials: bool = False  # denied under 第七十八条 (its one-year bar where the licence is public_safety)
    revoked: bool = False  # granted, then revoked on a promise found false (行政许可法 第六十九条第二款)
    validity: Validity | None = None  # granted: the licence's 证照有效期限 as the 准予 recorded it (None: not recorded)
    not_accepted: bool = False  # its department refused to accept it (不予受理), before any 受理: no 不予批准
    basis: RefusalBasis = NO_BASIS  # not accepted: on which ground (counter.case.refusal_basis)
    # entered by the window for its department (代为录入): the department's 文号 and officer (counter.case.entered_for)
    entered: Entered | None = None

    @property
    def in_force(self) -> bool:
        """Granted and not revoked since: a licence the applicant holds, to hand over, report and count."""
        return self.approved and not self.revoked


#: At the tail of a 准予's note: the licence's validity (GB/T 39046-2020 表 8 第 7 项 证照有效期限), a date or 长期有效.
#: In the note, as the decision is: the history is what sync carries, so a township's grant brings its validity to
#: the hall, and a note written before the validity was recorded (an older package too) reads as none recorded.
VALIDITY_OPEN = "〔有效期至"
VALIDITY_CLOSE = "〕"
LONG_TERM_MARK = "〔长期有效〕"


@dataclass(frozen=True, slots=True)
class Validity:
    """A licence's 证照有效期限: valid until ``until`` (inclusive), or 长期有效 (``until`` None)."""

    until: dt.date | None

    def mark(self) -> str:
        """As the note keeps it."""
        return LONG_TERM_MARK if self.until is None else f"{VALIDITY_OPEN}{self.until.isoformat()}{VALIDITY_CLOSE}"

    def reported(self) -> str:
        """As the platform takes it (表 8 第 7 项, an..30): the last day, or 长期有效."""
        return LONG_TERM_MARK.strip("〔〕") if self.until is None else self.until.isoformat()


def item_note(
    item_code: str,
    text: str,
    *,
    false_materials: bool = False,
    validity: Validity | None = None,
    entered: Entered | None = None,
) -> str:
    """The stored note of an item's decision (``validity``: a 准予's, at its tail; ``entered``: the department's 文号
    and officer where the window entered it for the department, at its head)."""
    head = entered.mark() if entered is not None else ""
    mark = FALSE_MATERIALS_MARK if false_materials else ""
    tail = validity.mark() if validity is not None else ""
    return f"{item_code}{NOTE_DUE_REASON}{head}{mark}{text.strip()}{tail}"


def split_validity(text: str) -> tuple[str, Validity | None]:
    """A 准予's text (the result's number) and the validity at its tail; a text without one, as it was."""
    if text.endswith(LONG_TERM_MARK):
        return text.removesuffix(LONG_TERM_MARK).strip(), Validity(None)
    head, found, day = text.rpartition(VALIDITY_OPEN)
    if found and day.endswith(VALIDITY_CLOSE):
        try:
            until = dt.date.fromisoformat(day.removesuffix(VALIDITY_CLOSE))
        except ValueError:
            return text, None
        return head.strip(), Validity(until)
    return text, None


def read_item_note(note: str) -> tuple[str, str]:
    """The item's code and the text of a decision's note (item codes never hold the separator), without the entry
    the window kept at its head (:func:`read_entered` reads it): every reader of the result's number or the reasons
    reads them as the department gave them."""
    code, _, text = note.partition(NOTE_DUE_REASON)
    return code.strip(), split_entered(text)[1]


def read_entered(note: str) -> Entered | None:
    """The department's 文号 and officer a decision's or step's note keeps, where the window entered it for the
    department; None otherwise."""
    return split_entered(note.partition(NOTE_DUE_REASON)[2])[0]


def check_entry(case_no: str, item_code: str, entered: Entered | None) -> Entered:
    """The entry of a department's step the window records for it (代为录入), both values given: refused
    (:class:`DecisionRefused`, ``ENTRY_INCOMPLETE``, naming each value missing) otherwise."""
    missing = entry_missing(entered)
    if missing or entered is None:
        raise DecisionRefused(DecisionProblem.ENTRY_INCOMPLETE, case_no, item_code, missing=missing)
    return Entered(entered.department_no.strip(), entered.officer.strip())


def item_decisions(history: Iterable[Line]) -> dict[str, ItemDecision]:
    """Each decided item's decision, by item code, as its history leaves it: an item is decided once (the action
    refuses a second), and a grant revoked after it reads revoked (a revocation of what was never granted, none)."""
    found: dict[str, ItemDecision] = {}
    for line in history:
        if line.event == REVOKED_EVENT:
            granted = found.get(read_item_note(line.note)[0])
            if granted is not None and granted.approved:
                found[granted.item_code] = replace(granted, revoked=True)
        elif line.event == REFUSED_EVENT:
            code, text = read_item_note(line.note)
            basis, reasons = split_basis(text)
            entered = read_entered(line.note)
            found.setdefault(code, ItemDecision(code, False, reasons, not_accepted=True, basis=basis, entered=entered))
        elif line.event in DECISION_EVENTS:
            code, text = read_item_note(line.note)
            approved = line.event == CaseEvent.ITEM_APPROVED.value
            false_materials = not approved and text.startswith(FALSE_MATERIALS_MARK)
            text = text.removeprefix(FALSE_MATERIALS_MARK) if false_materials else text
            text, validity = split_validity(text) if approved else (text, None)
            decision = ItemDecision(code, approved, text, false_materials, validity=validity)
            found.setdefault(code, replace(decision, entered=read_entered(line.note)))
    return found


class SignedLine(Line, Protocol):
    """A history line with who recorded it."""

    @property
    def clerk(self) -> str: ...


def decided_by(history: Iterable[SignedLine], item_code: str) -> str:
    """Who recorded the item's 准予 or 不予批准 (its first: an item is decided once); "" where none is recorded.
    Where the site decides what it holds, that is its deciding officer, the 承办人 of the decision's paper, not
    whoever prints it."""
    return next(
        (line.clerk for line in history if line.event in DECISION_EVENTS and read_item_note(line.note)[0] == item_code),
        "",
    )


def lapsed_codes(history: Iterable[Line]) -> frozenset[str]:
    """The deferred materials already found lapsed."""
    codes: set[str] = set()
    for line in history:
        if line.event in LAPSE_EVENTS:
            codes.update(c for c in line.note.split(NOTE_CODES_JOIN) if c)
    return frozenset(codes)


def awaited(materials: Iterable[M], history: Iterable[Line]) -> list[M]:
    """Deferred materials still awaited: not handed in, and not lapsed."""
    gone = lapsed_codes(history)
    return [m for m in materials if m.due_on is not None and m.arrived_on is None and m.code not in gone]


def lapse_day(due: dt.date, calendar: WorkCalendar) -> dt.date:
    """The first day a deadline told to the applicant (容缺, 补正) may be found missed: the next working day after it.

    The applicant may hand in on the due date itself, to its end; the days off after it are no days of the office's
    (民法典 第二百零三条 ends a period on the working day after a holiday), so the lapse is an act of the next working
    day — never of a holiday eve, whatever the clock says.
    """
    return calendar.add_working_days(due, 1).date


def lapsing(materials: Iterable[M], history: Iterable[Line], today: dt.date, calendar: WorkCalendar) -> list[M]:
    """The awaited materials lapsed on ``today``: from the next working day after their due date."""
    return [m for m in awaited(materials, history) if m.due_on is not None and lapse_day(m.due_on, calendar) <= today]


def first_lapse_day(materials: Iterable[Deferred], history: Iterable[Line], calendar: WorkCalendar) -> dt.date | None:
    """The first day a lapse may be recorded: the next working day after the earliest due date still awaited."""
    dues = [m.due_on for m in awaited(materials, history) if m.due_on is not None]
    return lapse_day(min(dues), calendar) if dues else None


def items_served(bundle: Bundle, material_codes: Iterable[str]) -> tuple[str, ...]:
    """The bundle's items served by these materials, in the bundle's order.

    A material that names no item serves the whole bundle (the catalog's rule for a material without ``items``).
    """
    wanted = set(material_codes)
    served: set[str] = set()
    for material in bundle.materials:
        if material.code in wanted:
            served.update(material.items or (i.code for i in bundle.items))
    return tuple(i.code for i in bundle.items if i.code in served)


def deferred_items(bundle: Bundle, materials: Iterable[Deferred]) -> tuple[str, ...]:
    """The items a material deferred at intake serves (arrived since or not): they wait for it, and are promised for
    the case's date (:func:`counter.case.item_clock.served_promise`)."""
    return items_served(bundle, (m.code for m in materials if m.due_on is not None))


def waiting_items(bundle: Bundle, materials: Iterable[M], history: Iterable[Line]) -> tuple[str, ...]:
    """The items a deferred material still awaited serves: none of them is granted before it arrives (seed 001
    第十六条(三): 先予受理; what it does not serve goes on)."""
    return items_served(bundle, (m.code for m in awaited(materials, history)))


def serves(bundle: Bundle, material_code: str, item_code: str) -> bool:
    return item_code in items_served(bundle, (material_code,))


def closing_event(item_codes: Sequence[str], decisions: dict[str, ItemDecision]) -> CaseEvent | None:
    """The case's own move once every item is decided: DENIED when all were denied, else COMPLETED; None before."""
    if not item_codes or any(code not in decisions for code in item_codes):
        return None
    if any(decisions[code].approved for code in item_codes):
        return CaseEvent.COMPLETED
    return CaseEvent.DENIED


def undecided_items(item_codes: Sequence[str], decisions: Mapping[str, ItemDecision]) -> tuple[str, ...]:
    """The items still awaiting their deciding body's decision, in the bundle's order.

    办结 decides nothing (domain §11): it records that every item was decided, each by its own body, and is refused
    while one of these is left.  The window never grants what a department decides.
    """
    return tuple(code for code in item_codes if code not in decisions)


class DecisionProblem(StrEnum):
    """Why an item's decision, or a lapse, cannot be recorded now; the faces word it."""

    NOT_LAPSED = "not_lapsed"  # no deferred material is past its due date yet
    UNKNOWN_ITEM = "unknown_item"  # the case's guide version has no such item
    ALREADY_DECIDED = "already_decided"  # the item has its decision
    REASON_REQUIRED = "reason_required"  # 不予批准 states its reasons (第十七条(二))
    NOT_A_LICENCE = "not_a_licence"  # 第七十八条 is 行政许可法's: only a 行政许可 is denied under it
    ITEM_BY_ITEM = "item_by_item"  # a case is denied item by item, never as a whole
    ALL_DENIED = "all_denied"  # 办结 of a case whose every item is denied
    UNDECIDED = "undecided"  # 办结 while an item awaits its deciding body's decision (item_code: the codes, joined)
    NOT_DECIDING_BODY = "not_deciding_body"  # the window and a department's item (counter.access.authority)
    OTHER_DEPARTMENT = "other_department"  # a department's staff and another department's item
    NO_ITEM_ROLE = "no_item_role"  # an account neither of the deciding department nor serving at the window
    # the window's entrustment does not cover the step's act (act: its code, counter.case.site_authority.EntrustedAct)
    ACT_NOT_ENTRUSTED = "act_not_entrusted"
    AWAITS_DEFERRED = "awaits_deferred"  # 准予 of an item a 容缺 material still awaited serves
    # a lapse on a due date the year's holiday notice, not yet in the data, may still move later
    # (counter.calendar.provisional); first_day: that due date
    PROVISIONAL_DUE = "provisional_due"
    # a 容缺 deadline extended past the legal date of an item it serves (counter.actions.cases.deferral_extension);
    # item_code: the item, first_day: its legal date
    PAST_LEGAL_DATE = "past_legal_date"
    # a licence's validity that ends before the day of its 准予, or a validity given with a 不予批准
    VALIDITY_BEFORE_DECISION = "validity_before_decision"
    # the licence's number or the reasons hold a control, invisible or reordering character: they are printed on
    # the 送达回证 and the 决定书, and reported to the platform (counter.parties.text)
    TEXT_NOT_TAKEN = "text_not_taken"
    # a department's step the window enters for it (代为录入) without the department's 文号 or its officer
    # (missing: which, counter.case.entered_for.EntryField)
    ENTRY_INCOMPLETE = "entry_incomplete"


class DecisionRefused(Exception):
    """The decision is refused by the rules above, whatever face asked for it.

    ``first_day``: for :attr:`DecisionProblem.NOT_LAPSED`, the first day a lapse may be recorded (None when
    nothing deferred is awaited at all).
    """

    def __init__(
        self,
        problem: DecisionProblem,
        case_no: str,
        item_code: str = "",
        first_day: dt.date | None = None,
        *,
        deciding: str = "",
        act: str = "",
        missing: tuple[EntryField, ...] = (),
    ) -> None:
        super().__init__(f"{case_no}: {problem.value} {item_code}".strip())
        self.act = act  # the act not entrusted, for ACT_NOT_ENTRUSTED
        self.missing = missing  # what an entered step lacks, for ENTRY_INCOMPLETE
        self.problem = problem
        self.case_no = case_no
        self.item_code = item_code
        self.first_day = first_day
        self.deciding = deciding  # the item's deciding body, for a refusal by the authority rule
