"""The Mongolian pad writes Mongolian as it is written: its question, hint, reasons and thanks in vertical columns,
no Chinese-only text on its faces, reasons and thanks pages, and its text larger at 150 % than at 100 %."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from counter.ratings.levels import Level
from counter.ui.look.text_size import set_text_percent
from counter.ui.pad.pad_script import mongolian
from counter.ui.pad.pad_window import PadPage, PadWindow
from counter.ui.pad.text_fit import page_fits
from counter.ui.pad.vertical_text import VerticalText
from tests.ui.pad.conftest import ManualTimer
from tests.ui.pad.pictures import CASE, IDLE

SCREENS = [(800, 480), (1024, 768), (1366, 768)]
PAGES = (PadPage.RATING, PadPage.REASONS, PadPage.THANKS)  # the pages of a service on the pad
HINGGAN = "ᠬᠢᠩᠭᠠᠨ ᠠᠶᠢᠮᠠᠭ"  # Hinggan aimag: a sample of an office's name in Mongolian script


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


def on_page(
    qtbot: QtBot, page: PadPage, percent: int = 100, size: tuple[int, int] = (800, 480), *, keep: bool = False
) -> PadWindow:
    """A Mongolian pad on ``page``, reached as the applicant reaches it: the faces, 非常不满意, a reason and 提交."""
    set_text_percent(percent)
    try:
        pad = PadWindow(ManualTimer, language="mn")
        qtbot.addWidget(pad)
        pad.resize(*size)
        pad.show()
        if page is PadPage.IDLE:  # the office named in both scripts, the default notice in Mongolian columns
            pad.show_idle(dataclasses.replace(IDLE, notice="", office_mn=HINGGAN))
        else:
            pad.show_case(CASE)
        if page not in (PadPage.RATING, PadPage.IDLE):
            pad.on_face_clicked(Level.VERY_DISSATISFIED)
        if page is PadPage.THANKS:
            with qtbot.waitSignal(pad.choice_made):
                pad.reason_buttons[0].click()
                pad.submit_button.click()
            pad.show_thanks(bad=True)
        qtbot.waitUntil(lambda: pad.page() is page and current(pad).isVisible())
    finally:
        if not keep:  # kept: the caller measures at the size, then sets 100 again
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


def measured(qtbot: QtBot, page: PadPage, percent: int, size: tuple[int, int]) -> tuple[float, int, bool]:
    """The page's text size, its columns' largest font and whether it fits, taken while the desk's size is set."""
    pad = on_page(qtbot, page, percent, size, keep=True)
    try:
        shown = current(pad)
        font = max(c.font().pixelSize() for c in shown.findChildren(VerticalText) if c.isVisible())
        return pad.page_text_size(page), font, page_fits(shown, pad.pages.size())
    finally:
        set_text_percent(100)


#: pages whose Mongolian fills the room at the 100 % size already: the faces' page of a whole 1366×768 screen, whose
#: faces take the height larger text would need and are kept at their 100 % size first; and the reasons on an 800×480
#: pad, whose buttons' columns, each word whole, take the page's height at 100 %
FULL_AT_100 = {(PadPage.RATING, (1366, 768)), (PadPage.REASONS, (800, 480))}


@pytest.mark.parametrize(("page", "size"), [(page, size) for page in (PadPage.IDLE, *PAGES) for size in SCREENS])
def test_the_mongolian_text_grows_at_150_and_fits(
    qtbot: QtBot, pad_font: str | None, page: PadPage, size: tuple[int, int]
) -> None:
    size_100, font_100, fits_100 = measured(qtbot, page, 100, size)
    size_150, font_150, fits_150 = measured(qtbot, page, 150, size)
    if (page, size) in FULL_AT_100:
        assert size_150 >= size_100  # never smaller for a larger desk size
    else:
        assert size_150 > size_100
        assert font_150 > font_100
    assert fits_100
    assert fits_150  # nothing clipped


