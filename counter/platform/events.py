"""Which steps the platform is told of, and each one's key.

The platform keeps a case's 办件 record and the province's 好差评 system every rating of it (国办发〔2019〕51号), so
it is told of each step that changes what it holds: 受理 (容缺受理 its own kind), the 补正告知, 不予受理, each item's
decision, 办结 (a case every item of which was denied too: its result is 不予批准), 送达 (whole or in part); each
rating, and each step of the rectification a bad one opens: the rater called back (回访), how it was handled (整改:
立行立改, 限期整改, 解释说明), the rater told (反馈), and the rating voided on appeal; a case that ends without a
decision, withdrawn by the applicant (撤回) or voided by a supervisor as entered in error (作废), so that the
platform does not keep it as in hand until it is overdue.  Not told: a department's inner steps (分发, 签收, 审查,
暂停, 延期), the dates a holiday change moved, a note on a rectification.

An item granted whose catalog entry names the licence it issues (:attr:`counter.catalog.model.Item.licence`) tells
the platform of that licence too, as 电子证照 data (GB/T 36901-2018: the issuing department's results go to the
证照库), in the decision's unit of work; a voided case's licence is never sent
(:mod:`counter.actions.outbox.platform_facts`),
and one sent before its case was voided is withdrawn (电子证照作废), in the voiding's unit of work.  So is a licence
revoked on a 告知承诺 found false (行政许可法 第六十九条第二款), with the revocation's day and what the check found.

Every event has one key, made of what every site knows alike: the case's uid, the event's kind and its sequence —
a history line's time to the microsecond, a rating's round, a rectification line's round and time.  A township's
event queued there and the same event queued again at the hall from the township's sync package have the same key;
so does every attempt of one event, which the platform receives as its idempotency key and keeps once.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum

from counter.case.decisions import read_item_note
from counter.case.status import CaseEvent
from counter.intake.outcome import Outcome
from counter.ratings.rectification import RectEvent


class PlatformKind(StrEnum):
    """The events the platform is told of (the mapping file names them by these values)."""

    ACCEPTED = "accepted"  # 受理
    DEFERRED = "deferred"  # 容缺受理
    CORRECTION = "correction"  # 补正告知
    REFUSED = "refused"  # 不予受理
    ITEM_DECIDED = "item_decided"  # one item's decision: 准予 or 不予批准
    COMPLETED = "completed"  # 办结
    DELIVERED = "delivered"  # 送达 (the results, whole or a part)
    RATED = "rated"  # 好差评: one rating
    REVISITED = "revisited"  # 回访: the rater of a bad rating called back
    RECTIFIED = "rectified"  # 整改: how a bad rating was handled
    FED_BACK = "fed_back"  # 反馈: the rater told what was done
    RATING_VOIDED = "rating_voided"  # the rating removed on appeal (申诉复核)
    LICENCE_ISSUED = "licence_issued"  # 电子证照: the licence an item granted issues (the item's catalog names it)
    WITHDRAWN = "withdrawn"  # 撤回: the applicant withdrew the application
    VOIDED = "voided"  # 作废: the case was entered in error, voided by a supervisor
    LICENCE_VOIDED = "licence_voided"  # 电子证照作废: a licence sent before its case was voided, or its grant revoked


CASE_KINDS = frozenset(
    {
        PlatformKind.ACCEPTED,
        PlatformKind.DEFERRED,
        PlatformKind.CORRECTION,
        PlatformKind.REFUSED,
        PlatformKind.ITEM_DECIDED,
        PlatformKind.COMPLETED,
        PlatformKind.DELIVERED,
        PlatformKind.LICENCE_ISSUED,
        PlatformKind.WITHDRAWN,
        PlatformKind.VOIDED,
        PlatformKind.LICENCE_VOIDED,
    }
)
RATING_KINDS = frozenset(PlatformKind) - CASE_KINDS

_TAKEN = {
    Outcome.ACCEPT.value: PlatformKind.ACCEPTED,
    Outcome.DEFER.value: PlatformKind.DEFERRED,
    Outcome.CORRECT.value: PlatformKind.CORRECTION,
    Outcome.REFUSE.value: PlatformKind.REFUSED,
}
_LINES = {
    CaseEvent.ITEM_APPROVED.value: PlatformKind.ITEM_DECIDED,
    CaseEvent.ITEM_DENIED.value: PlatformKind.ITEM_DECIDED,
    CaseEvent.COMPLETED.value: PlatformKind.COMPLETED,
    CaseEvent.DENIED.value: PlatformKind.COMPLETED,  # every item denied: 办结, its result 不予批准
    CaseEvent.DELIVERED.value: PlatformKind.DELIVERED,
    CaseEvent.ITEMS_HANDED.value: PlatformKind.DELIVERED,
    CaseEvent.WITHDRAWN.value: PlatformKind.WITHDRAWN,
    CaseEvent.VOIDED.value: PlatformKind.VOIDED,
}
_RECT = {
    RectEvent.REVISITED.value: PlatformKind.REVISITED,
    RectEvent.FIX_AT_ONCE.value: PlatformKind.RECTIFIED,
    RectEvent.FIX_BY_DEADLINE.value: PlatformKind.RECTIFIED,
    RectEvent.EXPLAINED.value: PlatformKind.RECTIFIED,
    RectEvent.FED_BACK.value: PlatformKind.FED_BACK,
    RectEvent.VOIDED.value: PlatformKind.RATING_VOIDED,
}


@dataclass(frozen=True, slots=True)
class Told:
    """What one history line tells the platform: its kind, and the item it is of (an item's decision)."""

    kind: PlatformKind
    item_code: str = ""


def told_of_line(event: str, note: str) -> Told | None:
    """What a case's history line of ``event`` with ``note`` tells the platform; None for nothing.

    The intake's line (TAKEN) has the outcome as its note; an item's decision, the item's code leading it.
    """
    if event == CaseEvent.TAKEN.value:
        kind = _TAKEN.get(note)
        return None if kind is None else Told(kind)
    kind = _LINES.get(event)
    if kind is None:
        return None
    if kind is PlatformKind.ITEM_DECIDED:
        return Told(kind, read_item_note(note)[0])
    return Told(kind)


def kind_of_rectification(event: str) -> PlatformKind | None:
    """The event a rectification's line of ``event`` tells; None for its opening (told with the rating) and notes."""
    return _RECT.get(event)


def line_key(case_uid: str, event: str, moment: str) -> str:
    """A case history line's event: the case, the line's event (an item's approval and denial differ) and its time
    (UTC to the microsecond, :func:`counter.db.outbox_store.moment_text`)."""
    return f"{case_uid}:{event}:{moment}"


def licence_key(case_uid: str, item_code: str) -> str:
    """The licence an item of a case issues: the case and the item (an item is granted once, and issues one)."""
    return f"{case_uid}:licence:{item_code}"


def licence_voided_key(case_uid: str, item_code: str) -> str:
    """The withdrawal of the licence an item of a case issued: one, as the licence is one."""
    return f"{case_uid}:licence-voided:{item_code}"


def rating_key(case_uid: str, round_: int) -> str:
    """A rating: the case and its round (one rating per round)."""
    return f"{case_uid}:rating:{round_}"


def rectification_key(case_uid: str, round_: int, event: str, moment: str) -> str:
    """A step of the rectification of the rating of ``round_``: its event and its time."""
    return f"{case_uid}:rect:{round_}:{event}:{moment}"


def platform_key(key: str) -> str:
    """The key an event is sent under, its idempotency key: the same for every attempt and every site, and no case's
    uid in it (the app's own, which stays in the hall).  The SHA-256 of the event's key, in 32 hex digits."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
