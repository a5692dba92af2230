"""The 告知承诺 section as a clerk reads it, from the screenshots of its steps: a period beside a button says what it
is, the confirmation's buttons keep their size, and the section says what was done after a promise found false (the
correction's last day once served, the 复查, the hearing and its period) in one clean sentence; the row offers the
next step of the law's order only."""

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
from counter.words.pledges import PLEDGE_CORRECT_WITHIN_LABEL, PLEDGE_HEAR_WITHIN_LABEL, PLEDGE_SERVE_WHICH
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
    correct_days=3,
    correction_served=dt.date(2026, 11, 15),
    correction_doc_no="XAM01-261115-P-010001",
)
#: the 复查 after the correction's period: not corrected; the hearing is next
RECHECKED = dataclasses.replace(FOUND_FALSE, recheck="not_corrected", rechecked_on=dt.date(2026, 11, 19))


def offer(row: PledgeRow) -> PledgeOffer:
    return PledgeOffer(FIRE.code, row, FIRE.department, None)


def test_a_promise_found_false_reads_as_one_sentence_with_its_correction_and_hearing() -> None:
    text = _state_text(FIRE, offer(FOUND_FALSE))
    assert "不符；撤销前" in text  # the finding's own full stop not doubled by the sentence going on: "。；"
    assert "。；" not in text
    assert text.endswith("改正期限 2026-11-18。")
    unserved = dataclasses.replace(FOUND_FALSE, correct_by=None, correction_served=None)
    assert _state_text(FIRE, offer(unserved)).endswith("责令限期改正通知书尚未记录送达，改正期限自送达之日起计算。")
    heard = dataclasses.replace(RECHECKED, heard_on=dt.date(2026, 11, 19), hearing_doc_no="XAM01-261119-P-010001")
    assert _state_text(FIRE, offer(heard)).endswith(
        "2026-11-19 复查：期满未改正。已于 2026-11-19 告知陈述、申辩的权利；告知书尚未记录送达，期限自送达之日起计算。"
    )
    served = dataclasses.replace(heard, hearing_served=dt.date(2026, 11, 20), hear_by=dt.date(2026, 11, 24))
    assert _state_text(FIRE, offer(served)).endswith("已于 2026-11-19 告知陈述、申辩的权利，期限 2026-11-24。")


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


def test_the_correction_period_is_named_beside_it(bar: PledgeBar) -> None:
    bar.on_act(PledgeAct.FALSE)
    assert bar.correct_within.isVisible()
    assert bar.correct_within.value() == 5  # the floor where the item sets none: the body may give more
    assert bar.correct_within_label.isVisible()
    assert bar.correct_within_label.text() == PLEDGE_CORRECT_WITHIN_LABEL
    assert bar.correct_within_label.geometry().right() < bar.correct_within.geometry().left()
    bar.close_question()
    bar.on_act(PledgeAct.KEPT)
    assert not bar.correct_within_label.isVisible()


def test_the_row_offers_the_next_step_with_what_it_asks(qtbot: QtBot, runner: Runner) -> None:
    """The order's service first (which paper named), then the 复查, then the hearing with its period named beside
    it; the papers made so far beside each."""
    steps = FalsePromiseSteps(runner, BRIGADE, lambda: TODAY)
    qtbot.addWidget(steps)
    steps.resize(1200, 60)
    unserved = dataclasses.replace(FOUND_FALSE, correct_by=None, correction_served=None)
    steps.show_for(FOUND_FALSE.case_no, FIRE, offer(unserved))
    qtbot.waitExposed(steps)
    shown = [s for s, b in steps.buttons.items() if b.isVisible()]
    assert shown == [FalseStep.SERVE, FalseStep.CORRECTION_PAPER]
    assert steps.serve_label.text() == PLEDGE_SERVE_WHICH["correction"]
    assert steps.serve_proof.isVisible()
    assert not steps.hear_within.isVisible()
    steps.show_for(FOUND_FALSE.case_no, FIRE, offer(FOUND_FALSE))  # served: the 复查 is next
    assert [s for s, b in steps.buttons.items() if b.isVisible()] == [FalseStep.RECHECK, FalseStep.CORRECTION_PAPER]
    assert steps.recheck_finding.isVisible()
    assert not steps.serve_proof.isVisible()
    steps.show_for(FOUND_FALSE.case_no, FIRE, offer(RECHECKED))  # not corrected: the hearing
    assert steps.buttons[FalseStep.HEAR].isVisible()
    assert steps.hear_within_label.isVisible()
    assert steps.hear_within_label.text() == PLEDGE_HEAR_WITHIN_LABEL
    assert steps.hear_within_label.geometry().right() < steps.hear_within.geometry().left()
    corrected = dataclasses.replace(RECHECKED, recheck="corrected")
    steps.show_for(FOUND_FALSE.case_no, FIRE, offer(corrected))  # the licence stands: nothing to hear
    assert [s for s, b in steps.buttons.items() if b.isVisible()] == [FalseStep.CORRECTION_PAPER]
    assert not steps.hear_within.isVisible()


def test_the_grants_result_is_asked_a_field_a_line_with_the_number_at_full_width(bar: PledgeBar) -> None:
    """On one line with the 有效期限 the number was squeezed to a few characters at 1024×768 and 150 per cent: laid
    out as on the 准予 form, it keeps the section's width; a check asks no result."""
    bar.resize(640, 300)
    bar.item = dataclasses.replace(FIRE, licence=True)
    bar.on_act(PledgeAct.GRANT)
    labels = (bar.result_no_label, bar.validity_label, bar.valid_until_label)
    fields = (bar.result_no, bar.validity_fields.choice, bar.validity_fields.until)
    for label, field in zip(labels, fields, strict=True):
        assert field.isVisible()
        assert label.geometry().right() < field.geometry().left()
        assert abs(label.geometry().center().y() - field.geometry().center().y()) <= 4  # beside its field
    assert bar.result_no.width() > bar.width() // 2
    assert bar.validity_fields.choice.geometry().top() > bar.result_no.geometry().bottom()
    bar.close_question()
    bar.item = FIRE  # no 行政许可: no 有效期限 asked
    bar.on_act(PledgeAct.GRANT)
    assert bar.result_no.isVisible()
    assert not bar.validity_fields.choice.isVisible()
    bar.close_question()
    bar.on_act(PledgeAct.KEPT)
    assert not bar.result_no.isVisible()
