"""A guide's forms from the main window: chosen by keyboard, previewed, printed blank or as 示范样表, unrecorded."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from counter.actions.site.store import Store
from counter.db import models
from counter.documents.kinds import DocumentKind
from counter.service.local import InProcess
from counter.ui import words
from counter.ui.mainwindow.main_window import MainWindow
from counter.ui.printing.form_chooser import FormChooser
from counter.ui.printing.preview_window import PreviewWindow
from tests.documents.pdf_tools import pdf_text
from tests.ui.conftest import start_window
from tests.ui.printing.conftest import Queue
from tests.ui.printing.helpers import wait_for_jobs
from tests.ui.printing.test_guide_notice import open_bundle, shown_messages


def _print_record_count(db: Store) -> int:
    with db.sessions()() as session:
        return session.scalar(select(func.count()).select_from(models.PrintRecord)) or 0


def open_chooser(qtbot: QtBot, window: MainWindow) -> FormChooser:
    open_bundle(window, "xcg")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts go to the active window
    QTest.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    chooser = window.desk_actions.papers.form_chooser
    assert isinstance(chooser, FormChooser)
    qtbot.waitUntil(chooser.isActiveWindow)
    return chooser


def test_the_sample_of_a_form_is_chosen_by_keyboard_and_printed(
    qtbot: QtBot, window: MainWindow, db: Store, queue: Queue, tmp_path: Path
) -> None:
    chooser = open_chooser(qtbot, window)
    assert chooser.forms.count() >= 1
    QTest.keyClick(chooser.forms, Qt.Key.Key_End)  # the guide's last form
    form = chooser.forms.item(chooser.forms.count() - 1).text()
    assert chooser.forms.currentItem().text() == form
    records = _print_record_count(db)
    QTest.keyClick(chooser.forms, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # 示范样表（Alt+S）
    preview = window.desk_actions.papers.preview
    assert isinstance(preview, PreviewWindow)
    assert not preview.keeps_record
    [made] = preview.documents
    assert made.kind is DocumentKind.SAMPLE_FORM
    assert preview.title.text() == form  # the name the form heads itself with, as the chooser lists it
    qtbot.waitUntil(preview.isActiveWindow)
    with qtbot.waitSignal(preview.print_finished, timeout=20_000) as finished:
        QTest.keyClick(preview, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert finished.args == [True]
    [job] = wait_for_jobs(queue.folder, 1)
    assert job == made.pdf
    printed = tmp_path / "job.pdf"
    printed.write_bytes(job)
    text = pdf_text(printed)
    assert form in text
    assert "示范样表" in text
    assert _print_record_count(db) == records  # a form has no stored document: its print is counted nowhere


def test_the_blank_is_the_default_choice(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    chooser = open_chooser(qtbot, window)
    first = chooser.forms.item(0).text()
    QTest.keyClick(chooser.forms, Qt.Key.Key_Return)
    preview = window.desk_actions.papers.preview
    assert isinstance(preview, PreviewWindow)
    assert window.findChildren(PreviewWindow) == [preview]  # one Enter, one preview
    [made] = preview.documents
    assert made.kind is DocumentKind.BLANK_FORM
    assert preview.title.text() == first
    paper = tmp_path / "blank.pdf"
    paper.write_bytes(made.pdf)
    text = pdf_text(paper)
    assert first in text
    assert "示范样表" not in text


def _ctrl_shift_p(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts go to the active window
    QTest.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def test_forms_with_no_guide_on_screen_say_to_open_one_first(qtbot: QtBot, window: MainWindow) -> None:
    _ctrl_shift_p(qtbot, window)
    assert window.desk_actions.papers.form_chooser is None
    assert shown_messages(window) == [words.DESK_FORMS_NO_GUIDE]


def test_a_guide_whose_materials_have_no_form_says_so(
    qtbot: QtBot, db: Store, catalog_dir: Path, named_desk: None
) -> None:
    guide = catalog_dir / "008.toml"
    text = guide.read_text(encoding="utf-8")
    text = text.replace('kind = "form"', 'kind = "other"').replace('blank_form = "窗口领取"\n', "")
    guide.write_text(text.replace('sample_form = "窗口张贴样例"\n', ""), encoding="utf-8")  # its one form, a paper
    window = start_window(qtbot, MainWindow(InProcess(db), catalog_dir))
    open_bundle(window, "xcg")
    _ctrl_shift_p(qtbot, window)
    assert window.desk_actions.papers.form_chooser is None
    assert shown_messages(window) == [words.DESK_FORMS_NONE.format(name="我要开小餐馆（50平方米以下）")]


def test_the_forms_asked_again_replace_the_chooser_open(qtbot: QtBot, window: MainWindow) -> None:
    first = open_chooser(qtbot, window)
    _ctrl_shift_p(qtbot, window)
    again = window.desk_actions.papers.form_chooser
    assert isinstance(again, FormChooser)
    assert again is not first
    qtbot.waitUntil(lambda: not shiboken6.isValid(first) or not first.isVisible())
    assert [chooser for chooser in window.findChildren(FormChooser) if chooser.isVisible()] == [again]
