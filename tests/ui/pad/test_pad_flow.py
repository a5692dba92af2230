"""The pad from the desk's key to the applicant's tap, on the test process's one screen.

The pad on a second screen is tested in :mod:`tests.ui.pad.test_two_screens`, beside the clerk's windows on a
laptop's screen in :mod:`tests.ui.pad.test_one_screen`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtGui import QColor, QInputMethodEvent, QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.db import models
from counter.host.machine.desk_config import PadMode
from counter.ratings.levels import Level
from counter.ratings.reasons import DEFAULT_LABELS
from counter.ratings.rectification import RectState
from counter.ratings.status import DeskStatus
from counter.ratings.stored_reasons import reason_labels
from counter.ratings.views import RectificationAlert
from counter.ui.look.geometry import screen_of
from counter.ui.pad.clerk_card import AVATAR
from counter.ui.pad.controller import PadController
from counter.ui.pad.pad_window import THANKS_MS, PadPage, PadWindow
from counter.ui.pad.style import scale_of
from counter.ui.pad.words import PAD_IDLE_DEFAULT, PAD_THANKS_BAD
from counter.ui.words import RUNNER_BUSY
from counter.words.ratings import RATING_LEVEL, RATING_REFUSAL
from tests.ratings.conftest import DESK, TODAY, Clock
from tests.ui.called_back import Holding, in_the_event_loop, when
from tests.ui.pad.conftest import ManualTimer
from tests.ui.runners import runner_on
from tests.ui.shown_text import as_read

LEVEL_WORDS = tuple(RATING_LEVEL.values())


def timeout_timer(pad: PadWindow) -> ManualTimer:
    timer = pad.timeout_timer
    assert isinstance(timer, ManualTimer)
    return timer


def thanks_timer(pad: PadWindow) -> ManualTimer:
    timer = pad.thanks_timer
    assert isinstance(timer, ManualTimer)
    return timer


def tap(widget: QWidget) -> None:
    """A finger on the widget: a press and release at its centre."""
    assert widget.isVisible(), "the applicant can only touch what the pad shows"
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_chinese(widget: QWidget, text: str) -> None:
    """Text as an input method commits it (QTest types ASCII keys only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def stored_levels(sessions: sessionmaker[Session]) -> list[str]:
    with sessions() as session:
        return list(session.scalars(select(models.Rating.level).order_by(models.Rating.id)))


def test_without_a_second_screen_the_pad_shows_only_while_a_rating_is_asked(
    qtbot: QtBot, controller: PadController, demo_cases: dict[str, str]
) -> None:
    pad = controller.pad
    assert not controller.on_screen
    assert not pad.isVisible()  # nothing over the clerk's search box and guide between services
    assert pad.page() is PadPage.IDLE
    assert "兴安盟政务服务中心" in pad.welcome.text()
    assert as_read(pad.idle_card.clerk.text()) == "工作人员：乌兰"
    assert pad.idle_card.staff.text() == "工号：XA0815"
    assert pad.notice.text() == PAD_IDLE_DEFAULT
    controller.send_case(demo_cases["受理"])
    assert pad.isVisible()
    assert not pad.isFullScreen()
    assert (pad.width(), pad.height()) == (800, 480)
    assert screen_of(pad).availableGeometry().contains(pad.frameGeometry())
    tap(pad.face_buttons[Level.VERY_SATISFIED])
    assert pad.isVisible()  # the thanks are seen
    with qtbot.waitSignal(pad.went_idle):
        thanks_timer(pad).fire()
    assert not pad.isVisible()


def test_a_tap_records_the_level_and_the_clerk_sees_only_rated(
    qtbot: QtBot, controller: PadController, sessions: sessionmaker[Session], demo_cases: dict[str, str]
) -> None:
    case_no = demo_cases["受理"]
    with qtbot.waitSignal(controller.status_changed) as sent:
        assert controller.send_case(case_no)
    assert sent.args == [case_no, DeskStatus.PENDING]
    pad = controller.pad
    assert pad.page() is PadPage.RATING
    assert pad.bundle.text() == "办理事项：我要开小餐馆（50平方米以下）"
    # the name masked, with the time the case was taken: enough for the applicant to know the service is hers
    assert re.fullmatch(r"申请人：张\*\*  (\d{4}-\d\d-\d\d )?\d\d:\d\d", pad.applicant.text())
    assert as_read(pad.rating_card.clerk.text()) == "工作人员：乌兰"
    assert timeout_timer(pad).interval == 60_000
    assert "评价中" in controller.status_label.text()
    with qtbot.waitSignal(controller.status_changed) as rated:
        tap(pad.face_buttons[Level.SATISFIED])
    assert rated.args == [case_no, DeskStatus.RATED]
    assert stored_levels(sessions) == ["satisfied"]
    assert pad.page() is PadPage.THANKS
    assert not timeout_timer(pad).active
    assert thanks_timer(pad).interval == THANKS_MS
    assert "已评价" in controller.status_label.text()
    assert not any(word in controller.status_label.text() for word in LEVEL_WORDS)
    thanks_timer(pad).fire()
    assert pad.page() is PadPage.IDLE


def test_a_bad_rating_asks_why_and_opens_a_rectification_for_the_supervisor(
    qtbot: QtBot, controller: PadController, sessions: sessionmaker[Session], demo_cases: dict[str, str]
) -> None:
    clerk_window = QMainWindow()  # stands for the desk window: its status bar carries the pad's status widget
    qtbot.addWidget(clerk_window)
    clerk_window.statusBar().addPermanentWidget(controller.status_label)
    heard: list[object] = []
    controller.status_changed.connect(lambda *args: heard.extend(args))
    controller.refused.connect(heard.append)
    case_no = demo_cases["撤回申请"]
    controller.send_case(case_no)
    pad = controller.pad
    tap(pad.face_buttons[Level.VERY_DISSATISFIED])
    assert pad.page() is PadPage.REASONS
    assert pad.chosen.text() == "非常不满意"
    national = ["服务效率", "服务水平", "服务态度"]  # 测评内容 first, then the hall's own
    assert [b.text() for b in pad.reason_buttons] == [*national, *DEFAULT_LABELS.values()]
    assert not pad.submit_button.isEnabled()  # a bad rating needs a reason
    assert stored_levels(sessions) == []
    assert not pad.comment.isVisible()  # a touch pad: the reasons are tapped, nothing is typed
    tap(pad.reason_buttons[0])
    tap(pad.reason_buttons[8])
    assert pad.submit_button.isEnabled()
    with qtbot.waitSignal(controller.alerts.raised) as alerted:
        tap(pad.submit_button)
    alert = alerted.args[0]
    assert isinstance(alert, RectificationAlert)
    assert alert.due_on == TODAY + dt.timedelta(days=7)
    assert pad.page() is PadPage.THANKS
    assert pad.thanks_detail.text() == PAD_THANKS_BAD
    with qtbot.assertNotEmitted(controller.alerts.raised):  # the timer's next look finds it: alerted once
        controller.alerts.check(controller._runner)
    assert controller.alerts.alerts() == (alert,)
    with sessions() as session:
        rating = session.scalars(select(models.Rating)).one()
        # the national indicator kept as its code with the list's version; the hall's own reason as its label
        indicator = {"code": "501", "label": "服务效率", "list": "national-offline-1"}
        assert (rating.level, json.loads(rating.reasons), rating.comment) == (
            "very_dissatisfied",
            [indicator, "其他"],
            "",
        )
        rectification = session.scalars(select(models.Rectification)).one()
        assert rectification.due_on == dt.date(2026, 11, 27)
        history = session.scalars(select(models.RectificationHistory)).one()
        assert history.state_after == RectState.AWAITING_REVISIT.value
    assert heard == [case_no, DeskStatus.PENDING, case_no, DeskStatus.RATED]
    shown = [label.text() for label in clerk_window.findChildren(QLabel)]
    assert any("已评价" in text for text in shown)
    assert not any(word in text for text in shown for word in [*LEVEL_WORDS, "流程太复杂"])


def test_where_the_applicant_has_a_keyboard_a_bad_rating_may_also_say_why_in_words(
    qtbot: QtBot, sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    typed = PadController(runner_on(sessions), DESK, keyboard=True, clock=clock, timer_factory=ManualTimer)
    qtbot.addWidget(typed.pad)
    typed.start()
    typed.send_case(demo_cases["撤回申请"])
    pad = typed.pad
    tap(pad.face_buttons[Level.DISSATISFIED])
    assert pad.comment.isVisible()
    type_chinese(pad.comment, "让我去别的部门，没说清楚去哪里")
    assert not pad.submit_button.isEnabled()  # words alone are no reason: a button is still needed
    tap(pad.reason_buttons[8])
    with qtbot.waitSignal(typed.status_changed):
        tap(pad.submit_button)
    with sessions() as session:
        rating = session.scalars(select(models.Rating)).one()
        assert (rating.level, rating.reasons, rating.comment) == (
            "dissatisfied",
            '["其他"]',
            "让我去别的部门，没说清楚去哪里",
        )
    typed.apply(PadMode.AUTO, keyboard=False)  # the desk's setting changed: the next bad rating has no text line
    typed.send_case(demo_cases["受理"])
    tap(pad.face_buttons[Level.DISSATISFIED])
    assert not pad.comment.isVisible()


def test_no_face_and_no_reason_looks_chosen_before_the_applicant_touches_one(
    qtbot: QtBot, controller: PadController, demo_cases: dict[str, str]
) -> None:
    pad = controller.pad
    controller.send_case(demo_cases["受理"])
    qtbot.waitUntil(pad.isActiveWindow)  # the window is active, as on a desk where it comes up for F9
    focused = QApplication.focusWidget()
    assert focused is None or focused not in pad.findChildren(QWidget)
    assert not any(face.hasFocus() or face.isDown() for face in pad.face_buttons.values())
    assert {face.focusPolicy() for face in pad.face_buttons.values()} == {Qt.FocusPolicy.NoFocus}
    tap(pad.face_buttons[Level.DISSATISFIED])
    assert not any(button.isChecked() or button.hasFocus() for button in pad.reason_buttons)
    assert not pad.submit_button.hasFocus()
    QTest.keyClick(pad, Qt.Key.Key_Return)  # no key rates: the clerk must not choose for the applicant
    QTest.keyClick(pad, Qt.Key.Key_Space)
    assert pad.page() is PadPage.REASONS
    assert not any(button.isChecked() for button in pad.reason_buttons)


def test_the_clerks_esc_ends_the_rating_as_unrated_and_puts_the_pad_away(
    qtbot: QtBot, controller: PadController, sessions: sessionmaker[Session], demo_cases: dict[str, str]
) -> None:
    pad = controller.pad
    controller.send_case(demo_cases["受理"])
    qtbot.waitUntil(pad.isActiveWindow)
    with qtbot.waitSignal(controller.status_changed) as lapsed:
        QTest.keyClick(pad, Qt.Key.Key_Escape)
    assert lapsed.args == [demo_cases["受理"], DeskStatus.UNRATED]
    assert not pad.isVisible()
    assert stored_levels(sessions) == []
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(models.RatingLapse)) == 1


def test_the_applicant_can_take_a_bad_face_back(
    qtbot: QtBot, controller: PadController, sessions: sessionmaker[Session], demo_cases: dict[str, str]
) -> None:
    controller.send_case(demo_cases["受理"])
    pad = controller.pad
    tap(pad.face_buttons[Level.DISSATISFIED])
    tap(pad.reason_buttons[0])
    tap(pad.back_button)
    assert pad.page() is PadPage.RATING
    tap(pad.face_buttons[Level.VERY_SATISFIED])
    assert stored_levels(sessions) == ["very_satisfied"]
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(models.Rectification)) == 0


