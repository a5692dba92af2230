"""一窗出件: the results of a case handed over at once, and the record of it that the 送达回证 prints.

"前台一窗受理，后台并联审批，内部流转代办，统一窗口出件" (seed 000): the applicant collects every item's result at the
window in one visit, or has them posted, or served electronically (seed 001 第十九条: "窗口领取、电子文书网上送达和
邮寄").  A hand-over lists every decided item not handed over yet: a grant's result (licence, certificate) with its
number, a denial's 不予批准决定书 with its number.  It is whole when nothing is left to decide; before that, a part
is handed over only when the applicant asks for it (``partial``), and the rest follows in a later hand-over.  A
licence revoked before it was handed over (告知承诺 found false, 行政许可法 第六十九条第二款) is not handed over: the
applicant no longer holds it (:attr:`counter.case.decisions.ItemDecision.in_force`); its 撤销决定书 is served with
the revocation, and the hand-over is whole without it.

Who collects at the window signs for it: the applicant, or whoever they sent, with their ID number checked at the
window (:func:`counter.parties.identifiers.check_id_number`).  The record keeps the number masked as paper prints it
(first six and last four): the check was made on the whole number, the signed paper is the proof, and the history
is shown on screens and carried to the other site by sync.  A posted result carries the carrier and its tracking
number; an electronic one the address it went to.

A posted result is served on the day the receiver signs the carrier's return receipt, not on the day it is posted
("以回执上注明的收件日期为送达日期", as service by post is reckoned): until the signed return is recorded
(:data:`~counter.case.status.CaseEvent.SERVICE_SIGNED`, its own line of the history) the hand-over has no day of
service (``served_on``), and its 送达回证 leaves that date blank to be filled in from the return.

The record is a case history line (:data:`~counter.case.status.CaseEvent.DELIVERED` for the whole,
``ITEMS_HANDED`` for a part or for a case every item of which was denied, whose status stays 不予批准), its note a
small JSON object: the history is what sync carries, so a township's hand-over reaches the hall and the hall's the
township, with no table of its own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from counter.case.decisions import ItemDecision
from counter.case.item_lines import StepLine
from counter.case.status import CaseEvent
from counter.parties.identifiers import check_id_number
from counter.parties.masking import mask_id
from counter.parties.text import character_problem

HAND_OVER_EVENTS = frozenset({CaseEvent.DELIVERED.value, CaseEvent.ITEMS_HANDED.value})
TRACKING_MAX = 40  # a tracking number as carriers print them (EMS: 13 characters), with room to spare
TEXT_MAX = 100  # a name, a carrier, an electronic address
#: a carrier's tracking number: letters and digits only, as every carrier prints them (EMS EA123456789CN, 顺丰 SF and
#: twelve digits).  It is the one thing a desk types that the hall's POSTED message carries (counter.sms.kinds), so
#: nothing else may stand in it: no words, no link, no punctuation, no invisible or reordering character.
TRACKING = re.compile(r"[0-9A-Za-z]{6,40}")


class HandOverWay(StrEnum):
    """How the results reach the applicant (seed 001 第十九条)."""

    PICKUP = "pickup"  # 窗口领取: signed for at the window
    POST = "post"  # 邮寄送达: posted, with the carrier's tracking number
    ELECTRONIC = "electronic"  # 电子送达: sent to an address the applicant gave


class HandOverProblem(StrEnum):
    """Why a hand-over cannot be recorded; every one is reported at once."""

    NOTHING_TO_HAND = "nothing_to_hand"  # no decided item is left to hand over
    NOT_ALL_DECIDED = "not_all_decided"  # items are still with their departments, and the applicant did not ask
    NOT_DECIDED = "not_decided"  # an item chosen is not decided yet
    ALREADY_HANDED = "already_handed"  # an item chosen was handed over before
    NO_RECIPIENT = "no_recipient"  # pickup: who collects is not named
    BAD_ID = "bad_id"  # pickup: the ID number of who collects does not check
    NO_CARRIER = "no_carrier"
    NO_TRACKING = "no_tracking"  # post: the tracking number is missing or too long
    BAD_TRACKING = "bad_tracking"  # post: the tracking number is not letters and digits (TRACKING)
    BAD_RECIPIENT = "bad_recipient"  # the recipient's name holds a control, invisible or reordering character
    BAD_CARRIER = "bad_carrier"  # the carrier holds one
    BAD_ADDRESS = "bad_address"  # the electronic address holds one
    NO_ADDRESS = "no_address"  # electronic: where it went is missing
    TOO_LONG = "too_long"  # a name, carrier or address beyond TEXT_MAX characters
    REVOKED = "revoked"  # an item chosen, or the only one left, had its licence revoked (告知承诺 found false)


@dataclass(frozen=True, slots=True)
class HandOverRequest:
    """What the window enters for a hand-over: the way, and what that way needs.

    ``items`` are the item codes handed over; empty is every decided item not handed over yet.  ``id_no`` is the
    whole number typed or read from the card; it is checked and kept masked.
    """

    way: HandOverWay
    recipient: str = ""
    id_no: str = ""
    carrier: str = ""
    tracking_no: str = ""
    address: str = ""
    items: tuple[str, ...] = ()
    partial: bool = False  # the applicant asked for the results decided so far, the rest to follow


@dataclass(frozen=True, slots=True)
class HandedItem:
    """One result handed over: the item, whether it was granted, and the number of the paper given."""

    code: str
    granted: bool
    # the licence's or certificate's number; for a denial, the 不予批准决定书's (a 不予受理 of its department's: its
    # 不予受理通知书's)
    paper_no: str


@dataclass(frozen=True, slots=True)
class HandOver:
    """A hand-over as recorded: the way, who collected (masked ID), the carrier or address, and what was handed."""

    way: HandOverWay
    items: tuple[HandedItem, ...]
    recipient: str = ""
    id_masked: str = ""
    carrier: str = ""
    tracking_no: str = ""
    address: str = ""
    partial: bool = False
    day: dt.date | None = field(default=None, compare=False)  # the history line's office day, once read back
    clerk: str = field(default="", compare=False)
    served_on: dt.date | None = field(default=None, compare=False)  # posted: the day its signed return says
    same_day: bool = False  # 当场办结: handed over at the window with the decisions (counter.actions.intake.same_day)


def hand_over_problems(
    request: HandOverRequest,
    decisions: Mapping[str, ItemDecision],
    handed: Iterable[str],
    item_codes: Iterable[str],
    today: dt.date,
) -> tuple[HandOverProblem, ...]:
    """Everything that keeps ``request`` from being recorded; empty when it can be.

    ``decisions`` are the case's item decisions, ``handed`` the codes handed over before, ``item_codes`` every
    item of the case's bundle.
    """
    problems: list[HandOverProblem] = []
    revoked = revoked_codes(decisions)
    handed_before = set(handed)
    done = handed_before | revoked
    left = [c for c in item_codes if c not in done]
    chosen = request.items or tuple(c for c in left if c in decisions)
    if not chosen:
        problems.append(HandOverProblem.NOTHING_TO_HAND)
    if any(c in revoked for c in request.items) or (not chosen and revoked - handed_before):
        problems.append(HandOverProblem.REVOKED)
    if any(c in handed_before for c in request.items):
        problems.append(HandOverProblem.ALREADY_HANDED)
    if any(c not in decisions for c in request.items):
        problems.append(HandOverProblem.NOT_DECIDED)
    if not request.partial and set(chosen) - revoked != set(left):
        problems.append(HandOverProblem.NOT_ALL_DECIDED)
    problems += _way_problems(request, today)
    return tuple(dict.fromkeys(problems))


#: the free texts of a hand-over, each with the problem that names it: they reach the 送达回证 and the platform
_TEXTS = (
    ("recipient", HandOverProblem.BAD_RECIPIENT),
    ("carrier", HandOverProblem.BAD_CARRIER),
    ("address", HandOverProblem.BAD_ADDRESS),
)


def _way_problems(request: HandOverRequest, today: dt.date) -> list[HandOverProblem]:
    problems: list[HandOverProblem] = []
    texts = (request.recipient, request.carrier, request.address)
    if any(len(t.strip()) > TEXT_MAX for t in texts):
        problems.append(HandOverProblem.TOO_LONG)
    # whatever the way: a field the way does not keep is dropped, but a request carrying such a character is no
    # window's typing, and is refused rather than half kept
    problems += [problem for name, problem in _TEXTS if character_problem(getattr(request, name).strip())]
    if request.way is HandOverWay.PICKUP:
        if not request.recipient.strip():
            problems.append(HandOverProblem.NO_RECIPIENT)
        if not check_id_number(request.id_no, today=today).ok:
            problems.append(HandOverProblem.BAD_ID)
    elif request.way is HandOverWay.POST:
        if not request.carrier.strip():
            problems.append(HandOverProblem.NO_CARRIER)
        tracking = request.tracking_no.strip()
        if not tracking or len(tracking) > TRACKING_MAX:
            problems.append(HandOverProblem.NO_TRACKING)
        elif not TRACKING.fullmatch(tracking):
            problems.append(HandOverProblem.BAD_TRACKING)
    elif not request.address.strip():
        problems.append(HandOverProblem.NO_ADDRESS)
    return problems


class HandOverRefused(ValueError):
    """The hand-over cannot be recorded: every :class:`HandOverProblem` at once."""

    def __init__(self, problems: tuple[HandOverProblem, ...]) -> None:
        super().__init__(", ".join(p.value for p in problems))
        self.problems = problems


def handed_items(
    request: HandOverRequest,
    decisions: Mapping[str, ItemDecision],
    handed: Iterable[str],
    item_codes: Iterable[str],
    denial_numbers: Mapping[str, str],
) -> tuple[HandedItem, ...]:
    """The items the request hands over, in the bundle's order, each with the number of its paper.

    ``denial_numbers`` gives each denied item's 不予批准决定书 number; a grant's number is its decision's.
    """
    done = set(handed) | revoked_codes(decisions)
    wanted = set(request.items) if request.items else None
    chosen = [c for c in item_codes if c in decisions and c not in done and (wanted is None or c in wanted)]
    return tuple(
        HandedItem(c, decisions[c].approved, decisions[c].text if decisions[c].approved else denial_numbers.get(c, ""))
        for c in chosen
    )


def revoked_codes(decisions: Mapping[str, ItemDecision]) -> frozenset[str]:
    """The items whose licence was revoked after its grant: never handed over, and nothing of them left to hand."""
    return frozenset(code for code, decision in decisions.items() if decision.revoked)


def record_of(request: HandOverRequest, items: tuple[HandedItem, ...]) -> HandOver:
    """The hand-over to keep: only what its way needs, the ID number masked, the texts trimmed."""
    pickup, post = request.way is HandOverWay.PICKUP, request.way is HandOverWay.POST
    return HandOver(
        way=request.way,
        items=items,
        recipient=request.recipient.strip() if pickup else "",
        id_masked=mask_id(request.id_no.strip().upper()) if pickup else "",
        carrier=request.carrier.strip() if post else "",
        tracking_no=request.tracking_no.strip() if post else "",
        address=request.address.strip() if request.way is HandOverWay.ELECTRONIC else "",
        partial=request.partial,
    )


def hand_over_event(hand_over: HandOver, every_item_handed: bool, any_granted: bool) -> CaseEvent:
    """送达 when this hand-over completes a case that has a result to collect; otherwise a part handed over.

    A case whose every item was denied keeps its status 不予批准: its papers are handed over all the same.
    """
    whole = every_item_handed and not hand_over.partial and any_granted
    return CaseEvent.DELIVERED if whole else CaseEvent.ITEMS_HANDED


def hand_over_note(hand_over: HandOver) -> str:
    """The note of the history line that keeps the hand-over (the line's own time and clerk are its day and who)."""
    carried: dict[str, Any] = {
        "way": hand_over.way.value,
        "items": [[i.code, i.granted, i.paper_no] for i in hand_over.items],
        "partial": hand_over.partial,
    }
    if hand_over.same_day:
        carried["same_day"] = True
    for key in ("recipient", "id_masked", "carrier", "tracking_no", "address"):
        value = getattr(hand_over, key)
        if value:
            carried[key] = value
    return json.dumps(carried, ensure_ascii=False, sort_keys=True)


def read_hand_over(note: str) -> HandOver | None:
    """The hand-over a line's note keeps; None for a note that is not one (an older same-day 送达's, say)."""
    try:
        carried = json.loads(note)
        way = HandOverWay(carried["way"])
        items = tuple(HandedItem(str(c), bool(g), str(n)) for c, g, n in carried["items"])
        text = {k: str(carried.get(k, "")) for k in ("recipient", "id_masked", "carrier", "tracking_no", "address")}
        return HandOver(
            way=way,
            items=items,
            recipient=text["recipient"],
            id_masked=text["id_masked"],
            carrier=text["carrier"],
            tracking_no=text["tracking_no"],
            address=text["address"],
            partial=bool(carried.get("partial", False)),
            same_day=bool(carried.get("same_day", False)),
        )
    except (ValueError, KeyError, TypeError):
        return None


def hand_overs(history: Iterable[StepLine], day_of: Callable[[dt.datetime], dt.date]) -> tuple[HandOver, ...]:
    """Every hand-over of a case, in its history's order, each with its day and clerk, and a posted one with the
    day of service its signed return recorded."""
    found = []
    signed: dict[int, dt.date] = {}
    for line in history:
        if line.event in HAND_OVER_EVENTS:
            read = read_hand_over(line.note)
            if read is not None:
                found.append(dataclasses.replace(read, day=day_of(line.at), clerk=line.clerk))
        elif line.event == CaseEvent.SERVICE_SIGNED.value and (mark := read_signed_return(line.note)) is not None:
            signed.setdefault(*mark)  # the first record of a return is the one kept
    return tuple(dataclasses.replace(h, served_on=signed.get(n)) for n, h in enumerate(found, 1))


def handed_codes(history: Iterable[StepLine]) -> frozenset[str]:
    """The codes of every item a hand-over of the case gave out."""
    codes: set[str] = set()
    for line in history:
        read = read_hand_over(line.note) if line.event in HAND_OVER_EVENTS else None
        if read is not None:
            codes.update(item.code for item in read.items)
    return frozenset(codes)


# --- the signed return of a posted hand-over ----------------------------------------------------------------------


class SignedReturnProblem(StrEnum):
    """Why the signed return of a hand-over cannot be recorded; every one is reported at once."""

    NO_HAND_OVER = "no_hand_over"  # the case has no hand-over of that number
    NOT_POSTED = "not_posted"  # at the window or online: no return receipt to record
    ALREADY_SIGNED = "already_signed"  # its return was recorded before
    BEFORE_POSTED = "before_posted"  # the day signed precedes the day it was posted
    AFTER_TODAY = "after_today"  # the day signed is still to come


class SignedReturnRefused(ValueError):
    """The signed return cannot be recorded: every :class:`SignedReturnProblem` at once."""

    def __init__(self, problems: tuple[SignedReturnProblem, ...]) -> None:
        super().__init__(", ".join(p.value for p in problems))
        self.problems = problems


def signed_return_problems(
    hand_over: HandOver | None, signed_on: dt.date, today: dt.date
) -> tuple[SignedReturnProblem, ...]:
    """Everything that keeps the return of ``hand_over`` signed on ``signed_on`` from being recorded ``today``."""
    if hand_over is None:
        return (SignedReturnProblem.NO_HAND_OVER,)
    problems: list[SignedReturnProblem] = []
    if hand_over.way is not HandOverWay.POST:
        problems.append(SignedReturnProblem.NOT_POSTED)
    if hand_over.served_on is not None:
        problems.append(SignedReturnProblem.ALREADY_SIGNED)
    if hand_over.day is not None and signed_on < hand_over.day:
        problems.append(SignedReturnProblem.BEFORE_POSTED)
    if signed_on > today:
        problems.append(SignedReturnProblem.AFTER_TODAY)
    return tuple(problems)


def signed_return_note(hand_over_no: int, signed_on: dt.date) -> str:
    """The note of the line that records a signed return: which hand-over of the case (1 for the first), and the
    day signed."""
    return json.dumps({"hand_over": hand_over_no, "signed_on": signed_on.isoformat()}, sort_keys=True)


def read_signed_return(note: str) -> tuple[int, dt.date] | None:
    """The hand-over's number and the day signed that a line's note keeps; None for a note that is not one."""
    try:
        carried = json.loads(note)
        number, day = int(carried["hand_over"]), dt.date.fromisoformat(carried["signed_on"])
    except (ValueError, KeyError, TypeError):
        return None
    return (number, day) if number > 0 else None
