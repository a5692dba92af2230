"""The life of a case, as states and the moves allowed between them.

The moves are data so that the store, the window and the command line check the
same table, and a test can walk every path.  A case is never deleted; a wrong
one is withdrawn (at the applicant's request) or voided by a supervisor.
"""

from __future__ import annotations

from enum import StrEnum

# How a history line's note records its parameters: the material codes that arrived, joined by NOTE_CODES_JOIN;
# a new deadline (ISO date) and its reason, split by NOTE_DUE_REASON.  A stored format (kept in the database and
# the sync packages, read back by the faces), not words of a sentence: it is never translated.
NOTE_CODES_JOIN = "、"
NOTE_DUE_REASON = "："


class CaseStatus(StrEnum):
    ACCEPTED = "accepted"  # 已受理
    AWAITING_DEFERRED = "awaiting_deferred"  # 容缺受理，待补材料
    CORRECTION_ISSUED = "correction_issued"  # 已出具补正通知，未受理
    CORRECTION_LAPSED = "correction_lapsed"  # 逾期未补正，视为放弃申请 (see CaseEvent.CORRECTION_LAPSED)
    RESUBMITTED = "resubmitted"  # 补正后已重新提交（见后续办件）
    REFUSED = "refused"  # 不予受理
    IN_APPROVAL = "in_approval"  # 审批中
    READY = "ready"  # 已办结，待取件
    DELIVERED = "delivered"  # 已送达
    DENIED = "denied"  # 不予批准
    WITHDRAWN = "withdrawn"  # 申请人撤回
    VOIDED = "voided"  # 作废: entered in error, voided by a supervisor with a reason


class CaseEvent(StrEnum):
    """What happened to a case: one history line each."""

    TAKEN = "taken"  # intake committed with its outcome
    DEFERRED_ARRIVED = "deferred_arrived"  # some deferred materials handed in
    DEFERRED_COMPLETE = "deferred_complete"  # the last deferred material arrived
    DEFERRAL_EXTENDED = "deferral_extended"  # supervisor, with reason
    DENIED = "denied"  # supervisor, with reason (overdue deferral or after approval)
    RESUBMITTED = "resubmitted"  # a later intake answered this correction notice
    # supervisor, on or after the day after the correction deadline: the applicant handed nothing in.  The seeds
    # are silent on what follows; the correction notice's own sentence ("如无正当理由逾期提交的，视为放弃申请",
    # domain §5) is the rule kept: the application is treated as not pursued, and a later visit is a new one.
    CORRECTION_LAPSED = "correction_lapsed"
    SENT_TO_APPROVAL = "sent_to_approval"
    COMPLETED = "completed"
    DELIVERED = "delivered"
    WITHDRAWN = "withdrawn"
    VOIDED = "voided"  # supervisor, with reason: the case was entered in error
    # decisions item by item (note: the item's code, NOTE_DUE_REASON, the result's number or the reason)
    ITEM_APPROVED = "item_approved"  # 准予: the item's department granted it
    ITEM_DENIED = "item_denied"  # 不予批准: supervisor, with reason (seed 001 第十七条(二))
    # 不予受理 of an item the hall only received, by its deciding department before it accepted it (行政许可法
    # 第三十二条): the item is closed as a denial is, not accepted (note: the item's code, NOTE_DUE_REASON, the reasons)
    ITEM_REFUSED = "item_refused"
    DEFERRAL_LAPSED = "deferral_lapsed"  # deferred materials past their due date (note: their codes); none awaited
    # an item's own path through its department (counter.case.item_path; note: the item's code, then what the step
    # carries: counter.case.item_lines); the decisions above are its last step
    ITEM_ROUTED = "item_routed"  # 分发
    ITEM_SIGNED = "item_signed"  # 签收
    ITEM_CORRECTION = "item_correction"  # 补正, by the department before its 受理 (行政许可法 第三十二条第一款第四项)
    ITEM_REVIEW = "item_review"  # 审查
    ITEM_PAUSED = "item_paused"  # 暂停 (行政许可法 第四十五条)
    ITEM_RESUMED = "item_resumed"
    ITEM_EXTENDED = "item_extended"  # 延期 (第四十二条)
    DEFERRAL_PART_LAPSED = "deferral_part_lapsed"  # as above, while other deferred materials are not due yet
    # results handed over while the case stays as it is: a part the applicant asked for before every item is
    # decided, or the papers of a case every item of which was denied (note: counter.case.hand_over; DELIVERED's
    # note is the same record when the hand-over completes the case)
    ITEMS_HANDED = "items_handed"
    # the signed return receipt of a posted hand-over came back: the day it was signed is the day of service (note:
    # counter.case.hand_over.signed_return_note); the case stays as it is
    SERVICE_SIGNED = "service_signed"
    # the office's holiday data changed and a date told to the applicant was counted again to a later day, which now
    # governs (note: counter.case.dates_moved.moves_note); the case stays as it is
    DATES_MOVED = "dates_moved"
    # the same change showed a lapse recorded before the next working day after the date that governs it now: the
    # deciding body is to correct it itself (note: counter.case.early_lapses.early_note); the case stays as it is
    LAPSE_EARLY = "lapse_early"
    # 撤销行政许可: an item granted on the applicant's 告知承诺 whose 核查 found the promise false is revoked by the
    # body that granted it (行政许可法 第六十九条第二款; note: the item's code, NOTE_DUE_REASON, what the check found);
    # the case stays as it is, the item reads 已撤销 (counter.case.pledge_checks.item_revocations)
    ITEM_REVOKED = "item_revoked"
    # at intake, a text written in 蒙科立 (Menksoft) private codes was kept in Unicode letters (note: the field and
    # the original's code points, counter.parties.menksoft.original_note); the case stays as it is
    TEXT_CONVERTED = "text_converted"
    # a committed intake closed with papers of its outcome not printed, the clerk saying why (note: the papers and
    # the reason, counter.documents.outcome_papers.waiver_note); the case stays as it is, no longer flagged
    PAPERS_WAIVED = "papers_waived"
    # the applicant agreed to electronic service, by a means, on a day (note:
    # counter.documents.e_service.agreement_note); the case stays as it is
    E_SERVICE_AGREED = "e_service_agreed"
    # the platform confirmed the delivery of a paper served electronically: its day is the day of service (note:
    # counter.documents.e_service.served_note); the case stays as it is
    PAPER_SERVED_ONLINE = "paper_served_online"


