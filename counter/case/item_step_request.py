"""A department's step of one item as the window or the command line asks it: plain data, checked by the action."""

from __future__ import annotations

from dataclasses import dataclass

from counter.case.decisions import Validity
from counter.case.entered_for import Entered
from counter.case.item_path import ItemEvent, PauseReason
from counter.intake.outcome import RefusalGround


@dataclass(frozen=True, slots=True)
class StepRequest:
    """A department's step of one item, with what its event needs (:class:`counter.case.item_path.ItemStep`)."""

    event: ItemEvent
    pause: PauseReason | None = None
    days: int = 0
    approved_by: str = ""
    result_no: str = ""
    reason: str = ""
    false_materials: bool = False  # a 不予批准 of a licence under 行政许可法 第七十八条 (counter.case.decisions)
    ground: RefusalGround | None = None  # a 不予受理's ground: 第一项, 第二项, or None for another (its reasons)
    authority: str = ""  # a 不予受理 on 第二项: the body with power over the matter, by name
    validity: Validity | None = None  # a 准予's licence 有效期限, if the department gave one (counter.case.decisions)
    # the window entering the department's act for it (代为录入): the department's 文号 and officer
    # (counter.case.entered_for); not asked of the department's own desk, and not kept from it
    entered: Entered | None = None

    def __post_init__(self) -> None:
        # a department does not route to itself: the window routes (route_items); no step asks it
        if self.event is ItemEvent.ROUTED:
            raise ValueError("an item is routed by route_items, at the window")