def test_no_rating_in_time_is_recorded_as_unrated(
    qtbot: QtBot, controller: PadController, sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    case_no = demo_cases["容缺受理"]
    controller.send_case(case_no)
    pad = controller.pad
    clock.advance(seconds=60)  # no face touched: no rating was given
    with qtbot.waitSignal(controller.status_changed) as lapsed:
        timeout_timer(pad).fire()
    assert lapsed.args == [case_no, DeskStatus.UNRATED]
    assert pad.page() is PadPage.IDLE
    assert pad.case is None
    assert stored_levels(sessions) == []
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(models.RatingLapse)) == 1
    assert "未评价" in controller.status_label.text()


def test_a_bad_face_left_without_a_reason_is_kept_when_the_time_runs_out(
    qtbot: QtBot, controller: PadController, sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    case_no = demo_cases["容缺受理"]
    controller.send_case(case_no)
    pad = controller.pad
    tap(pad.face_buttons[Level.DISSATISFIED])  # a bad face, then the applicant walks away
    clock.advance(seconds=60)
    with qtbot.waitSignal(controller.alerts.raised):
        timeout_timer(pad).fire()
    assert pad.page() is PadPage.THANKS
    with sessions() as session:
        rating = session.scalars(select(models.Rating)).one()
        assert (rating.level, rating.reasons) == ("dissatisfied", "[]")
        assert session.scalar(select(func.count()).select_from(models.Rectification)) == 1
        assert session.scalar(select(func.count()).select_from(models.RatingLapse)) == 0
    assert "已评价" in controller.status_label.text()


@pytest.mark.parametrize("reasons", [(), (2,)])
def test_the_clerks_esc_after_a_bad_face_keeps_the_rating_and_its_reasons(
    qtbot: QtBot,
    controller: PadController,
    sessions: sessionmaker[Session],
    demo_cases: dict[str, str],
    reasons: tuple[int, ...],
) -> None:
    pad = controller.pad
    controller.send_case(demo_cases["受理"])
    qtbot.waitUntil(pad.isActiveWindow)
    tap(pad.face_buttons[Level.VERY_DISSATISFIED])
    for index in reasons:
        tap(pad.reason_buttons[index])
    with qtbot.waitSignal(controller.status_changed) as changed:
        QTest.keyClick(pad, Qt.Key.Key_Escape)
    assert changed.args == [demo_cases["受理"], DeskStatus.RATED]
    ticked = [pad.reason_buttons[index].text() for index in reasons]
    with sessions() as session:
        rating = session.scalars(select(models.Rating)).one()
        assert rating.level == "very_dissatisfied"
        assert list(reason_labels(rating.reasons)) == ticked
        assert session.scalar(select(func.count()).select_from(models.Rectification)) == 1


@pytest.mark.parametrize("ending", ["time", "esc"])
def test_a_bad_face_tapped_then_the_faces_again_is_still_the_rating(
    qtbot: QtBot,
    controller: PadController,
    sessions: sessionmaker[Session],
    demo_cases: dict[str, str],
    ending: str,
) -> None:
    """重新选择 offers the faces again; an applicant who then walks off leaves the face tapped, not 未评价."""
    pad = controller.pad
    controller.send_case(demo_cases["受理"])
    qtbot.waitUntil(pad.isActiveWindow)
    tap(pad.face_buttons[Level.DISSATISFIED])
    tap(pad.reason_buttons[1])
    tap(pad.back_button)
    assert pad.page() is PadPage.RATING
    with qtbot.waitSignal(controller.status_changed) as changed:
        if ending == "time":
            timeout_timer(pad).fire()
        else:
            QTest.keyClick(pad, Qt.Key.Key_Escape)
    assert changed.args == [demo_cases["受理"], DeskStatus.RATED]
    with sessions() as session:
        rating = session.scalars(select(models.Rating)).one()
        assert (rating.level, reason_labels(rating.reasons)) == ("dissatisfied", (pad.reason_buttons[1].text(),))
        assert session.scalar(select(func.count()).select_from(models.Rectification)) == 1
        assert session.scalar(select(func.count()).select_from(models.RatingLapse)) == 0


def test_the_desk_closing_keeps_a_tapped_bad_face_and_opens_its_rectification(
    qtbot: QtBot, controller: PadController, sessions: sessionmaker[Session], demo_cases: dict[str, str]
) -> None:
    pad = controller.pad
    controller.send_case(demo_cases["容缺受理"])
    tap(pad.face_buttons[Level.VERY_DISSATISFIED])  # the reasons page shows; the clerk closes the desk meanwhile
    with qtbot.waitSignal(controller.alerts.raised):
        controller.stop()
    assert not pad.isVisible()
    with sessions() as session:
        rating = session.scalars(select(models.Rating)).one()
        assert (rating.level, rating.reasons) == ("very_dissatisfied", "[]")
        assert session.scalar(select(func.count()).select_from(models.Rectification)) == 1


def test_the_desk_closing_before_any_face_leaves_the_service_to_the_next_start(
    qtbot: QtBot, controller: PadController, sessions: sessionmaker[Session], demo_cases: dict[str, str]
) -> None:
    controller.send_case(demo_cases["受理"])
    controller.stop()
    assert stored_levels(sessions) == []
    with sessions() as session:  # still asked: the next start closes it as unrated (close_stale_requests)
        assert session.scalar(select(func.count()).select_from(models.RatingLapse)) == 0


def test_every_touch_gives_the_applicant_the_full_time_again(
    qtbot: QtBot, controller: PadController, demo_cases: dict[str, str]
) -> None:
    controller.send_case(demo_cases["受理"])
    pad = controller.pad
    timer = timeout_timer(pad)
    timer.stop()
    tap(pad.face_buttons[Level.DISSATISFIED])
    assert timer.active
    timer.stop()
    tap(pad.reason_buttons[1])
    assert timer.active
    assert timer.interval == 60_000


def test_a_second_rating_of_the_same_service_is_refused(
    qtbot: QtBot, controller: PadController, sessions: sessionmaker[Session], demo_cases: dict[str, str]
) -> None:
    case_no = demo_cases["受理"]
    controller.send_case(case_no)
    tap(controller.pad.face_buttons[Level.BASIC])
    thanks_timer(controller.pad).fire()
    with qtbot.waitSignal(controller.refused) as refused:
        assert not controller.send_case(case_no)
    assert refused.args == [RATING_REFUSAL["already_rated"].format(case_no=case_no)]
    assert controller.pad.page() is PadPage.IDLE
    assert controller.status_label.text() == refused.args[0]
    assert stored_levels(sessions) == ["basically_satisfied"]


def test_a_busy_pad_takes_no_second_case(qtbot: QtBot, controller: PadController, demo_cases: dict[str, str]) -> None:
    controller.send_case(demo_cases["受理"])
    with qtbot.waitSignal(controller.refused) as refused:
        assert not controller.send_case(demo_cases["撤回申请"])
    assert demo_cases["受理"] in refused.args[0]
    pad_case = controller.pad.case
    assert pad_case is not None
    assert pad_case.case_no == demo_cases["受理"]


def test_an_unknown_case_is_refused(qtbot: QtBot, controller: PadController) -> None:
    with qtbot.waitSignal(controller.refused) as refused:
        assert not controller.send_case("XAM01-20261120-8-9999")
    assert "未找到办件" in refused.args[0]


@pytest.mark.parametrize("state", ["rating", "reasons", "thanks"])
def test_a_late_tap_after_time_ran_out_records_nothing(
    qtbot: QtBot, controller: PadController, sessions: sessionmaker[Session], demo_cases: dict[str, str], state: str
) -> None:
    controller.send_case(demo_cases["受理"])
    pad = controller.pad
    if state == "reasons":
        tap(pad.face_buttons[Level.DISSATISFIED])
    timeout_timer(pad).fire()
    pad.on_face_clicked(Level.VERY_SATISFIED)  # what a tap on a page no longer shown would do
    pad.on_submit_clicked()
    if state == "reasons":  # the bad face chosen before the time ran out is the rating, and the only one
        assert stored_levels(sessions) == ["dissatisfied"]
        assert pad.page() is PadPage.THANKS
    else:
        assert stored_levels(sessions) == []
        assert pad.page() is PadPage.IDLE


def test_a_restarted_pad_closes_what_it_left_open_as_unrated(
    qtbot: QtBot, sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    first = PadController(runner_on(sessions), DESK, clock=clock, timer_factory=ManualTimer)
    qtbot.addWidget(first.pad)
    first.start()
    first.send_case(demo_cases["受理"])
    first.stop()  # the desk app stopped with the case on the pad
    assert not first.pad.isVisible()
    clock.advance(minutes=5)
    again = PadController(runner_on(sessions), DESK, clock=clock, timer_factory=ManualTimer)
    qtbot.addWidget(again.pad)
    with qtbot.waitSignal(again.status_changed) as closed:
        again.start()
    assert closed.args == [demo_cases["受理"], DeskStatus.UNRATED]
    assert stored_levels(sessions) == []
    assert again.pad.page() is PadPage.IDLE


def test_the_clerks_photo_replaces_the_initial_when_set(
    qtbot: QtBot, sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock, tmp_path: Path
) -> None:
    photo = QPixmap(120, 160)
    photo.fill(QColor("#8fb8de"))
    path = tmp_path / "wulan.png"
    assert photo.save(str(path))
    with_photo = PadController(runner_on(sessions), dataclasses.replace(DESK, photo=str(path)), clock=clock,
                               timer_factory=ManualTimer)  # fmt: skip
    qtbot.addWidget(with_photo.pad)
    with_photo.start()
    with_photo.send_case(demo_cases["受理"])
    avatar = with_photo.pad.rating_card.avatar
    assert not avatar.pixmap().isNull()
    assert avatar.text() == ""
    side = round(AVATAR * scale_of(with_photo.pad.width(), with_photo.pad.height()))  # 72 on a whole pad panel
    assert (avatar.width(), avatar.height()) == (side, side)


def test_without_a_photo_the_pad_shows_the_clerks_initial(
    controller: PadController, demo_cases: dict[str, str]
) -> None:
    controller.send_case(demo_cases["受理"])
    avatar = controller.pad.rating_card.avatar
    assert avatar.pixmap().isNull()
    assert avatar.text() == "乌"


def test_f9_returns_at_once_asks_once_and_shows_the_case_when_it_is_stored(
    controller: PadController, demo_cases: dict[str, str]
) -> None:
    held = Holding(controller._runner, "ratings.send_to_pad")
    case_no = demo_cases["受理"]
    said: list[str] = []
    statuses: list[tuple[str, DeskStatus]] = []
    controller.refused.connect(said.append)
    controller.status_changed.connect(lambda number, status: statuses.append((number, status)))
    seen: dict[str, Any] = {}

    def steps(application: QEventLoop) -> None:
        seen["first"] = controller.send_case(case_no)  # returns while the request is held on the worker
        seen["page"] = controller.pad.page()
        seen["again"] = controller.send_case(case_no)  # F9 pressed again meanwhile
        held.release()
        when(lambda: bool(statuses), application.quit)

    in_the_event_loop(steps)
    assert seen["first"] is True
    assert seen["page"] is PadPage.IDLE, "F9 waited for the request to be stored"
    assert seen["again"] is False
    assert said == [RUNNER_BUSY]
    assert held.answered == 1
    assert statuses == [(case_no, DeskStatus.PENDING)]
    assert controller.pad.page() is PadPage.RATING
