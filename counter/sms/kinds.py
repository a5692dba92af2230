"""Which step of a case tells the applicant what: the kinds of message, and the events that make them.

A message is queued in the unit of work that writes the history line it tells of, so a step rolled back tells
nothing.  Some steps of one unit of work make another's message needless: the 办结 that grants the last items at
once tells "ready", not each item too; a handing over at the window (当场办结并送达) tells nothing, the applicant is
standing there.  :attr:`Tell.replaces` names the kinds a step takes back when the same unit of work queued them
for the same case.

Not told: the window's 不予受理 (the applicant holds the notice, at the window; a department's 不予受理 of an item the
hall received is told, the applicant being gone, as its 补正 is), the steps inside a department (分发, 审查, 暂停;
签收 too, except where the hall only received the item: that 签收 is the department's 受理, 许可法 第三十二条, told with
the promise that now runs from it: :func:`counter.actions.cases.item_steps.take_item_step`), a case's own 不予批准
(each denied item was told), withdrawal and voiding (the applicant asked, or it was the office's mistake: what of the
case was not sent yet is dropped).  A department's 延期 is told, as 行政许可法 第四十二条
has it told ("应当将延长期限的理由告知申请人"), with its reason on the 期限告知书.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum

from counter.case.decisions import read_item_note
from counter.case.hand_over import TRACKING
from counter.case.status import CaseEvent
from counter.intake.outcome import Outcome
from counter.intake.parties import Delivery


class MessageKind(StrEnum):
    ACCEPTED = "accepted"  # 受理 or 容缺受理: the case number to follow it by
    CORRECTION = "correction"  # 补正: the deadline of the 补齐补正通知书
    # the hall's 补齐材料告知书 alone, where it only receives what is missing (no 补正 decided): its deadline
    CORRECTION_TOLD = "correction_told"
    # both: a 补齐补正通知书 for some items, the hall's 补齐材料告知书 for those it only receives
    CORRECTION_BOTH = "correction_both"
    DEFERRAL_DUE = "deferral_due"  # 容缺 materials due within two working days (the reminder scan's)
    ITEM_GRANTED = "item_granted"  # 准予 of one item by its department
    ITEM_DENIED = "item_denied"  # 不予批准 of one item
    # 不予受理 of one item the hall only received, by its department (its own act, on its own paper)
    ITEM_REFUSED = "item_refused"
    READY = "ready"  # 办结, the result waits at the window
    POSTED = "posted"  # the result went by post (with the tracking number the hand-over recorded)
    SENT_ONLINE = "sent_online"  # the result was delivered electronically
    # a date told to the applicant moved later when the holiday data changed (counter.case.dates_moved): the new date
    DEFERRAL_MOVED = "deferral_moved"  # of the deferred materials still awaited (the earliest)
    CORRECTION_MOVED = "correction_moved"  # of the correction notice
    PROMISE_MOVED = "promise_moved"  # of the promised completion
    # the same change showed a lapse recorded before the date that now governs it (counter.case.early_lapses)
    LAPSE_EARLY = "lapse_early"
    # a 容缺 deadline extended (counter.actions.cases.deferral_extension): the new date
    DEFERRAL_EXTENDED = "deferral_extended"
    # an item's limit extended by its department (行政许可法 第四十二条: 应当将延长期限的理由告知申请人); the reason
    # is on its 期限告知书 (counter.documents.date_notice)
    ITEM_EXTENDED = "item_extended"
    # an item the hall only received, signed for by its department: its 受理, with the promised date running from it
    ITEM_ACCEPTED = "item_accepted"
    # an item the hall only received, its 补正 told by its department before any 受理 (许可法 第三十二条第一款第四项)
    ITEM_CORRECTION = "item_correction"
    # a department's paper served by SMS link (counter.actions.cases.paper_links): sent at once, never queued, the
    # link's token being in the message alone
    PAPER_LINK = "paper_link"


#: the kinds a case's events make; DEFERRAL_DUE comes from the reminder scan, the *_MOVED kinds from a change of the
#: holiday data (counter.actions.cases.date_moves), not from an event
ITEM_KINDS = frozenset({MessageKind.ITEM_GRANTED, MessageKind.ITEM_DENIED})


@dataclass(frozen=True, slots=True)
class Tell:
    """What one history line tells: a message (``kind``, None for none), the item it is of, the tracking number,
    and the kinds of the same case's messages of the same unit of work it takes back."""

    kind: MessageKind | None
    item_code: str = ""
    tracking: str = ""
    replaces: frozenset[MessageKind] = frozenset()


