"""当场办结并送达 from the case page: the step taken (both moves at once, checked again by the action), and what the
page then says, as :class:`counter.ui.cases.item_step.Outcome`: kept apart from the page as the other steps' are."""

from __future__ import annotations

import datetime as dt
import logging

from counter.access.desk import Desk
from counter.access.not_permitted import NotPermitted
from counter.case.not_found import CaseNotFound
from counter.case.same_day_refused import SameDayNotPossible
from counter.case.status import MoveNotAllowed
from counter.service.cases import FINISH_SAME_DAY, CaseOnDay
from counter.ui.cases import words
from counter.ui.cases.item_step import Outcome
from counter.ui.runner import Failed, Runner
from counter.words.access import not_permitted
from counter.words.punctuation import CLAUSE_JOIN
from counter.words.same_day import SAME_DAY_DONE, SAME_DAY_PROBLEM, SAME_DAY_REFUSED

log = logging.getLogger(__name__)


def finish_same_day(runner: Runner, desk: Desk, number: str, today: dt.date) -> Outcome:
    """Decide and hand over the case at the window on ``today``; the page's notice of how it went."""
    try:
        runner.call(FINISH_SAME_DAY, CaseOnDay(number), desk, words.CASE_SAVE_FAILED)
    except Failed as err:
        log.exception("case %s: same-day step not saved", number)
        return Outcome(err.message, "noticeError")
    except NotPermitted as refused:
        return Outcome(not_permitted(refused.permission, refused.signed_in, refused.single_desk), "noticeError")
    except SameDayNotPossible as err:
        reasons = CLAUSE_JOIN.join(SAME_DAY_PROBLEM[p] for p in err.problems)
        return Outcome(SAME_DAY_REFUSED.format(case_no=number, reasons=reasons), "noticeWarn", reload=True)
    except (MoveNotAllowed, CaseNotFound):
        return Outcome("", "noticeWarn", reload=True, moved=True)
    log.info("case %s: decided and handed over at the window", number)
    return Outcome(SAME_DAY_DONE.format(case_no=number), "noticeOk", saved=True, reload=True)
