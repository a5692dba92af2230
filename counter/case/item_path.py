"""The path of one item of a case through its deciding department: states, the moves between them, their checks.

The window accepts a bundle on behalf of the departments (seed 001 第三十二条), but each item is decided by its own
实施主体, in its own name (第十七条(二)).  So after intake every item goes its own way: routed to its department with
the materials it needs (分发), signed for there (签收), reviewed (审查), and decided: 准予 with the number of the
result it issues (licence, certificate), or 不予批准 with the reasons.  On the way the department may stop its clock
(暂停: 行政许可法 第四十五条 — 听证、检验、检测、检疫、鉴定、专家评审, and a correction it asks for itself, are not
counted in the limit) and, once, extend its limit by at most ten working days with its head's approval, telling the
applicant why (延期: 第四十二条; 第八十二条 counts the law's limits in working days).  The case is done when every
item is decided.  Before it signs, the department may instead refuse to accept the item (不予受理, 许可法 第三十二条:
it is the body that accepts where the hall only received it), with its reasons: the item is closed, not accepted.

The moves are data, as the case's (:mod:`counter.case.status`), so that the store, the department's desk and the
command line check one table, and a test can walk every path.  An item's path is the list of its steps; its state is
where the last step left it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from counter.case.entered_for import Entered
from counter.case.refusal_basis import NO_BASIS, RefusalBasis
from counter.intake.outcome import RefusalGround


class ItemState(StrEnum):
    ROUTED = "routed"  # 已分发：送达实施部门，待签收
    SIGNED = "signed"  # 已签收
    REVIEWING = "reviewing"  # 审查中
    PAUSED = "paused"  # 暂停：法定期限不计时
    CORRECTING = "correcting"  # 补正：部门已一次告知补正，待申请人补正齐全后受理（未受理，期限未起算）
    APPROVED = "approved"  # 准予
    DENIED = "denied"  # 不予批准
    REFUSED = "refused"  # 不予受理: the department refused to accept what the hall received

    @property
    def decided(self) -> bool:
        return self in DECIDED


DECIDED = frozenset({ItemState.APPROVED, ItemState.DENIED, ItemState.REFUSED})


class ItemEvent(StrEnum):
    """What happened to an item: one step each.

    The values are those of the case's history events for the same steps (:class:`counter.case.status.CaseEvent`,
    the decisions' ``item_approved`` / ``item_denied`` among them): a step is kept and synced as a line of the case's
    history, the item's code leading its note (:mod:`counter.case.item_lines`).
    """

    ROUTED = "item_routed"  # 分发
    SIGNED = "item_signed"  # 签收: the department's 受理 where the hall only received (after a complete 补正 too)
    CORRECTION = "item_correction"  # 补正: before any 受理, instead of it for now, with all to correct (第三十二条)
    REVIEW_STARTED = "item_review"  # 审查
    PAUSED = "item_paused"  # 暂停, with its reason (:class:`PauseReason`)
    RESUMED = "item_resumed"  # 恢复计时
    EXTENDED = "item_extended"  # 延期, with the days, who approved it and the reason told to the applicant
    APPROVED = "item_approved"  # 准予, with the result's number
    DENIED = "item_denied"  # 不予批准, with the reasons
    REFUSED = "item_refused"  # 不予受理, with the reasons: before the 签收, instead of it


class PauseReason(StrEnum):
    """Why an item's clock stops after its 受理 (行政许可法 第四十五条).

    ``CORRECTION`` is read, never taken: a pause for 补正 after the 签收 kept by an earlier version of this program
    still reads as what it was, but a 补正 is told before the 受理 (:data:`ItemEvent.CORRECTION`), and a new pause
    for it is refused (:data:`StepProblem.CORRECTION_ACCEPTED`)."""

    CORRECTION = "correction"  # 补正材料 (kept in older histories only)
    HEARING = "hearing"  # 听证
    TENDER = "tender"  # 招标、拍卖
    INSPECTION = "inspection"  # 检验、检测、检疫
    APPRAISAL = "appraisal"  # 鉴定
    EXPERT_REVIEW = "expert_review"  # 专家评审


#: the longest extension of an item's limit, in working days (行政许可法 第四十二条: 可以延长十日; 第八十二条)
MOST_EXTENSION_DAYS = 10

#: the pauses a department may take now: 第四十五条's, after its 受理
PAUSES = tuple(reason for reason in PauseReason if reason is not PauseReason.CORRECTION)

_UNDER_REVIEW = frozenset({ItemState.SIGNED, ItemState.REVIEWING})
#: what reached a department and is not accepted yet: it may accept it, ask its 补正 or refuse it
_NOT_ACCEPTED = frozenset({ItemState.ROUTED, ItemState.CORRECTING})
#: accepted and not decided: no 补正 may be asked any more (第三十二条's 补正 is told before the 受理)
_ACCEPTED = frozenset({ItemState.SIGNED, ItemState.REVIEWING, ItemState.PAUSED})

MOVES: dict[ItemEvent, tuple[frozenset[ItemState | None], ItemState | None]] = {
    # event: (states it may happen in, None standing for an item not routed yet; state after, None = unchanged)
    ItemEvent.ROUTED: (frozenset({None}), ItemState.ROUTED),
    # the 受理: of what reached the department, or of what the applicant completed after its 补正
    ItemEvent.SIGNED: (_NOT_ACCEPTED, ItemState.SIGNED),
    ItemEvent.CORRECTION: (frozenset({ItemState.ROUTED}), ItemState.CORRECTING),
    ItemEvent.REVIEW_STARTED: (frozenset({ItemState.SIGNED}), ItemState.REVIEWING),
    ItemEvent.PAUSED: (frozenset(_UNDER_REVIEW), ItemState.PAUSED),
    ItemEvent.RESUMED: (frozenset({ItemState.PAUSED}), ItemState.REVIEWING),
    ItemEvent.EXTENDED: (frozenset(_UNDER_REVIEW | {ItemState.PAUSED}), None),
    # a department may decide what it signed for without a step of review between (a same-day item)
    ItemEvent.APPROVED: (frozenset(_UNDER_REVIEW), ItemState.APPROVED),
    ItemEvent.DENIED: (frozenset(_UNDER_REVIEW), ItemState.DENIED),
    # the 受理 or its refusal: a department refuses what reached it (a 补正 not completed too), not what it accepted
    # (then it is 不予批准)
    ItemEvent.REFUSED: (_NOT_ACCEPTED, ItemState.REFUSED),
}


@dataclass(frozen=True, slots=True)
class ItemStep:
    """One step of an item's path: what happened, on which day, done by whom, and what the event needs."""

    event: ItemEvent
    day: dt.date
    by: str  # the clerk or the department's staff member who did it
    pause: PauseReason | None = None  # PAUSED
    days: int = 0  # EXTENDED: the working days added to the limit
    approved_by: str = ""  # EXTENDED: the head of the department who approved it
    result_no: str = ""  # APPROVED: the number of the licence or certificate issued
    # EXTENDED (told to the applicant), DENIED, REFUSED (the reasons), PAUSED (optional detail), CORRECTION (all to
    # correct, as the 补正材料通知书 prints it)
    reason: str = ""
    basis: RefusalBasis = NO_BASIS  # REFUSED: its ground (第一项, 第二项 with the 有权机关, or another)
    # one of ENTERED_STEPS the window entered for the department (代为录入): its 文号 and officer; None otherwise
    entered: Entered | None = None


