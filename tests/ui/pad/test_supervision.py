"""督办 and 统计: the supervisor follows bad ratings to feedback, and reads the figures."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from PySide6.QtCore import QDate, QEventLoop, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import event, select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.roles import Role
from counter.actions.admin.calendar import office_calendar
from counter.actions.ratings.follow_up import decide_appeal, file_appeal, newest_rectification
from counter.actions.ratings.record import record_rating, record_unrated, send_to_pad
from counter.db import models
from counter.db.rating_store import add_rating, add_rectification, add_rectification_line, add_request
from counter.projects.model import Satisfaction
from counter.ratings.choice import RatingChoice
from counter.ratings.levels import Level
from counter.ratings.rectification import AppealGround, RectEvent, RectState
from counter.service.rectifications import NEW_ALERTS, RECTIFICATION_DETAIL
from counter.ui.pad.alerts import SupervisorAlerts
from counter.ui.pad.figures_page import FiguresPage
from counter.ui.pad.style import OVERDUE_COLOURS
from counter.ui.pad.supervision import PAGE, RectificationPage
from counter.ui.pad.words import SUPERVISE_APPEAL_FILED, SUPERVISE_READ_FAILED
from counter.ui.words import RUNNER_BUSY
from counter.words.database import fault_text
from counter.words.ratings import APPEAL_PROBLEM, APPEAL_STATUS, RECT_EVENT, RECT_MOVE_PROBLEM
from tests.ratings.conftest import DESK, Clock, account_desk
from tests.ui.called_back import Holding, in_the_event_loop, when
from tests.ui.failing import LOCKED, failing
from tests.ui.runners import runner_on


def rate(sessions: sessionmaker[Session], case_no: str, choice: RatingChoice, clock: Clock) -> None:
    with sessions.begin() as session:
        pad = send_to_pad(session, case_no, DESK, clock())
        record_rating(session, pad.request_id, choice, DESK, clock(), office_calendar(session))


def two_bad_ratings(sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock) -> None:
    """不予受理 rated bad on Friday 20 (due 27), 受理 on Monday 23 (due 30); the clock ends on the 28th."""
    rate(sessions, demo_cases["撤回申请"], RatingChoice(Level.DISSATISFIED, ("等待时间长",)), clock)
    clock.advance(days=3)
    rate(sessions, demo_cases["受理"], RatingChoice(Level.VERY_DISSATISFIED, ("服务态度差",), "态度生硬"), clock)
    clock.advance(days=5)


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def column(page: RectificationPage, index: int) -> list[str]:
    return [cell(page.table, row, index) for row in range(page.table.rowCount())]


def test_open_rectifications_by_due_date_overdue_in_red(
    qtbot: QtBot, sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    two_bad_ratings(sessions, demo_cases, clock)
    page = RectificationPage(runner_on(sessions), "宝音", clock=clock)
    qtbot.addWidget(page)
    page.on_refresh()
    assert column(page, 0) == [demo_cases["撤回申请"], demo_cases["受理"]]
    assert column(page, 4) == ["不满意", "非常不满意"]
    assert column(page, 7) == ["2026-11-27", "2026-11-30"]
    assert column(page, 8) == ["已逾期1天", "还剩2天"]
    first = page.table.item(0, 0)
    second = page.table.item(1, 0)
    assert first is not None
    assert second is not None
    assert first.background().color() == QColor(OVERDUE_COLOURS[0])
    assert second.background().color() != QColor(OVERDUE_COLOURS[0])


def test_walk_a_rectification_to_feedback_on_the_page(
    qtbot: QtBot, sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    two_bad_ratings(sessions, demo_cases, clock)
    baoyin = account_desk(sessions, "baoyin", "宝音", frozenset({Role.SUPERVISOR}))  # who follows them up
    page = RectificationPage(runner_on(sessions), "宝音", clock=clock, desk=baoyin)
    qtbot.addWidget(page)
    page.on_refresh()
    assert page.fix_due.text() == "未选择整改"  # nothing chosen: no date, not Qt's 2000-01-01
    assert not page.fix_due.isEnabled()
    page.table.selectRow(1)
    assert page.fix_due.text() == "2026-11-30"  # the rating's own due date
    assert "非常不满意" in page.summary.text()
    assert "服务态度差" in page.summary.text()
    assert "态度生硬" in page.summary.text()
    assert "张**" in page.summary.text()
    enabled = [event for event, button in page.move_buttons.items() if button.isEnabled()]
    assert enabled == [RectEvent.REVISITED, RectEvent.NOTE]
    QTest.mouseClick(page.move_buttons[RectEvent.REVISITED], Qt.MouseButton.LeftButton)
    assert page.problems.text() == RECT_MOVE_PROBLEM["note_required"]
    page.note.setPlainText("已电话回访，申请人反映工作人员解释不耐心")
    QTest.mouseClick(page.move_buttons[RectEvent.REVISITED], Qt.MouseButton.LeftButton)
    assert page.message.text() == "已记录：回访核实。当前状态：核实中"
    assert page.chosen_id() is not None
    assert column(page, 6)[1] == "核实中"
    page.note.setPlainText("窗口人员服务规范培训，纳入整改台账")
    page.fix_due.setDate(QDate(2026, 12, 20))
    QTest.mouseClick(page.move_buttons[RectEvent.FIX_BY_DEADLINE], Qt.MouseButton.LeftButton)
    assert column(page, 0) == [demo_cases["撤回申请"], demo_cases["受理"]]
    assert column(page, 7)[1] == "2026-12-20"
    page.note.setPlainText("已电话告知整改措施，申请人表示认可")
    QTest.mouseClick(page.move_buttons[RectEvent.FED_BACK], Qt.MouseButton.LeftButton)
    assert column(page, 0) == [demo_cases["撤回申请"]]  # fed back: no longer open
    assert page.history.rowCount() == 4  # the detail stays on the finished one
    assert cell(page.history, 3, 2) == "反馈评价人"
    assert cell(page.history, 3, 1) == "宝音"
    assert not any(button.isEnabled() for button in page.move_buttons.values())


def test_an_appeal_needs_a_reason_and_removes_the_rating_from_the_list(
    qtbot: QtBot, sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    two_bad_ratings(sessions, demo_cases, clock)
    baoyin = account_desk(sessions, "baoyin", "宝音", frozenset({Role.SUPERVISOR}))  # not the clerk rated
    page = RectificationPage(runner_on(sessions), "宝音", clock=clock, desk=baoyin)
    qtbot.addWidget(page)
    page.on_refresh()
    page.table.selectRow(0)
    QTest.mouseClick(page.uphold_button, Qt.MouseButton.LeftButton)
    assert page.problems.text() == APPEAL_PROBLEM["reason_required"]
    assert page.table.rowCount() == 2
    page.appeal_reason.setText("申请人来电说明点错了表情，通话已录音")
    QTest.mouseClick(page.uphold_button, Qt.MouseButton.LeftButton)
    assert column(page, 0) == [demo_cases["受理"]]
    assert "申诉成立，评价已撤销" in page.appeals.text()
    assert "宝音" in page.appeals.text()
    assert cell(page.history, page.history.rowCount() - 1, 3) == "已撤销（申诉成立）"
    assert not page.uphold_button.isEnabled()


def test_a_desk_without_accounts_files_the_appeal_and_says_why_it_cannot_decide_it(
    qtbot: QtBot, sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    """A township's desk, where the clerk rated opened her own row: 申诉成立 is not offered, and the page says why."""
    two_bad_ratings(sessions, demo_cases, clock)
    page = RectificationPage(runner_on(sessions), "乌兰", clock=clock, desk=DESK)
    qtbot.addWidget(page)
    page.on_refresh()
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.appeal_state.text() != "")
    assert not page.uphold_button.isEnabled()
    assert not page.reject_button.isEnabled()
    assert page.file_button.isEnabled()
    assert APPEAL_PROBLEM["no_account"] in page.appeal_state.text()
    assert APPEAL_STATUS["none"] in page.appeal_state.text()
    page.appeal_reason.setText("评价人当场说明按错了等级")
    QTest.mouseClick(page.file_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == SUPERVISE_APPEAL_FILED
    assert column(page, 0) == [
        demo_cases["撤回申请"],
        demo_cases["受理"],
    ]  # still a 差评, still followed up
    assert column(page, 6) == ["待回访（申诉中，待复核）", "待回访"]  # what the hall's supervisor looks for
    assert APPEAL_STATUS["pending"] in page.appeal_state.text()
    assert not page.file_button.isEnabled()
    assert not page.uphold_button.isEnabled()
    assert cell(page.history, page.history.rowCount() - 1, 2) == RECT_EVENT["appealed"]


def test_the_clerk_rated_is_told_she_cannot_review_her_own_rating(
    qtbot: QtBot, sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    two_bad_ratings(sessions, demo_cases, clock)  # both given to 乌兰 at desk 8
    herself = account_desk(sessions, "wulan", "乌兰", frozenset({Role.CLERK, Role.SUPERVISOR}))
    page = RectificationPage(runner_on(sessions), "乌兰", clock=clock, desk=herself)
    qtbot.addWidget(page)
    page.on_refresh()
    page.table.selectRow(1)
    qtbot.waitUntil(lambda: page.appeal_state.text() != "")
    assert not page.uphold_button.isEnabled()
    assert not page.reject_button.isEnabled()
    assert APPEAL_PROBLEM["own_rating"] in page.appeal_state.text()
    assert not re.search("[A-Za-z]", page.appeal_state.text())  # Chinese, no code or command


def test_a_new_bad_rating_alerts_the_open_page(
    qtbot: QtBot, sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    alerts = SupervisorAlerts()
    page = RectificationPage(runner_on(sessions), "宝音", clock=clock, alerts=alerts)
    qtbot.addWidget(page)
    page.on_refresh()
    assert page.table.isHidden()
    assert not page.empty.isHidden()
    assert page.detail.isHidden()  # nothing to choose: no hint to choose one above, no greyed form
    with sessions() as session:
        alerts.prime(newest_rectification(session))
    rate(sessions, demo_cases["受理"], RatingChoice(Level.DISSATISFIED, ("其他",)), clock)
    with qtbot.waitSignal(alerts.raised):
        alerts.check(runner_on(sessions))  # as the window's timer does for a rating from another desk
    qtbot.waitUntil(lambda: column(page, 0) == [demo_cases["受理"]])
    assert not page.detail.isHidden()
    assert page.alert_badge.text() == "新差评 1 条"
    assert not page.alert_badge.isHidden()
    assert demo_cases["受理"] in page.message.text()
    page.on_refresh()
    assert page.alert_badge.isHidden()


def test_a_new_alert_reads_the_list_again_and_keeps_the_row_the_supervisor_was_reading(
    qtbot: QtBot, sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    """The supervisor reads the later of two rectifications; a bad rating at another desk raises an alert: the list
    takes the new one in and the row being read stays chosen rather than the selection jump to another."""
    two_bad_ratings(sessions, demo_cases, clock)
    alerts = SupervisorAlerts()
    page = RectificationPage(runner_on(sessions), "宝音", clock=clock, alerts=alerts)
    qtbot.addWidget(page)
    page.on_refresh()
    page.table.selectRow(1)
    reading = page.chosen_id()
    assert reading is not None
    with sessions() as session:
        alerts.prime(newest_rectification(session))
    third = next(no for key, no in demo_cases.items() if no not in (demo_cases["受理"], demo_cases["撤回申请"]))
    rate(sessions, third, RatingChoice(Level.DISSATISFIED, ("其他",)), clock)
    with qtbot.waitSignal(alerts.raised):
        alerts.check(runner_on(sessions))
    qtbot.waitUntil(lambda: page.table.rowCount() == 3)
    assert page.chosen_id() == reading
    assert column(page, 0)[page.table.currentRow()] == demo_cases["受理"]


def test_the_figures_page(
    qtbot: QtBot, sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    rate(sessions, demo_cases["受理"], RatingChoice(Level.BASIC), clock)
    rate(sessions, demo_cases["撤回申请"], RatingChoice(Level.DISSATISFIED, ("其他",)), clock)
    with sessions.begin() as session:
        pad = send_to_pad(session, demo_cases["容缺受理"], DESK, clock())
        record_unrated(session, pad.request_id, DESK, clock())
    page = FiguresPage(runner_on(sessions), clock=clock)
    qtbot.addWidget(page)
    page.first.setDate(QDate(2026, 11, 20))
    page.last.setDate(QDate(2026, 11, 20))
    page.on_show()
    cells = [cell(page.table, page.table.rowCount() - 1, c) for c in range(12)]
    # 6 services: 2 rated (1 good, 1 bad, not under appeal), 4 unrated or never sent, none on the pad or struck out;
    # none rectified yet
    assert cells == ["合计", "6", "2", "1", "1", "0", "4", "0", "0", "50.0%", "66.7%", "0.0%"]
    assert page.agent_service.text() == "帮您办评价（单独渠道）：本期没有评价。"
    # the two rated on the pad, each at the moment it was asked: faster than a person reads the question
    quick = "；其中评价器上不足3秒即作答的 2 条（来不及读题，请核实）"
    assert page.channels.text() == "按评价渠道（本期给出的首次评价）：政务大厅其他终端 2" + quick
    # the three asked on the pad by the desk's clerk: two answered there, both too soon, one left past its time
    shares = ("评价器上的评价请求（按发出请求的窗口人员，本期发出）：乌兰 发出 3、已评价 2（66.7%）、超时未评价 1"
              "、其中不足3秒即作答 2（请核实）")  # fmt: skip
    assert page.requests.text() == shares
    evaluated_project(sessions, clock)
    page.on_show()
    assert page.agent_service.text() == "帮您办评价（单独渠道）：1 份，非常满意 0，满意 0，不满意 1，满意率 0.0%"
    page.grouping.setCurrentIndex(3)  # by bundle: the signal shows at once
    assert page.table.rowCount() == 2
    assert cell(page.table, 0, 0) == "我要开小餐馆（50平方米以下）"
    assert cell(page.table, 1, 0) == "合计"


def test_the_figures_page_adds_up_with_an_appeal_pending_and_one_upheld(
    qtbot: QtBot, sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    """办件数 = 已评价 + 未评价 + 评价中 + 申诉撤销 on every line; a 差评 under appeal is still a 差评, marked."""
    rate(sessions, demo_cases["受理"], RatingChoice(Level.DISSATISFIED, ("其他",)), clock)
    rate(sessions, demo_cases["撤回申请"], RatingChoice(Level.DISSATISFIED, ("其他",)), clock)
    with sessions() as session:
        ratings: dict[str, int] = dict(session.execute(select(models.Rating.case_no, models.Rating.id)).all())
    with sessions.begin() as session:
        file_appeal(session, ratings[demo_cases["受理"]], "乌兰", "评价人当场说明按错了等级", clock(), desk=DESK)
    baoyin = account_desk(sessions, "baoyin", "宝音", frozenset({Role.SUPERVISOR}))
    with sessions.begin() as session:
        decide_appeal(session, ratings[demo_cases["撤回申请"]], "宝音", AppealGround.MISTAKEN, "评价人与本窗口办件无关",
                      True, clock(), desk=baoyin)  # fmt: skip
    page = FiguresPage(runner_on(sessions), clock=clock, desk=baoyin)
    qtbot.addWidget(page)
    page.first.setDate(QDate(2026, 11, 20))
    page.last.setDate(QDate(2026, 11, 20))
    page.on_show()
    for row in range(page.table.rowCount()):
        services, rated, _good, _bad, _appealing, not_rated, pending, struck = (
            int(cell(page.table, row, c)) for c in range(1, 9)
        )
        assert services == rated + not_rated + pending + struck
    total = [cell(page.table, page.table.rowCount() - 1, c) for c in range(9)]
    assert total == ["合计", "6", "1", "0", "1", "1", "4", "0", "1"]


def evaluated_project(sessions: sessionmaker[Session], clock: Clock) -> None:
    """A 帮您办 project served in a day and rated 不满意 on its 评价表: counted apart from the cases' ratings."""
    from counter.actions.projects import project_steps as moves
    from tests.projects.samples import FACTS, plan

    day, now = clock().date(), clock()
    with sessions.begin() as s:
        number = moves.register_project(s, DESK, FACTS, day, now)
        moves.accept_project(s, DESK, number, day, now)
        moves.assign_agents(s, DESK, number, ("乌兰",), now)
        moves.sign_project(s, DESK, number, day, day, now)
        steps = plan(day)
        moves.plan_project(s, DESK, number, steps, now)
        for step in steps:
            moves.file_step(s, DESK, number, step.no, day, day, now)
            moves.step_done(s, DESK, number, step.no, day, day, now)
        moves.complete_project(s, DESK, number, day, day, now)
        moves.evaluate_project(s, DESK, number, Satisfaction.DISSATISFIED, "进度反馈不及时", day, now)


def open_rectifications_of(sessions: sessionmaker[Session], count: int, clock: Clock) -> None:
    """``count`` bad ratings of one case (a round each), each opening a rectification left 待回访."""
    at = clock()
    with sessions.begin() as session:
        case_id, case_no = session.execute(select(models.Case.id, models.Case.case_no).limit(1)).one()
        for n in range(count):
            request = add_request(session, case_id, n + 1, at, "XAM01", "8", "乌兰")
            rating = add_rating(session, {
                "request_id": request, "level": "dissatisfied", "channel": "pc", "reasons": [], "comment": "",
                "rated_at": at, "rated_on": at.date(), "round": n + 1, "case_no": case_no, "item_code": "X",
                "item_name": "我要开小餐馆", "department": "", "clerk": "乌兰", "desk_no": "8", "site_code": "XAM01",
                "region": "152201", "rater_name": "张三", "rater_id_no": "", "rater_kind": "person",
            })  # fmt: skip
            due = at.date() + dt.timedelta(days=n % 30)
            rect = add_rectification(session, rating, at, at.date(), "7 calendar_day", due, False)
            add_rectification_line(session, rect, at, "", RectEvent.OPENED, RectState.AWAITING_REVISIT)


@pytest.mark.slow
def test_the_list_reads_a_page_and_the_next_at_its_end(
    qtbot: QtBot, sessions: sessionmaker[Session], clock: Clock
) -> None:
    open_rectifications_of(sessions, PAGE + 50, clock)
    page = RectificationPage(runner_on(sessions), "宝音", clock=clock)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.on_refresh()
    assert page.table.rowCount() == PAGE
    dues = column(page, 7)
    bar = page.table.verticalScrollBar()
    bar.setValue(bar.maximum())  # the supervisor scrolls to the last row
    qtbot.waitUntil(lambda: page.table.rowCount() == PAGE + 50)
    assert column(page, 7)[:PAGE] == dues
    assert column(page, 7) == sorted(column(page, 7))  # the next page follows the first, by due date
    bar.setValue(bar.maximum())
    assert page.table.rowCount() == PAGE + 50  # the last page was short: nothing more to read


def test_alerts_raised_together_read_the_list_once(qtbot: QtBot, sessions: sessionmaker[Session], clock: Clock) -> None:
    alerts = SupervisorAlerts()
    page = RectificationPage(runner_on(sessions), "宝音", clock=clock, alerts=alerts)
    qtbot.addWidget(page)
    page.on_refresh()
    with sessions() as session:
        alerts.prime(newest_rectification(session))
    open_rectifications_of(sessions, 12, clock)  # rated bad at other desks since the last check
    reads: list[str] = []
    engine = sessions.kw["bind"]

    def count(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        if "'fed_back', 'voided'" in statement:  # the open list, not the alerts' own read
            reads.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        with qtbot.waitSignal(alerts.raised):
            alerts.check(runner_on(sessions))
        qtbot.waitUntil(lambda: page.table.rowCount() == 12)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert page.alert_badge.text() == "新差评 12 条"
    assert len(reads) == 1


def test_a_move_returns_at_once_is_stored_once_and_the_list_follows_its_answer(
    qtbot: QtBot, sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    two_bad_ratings(sessions, demo_cases, clock)
    baoyin = account_desk(sessions, "baoyin", "宝音", frozenset({Role.SUPERVISOR}))
    runner = runner_on(sessions)
    page = RectificationPage(runner, "宝音", clock=clock, desk=baoyin)
    qtbot.addWidget(page)
    page.on_refresh()
    page.table.selectRow(1)
    page.note.setPlainText("已电话回访")
    held = Holding(runner, "ratings.move_rectification")
    seen: dict[str, Any] = {}

    def steps(application: QEventLoop) -> None:
        page.move_buttons[RectEvent.REVISITED].click()  # returns while the move is held on the worker
        seen["running"], seen["state"] = runner.running, column(page, 6)[1]
        page.move_buttons[RectEvent.REVISITED].click()  # pressed again meanwhile
        seen["again"] = page.problems.text()
        held.release()
        when(lambda: column(page, 6)[1] == "核实中" and not runner.running, application.quit)  # the list read again

    in_the_event_loop(steps)
    assert seen["running"] == "ratings.move_rectification", "the slot waited for the move's answer"
    assert seen["state"] == "待回访"
    assert seen["again"] == RUNNER_BUSY
    assert held.answered == 1
    assert page.message.text() == "已记录：回访核实。当前状态：核实中"
    assert column(page, 6)[1] == "核实中"
    assert page.chosen_id() is not None


def test_a_rectification_the_database_cannot_read_is_said_and_the_list_stays(
    qtbot: QtBot, sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    two_bad_ratings(sessions, demo_cases, clock)
    runner = runner_on(sessions)
    page = RectificationPage(runner, "宝音", clock=clock)
    qtbot.addWidget(page)
    page.on_refresh()
    away = failing(runner, LOCKED, RECTIFICATION_DETAIL)
    page.table.selectRow(1)
    assert away.asked == [RECTIFICATION_DETAIL.name]
    assert page.message.text() == SUPERVISE_READ_FAILED.format(fault=fault_text("locked"))
    assert page.table.rowCount() == 2
    away.mend()
    page.table.selectRow(0)
    assert "不满意" in page.summary.text()
    assert page.message.text() == ""  # read now: the fault is no longer said over it


def test_a_look_for_alerts_the_database_cannot_answer_raises_none_and_the_next_finds_them(
    qtbot: QtBot, sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    alerts = SupervisorAlerts()
    with sessions() as session:
        alerts.prime(newest_rectification(session))
    rate(sessions, demo_cases["受理"], RatingChoice(Level.DISSATISFIED, ("其他",)), clock)
    runner = runner_on(sessions)
    away = failing(runner, LOCKED, NEW_ALERTS)
    looked: list[bool] = []
    with qtbot.assertNotEmitted(alerts.raised):
        alerts.check(runner, then=lambda: looked.append(True))
    assert looked == [True]  # what waits for the look goes on
    assert away.asked == [NEW_ALERTS.name]
    away.mend()
    with qtbot.waitSignal(alerts.raised):  # the next tick's look
        alerts.check(runner)
    assert [alert.case_no for alert in alerts.alerts()] == [demo_cases["受理"]]


def test_an_appeal_the_database_cannot_store_is_said_and_its_reason_kept_to_file_again(
    qtbot: QtBot, sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    from counter.service.rectifications import FILE_APPEAL
    from counter.ui.pad.words import SUPERVISE_SAVE_FAILED

    two_bad_ratings(sessions, demo_cases, clock)
    page = RectificationPage(runner_on(sessions), "乌兰", clock=clock, desk=DESK)
    qtbot.addWidget(page)
    page.on_refresh()
    page.table.selectRow(0)
    qtbot.waitUntil(page.file_button.isEnabled)
    reason = "评价人当场说明按错了等级"
    page.appeal_reason.setText(reason)
    away = failing(page._runner, LOCKED, FILE_APPEAL)
    QTest.mouseClick(page.file_button, Qt.MouseButton.LeftButton)
    assert away.asked == [FILE_APPEAL.name]
    assert page.problems.text() == SUPERVISE_SAVE_FAILED.format(fault=fault_text("locked"))
    assert page.appeal_reason.text() == reason
    assert column(page, 6) == ["待回访", "待回访"]  # not 申诉中
    away.mend()
    QTest.mouseClick(page.file_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == SUPERVISE_APPEAL_FILED
    assert column(page, 6) == ["待回访（申诉中，待复核）", "待回访"]


def test_a_list_the_database_cannot_read_is_said_and_taken_back_once_read(
    qtbot: QtBot, sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    """刷新 while the database is locked: the page says so and keeps the rows it showed; the next read that answers
    takes the sentence back."""
    from counter.service.rectifications import OPEN_RECTIFICATIONS

    two_bad_ratings(sessions, demo_cases, clock)
    runner = runner_on(sessions)
    page = RectificationPage(runner, "宝音", clock=clock)
    qtbot.addWidget(page)
    page.on_refresh()
    away = failing(runner, LOCKED, OPEN_RECTIFICATIONS)
    page.on_refresh()
    assert away.asked == [OPEN_RECTIFICATIONS.name]
    assert page.message.text() == SUPERVISE_READ_FAILED.format(fault=fault_text("locked"))
    assert column(page, 0) == [demo_cases["撤回申请"], demo_cases["受理"]]
    away.mend()
    page.on_refresh()
    assert page.message.text() == ""
    assert column(page, 0) == [demo_cases["撤回申请"], demo_cases["受理"]]


def test_a_rectification_unchosen_empties_the_detail_and_offers_no_move(
    qtbot: QtBot, sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    """Ctrl+click on the chosen row leaves none chosen: the detail says so, with no date and no step to take, rather
    than go on showing the rectification no longer chosen."""
    from counter.ui.pad.words import SUPERVISE_DETAIL_EMPTY, SUPERVISE_FIX_DUE_NONE

    two_bad_ratings(sessions, demo_cases, clock)
    baoyin = account_desk(sessions, "baoyin", "宝音", frozenset({Role.SUPERVISOR}))
    page = RectificationPage(runner_on(sessions), "宝音", clock=clock, desk=baoyin)
    qtbot.addWidget(page)
    page.on_refresh()
    page.table.selectRow(1)
    assert "非常不满意" in page.summary.text()
    assert any(button.isEnabled() for button in page.move_buttons.values())
    page.show()
    chosen = page.table.item(1, 0)
    assert chosen is not None
    where = page.table.visualItemRect(chosen).center()
    QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, where)
    assert page.chosen_id() is None
    assert page.summary.text() == SUPERVISE_DETAIL_EMPTY
    assert page.fix_due.text() == SUPERVISE_FIX_DUE_NONE
    assert not page.fix_due.isEnabled()
    assert not any(button.isEnabled() for button in page.move_buttons.values())
    assert page.history.rowCount() == 0
