"""评价设置: the office changes the reasons, the notice and the times; every desk's pad follows."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.catalog.model import TimeLimit, TimeUnit
from counter.host.machine.desk_config import PadMode, config_path
from counter.ratings.reasons import DEFAULT_LABELS
from counter.ratings.settings import DefaultRule, RatingMode, RatingSettings
from counter.ui.pad.controller import PadController
from counter.ui.pad.pad_window import PadPage
from counter.ui.pad.settings_form import RatingSettingsForm
from counter.ui.pad.supervisor_window import SupervisorWindow
from counter.ui.pad.words import DESK_PAD_SAVED, RATING_SETTINGS_SAVED
from counter.words.ratings import RATING_SETTING_PROBLEM
from tests.ratings.conftest import DESK, Clock
from tests.signed_in import head_of_hall
from tests.ui.pad.conftest import ManualTimer
from tests.ui.runners import runner_on


def test_saved_settings_reach_the_pad(
    qtbot: QtBot, controller: PadController, sessions: sessionmaker[Session], demo_cases: dict[str, str]
) -> None:
    form = RatingSettingsForm(runner_on(sessions))
    qtbot.addWidget(form)
    form.load()
    assert form.timeout.value() == 60
    assert form.reasons.toPlainText().splitlines() == list(DEFAULT_LABELS.values())
    form.saved.connect(controller.on_settings_saved)  # as the main window connects them
    form.timeout.setValue(90)
    form.period.setValue(5)
    form.unit.setCurrentIndex(0)  # working days
    form.reasons.setPlainText("排队时间长\n\n材料要求不清楚\n其他\n")
    form.idle_text.setPlainText("今日16:00后暂停受理不动产登记")
    with qtbot.waitSignal(form.saved) as saved:
        QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == [RatingSettings(90, ("排队时间长", "材料要求不清楚", "其他"), "今日16:00后暂停受理不动产登记",
                                         TimeLimit(5, TimeUnit.WORKING_DAY))]  # fmt: skip
    assert form.message.text() == RATING_SETTINGS_SAVED
    assert controller.pad.page() is PadPage.IDLE
    assert controller.pad.notice.text() == "今日16:00后暂停受理不动产登记"
    controller.send_case(demo_cases["受理"])
    case = controller.pad.case
    assert case is not None
    assert case.reasons == ("服务效率", "服务水平", "服务态度", "排队时间长", "材料要求不清楚", "其他")
    assert case.timeout_seconds == 90
    assert tuple(b.text() for b in controller.pad.reason_buttons) == case.reasons


def test_every_problem_is_listed_and_nothing_is_saved(qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    form = RatingSettingsForm(runner_on(sessions))
    qtbot.addWidget(form)
    form.load()
    form.reasons.setPlainText("\n".join([*"一二三四五六七八", "其他", "办理时间实在是太长太长了"]))
    with qtbot.assertNotEmitted(form.saved):
        QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    lines = form.message.text().splitlines()
    assert lines == [
        RATING_SETTING_PROBLEM["too_many_reasons"].format(key="", detail="10"),
        RATING_SETTING_PROBLEM["reason_too_long"].format(key="", detail="办理时间实在是太长太长了"),
    ]
    again = RatingSettingsForm(runner_on(sessions))
    qtbot.addWidget(again)
    again.load()
    assert again.reasons.toPlainText().splitlines() == list(DEFAULT_LABELS.values())


def test_the_supervisor_window_opens_on_current_data(
    qtbot: QtBot, sessions: sessionmaker[Session], clock: Clock
) -> None:
    window = SupervisorWindow(runner_on(sessions), "宝音", clock=clock, desk=head_of_hall(sessions))
    qtbot.addWidget(window)
    window.refresh()
    assert [window.tabText(i) for i in range(window.count())] == [
        "差评整改", "事项督办", "好差评统计", "即办件与承诺时限", "短信告知", "评价设置", "受理设置", "单位信息",
        "待核指南", "本机评价器", "帮您办", "本窗口", "平台上报",
    ]  # fmt: skip
    assert window.rectifications.table.isHidden()  # no bad rating yet
    total = [window.figures.table.item(1, c) for c in (0, 1, 2, 10)]
    # the demo's six services this month, none sent to the pad yet
    assert [item.text() if item else None for item in total] == ["合计", "6", "0", "100.0%"]
    assert window.settings.timeout.value() == 60
    promise = window.promise.table
    last = promise.rowCount() - 1
    cells = [item.text() if (item := promise.item(last, c)) else "" for c in range(promise.columnCount())]
    # the demo's four accepted 小餐馆 cases: none of their items decided on the day they were taken, so none 即办
    # (whatever the catalog promises); cuts 5→0, 3→1, 10→3, 20→3 average 80.4 %
    assert cells == ["合计", "4", "0.0%", "0.0%", "80.4%", "0"]


def test_this_computers_pad_setting_is_saved_for_the_desk_and_moves_the_pad_at_once(
    qtbot: QtBot, sessions: sessionmaker[Session], clock: Clock
) -> None:
    window = SupervisorWindow(runner_on(sessions), "宝音", clock=clock)
    qtbot.addWidget(window)
    pad = PadController(runner_on(sessions), DESK, clock=clock, timer_factory=ManualTimer)
    qtbot.addWidget(pad.pad)
    qtbot.addWidget(pad.strip)
    pad.start()
    window.desk_pad.saved.connect(pad.apply)  # as the desk window wires them
    window.refresh()
    form = window.desk_pad
    assert form.mode.currentData() == PadMode.AUTO
    assert not form.keyboard.isChecked()
    assert not pad.strip.isVisible()
    form.mode.setCurrentIndex(form.mode.findData(PadMode.STRIP))
    form.keyboard.setChecked(True)
    with qtbot.waitSignal(form.saved) as saved:
        QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == [PadMode.STRIP, True, "zh", False]
    assert form.message.text() == DESK_PAD_SAVED
    assert json.loads(config_path().read_text(encoding="utf-8")) == {"pad_mode": "strip", "pad_keyboard": "yes"}
    assert pad.strip.isVisible()
    assert pad.pad.keyboard


def test_the_mode_and_a_default_rating_are_kept_and_a_default_needs_its_rule(
    qtbot: QtBot, sessions: sessionmaker[Session]
) -> None:
    form = RatingSettingsForm(runner_on(sessions))
    qtbot.addWidget(form)
    form.load()
    assert form.default_days.text() == "不启用"  # off unless the site's own rule says so
    form.mode.setCurrentIndex(1)  # the region's page
    form.default_days.setValue(7)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.message.text() == RATING_SETTING_PROBLEM["default_basis_required"]
    form.default_basis.setText("广东省政务服务“好差评”管理办法")
    with qtbot.waitSignal(form.saved) as saved:
        QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    kept = saved.args[0]
    assert (kept.mode, kept.default_rule) == (RatingMode.REGION_PAGE, DefaultRule(7, "广东省政务服务“好差评”管理办法"))
    again = RatingSettingsForm(runner_on(sessions))
    qtbot.addWidget(again)
    again.load()
    assert again.settings() == kept  # a save from the form keeps what it did not show before


def test_a_supervisor_whose_role_was_taken_away_meanwhile_is_refused_in_words_and_nothing_is_saved(
    qtbot: QtBot, sessions: sessionmaker[Session]
) -> None:
    """The form was opened by the supervisor; the administrator then took the role away: the save is asked of the
    account as it is now, refused with whose step it is, and the pad's settings stay as they were."""
    from sqlalchemy import update

    from counter.access.not_permitted import NotPermitted
    from counter.access.roles import Permission
    from counter.db import models
    from counter.words.access import refused_for

    supervisor = head_of_hall(sessions)
    form = RatingSettingsForm(runner_on(sessions), supervisor)
    qtbot.addWidget(form)
    form.load()
    with sessions.begin() as s:
        s.execute(update(models.Account).where(models.Account.login == supervisor.actor.login).values(roles="clerk"))
    form.timeout.setValue(90)
    with qtbot.assertNotEmitted(form.saved):
        QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.message.text() == refused_for(NotPermitted(Permission.CHANGE_SETTINGS, signed_in=True))
    again = RatingSettingsForm(runner_on(sessions))
    qtbot.addWidget(again)
    again.load()
    assert again.timeout.value() == 60