#: the department's steps that are its acts toward the applicant, each with its paper or its licence: entered by
#: the window for the department, each carries the department's 文号 and officer (counter.case.entered_for)
ENTERED_STEPS = frozenset({ItemEvent.APPROVED, ItemEvent.DENIED, ItemEvent.REFUSED, ItemEvent.CORRECTION})


class StepProblem(StrEnum):
    """Why a step may not be added to an item's path, for a face to word for the clerk."""

    WRONG_STATE = "wrong_state"  # the event cannot happen in the item's state
    BEFORE_LAST = "before_last"  # dated before the path's last step
    NO_ACTOR = "no_actor"  # nobody named as having done it
    NO_PAUSE_REASON = "no_pause_reason"
    EXTENDED_BEFORE = "extended_before"  # 第四十二条 allows one extension
    EXTENSION_DAYS = "extension_days"  # not 1 to MOST_EXTENSION_DAYS working days
    NO_APPROVER = "no_approver"  # an extension needs the head's approval
    NO_REASON = "no_reason"  # an extension's reason for the applicant, a denial's or a refusal's reasons
    NO_AUTHORITY = "no_authority"  # a 不予受理 on 第二项 names the body with power over the matter (第三十二条)
    GROUND_NOT_LICENSING = "ground_not_licensing"  # 第一项 (no licence needed) for an item that is no licence
    NO_RESULT_NO = "no_result_no"  # an approval names the result it issues
    # a department's 补正 is told once, with all to correct (许可法 第三十二条第一款第四项)
    CORRECTION_BEFORE = "correction_before"
    NO_CORRECTION_LIST = "no_correction_list"
    CORRECTION_LATE = "correction_late"  # past the five working days from the hall's receipt of the materials
    CORRECTION_ACCEPTED = "correction_accepted"  # a pause for 补正 after the 受理: 补正 comes before it, or not at all
    # a department's 不予受理 of an item the window accepted (its own, or in the department's name): accepted already
    ACCEPTED_AT_WINDOW = "accepted_at_window"


