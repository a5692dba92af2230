"""当场办结并送达 from the case page: the step taken (both moves at once, checked again by the action), and what the
page then says, as :class:`counter.ui.cases.item_step.Outcome`: kept apart from the page as the other steps' are."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject

from counter.access.desk import Desk
from counter.case.not_found import CaseNotFound
from counter.case.same_day_refused import SameDayNotPossible
from counter.case.status import CaseStatus, MoveNotAllowed
from counter.service.cases import FINISH_SAME_DAY
from counter.service.requests import CaseNo
from counter.ui.cases import words
from counter.ui.cases.item_step import Outcome
from counter.ui.door.refused import refusal_text
from counter.ui.door.runner import Runner
from counter.words.punctuation import CLAUSE_JOIN
from counter.words.same_day import SAME_DAY_DONE, SAME_DAY_PROBLEM, SAME_DAY_REFUSED

log = logging.getLogger(__name__)


def finish_same_day(
    runner: Runner, desk: Desk, number: str, *, owner: QObject, then: Callable[[Outcome], None]
) -> None:
    """Decide and hand over the case at the window on the desk's day; the page's notice of how it went to ``then``
    once the step has answered (never once ``owner``, the page, is closed)."""

    def done(_status: CaseStatus) -> None:
        log.info("case %s: decided and handed over at the window", number)
        then(Outcome(SAME_DAY_DONE.format(case_no=number), "noticeOk", saved=True, reload=True))

    def refused(err: Exception) -> None:
        if isinstance(err, SameDayNotPossible):
            reasons = CLAUSE_JOIN.join(SAME_DAY_PROBLEM[p] for p in err.problems)
            then(Outcome(SAME_DAY_REFUSED.format(case_no=number, reasons=reasons), "noticeWarn", reload=True))
        elif isinstance(err, (MoveNotAllowed, CaseNotFound)):
            then(Outcome("", "noticeWarn", reload=True, moved=True))
        else:
            then(Outcome(refusal_text(err), "noticeError"))

    runner.submit_step(FINISH_SAME_DAY, CaseNo(number), desk, words.CASE_SAVE_FAILED, owner=owner, answered=done,
                       failed=refused)  # fmt: skip
