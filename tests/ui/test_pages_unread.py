"""Every page of the desk's other windows whose read the database (or the hall server) cannot answer says so in its
own message place, in the fault's plain words and the page's sentence, and reads again once it answers: the
supervisor's 督办 and figures, the 帮您办 day and report, the guides' status, the sync page.  A role that may not
read the page is said as every widget says it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from counter.access.desk import Desk
from counter.access.not_permitted import NotPermitted
from counter.access.roles import Permission
from counter.case.numbers import DeskIdentity
from counter.service.admin import GUIDE_DRAFTS
from counter.service.intake import MONTH_FIGURES
from counter.service.operation import Operation
from counter.service.projects import READ_DAY, READ_REPORT
from counter.service.ratings import RATING_FIGURES
from counter.service.rectifications import OPEN_RECTIFICATIONS
from counter.service.sync import READ_PAGE
from counter.ui.door.runner import Runner
from counter.ui.pad.figures_page import FiguresPage
from counter.ui.pad.guide_status_page import GuideStatusPage
from counter.ui.pad.promise_page import PromisePage
from counter.ui.pad.supervision import RectificationPage
from counter.ui.pad.words import GUIDE_STATUS_FAILED, RATING_FIGURES_READ_FAILED, SUPERVISE_READ_FAILED
from counter.ui.projects import words as project_words
from counter.ui.projects.day_page import DayPage
from counter.ui.projects.report_page import ProjectsReportPage
from counter.ui.sync import words as sync_words
from counter.ui.sync.sync_page import SyncPage
from counter.words.access import refused_for
from counter.words.database import fault_text
from counter.words.same_day import FIGURES_READ_FAILED
from tests.ui.failing import LOCKED, failing

DESK = Desk(DeskIdentity("XAM01", "1"), "乌兰")
NOON = dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Unread:
    """A page, how it reads, what it asks, where it says why not, and its sentence."""

    make: Callable[[Runner], QWidget]
    read: Callable[[Any], None]
    op: Operation[Any, Any]
    said_in: Callable[[Any], QLabel]
    sentence: str
    refusal_said: bool = False  # a role refused is said there too (else the role never reaches the read)


PAGES = {
    "督办": Unread(
        lambda runner: RectificationPage(runner, "宝音"),
        lambda page: page.refresh(),
        OPEN_RECTIFICATIONS,
        lambda page: page.message,
        SUPERVISE_READ_FAILED,
    ),
    "评价统计": Unread(
        lambda runner: FiguresPage(runner, clock=lambda: NOON),
        lambda page: page.on_show(),
        RATING_FIGURES,
        lambda page: page.error,
        RATING_FIGURES_READ_FAILED,
        refusal_said=True,
    ),
    "承诺统计": Unread(
        lambda runner: PromisePage(runner, clock=lambda: NOON),
        lambda page: page.on_show(),
        MONTH_FIGURES,
        lambda page: page.error,
        FIGURES_READ_FAILED,
        refusal_said=True,
    ),
    "帮您办": Unread(
        lambda runner: DayPage(runner, NOON.date),
        lambda page: page.refresh(),
        READ_DAY,
        lambda page: page.summary,
        project_words.READ_FAILED,
    ),
    "帮您办月报": Unread(
        lambda runner: ProjectsReportPage(runner, lambda: NOON),
        lambda page: page.on_show(),
        READ_REPORT,
        lambda page: page.summary,
        project_words.READ_FAILED,
    ),
    "指南状态": Unread(
        GuideStatusPage,
        lambda page: page.load(),
        GUIDE_DRAFTS,
        lambda page: page.message,
        GUIDE_STATUS_FAILED,
    ),
    "同步": Unread(
        lambda runner: SyncPage(runner, DESK),
        lambda page: page.refresh(),
        READ_PAGE,
        lambda page: page.result,
        sync_words.SYNC_DB_FAILED,
    ),
}


@pytest.mark.parametrize("name", PAGES)
def test_a_page_the_database_cannot_read_says_so_and_reads_again_once_it_answers(
    qtbot: QtBot, runner: Runner, name: str
) -> None:
    unread = PAGES[name]
    page = unread.make(runner)
    qtbot.addWidget(page)
    away = failing(runner, LOCKED, unread.op)
    unread.read(page)
    assert away.asked == [unread.op.name]
    said = unread.said_in(page)
    assert said.text() == unread.sentence.format(fault=fault_text("locked"))
    assert said.isVisibleTo(page)
    away.mend()
    unread.read(page)
    assert away.asked == [unread.op.name]  # read of the database now
    assert not said.isVisibleTo(page) or said.text() != unread.sentence.format(fault=fault_text("locked"))


REFUSED = NotPermitted(Permission.SEE_FIGURES, signed_in=True)


@pytest.mark.parametrize("name", [name for name, unread in PAGES.items() if unread.refusal_said])
def test_a_page_the_role_may_not_read_says_so(qtbot: QtBot, runner: Runner, name: str) -> None:
    unread = PAGES[name]
    page = unread.make(runner)
    qtbot.addWidget(page)
    failing(runner, REFUSED, unread.op)
    unread.read(page)
    assert unread.said_in(page).text() == refused_for(REFUSED)
