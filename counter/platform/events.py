"""Which steps the platform is told of, and each one's key.

The platform keeps a case's 办件 record and the province's 好差评 system every rating of it (国办发〔2019〕51号), so
it is told of each step that changes what it holds: 受理 (容缺受理 its own kind; the hall's 收件 where it only
received every item, :func:`told_as`), the 补正告知, 不予受理, each item's
decision, 办结 (a case every item of which was denied too: its result is 不予批准), 送达 (whole or in part); each
rating, and each step of the rectification a bad one opens: the rater called back (回访), how it was handled (整改:
立行立改, 限期整改, 解释说明), the rater told (反馈), and the rating voided on appeal; a case that ends without a
decision, withdrawn by the applicant (撤回) or voided by a supervisor as entered in error (作废), so that the
platform does not keep it as in hand until it is overdue; a 补正 the applicant let lapse (补正不来办结).  特别程序
(GB/T 39046-2020 表 7, 特别程序种类 A.7): an item's 延期 (第四十二条, 延长审批), its 暂停 and its resumption (the
procedure's start and end), and a 容缺 deadline extended (除延长审批之外的情况).  Where the hall only received an
item, its department's 签收 is that department's 受理 (行政许可法 第三十二条): told as the department's, with its date,
the promise that runs from it and its 受理通知书's number (:attr:`PlatformKind.ITEM_ACCEPTED`).  Not told: a
department's other inner steps (分发, 审查, a 签收 of an item the window accepted), the dates a holiday change moved, a
note on a rectification.

Each event carries the 业务动作 of GB/T 39046 表 7 (:data:`ACTION`: 通过, 退回, 其他) and, where it ends the case, the
办结结果 (:data:`END_RESULT`) the chosen BJJGDM coding codes: a void is 删除办结, a lapsed 补正 补正不来办结, a
withdrawal and a 不予受理 their own (:mod:`counter.platform.code_lists`).

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

from dataclasses import dataclass
from enum import StrEnum

from counter.case.decisions import read_item_note
from counter.case.status import CaseEvent
from counter.intake.outcome import Outcome
from counter.ratings.rectification import RectEvent


class PlatformKind(StrEnum):
    """The events the platform is told of (the mapping file names them by these values)."""

    ACCEPTED = "accepted"  # 受理
    RECEIVED = "received"  # 收件: the hall only received every item, its departments accept (told_as)
    DEFERRED = "deferred"  # 容缺受理
    CORRECTION = "correction"  # 补正告知
    REFUSED = "refused"  # 不予受理
    ITEM_DECIDED = "item_decided"  # one item's decision: 准予 or 不予批准, or its department's 不予受理
    ITEM_ACCEPTED = "item_accepted"  # a department's 受理 of an item the hall only received (its 签收), as its own
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
    LAPSED = "lapsed"  # 补正不来办结: the applicant let the 补正 lapse
    SPECIAL_PROCEDURE = "special_procedure"  # 特别程序: 延期, 暂停 and its resumption, a 容缺 deadline extended


CASE_KINDS = frozenset(
    {
        PlatformKind.ACCEPTED,
        PlatformKind.RECEIVED,
        PlatformKind.DEFERRED,
        PlatformKind.CORRECTION,
        PlatformKind.REFUSED,
        PlatformKind.ITEM_DECIDED,
        PlatformKind.ITEM_ACCEPTED,
        PlatformKind.COMPLETED,
        PlatformKind.DELIVERED,
        PlatformKind.LICENCE_ISSUED,
        PlatformKind.WITHDRAWN,
        PlatformKind.VOIDED,
        PlatformKind.LICENCE_VOIDED,
        PlatformKind.LAPSED,
        PlatformKind.SPECIAL_PROCEDURE,
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
    CaseEvent.ITEM_REFUSED.value: PlatformKind.ITEM_DECIDED,  # the department's, its code apart (item.decision)
    CaseEvent.COMPLETED.value: PlatformKind.COMPLETED,
    CaseEvent.DENIED.value: PlatformKind.COMPLETED,  # every item denied: 办结, its result 不予批准
    CaseEvent.DELIVERED.value: PlatformKind.DELIVERED,
    CaseEvent.ITEMS_HANDED.value: PlatformKind.DELIVERED,
    CaseEvent.WITHDRAWN.value: PlatformKind.WITHDRAWN,
    CaseEvent.VOIDED.value: PlatformKind.VOIDED,
    CaseEvent.CORRECTION_LAPSED.value: PlatformKind.LAPSED,
    CaseEvent.DEFERRAL_EXTENDED.value: PlatformKind.SPECIAL_PROCEDURE,
    CaseEvent.ITEM_EXTENDED.value: PlatformKind.SPECIAL_PROCEDURE,
    CaseEvent.ITEM_PAUSED.value: PlatformKind.SPECIAL_PROCEDURE,
    CaseEvent.ITEM_RESUMED.value: PlatformKind.SPECIAL_PROCEDURE,
}
#: the lines of an item's own path: their note leads with the item's code
_ITEM_LINES = frozenset(
    {CaseEvent.ITEM_APPROVED.value, CaseEvent.ITEM_DENIED.value, CaseEvent.ITEM_REFUSED.value,
     CaseEvent.ITEM_EXTENDED.value, CaseEvent.ITEM_PAUSED.value, CaseEvent.ITEM_RESUMED.value}
)  # fmt: skip

#: the step of a 特别程序 each line is, which ``[lists.special_procedure]`` codes by its kind (GB/T 39046-2020 附录
#: A.7): an item's 延期 is 延长审批; a pause (its start), its resumption (its end) and a 容缺 deadline extended are
#: 除延长审批之外的情况
PROCEDURE_OF = {
    CaseEvent.ITEM_EXTENDED.value: "extension",
    CaseEvent.ITEM_PAUSED.value: "pause",
    CaseEvent.ITEM_RESUMED.value: "resume",
    CaseEvent.DEFERRAL_EXTENDED.value: "deferral_extension",
}

#: 业务动作 (GB/T 39046-2020 表 7: 通过、退回、其他) of each event of a case, by the meaning ``[lists.action]`` codes:
#: a step that moves the case on is 通过; one that sends it back to the applicant (补正, 不予受理) is 退回
ACTION: dict[PlatformKind, str] = {
    PlatformKind.ACCEPTED: "pass",
    PlatformKind.RECEIVED: "pass",
    PlatformKind.DEFERRED: "pass",
    PlatformKind.CORRECTION: "return",
    PlatformKind.REFUSED: "return",
    PlatformKind.ITEM_ACCEPTED: "pass",
    PlatformKind.ITEM_DECIDED: "pass",  # a denial is the step's 意见, 不予批准; the case moves on to 办结
    PlatformKind.COMPLETED: "pass",
    PlatformKind.DELIVERED: "pass",
    PlatformKind.LICENCE_ISSUED: "pass",
    PlatformKind.WITHDRAWN: "other",
    PlatformKind.VOIDED: "other",
    PlatformKind.LICENCE_VOIDED: "other",
    PlatformKind.LAPSED: "other",
    PlatformKind.SPECIAL_PROCEDURE: "other",
}

#: the 办结结果 of the events that end a case without a decision (``[lists.result]``; 办结 and 送达 take theirs from
#: the items' decisions)
END_RESULT: dict[PlatformKind, str] = {
    PlatformKind.REFUSED: "refused",  # 不予受理
    PlatformKind.VOIDED: "voided",  # 删除办结: entered in error
    PlatformKind.WITHDRAWN: "withdrawn",  # 申请人撤回
    PlatformKind.LAPSED: "lapsed",  # 补正不来办结
}
_RECT = {
    RectEvent.REVISITED.value: PlatformKind.REVISITED,
    RectEvent.FIX_AT_ONCE.value: PlatformKind.RECTIFIED,
    RectEvent.FIX_BY_DEADLINE.value: PlatformKind.RECTIFIED,
    RectEvent.EXPLAINED.value: PlatformKind.RECTIFIED,
    RectEvent.FED_BACK.value: PlatformKind.FED_BACK,
    RectEvent.VOIDED.value: PlatformKind.RATING_VOIDED,
}


class WithheldWhy(StrEnum):
    """Why an event is never sent: it waits in the failed list with this code, worded for the supervisor."""

    SAMPLE_GUIDE = "sample_guide"  # taken under a bundled sample guide: its codes are illustrative
    NO_CODES = "no_codes"  # an item of the guide has no 实施编码
    CASE_VOIDED = "case_voided"  # a licence of a case voided since
    LICENCE_REVOKED = "licence_revoked"  # a licence revoked before it left
    NO_LICENCE = "no_licence"  # the item no longer names a licence
    # a person's number or phone sealed under a data key damaged or missing here: the placeholder it reads as is no
    # number to report; retried once the key is put back
    DATA_KEY = "data_key"


#: how a withheld event's reason is stored (its ``last_error``): this prefix, then the :class:`WithheldWhy` value
WITHHELD_PREFIX = "withheld:"


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
    if event in _ITEM_LINES:
        return Told(kind, read_item_note(note)[0])
    return Told(kind)


#: the end reason of an intake at a hall that only receives, where the applicant, told the window's finding, did not go
#: on (told_as): data the platform keeps, in the words the 申请事项告知书 records it with
WITHDRAWN_AT_WINDOW = "经窗口告知核对意见，申请人不坚持按本次申请办理，撤回申请"

#: what an intake's event tells where the hall only received every item of the case (told_as)
_RECEIVED_AS = {
    PlatformKind.ACCEPTED: PlatformKind.RECEIVED,
    PlatformKind.DEFERRED: PlatformKind.RECEIVED,
    PlatformKind.REFUSED: PlatformKind.WITHDRAWN,
}


def told_as(kind: PlatformKind, only_received: bool) -> PlatformKind:
    """The kind an event is told as, where the hall only received every item of its case (``only_received``).

    Such a hall accepts nothing: its intake is a 收件 (许可法 第二十六条), the departments' 受理 each their own
    (:attr:`PlatformKind.ITEM_ACCEPTED`), so the platform hears no 受理 of the hall's, and no 受理 date or promise.
    Nor does it refuse: a 第二项 finding is told and the applicant asked whether to go on; the intake that then ends
    with the hall's 申请事项告知书 is the applicant's withdrawal (:mod:`counter.documents.outcome_preview`), told
    as one.  A 收件 paper's kind is judged as the case's receipt told it (its kept settings), so a later 授权 does
    not turn a 收件 already told into a 受理."""
    return _RECEIVED_AS.get(kind, kind) if only_received else kind


def kind_of_rectification(event: str) -> PlatformKind | None:
    """The event a rectification's line of ``event`` tells; None for its opening (told with the rating) and notes."""
    return _RECT.get(event)


def line_key(case_uid: str, event: str, moment: str) -> str:
    """A case history line's event: the case, the line's event (an item's approval and denial differ) and its time
    (UTC to the microsecond, :func:`counter.db.outbox_store.moment_text`)."""
    return f"{case_uid}:{event}:{moment}"


def item_accepted_key(case_uid: str, item_code: str) -> str:
    """A department's 受理 of an item the hall only received: the case and the item (an item is signed for once)."""
    return f"{case_uid}:{PlatformKind.ITEM_ACCEPTED.value}:{item_code}"


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
