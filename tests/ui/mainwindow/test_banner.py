"""The warning bar across the desk window: made with its first message, closed by its own button."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from counter.ui.mainwindow.banner import Banner


def test_the_banner_is_made_with_its_first_message_and_closes_itself(qtbot: QtBot) -> None:
    banner = Banner()
    qtbot.addWidget(banner)
    # most starts have nothing to say: no scroll area, label or button is made for them
    assert banner.findChildren(QWidget) == []
    assert banner.text() == ""
    assert not banner.isVisible()

    banner.show_message("目录文件有问题", ["099.toml：不是有效的 TOML 格式"])
    assert banner.isVisible()
    assert "099.toml" in banner.text()
    banner.close_button.click()
    assert not banner.isVisible()
    banner.show_message("又一条")  # made once: the same label takes the next message
    assert "又一条" in banner.text()
    assert banner.isVisible()