_IN_HAND = frozenset({CaseStatus.ACCEPTED, CaseStatus.AWAITING_DEFERRED, CaseStatus.IN_APPROVAL})
_ITEM_PATH = (CaseEvent.ITEM_ROUTED, CaseEvent.ITEM_SIGNED, CaseEvent.ITEM_CORRECTION, CaseEvent.ITEM_REVIEW,
              CaseEvent.ITEM_PAUSED, CaseEvent.ITEM_RESUMED, CaseEvent.ITEM_EXTENDED)  # fmt: skip

MOVES: dict[CaseEvent, tuple[frozenset[CaseStatus], CaseStatus | None]] = {
    # event: (statuses it may happen in, status after; None = unchanged)
    CaseEvent.DEFERRED_ARRIVED: (frozenset({CaseStatus.AWAITING_DEFERRED}), None),
    CaseEvent.DEFERRED_COMPLETE: (frozenset({CaseStatus.AWAITING_DEFERRED}), CaseStatus.IN_APPROVAL),
    CaseEvent.DEFERRAL_EXTENDED: (frozenset({CaseStatus.AWAITING_DEFERRED}), None),
    CaseEvent.DENIED: (
        frozenset({CaseStatus.AWAITING_DEFERRED, CaseStatus.ACCEPTED, CaseStatus.IN_APPROVAL}),
        CaseStatus.DENIED,
    ),
    CaseEvent.RESUBMITTED: (frozenset({CaseStatus.CORRECTION_ISSUED}), CaseStatus.RESUBMITTED),
    CaseEvent.CORRECTION_LAPSED: (frozenset({CaseStatus.CORRECTION_ISSUED}), CaseStatus.CORRECTION_LAPSED),
    CaseEvent.SENT_TO_APPROVAL: (frozenset({CaseStatus.ACCEPTED}), CaseStatus.IN_APPROVAL),
    # from awaiting too: the items the awaited material serves were denied, the others granted (nothing waits)
    CaseEvent.COMPLETED: (_IN_HAND, CaseStatus.READY),
    CaseEvent.DELIVERED: (frozenset({CaseStatus.READY}), CaseStatus.DELIVERED),
    CaseEvent.WITHDRAWN: (
        frozenset(
            {
                CaseStatus.ACCEPTED,
                CaseStatus.AWAITING_DEFERRED,
                CaseStatus.CORRECTION_ISSUED,
                CaseStatus.IN_APPROVAL,
            }
        ),
        CaseStatus.WITHDRAWN,
    ),
    # an item is decided while the case is in the hall's hands; the case's own status follows once every item is
    # decided, by DENIED (all denied) or COMPLETED (at least one granted): counter.case.decisions.closing_event
    # while 容缺 materials are awaited too: only the items they serve wait (counter.case.decisions.waiting_items)
    CaseEvent.ITEM_APPROVED: (_IN_HAND, None),
    CaseEvent.ITEM_DENIED: (
        frozenset({CaseStatus.AWAITING_DEFERRED, CaseStatus.ACCEPTED, CaseStatus.IN_APPROVAL}),
        None,
    ),
    CaseEvent.ITEM_REFUSED: (_IN_HAND, None),
    CaseEvent.DEFERRAL_LAPSED: (frozenset({CaseStatus.AWAITING_DEFERRED}), CaseStatus.IN_APPROVAL),
    # an item's path runs while the case is in the hall's hands, a 容缺 case's too (its items are reviewed while the
    # promised materials are awaited); the item's own state is its path's (counter.case.item_path.MOVES)
    **dict.fromkeys(_ITEM_PATH, (_IN_HAND, None)),
    CaseEvent.DEFERRAL_PART_LAPSED: (frozenset({CaseStatus.AWAITING_DEFERRED}), None),
    CaseEvent.ITEMS_HANDED: (_IN_HAND | {CaseStatus.READY, CaseStatus.DENIED}, None),
    CaseEvent.SERVICE_SIGNED: (_IN_HAND | {CaseStatus.READY, CaseStatus.DELIVERED, CaseStatus.DENIED}, None),
    CaseEvent.DATES_MOVED: (_IN_HAND | {CaseStatus.CORRECTION_ISSUED}, None),
    CaseEvent.LAPSE_EARLY: (frozenset(CaseStatus) - {CaseStatus.VOIDED}, None),
    CaseEvent.PAPERS_WAIVED: (frozenset(CaseStatus) - {CaseStatus.VOIDED}, None),
    CaseEvent.E_SERVICE_AGREED: (frozenset(CaseStatus) - {CaseStatus.VOIDED}, None),
    CaseEvent.PAPER_SERVED_ONLINE: (frozenset(CaseStatus) - {CaseStatus.VOIDED}, None),
    # a licence granted on a promise is checked after the grant, often after the case is done and handed over
    CaseEvent.ITEM_REVOKED: (_IN_HAND | {CaseStatus.READY, CaseStatus.DELIVERED}, None),
    # a case entered in error is voided, never deleted, whatever its state
    CaseEvent.VOIDED: (frozenset(CaseStatus) - {CaseStatus.VOIDED}, CaseStatus.VOIDED),
}


class MoveNotAllowed(Exception):
    """``event`` cannot happen to a case in ``status``.  ``only_received``: the hall only received the case, so its
    state is named as its page names it (已收件, not 已受理), told by the action that refused
    (:func:`counter.actions.cases.received_cases.status_after`)."""

    def __init__(self, event: CaseEvent, status: CaseStatus, only_received: bool = False) -> None:
        super().__init__(f"{event.value} not allowed in {status.value}")
        self.event = event
        self.status = status
        self.only_received = only_received


def next_status(status: CaseStatus, event: CaseEvent) -> CaseStatus:
    """The status after ``event``; raises :class:`MoveNotAllowed` when it cannot happen now."""
    allowed, after = MOVES[event]
    if status not in allowed:
        raise MoveNotAllowed(event, status)
    return status if after is None else after