_NOTHING = Tell(None)


def tell_of(event: str, note: str, delivery: str) -> Tell:
    """What a history line of ``event`` with ``note`` tells an applicant who chose ``delivery``.

    The intake's line (TAKEN) has the outcome as its note; an item's decision, the item's code leading it.
    """
    step = _EVENTS.get(event)
    if step is CaseEvent.TAKEN:
        return Tell(_TAKEN.get(note))
    if step in _ITEM_EVENTS:
        return Tell(_ITEM_EVENTS[step], item_code=read_item_note(note)[0])
    if step is CaseEvent.COMPLETED:
        # the result by post or online is told when it leaves (DELIVERED); either way the items decided with it
        # are told by the one message
        return Tell(MessageKind.READY if delivery == Delivery.PICKUP.value else None, replaces=ITEM_KINDS)
    if step in (CaseEvent.DELIVERED, CaseEvent.ITEMS_HANDED):
        return _hand_over(step, note, delivery)
    if step in (CaseEvent.WITHDRAWN, CaseEvent.VOIDED):
        return Tell(None, replaces=frozenset(MessageKind))  # asked for, or entered in error: nothing more to tell
    return _NOTHING


_EVENTS = {e.value: e for e in CaseEvent}
_TAKEN = {Outcome.ACCEPT.value: MessageKind.ACCEPTED, Outcome.DEFER.value: MessageKind.ACCEPTED,
          Outcome.CORRECT.value: MessageKind.CORRECTION}  # fmt: skip
_ITEM_EVENTS = {
    CaseEvent.ITEM_APPROVED: MessageKind.ITEM_GRANTED,
    CaseEvent.ITEM_DENIED: MessageKind.ITEM_DENIED,
    CaseEvent.ITEM_REFUSED: MessageKind.ITEM_REFUSED,
    CaseEvent.ITEM_CORRECTION: MessageKind.ITEM_CORRECTION,
    CaseEvent.ITEM_EXTENDED: MessageKind.ITEM_EXTENDED,
}
_DELIVERED = {Delivery.POST.value: MessageKind.POSTED, Delivery.ELECTRONIC.value: MessageKind.SENT_ONLINE}


def _hand_over(step: CaseEvent, note: str, delivery: str) -> Tell:
    """送达 tells how the results left (none at the window: nothing left to tell) and takes back what it makes
    needless; a part posted or sent ahead of the rest (or a denied case's papers, 部分送达) is told as it leaves,
    and takes nothing back: the items still to be decided are told as usual."""
    whole = step is CaseEvent.DELIVERED
    way, tracking = _handed(note, delivery if whole else "")
    replaces = ITEM_KINDS | {MessageKind.READY} if whole else frozenset()
    return Tell(_DELIVERED.get(way), tracking=tracking, replaces=replaces)


def _handed(note: str, delivery: str) -> tuple[str, str]:
    """How a 送达 line says the results went, and the tracking number of a posted one.

    The hand-over's record is a JSON object (``way``, ``tracking_no``, …); a line without one (the same-day step at
    the window, older lines) went the way the applicant chose at intake, with no tracking number.  Only these two
    fields are read: the record's other fields (who collected, with a masked ID number) never reach a message, and
    a tracking number only in its shape (:data:`counter.case.hand_over.TRACKING`, letters and digits): a line
    recorded before the hand-over held it to that, or carried in from elsewhere, is told without one.
    """
    if not note.startswith("{"):
        return delivery, ""
    try:
        record = json.loads(note)
    except ValueError:
        return delivery, ""
    if not isinstance(record, dict):
        return delivery, ""
    way = str(record.get("way") or delivery)
    tracking = str(record.get("tracking_no") or "").strip() if way == Delivery.POST.value else ""
    return way, tracking if TRACKING.fullmatch(tracking) else ""


def message_key(case_uid: str, what: str, when: str) -> str:
    """A message's one key: the case's uid, what it tells (an event or a kind) and when (the history line's time,
    a due date).  Never queued twice, and sent to the gateway as its idempotency key."""
    return f"{case_uid}:{what}:{when}"
