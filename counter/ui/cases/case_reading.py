"""What one showing of the case page reads, in turn, off the window's thread: the case, then what its steps stand on.

The page shows a case from up to five reads: the case itself (``READ_CASE``), whether a 即办 case can be done at once
(``SAME_DAY_CHECK``), the calendar a missed due date is counted on (``READ_CALENDAR``, only for a case with such a
date), the items each supervisor step would touch that are not this account's (``ACT_REFUSALS``), and the items
granted on a promise (``PLEDGE_OFFERS``).  Each is submitted to the runner
(:meth:`counter.ui.door.runner.Runner.submit`) once the one before has answered, and the page is handed all of them at
once (:class:`PageRead`): it never shows a case beside the standing of the one before, and nothing turns the event
loop inside the slot that asked.  Only the case's own read fails a showing; the others, when they fail, are logged
and the page offers less (no same-day step, no lapse counted on an unknown calendar), as a desk always did.

Kept apart from :mod:`counter.ui.cases.case_page`: that module shows a case and takes its steps; this one is what it
reads, and :mod:`counter.ui.cases.withheld` words it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from counter.access.desk import Desk
from counter.access.pledge_offers import PledgeOffer
from counter.access.roles import Permission
from counter.calendar.provisional import unsettled
from counter.calendar.workdays import HolidayTable, WorkCalendar
from counter.case.not_found import CaseNotFound
from counter.case.same_day import SameDayProblem
from counter.case.status import CaseStatus
from counter.case.view import CaseView
from counter.service.cases import ACT_REFUSALS, READ_CALENDAR, READ_CASE, SAME_DAY_CHECK
from counter.service.pledges import PLEDGE_OFFERS
from counter.service.requests import CaseNo, Nothing
from counter.ui.cases import words
from counter.ui.cases.rules import Refusals, Refused
from counter.ui.door.runner import Failed, Runner, failures_to
from counter.words.punctuation import CLAUSE_JOIN
from counter.words.same_day import SAME_DAY_PROBLEM, SAME_DAY_REFUSED

if TYPE_CHECKING:
    from counter.documents.case_page import CasePage

log = logging.getLogger(__name__)

#: the steps whose refusals the page reads: the lapse of a 容缺 is a clerk's, and asks none
_SUPERVISOR_STEPS = (Permission.TAKE_INTAKE, Permission.DECIDE_DEFERRAL, Permission.VOID_CASE)


class Loaded(StrEnum):
    """What reading the case again came to (:meth:`counter.ui.cases.case_page.CasePage.reload`)."""

    SHOWN = "shown"
    NOT_FOUND = "not_found"
    FAILED = "failed"  # the database could not be read: the page says so
    PENDING = "pending"  # still being read: what it comes to is handed to the reading's ``then``


@dataclass(frozen=True, slots=True)
class PageRead:
    """One showing's reads: the case's page, whether the same-day step is offered (else why not), what the account
    may not decide (:class:`counter.ui.cases.rules.Refused`) and the items granted on a promise."""

    page: CasePage
    same_day: bool = False
    same_day_why: tuple[str, ...] = ()
    refused: Refused = field(default_factory=Refused)
    offers: tuple[PledgeOffer, ...] = ()


def same_day_offer(view: CaseView, problems: tuple[SameDayProblem, ...]) -> tuple[bool, tuple[str, ...]]:
    """Whether the same-day step is offered, and else why, for a wholly 即办 bundle's case still 已受理 (a case that
    has moved on needs no word of it)."""
    if not problems:
        return True, ()
    if view.status is not CaseStatus.ACCEPTED:
        return False, ()
    reasons = CLAUSE_JOIN.join(SAME_DAY_PROBLEM[p] for p in problems)
    return False, (SAME_DAY_REFUSED.format(case_no=view.case_no, reasons=reasons),)


def open_dues(view: CaseView) -> tuple[dt.date, frozenset[dt.date]] | None:
    """The day the action counts a missed due date from, and the case's open 容缺 or 补正 due dates; None for a case
    with none (its calendar is not read)."""
    if view.status is CaseStatus.AWAITING_DEFERRED:
        start = view.accepted_on or view.received_on
        return start, frozenset(m.due_on for m in view.deferred_open() if m.due_on is not None)
    if view.status is CaseStatus.CORRECTION_ISSUED and view.correction_due is not None:
        return view.received_on, frozenset({view.correction_due})
    return None


class CaseReading:
    """The reads of one showing of a case, asked of ``runner`` for ``desk``; no answer is handed over once ``owner``
    (the page) is closed."""

    def __init__(self, runner: Runner, desk: Desk, owner: QObject) -> None:
        self._runner, self._desk, self._owner = runner, desk, owner

    def read(self, case_no: str, found: Callable[[PageRead | None], None], failed: Callable[[Exception], None]) -> None:
        """The case ``case_no`` and its standing to ``found`` (None: there is no such case); the case's own read
        failing to ``failed`` (a :class:`counter.ui.door.runner.Failed` worded as the page says it)."""

        def read_case(page: CasePage | None) -> None:
            if page is None:
                found(None)
            else:
                self._same_day(PageRead(page), found)

        self._runner.submit(READ_CASE, CaseNo(case_no), self._desk, words.CASE_READ_FAILED, owner=self._owner,
                            answered=read_case, failed=failed)  # fmt: skip

    def _same_day(self, read: PageRead, found: Callable[[PageRead], None]) -> None:
        """Asked of the action only for a wholly 即办 bundle's case."""
        view = read.page.view
        if not read.page.immediate:
            self._unsettled(read, found)
            return

        def checked(problems: tuple[SameDayProblem, ...]) -> None:
            offered, why = same_day_offer(view, problems)
            self._unsettled(replace(read, same_day=offered, same_day_why=why), found)

        def lost(err: Exception) -> None:
            """The page shown with its other steps all the same, and why 当场办结并送达 is not among them: else the
            clerk the intake sent here to finish the case at once would find no step and no word."""
            _lost(err, "case %s: could not ask whether it can be done at once", view.case_no)
            why = (err.message,) if isinstance(err, Failed) else ()
            self._unsettled(replace(read, same_day_why=why), found)

        self._runner.submit(SAME_DAY_CHECK, CaseNo(view.case_no), message=words.CASE_SAME_DAY_UNCHECKED,
                            owner=self._owner, answered=checked, failed=lost)  # fmt: skip

    def _unsettled(self, read: PageRead, found: Callable[[PageRead], None]) -> None:
        """The open 容缺 or 补正 due dates of the case that the year's holiday notice may still move
        (:func:`counter.calendar.provisional.unsettled`): the action refuses a lapse on one (PROVISIONAL_DUE,
        :mod:`counter.case.provisional_lapse`), so the page does not offer it.  Counted from the day the action counts
        from: the acceptance for a 容缺, the arrival for a 补正; the calendar is read only for a case with such a
        date, and nothing of it for a voided case."""
        view = read.page.view
        dues = None if view.status is CaseStatus.VOIDED else open_dues(view)
        if dues is None:
            self._refusals(read, found)
            return
        start, days = dues

        def counted(table: HolidayTable) -> None:
            calendar = WorkCalendar(table)
            moving = tuple(sorted(due for due in days if unsettled(calendar, start, due)))
            self._refusals(replace(read, refused=Refused(unsettled=moving)), found)

        def lost(err: Failed) -> None:
            self._refusals(read, found)

        self._runner.submit(READ_CALENDAR, Nothing(), owner=self._owner, answered=counted, failed=failures_to(lost))

    def _refusals(self, read: PageRead, found: Callable[[PageRead], None]) -> None:
        """The items each of the page's supervisor steps would touch that are not this account's to decide (nothing
        for an account that takes none of them: its role is the reason then, or a voided case no step can touch)."""
        view = read.page.view
        if view.status is CaseStatus.VOIDED or not any(self._desk.actor.may(p) for p in _SUPERVISOR_STEPS):
            self._offers(read, found)
            return

        def answered(by_act: Refusals) -> None:
            self._offers(replace(read, refused=Refused(by_act, read.refused.unsettled)), found)

        def lost(err: Exception) -> None:
            _lost(err, "case %s: could not ask which steps the desk may take", view.case_no)
            self._offers(read, found)

        self._runner.submit(ACT_REFUSALS, CaseNo(view.case_no), self._desk, owner=self._owner, answered=answered,
                            failed=lost)  # fmt: skip

    def _offers(self, read: PageRead, found: Callable[[PageRead], None]) -> None:
        """The case's 告知承诺 items (none where its guide marks none)."""
        number = read.page.view.case_no

        def lost(err: Exception) -> None:
            _lost(err, "case %s: its items granted on a promise could not be read", number)
            found(read)

        self._runner.submit(PLEDGE_OFFERS, CaseNo(number), self._desk, owner=self._owner,
                            answered=lambda offers: found(replace(read, offers=offers)), failed=lost)  # fmt: skip


def _lost(err: Exception, message: str, case_no: str) -> None:
    """A read of the case's standing that failed: a case gone meanwhile is logged (the runner logged a
    :class:`Failed`'s fault); any other exception is a fault of the program."""
    if isinstance(err, CaseNotFound):
        log.warning(message, case_no)
    elif not isinstance(err, Failed):
        raise err
