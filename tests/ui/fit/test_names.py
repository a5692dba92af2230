"""Every control of the windows a clerk works in has a name a screen reader can say.

Qt names a button by its text and a field by the label a form puts beside it; whatever has neither (an icon, a field
without a label, a list, a table) is named by hand.  The windows are the desk's own, opened as the desk opens them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from counter.actions.site.store import Store
from counter.ui.mainwindow.main_window import MainWindow
from counter.ui.mainwindow.text_size_dialog import TextSizeDialog
from tests.ui.cases.casebook import Casebook
from tests.ui.fit.desk import WINDOWS, settle
from tests.ui.fit.names import accessible_name, ambiguous, unnamed
from tests.ui.fit.sign_in import SIGN_IN_WINDOWS

#: the windows a clerk works in all day
WORKING = ("main", "main-guide", "main-notices", "intake", "intake-filled", "intake-received", "case-page",
           "case-page-deciding", "case-page-item-step", "pad-panel-rating", "pad-panel-reasons")  # fmt: skip


@pytest.mark.parametrize("name", WORKING)
def test_every_control_has_a_name(name: str, desk: MainWindow, casebook_template: tuple[Path, Casebook]) -> None:
    window = WINDOWS[name](desk, casebook_template[1])
    settle()
    missing = unnamed(window)
    assert not missing, "\n".join(missing)


#: the windows whose controls a screen reader's user tells apart by name alone: the rows of materials, items and reasons
TOLD_APART = (
    "main",
    "intake",
    "intake-filled",
    "intake-received",
    "case-page",
    "pad-panel-rating",
    "pad-panel-reasons",
)


@pytest.mark.parametrize("name", TOLD_APART)
def test_no_two_controls_share_a_name(name: str, desk: MainWindow, casebook_template: tuple[Path, Casebook]) -> None:
    """已收取：食品经营许可申请书, not 已收取 on every row: each control is named with what it acts on."""
    window = WINDOWS[name](desk, casebook_template[1])
    settle()
    shared = ambiguous(window)
    assert not shared, "\n".join(shared)


@pytest.mark.parametrize("name", list(SIGN_IN_WINDOWS))
def test_every_control_of_the_sign_in_has_a_name(name: str, desk: MainWindow, store: Store, qtbot: QtBot) -> None:
    window = SIGN_IN_WINDOWS[name](desk, store)
    qtbot.addWidget(window)
    settle()
    missing = unnamed(window)
    assert not missing, "\n".join(missing)


def test_the_text_size_choices_have_names(qtbot: QtBot) -> None:
    dialog = TextSizeDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed(dialog) == []
    assert [accessible_name(choice) for choice in dialog.choices.values()] == [
        "标准（100%）",
        "较大（125%）",
        "最大（150%）",
    ]