def cut_words(column: VerticalText) -> list[str]:
    """The columns of ``column`` that end inside a word: between two of its letters (or a letter and the controls
    that join a word: the vowel separator U+180E, the free variation selectors, the narrow no-break space U+202F
    before a suffix), rather than at a space, a line break or punctuation."""
    joining = {"\u180b", "\u180c", "\u180d", "\u180e", "\u180f", "\u202f", "\u200c", "\u200d"}

    def inside(char: str) -> bool:
        return char.isalpha() or char in joining

    text, at, cut = column.text(), 0, []
    for run in column.columns():
        end = text.index(run.text, at) + len(run.text)
        if end < len(text) and inside(text[end - 1]) and inside(text[end]):
            cut.append(run.text)
        at = end
    return cut


@pytest.mark.parametrize("percent", [100, 150])
@pytest.mark.parametrize("size", SCREENS)
@pytest.mark.parametrize("page", [PadPage.RATING, PadPage.REASONS, PadPage.THANKS])
def test_no_mongolian_word_is_cut_between_two_columns(
    qtbot: QtBot, pad_font: str | None, page: PadPage, size: tuple[int, int], percent: int
) -> None:
    """A column ends only between words: a Mongolian word cut in two takes its letters' final and initial forms at
    the cut, and reads as two other words (the faces' question stood one letter to a column on a 1366×768 pad)."""
    pad = on_page(qtbot, page, percent, size, keep=True)
    try:
        columns = [c for c in current(pad).findChildren(VerticalText) if c.isVisible()]
        assert columns
        assert {c.text(): cut_words(c) for c in columns} == {c.text(): [] for c in columns}
        assert all(c.fits() for c in columns)  # a column as long as its longest word is given that room
    finally:
        set_text_percent(100)


@pytest.mark.parametrize("percent", [100, 150])
def test_the_idle_notice_in_mongolian_stands_in_columns_and_a_chinese_one_on_a_line(
    qtbot: QtBot, pad_font: str | None, percent: int
) -> None:
    """The idle page's notice is a paragraph the waiting applicant reads: in Mongolian (the pad's own, or a hall's
    written in Mongolian) it stood on its side as one long line; in columns now, each word whole.  The hall's notice
    in Chinese stays on its line."""
    set_text_percent(percent)
    try:
        pad = PadWindow(ManualTimer, language="mn")
        qtbot.addWidget(pad)
        pad.resize(800, 480)
        pad.show()
        pad.update_idle(dataclasses.replace(IDLE, notice=""))  # the pad's own notice, in Mongolian
        page = current(pad)
        columns = [c for c in page.findChildren(VerticalText) if c.isVisibleTo(page)]
        assert [c.property("role") for c in columns] == ["notice"]
        assert mongolian(columns[0].text())
        assert cut_words(columns[0]) == []
        assert not pad.notice.isVisibleTo(page)
        assert page_fits(page, pad.pages.size())
        pad.update_idle(IDLE)  # the hall's, in Chinese
        assert pad.notice.isVisibleTo(page)
        assert pad.notice.text() == IDLE.notice
        assert [c for c in page.findChildren(VerticalText) if c.isVisibleTo(page)] == []
    finally:
        set_text_percent(100)


@pytest.mark.parametrize("percent", [100, 150])
def test_the_region_page_asks_in_columns_beside_its_code(qtbot: QtBot, pad_font: str | None, percent: int) -> None:
    """Where the hall rates on the region's system, the pad's one sentence asks the applicant to scan the code: in
    Mongolian it lay on its side across three lines above the code; its columns stand on the code's left now."""
    set_text_percent(percent)
    try:
        pad = PadWindow(ManualTimer, language="mn")
        qtbot.addWidget(pad)
        pad.resize(800, 480)
        pad.show()
        pad.show_case(dataclasses.replace(CASE, page_address="https://zwfw.nmg.gov.cn/pj?c=XAM01-20261128-08-0001"))
        qtbot.waitUntil(lambda: pad.page() is PadPage.REGION)
        page = current(pad)
        columns = [c for c in page.findChildren(VerticalText) if c.isVisibleTo(page)]
        assert [c.property("role") for c in columns] == ["question"]
        assert mongolian(columns[0].text())
        assert cut_words(columns[0]) == []
        assert not pad.region.question.isVisibleTo(page)
        assert (
            columns[0].mapTo(page, columns[0].rect().topRight()).x()
            < pad.region.qr.mapTo(page, pad.region.qr.rect().topLeft()).x()
        )
        assert page_fits(page, pad.pages.size())
    finally:
        set_text_percent(100)
