"""The F8 即办 page names what it counts beside the league's target: an item decided on the day it was taken, not
the catalog's promise of 0 days (seed 000, 兴署办发〔2021〕8号 一网办 附件 第 2 项)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from counter.ui.door.runner import Runner
from counter.ui.pad.promise_page import PromisePage


def test_the_page_gives_its_definition_beside_the_target(qtbot: QtBot, runner: Runner) -> None:
    page = PromisePage(runner, clock=lambda: dt.datetime(2026, 11, 20, 10, 0).astimezone())
    qtbot.addWidget(page)
    notes = [label.text() for label in page.findChildren(QLabel) if label.property("role") == "note"]
    (note,) = notes
    target = note.index("即办件占比达到 20.0%")
    definition = note.index("即办件按实际办理计：受理当日即作出决定（准予或不予批准）的事项办件")
    assert target < definition < note.index("\n")  # beside the target, in the same sentence group
    assert "不按目录承诺的 0 天计" in note
    assert "整件即办占比 = 受理当日当场办结、所申请的每个事项均已作出决定的办件 ÷ 受理件数" in note
