"""The 告知承诺 section as a clerk reads it, from the screenshots of its steps: a day beside a button says what day
it is, the confirmation's buttons keep their size, and the section says what was done after a promise found false
(the correction's last day, the hearing and its period) in one clean sentence."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from counter.access.pledge_offers import PledgeOffer, PledgeRow
from counter.access.roles import Actor, Role
from counter.documents.case_page import ItemLine
from counter.ui.cases.pledge_bar import PledgeAct, PledgeBar, _state_text
from counter.ui.cases.pledge_false_steps import FalsePromiseSteps, FalseStep
from counter.ui.door.runner import Runner
from counter.words.pledges import PLEDGE_CORRECT_BY_LABEL, PLEDGE_HEAR_BY_LABEL
from tests.ui.cases.casebook import DESK_1

TODAY = dt.date(2026, 11, 27)
FIRE = ItemLine("YJS035-05", "公众聚集场所投入使用、营业前消防安全检查", "乌兰浩特市消防救援大队")
BRIGADE = dataclasses.replace(DESK_1, actor=Actor("xiaofang01", "韩冬", frozenset({Role.DEPARTMENT})))
FOUND_FALSE = PledgeRow(
    case_no="XAM01-20261111-01-0004",
    applicant_name="苏和",
    item_code=FIRE.code,
    item_name=FIRE.name,
    department=FIRE.department,
    granted_on=dt.date(2026, 11, 11),
    check_due=dt.date(2026, 12, 9),
    checked_on=dt.date(2026, 11, 15),
    kept=False,
    finding="核查发现场所二层疏散通道被封堵，与承诺内容不符。",  # as typed: a full stop at its end
    correct_by=dt.date(2026, 11, 18),
)


def offer(row: PledgeRow) -> PledgeOffer:
    return PledgeOffer(FIRE.code, row, FIRE.department, None)


def test_a_promise_found_false_reads_as_one_sentence_with_its_correction_and_hearing() -> None:
    text = _state_text(FIRE, offer(FOUND_FALSE))
    assert "不符；撤销前" in text  # the finding's own full stop not doubled by the sentence going on: "。；"
    assert "。；" not in text
    assert text.endswith("改正期限 2026-11-18。")
    heard = dataclasses.replace(FOUND_FALSE, heard_on=dt.date(2026, 11, 19), hear_by=dt.date(2026, 11, 24))
    assert _state_text(FIRE, offer(heard)).endswith("已于 2026-11-19 告知陈述、申辩的权利，期限 2026-11-24。")


@pytest.fixture
def bar(qtbot: QtBot, runner: Runner) -> PledgeBar:
    section = PledgeBar(runner, BRIGADE, lambda: TODAY)
    qtbot.addWidget(section)
    section.item = FIRE
    section.resize(1000, 300)
    section.show()
    qtbot.waitExposed(section)
    return section


def test_the_confirmation_buttons_keep_their_size_where_no_finding_is_asked(bar: PledgeBar) -> None:
    """Asked to grant, the row had only 确认 and 取消: each was stretched to half the section's width."""
    bar.on_act(PledgeAct.GRANT)
    for button in (bar.confirm_button, bar.cancel_button):
        assert button.isVisible()
        assert button.width() <= button.sizeHint().width() + 8, (button.text(), button.width())
    assert bar.cancel_button.geometry().right() >= bar.asking.width() - 12  # at the right, as on every form


def test_the_correction_day_is_named_beside_it(bar: PledgeBar) -> None:
    bar.on_act(PledgeAct.FALSE)
    assert bar.correct_by.isVisible()
    assert bar.correct_by_label.isVisible()
    assert bar.correct_by_label.text() == PLEDGE_CORRECT_BY_LABEL
    assert bar.correct_by_label.geometry().right() < bar.correct_by.geometry().left()
    bar.close_question()
    bar.on_act(PledgeAct.KEPT)
    assert not bar.correct_by_label.isVisible()


def test_the_hearing_day_is_named_beside_it(qtbot: QtBot, runner: Runner) -> None:
    steps = FalsePromiseSteps(runner, BRIGADE, lambda: TODAY)
    qtbot.addWidget(steps)
    steps.show_for(FOUND_FALSE.case_no, FIRE, offer(FOUND_FALSE))  # the correction's period has run out
    steps.resize(1000, 60)
    qtbot.waitExposed(steps)
    assert steps.buttons[FalseStep.HEAR].isVisible()
    assert steps.hear_by_label.isVisible()
    assert steps.hear_by_label.text() == PLEDGE_HEAR_BY_LABEL
    assert steps.hear_by_label.geometry().right() < steps.hear_by.geometry().left()
    open_still = dataclasses.replace(FOUND_FALSE, correct_by=TODAY + dt.timedelta(days=3))
    steps.show_for(FOUND_FALSE.case_no, FIRE, offer(open_still))  # nothing to hear yet: no day asked
    assert not steps.hear_by.isVisible()
    assert not steps.hear_by_label.isVisible()
