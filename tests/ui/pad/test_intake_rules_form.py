"""受理设置: a supervisor sets the 容缺 margin and the 补正 period in the window; a clerk does not see the page."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.actions.cases.intake_settings import CORRECTION_PERIOD_KEY, DEFERRAL_MARGIN_KEY, intake_rules
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.intake.rules import IntakeRules
from counter.ui.pad.intake_rules_form import IntakeRulesForm
from counter.ui.pad.supervisor_window import SupervisorWindow
from counter.ui.pad.words import INTAKE_RULES_SAVED, INTAKE_RULES_TAB
from tests.ratings.conftest import Clock
from tests.ui.runners import runner_on


def test_the_supervisor_sets_the_intake_rules_and_the_change_is_audited(
    qtbot: QtBot, sessions: sessionmaker[Session], clock: Clock
) -> None:
    window = SupervisorWindow(runner_on(sessions), "宝音", clock=clock)
    qtbot.addWidget(window)
    window.refresh()
    tabs = [window.tabText(i) for i in range(window.count())]
    window.setCurrentIndex(tabs.index(INTAKE_RULES_TAB))
    form = window.intake_rules
    assert window.currentWidget() is form
    assert (form.margin.value(), form.period.value()) == (2, 15)  # the defaults until set
    assert (form.margin.minimum(), form.margin.maximum()) == (0, 10)
    assert (form.period.minimum(), form.period.maximum()) == (1, 60)
    form.margin.setValue(4)
    form.period.setValue(20)
    with qtbot.waitSignal(form.saved) as saved:
        QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == [IntakeRules(4, 20)]
    assert form.message.text() == INTAKE_RULES_SAVED
    with sessions() as s:
        assert intake_rules(s) == IntakeRules(4, 20)
        changes = s.execute(
            select(models.AuditEntry.subject, models.AuditEntry.detail).where(
                models.AuditEntry.subject.in_((DEFERRAL_MARGIN_KEY, CORRECTION_PERIOD_KEY))
            )
        ).all()
    assert sorted((subject, json.loads(detail)["to"]) for subject, detail in changes) == [
        (CORRECTION_PERIOD_KEY, "20"),
        (DEFERRAL_MARGIN_KEY, "4"),
    ]
    again = IntakeRulesForm(runner_on(sessions))
    qtbot.addWidget(again)
    again.load()
    assert (again.margin.value(), again.period.value()) == (4, 20)


def test_a_clerk_has_no_intake_rules_page(qtbot: QtBot, sessions: sessionmaker[Session], clock: Clock) -> None:
    clerk = Desk(DeskIdentity("XAM01", "8"), "乌兰", Actor("wulan", "乌兰", frozenset({Role.CLERK})))
    window = SupervisorWindow(runner_on(sessions), "乌兰", clock=clock, desk=clerk)
    qtbot.addWidget(window)
    assert INTAKE_RULES_TAB not in [window.tabText(i) for i in range(window.count())]


def test_rules_saved_by_a_supervisor_no_longer_one_are_refused_in_words_and_kept_as_they_were(
    qtbot: QtBot, sessions: sessionmaker[Session]
) -> None:
    """The administrator took the role away while the page was open: the 容缺 margin and the 补正 period stay as
    they were, and the page says whose step it is."""
    from sqlalchemy import update

    from counter.access.not_permitted import NotPermitted
    from counter.access.roles import Permission
    from counter.words.access import refused_for
    from tests.signed_in import head_of_hall

    supervisor = head_of_hall(sessions)
    form = IntakeRulesForm(runner_on(sessions), supervisor)
    qtbot.addWidget(form)
    form.load()
    with sessions.begin() as s:
        s.execute(update(models.Account).where(models.Account.login == supervisor.actor.login).values(roles="clerk"))
    form.margin.setValue(4)
    with qtbot.assertNotEmitted(form.saved):
        QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.message.text() == refused_for(NotPermitted(Permission.CHANGE_SETTINGS, signed_in=True))
    with sessions() as s:
        assert intake_rules(s) == IntakeRules(2, 15)
