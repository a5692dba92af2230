"""Qt's own dialogs speak Chinese: the buttons Qt draws itself (确定, 取消, 打开 …), not only the app's words."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from counter.ui.start.qt_language import install_qt_language, qt_catalogue_name


@pytest.fixture
def chinese_qt(qapp: QApplication) -> Iterator[QTranslator]:
    translator = install_qt_language(qapp)
    assert translator is not None, "PySide6 ships qtbase_zh_CN.qm"
    yield translator
    qapp.removeTranslator(translator)


def test_the_source_language_uses_qts_simplified_chinese_catalogue() -> None:
    assert qt_catalogue_name("zh_CN") == "zh_CN"
    assert qt_catalogue_name("zh") == "zh_CN"
    assert qt_catalogue_name("en") == "en"


def test_a_message_box_says_ok_and_cancel_in_chinese(qtbot: QtBot, chinese_qt: QTranslator) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "标题", "确认删除？")
    box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Ok).text() == "确定"
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "取消"


def test_a_button_box_says_ok_cancel_save_close_in_chinese(qtbot: QtBot, chinese_qt: QTranslator) -> None:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Save
        | QDialogButtonBox.StandardButton.Close
    )
    qtbot.addWidget(buttons)
    said = {b.text().replace("&", "") for b in buttons.buttons()}
    assert {"确定", "取消"} <= said
    assert all(not text.isascii() for text in said), said


def test_the_file_dialog_of_save_as_pdf_is_chinese(qtbot: QtBot, chinese_qt: QTranslator) -> None:
    dialog = QFileDialog(None, "另存为 PDF")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own dialog, the one offscreen can show
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    texts = {b.text().replace("&", "") for b in dialog.findChildren(QPushButton) if b.text()}
    assert "取消" in texts
    assert all(not text.isascii() for text in texts), texts


def test_a_language_qt_has_no_catalogue_for_is_not_fatal(qapp: QApplication) -> None:
    assert install_qt_language(qapp, "xx") is None


def test_the_print_dialog_is_chinese(qtbot: QtBot, chinese_qt: QTranslator) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter()
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    texts = {b.text().replace("&", "") for b in dialog.findChildren(QPushButton) if b.text()}
    assert {"打印(P)", "取消"} <= texts
    assert all(not text.isascii() for text in texts), texts