class StepRefused(ValueError):
    """A step that may not be added; ``problem`` says why."""

    def __init__(self, problem: StepProblem, step: ItemStep, state: ItemState | None) -> None:
        super().__init__(f"{step.event} in state {state}: {problem}")
        self.problem = problem
        self.step = step
        self.state = state


def state_of(path: Sequence[ItemStep]) -> ItemState | None:
    """Where the steps of ``path`` left the item; None for an item not routed yet."""
    state: ItemState | None = None
    for step in path:
        after = MOVES[step.event][1]
        if after is not None:
            state = after
    return state


def check_step(path: Sequence[ItemStep], step: ItemStep, *, correction_by: dt.date | None = None) -> ItemState | None:
    """The item's state after ``step`` is added to ``path``; :class:`StepRefused` when it may not be.

    ``correction_by``: the last day a 补正 may be told (five working days after the hall received the materials:
    :func:`counter.case.item_clock.correction_deadline`); None where the caller knows none."""
    state = state_of(path)
    allowed, after = MOVES[step.event]
    problem = _problem(path, step, state, allowed)
    if problem is None and step.event is ItemEvent.CORRECTION and correction_by is not None:
        problem = StepProblem.CORRECTION_LATE if step.day > correction_by else None
    if problem is not None:
        raise StepRefused(problem, step, state)
    return state if after is None else after


def _problem(
    path: Sequence[ItemStep], step: ItemStep, state: ItemState | None, allowed: frozenset[ItemState | None]
) -> StepProblem | None:
    order = _order_problem(path, step, state, allowed)
    if order is not None:
        return order
    if path and step.day < path[-1].day:
        return StepProblem.BEFORE_LAST
    if not step.by.strip():
        return StepProblem.NO_ACTOR
    if step.event is ItemEvent.EXTENDED:
        return _extension_problem(path, step)
    return _NEEDED.get(step.event, _nothing_needed)(step)


def _order_problem(
    path: Sequence[ItemStep], step: ItemStep, state: ItemState | None, allowed: frozenset[ItemState | None]
) -> StepProblem | None:
    """A 补正 in 第三十二条's order: once, and before the 受理 (none after it, a pause for it neither); a step the
    item's state does not allow."""
    if step.event is ItemEvent.CORRECTION and corrected(path):
        return StepProblem.CORRECTION_BEFORE
    if step.pause is PauseReason.CORRECTION or (step.event is ItemEvent.CORRECTION and state in _ACCEPTED):
        return StepProblem.CORRECTION_ACCEPTED
    return None if state in allowed else StepProblem.WRONG_STATE


def corrected(path: Sequence[ItemStep]) -> bool:
    """Whether the item's department told its 补正 already (an older history's pause for it too): once only (许可法
    第三十二条第一款第四项: 一次告知申请人需要补正的全部内容)."""
    return any(s.event is ItemEvent.CORRECTION or s.pause is PauseReason.CORRECTION for s in path)


def _nothing_needed(_step: ItemStep) -> StepProblem | None:
    return None


def _refusal_problem(step: ItemStep) -> StepProblem | None:
    """A 不予受理 gives its reasons, save on 第一项 or 第二项, whose ground is its reason; 第二项 names the body with
    power over the matter (告知申请人向有关行政机关申请)."""
    ground = step.basis.ground
    if ground is RefusalGround.NOT_IN_REMIT and not step.basis.authority.strip():
        return StepProblem.NO_AUTHORITY
    return None if ground is not None or step.reason.strip() else StepProblem.NO_REASON


#: what a pause, an approval and a denial must carry, by event
_NEEDED: dict[ItemEvent, Callable[[ItemStep], StepProblem | None]] = {
    ItemEvent.PAUSED: lambda s: StepProblem.NO_PAUSE_REASON if s.pause is None else None,
    ItemEvent.APPROVED: lambda s: None if s.result_no.strip() else StepProblem.NO_RESULT_NO,
    ItemEvent.DENIED: lambda s: None if s.reason.strip() else StepProblem.NO_REASON,
    ItemEvent.REFUSED: _refusal_problem,
    ItemEvent.CORRECTION: lambda s: None if s.reason.strip() else StepProblem.NO_CORRECTION_LIST,
}


def _extension_problem(path: Sequence[ItemStep], step: ItemStep) -> StepProblem | None:
    if any(s.event is ItemEvent.EXTENDED for s in path):
        return StepProblem.EXTENDED_BEFORE
    if not 1 <= step.days <= MOST_EXTENSION_DAYS:
        return StepProblem.EXTENSION_DAYS
    if not step.approved_by.strip():
        return StepProblem.NO_APPROVER
    if not step.reason.strip():
        return StepProblem.NO_REASON
    return None
