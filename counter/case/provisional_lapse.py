"""A lapse is refused while its due date may still move: a provisional date in the provisional window.

A 容缺 lapse denies the items the missing material serves (seed 001 第十六条(三)); a 补正 lapse treats the
application as not pursued ("如无正当理由逾期提交的，视为放弃申请").  Both are acts against the applicant on the
strength of a date, and domain §11 fixes which date: the later of the printed one and the one the year's notice
gives, the lapse allowed from the next working day after it.  A date counted past the holiday data is provisional
(domain §8: the notice's days off and make-up days cannot be known in advance), so before the notice is in, that
later date is not known yet.

Two ways were open: refuse the lapse, or record it with a warning and list it.  The lapse is refused, where the
notice may still move the date (:mod:`counter.calendar.provisional`: beside a holiday): a warned lapse would still
deny the items, print a 不予批准决定书 and tell the applicant, all of which must then be taken back by the deciding
body if the notice proves it early — while the notice itself is published in November or December for the next
year and is imported in a minute.  The refusal names the due date, and the step is offered again as soon as the
notice is in and the date counted again (:mod:`counter.actions.cases.date_moves`).  A provisional date far from any
holiday lapses as before: no notice has ever moved a day there.  What was lapsed before this rule, or where the data
changed after all, is found when the data changes (:mod:`counter.actions.cases.early_lapses`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from counter.calendar.provisional import unsettled
from counter.calendar.workdays import WorkCalendar
from counter.case.decisions import DecisionProblem, DecisionRefused


def check_settled(case_no: str, counted_from: dt.date, dues: Iterable[dt.date], calendar: WorkCalendar) -> None:
    """Refuse (:class:`DecisionRefused`, ``PROVISIONAL_DUE`` with the earliest such date as ``first_day``) a lapse
    on a due date counted from ``counted_from`` that the year's notice may still move later."""
    early = sorted(due for due in set(dues) if unsettled(calendar, counted_from, due))
    if early:
        raise DecisionRefused(DecisionProblem.PROVISIONAL_DUE, case_no, first_day=early[0])
