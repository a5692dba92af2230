"""An exception escaping a slot: the clerk reads where the report is, the window stays, numbers are masked."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from counter.host.machine.paths import log_dir
from counter.ui.start import unexpected


def test_the_report_is_saved_masked_and_the_window_goes_on(qtbot: QtBot, counter_home: Path) -> None:
    window = QLabel("受理中")
    qtbot.addWidget(window)
    window.show()
    try:
        raise RuntimeError("row (152201198505050112, '13904821234') could not be read")
    except RuntimeError:
        kind, err, tb = sys.exc_info()
    assert kind is not None
    assert err is not None
    unexpected.on_unexpected(kind, err, tb)
    box = unexpected.unexpected_boxes[-1]
    qtbot.addWidget(box)
    assert box.isVisible()
    assert not box.isModal()
    assert box.text().startswith("程序遇到意外错误，刚才的操作没有完成。已保存错误报告：")
    assert "RuntimeError" not in box.text()  # the report names it, for support; the clerk reads what to do
    assert window.isVisible()
    app = QApplication.instance()
    assert app is not None
    assert app.property("lastUnexpectedError") == box.text()
    (report,) = log_dir().glob("error-*.txt")
    written = report.read_text(encoding="utf-8")
    assert "RuntimeError" in written
    assert "152201198505050112" not in written
    assert "13904821234" not in written
    assert str(report) in box.text()
    box.close()
    assert box not in unexpected.unexpected_boxes


def test_the_hook_is_what_the_desk_installs() -> None:
    before = sys.excepthook
    try:
        unexpected.install()
        assert sys.excepthook is unexpected.on_unexpected
    finally:
        sys.excepthook = before
