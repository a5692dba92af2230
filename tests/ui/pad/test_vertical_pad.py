"""The Mongolian pad writes Mongolian as it is written: its question, hint, reasons and thanks in vertical columns,
no Chinese-only text on its faces, reasons and thanks pages, and its text larger at 150 % than at 100 %."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from counter.ratings.levels import Level
from counter.ui.pad.pad_window import PadPage, PadWindow, mongolian
from counter.ui.pad.text_fit import page_fits
from counter.ui.pad.vertical_text import VerticalText
from counter.ui.text_size import set_text_percent
from tests.ui.pad.conftest import ManualTimer
from tests.ui.pad.pictures import CASE

SCREENS = [(800, 480), (1024, 768), (1366, 768)]


def han(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def shown_texts(page: QWidget) -> list[tuple[QWidget, str]]:
    """Every text the page shows: labels, buttons and vertical columns not hidden, with the widget showing each."""
    texts: list[tuple[QWidget, str]] = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(page):
            continue
        if widget.property("role") == "avatar":  # the clerk's photo, or her name's first character in its place
            continue
        if isinstance(widget, QLabel | QAbstractButton | VerticalText) and widget.text():
            texts.append((widget, widget.text()))
    return texts


def current(pad: PadWindow) -> QWidget:
    page = pad.pages.currentWidget()
    assert page is not None
    return page


def on_page(qtbot: QtBot, page: PadPage, percent: int = 100, size: tuple[int, int] = (800, 480)) -> PadWindow:
    """A Mongolian pad on ``page``, reached as the applicant reaches it: the faces, 非常不满意, a reason and 提交."""
    set_text_percent(percent)
    try:
        pad = PadWindow(ManualTimer, language="mn")
        qtbot.addWidget(pad)
        pad.resize(*size)
        pad.show()
        pad.show_case(CASE)
        if page is not PadPage.RATING:
            pad.on_face_clicked(Level.VERY_DISSATISFIED)
        if page is PadPage.THANKS:
            with qtbot.waitSignal(pad.choice_made):
                pad.reason_buttons[0].click()
                pad.submit_button.click()
            pad.show_thanks(bad=True)
        qtbot.waitUntil(lambda: pad.page() is page and current(pad).isVisible())
    finally:
        set_text_percent(100)
    return pad


@pytest.mark.parametrize("page", [PadPage.RATING, PadPage.REASONS, PadPage.THANKS])
def test_the_mongolian_pages_show_no_chinese_only_text(qtbot: QtBot, pad_font: str | None, page: PadPage) -> None:
    pad = on_page(qtbot, page)
    texts = shown_texts(current(pad))
    assert texts
    assert [text for _, text in texts if han(text) and not mongolian(text)] == []


@pytest.mark.parametrize("page", [PadPage.RATING, PadPage.REASONS, PadPage.THANKS])
def test_the_mongolian_pages_set_their_sentences_in_columns(qtbot: QtBot, pad_font: str | None, page: PadPage) -> None:
    """The question, the hint, the reasons' question, every reason and the thanks stand vertically: no label or
    reason button lays its Mongolian on its side (the faces' names and 重新选择/提交 are short words on a line)."""
    pad = on_page(qtbot, page)
    texts = shown_texts(current(pad))
    columns = [widget for widget, text in texts if isinstance(widget, VerticalText) and mongolian(text)]
    assert columns
    sideways = [
        text
        for widget, text in texts
        if mongolian(text) and isinstance(widget, QLabel) and widget.property("role") in ("question", "hint", "thanks")
    ]
    assert sideways == []
    if page is PadPage.REASONS:
        assert all(
            button.text() == "" and (column := button.findChild(VerticalText)) is not None and column.isVisible()
            for button in pad.reason_buttons
        )
    assert all(column.fits() and len(column.columns()) >= 1 for column in columns)


@pytest.mark.parametrize("size", SCREENS)
@pytest.mark.parametrize("page", [PadPage.RATING, PadPage.REASONS, PadPage.THANKS])
def test_the_mongolian_text_grows_at_150_and_fits(
    qtbot: QtBot, pad_font: str | None, page: PadPage, size: tuple[int, int]
) -> None:
    at_100, at_150 = on_page(qtbot, page, 100, size), on_page(qtbot, page, 150, size)
    assert at_150.page_text_size(page) > at_100.page_text_size(page)

    def column_font(pad: PadWindow) -> int:
        return max(c.font().pixelSize() for c in current(pad).findChildren(VerticalText) if c.isVisible())

    assert column_font(at_150) > column_font(at_100)
    for pad in (at_100, at_150):
        assert page_fits(current(pad), pad.pages.size())  # nothing clipped
