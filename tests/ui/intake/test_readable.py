"""Every word of the intake a clerk must read stands at 4.5:1 or more against what is behind it, and every control
is a target of 24 by 24 pixels or more (WCAG 2.2, 1.4.3 and 2.5.8), measured on the panel as drawn: the key hints,
the status line, the reason the commit waits (beside its greyed button, which says only its act), 容缺's conditions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from counter.ui.intake import IntakePanel
from counter.ui.intake.words import INTAKE_COMMIT_DEFERRAL_OPEN, INTAKE_COMMIT_KEYS, INTAKE_COMMIT_RECEIVED
from tests.ui.intake.helpers import commit, press, ready, refuse
from tests.ui.look.readable import TARGET, TEXT_CONTRAST, readings, small_targets


def unreadable(panel: IntakePanel) -> list[str]:
    """The enabled widgets whose words read at under 4.5:1, each with its colours."""
    return [str(r) for r in readings(panel) if r.widget.isEnabled() and r.ratio < TEXT_CONTRAST]


def test_a_fresh_intake_reads_at_four_and_a_half_to_one_and_every_target_is_24_pixels(panel: IntakePanel) -> None:
    shown = readings(panel)
    assert len(shown) > 50  # the labels, the options, every row's buttons
    keys = [r for r in shown if r.widget.property("role") == "keys"]
    assert keys  # 选中一行：1 已收取 …, the line that teaches the row keys
    assert (unreadable(panel), small_targets(panel)) == ([], [])  # 容缺's conditions too, greyed until asked for


def test_why_the_commit_waits_is_said_beside_it_in_a_readable_colour(qtbot: QtBot, panel: IntakePanel) -> None:
    ready(qtbot, panel)
    press(qtbot, panel, "M08", Qt.Key.Key_6)  # 容缺 asked for, its conditions not yet confirmed
    assert not panel.commit_button.isEnabled()
    # the greyed button names its act only: its grey (1.48:1) carries no instruction
    assert panel.commit_button.text() == INTAKE_COMMIT_KEYS.format(action=INTAKE_COMMIT_RECEIVED)  # the site receives
    (reason,) = [r for r in readings(panel) if r.widget is panel.commit_reason]
    assert reason.text == INTAKE_COMMIT_DEFERRAL_OPEN
    assert reason.ratio >= TEXT_CONTRAST, reason
    assert panel.commit_button.accessibleDescription() == INTAKE_COMMIT_DEFERRAL_OPEN  # said with the button too
    assert unreadable(panel) == []
    assert small_targets(panel) == []
    assert min(panel.deferral.no_bad_credit.height(), panel.deferral.pledge_signed.height()) >= TARGET


def test_a_refusal_reads_and_its_grounds_are_targets(qtbot: QtBot, refusing_panel: IntakePanel) -> None:
    panel = refusing_panel
    ready(qtbot, panel)
    refuse(panel)
    assert (unreadable(panel), small_targets(panel)) == ([], [])
    QTest.mouseClick(panel.commit_button, Qt.MouseButton.LeftButton)  # the notice's words, to confirm
    confirmation = panel.confirmation
    assert confirmation is not None
    qtbot.waitUntil(confirmation.isVisible)
    shown = readings(confirmation)
    assert any("Esc" in r.text for r in shown)  # its keys: 回车 confirms, Esc goes back
    assert [str(r) for r in shown if r.widget.isEnabled() and r.ratio < TEXT_CONTRAST] == []
    assert small_targets(confirmation) == []
    confirmation.reject()


def test_a_taken_case_reads_and_its_print_button_is_a_target(qtbot: QtBot, panel: IntakePanel) -> None:
    """The case number, the print button, 关闭: read at 4.5:1 (the form above them is greyed, no longer to act on)."""
    ready(qtbot, panel)
    case_no = commit(qtbot, panel)
    shown = readings(panel)
    (number,) = [r for r in shown if r.text == case_no]
    assert number.ratio >= TEXT_CONTRAST, number
    assert (unreadable(panel), small_targets(panel)) == ([], [])
