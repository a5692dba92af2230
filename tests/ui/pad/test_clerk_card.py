"""The clerk's card on the pad shows the clerk's name whole and the desk at its foot, in both scripts, at every size
of the pad and of the text: measured on the real card as the applicant sees it."""

from __future__ import annotations

import dataclasses
import itertools

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from counter.ui.look.text_size import set_text_percent
from counter.ui.pad.clerk_card import ClerkCard
from counter.ui.pad.pad_window import PadPage, PadWindow
from tests.ui.pad.conftest import ManualTimer
from tests.ui.pad.pictures import CASE, IDLE
from tests.ui.shown_text import as_read

NAME = "阿拉坦其其格·孟和巴雅尔"
#: the pad's panel, and whole screens of 1024×768 and 1366×768 given to it
SIZES = [(800, 480), (1024, 768), (1366, 768)]


def lines(label: QLabel) -> list[tuple[str, float]]:
    """The label's lines as it breaks them at its width now: each line's text and how wide it is drawn."""
    width = label.contentsRect().width() - 2 * label.margin()
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    shown: list[tuple[str, float]] = []
    for paragraph in label.text().split("\n"):
        layout = QTextLayout(paragraph, label.font())
        layout.setTextOption(option)
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            text = paragraph[line.textStart() : line.textStart() + line.textLength()]
            shown.append((as_read(text).strip(), line.naturalTextWidth()))
        layout.endLayout()
    return shown


def whole_on(card: ClerkCard, label: QLabel) -> bool:
    """Whether ``label`` is inside the card, as high as its lines, and none of its lines wider than it."""
    width = label.contentsRect().width() - 2 * label.margin()
    return (
        card.rect().contains(QRect(label.mapTo(card, QPoint(0, 0)), label.size()))
        and label.heightForWidth(label.width()) <= label.height()
        and all(drawn <= width + 0.5 for _, drawn in lines(label))
    )


def name_kept(shown: list[str]) -> bool:
    """Whether the lines show the name whole on one line, or broken only after its dot."""
    if any(NAME in line for line in shown):
        return True
    pairs = itertools.pairwise(shown)
    return any(first.endswith("阿拉坦其其格·") and second.startswith("孟和巴雅尔") for first, second in pairs)


def pad_on(qtbot: QtBot, language: str, size: tuple[int, int], percent: int) -> PadWindow:
    set_text_percent(percent)
    try:
        pad = PadWindow(ManualTimer, language=language)
        qtbot.addWidget(pad)
        pad.resize(*size)
        pad.show()
        pad.show_idle(dataclasses.replace(IDLE, clerk=NAME))
        qtbot.waitUntil(lambda: pad.page() is PadPage.IDLE and pad.idle_card.isVisible())
        return pad
    finally:
        set_text_percent(100)


@pytest.mark.parametrize("percent", [100, 150])
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["zh", "mn"])
def test_the_clerks_name_and_the_desk_are_whole_on_both_cards(
    qtbot: QtBot, pad_font: str | None, language: str, size: tuple[int, int], percent: int
) -> None:
    """On the Mongolian card the name was cut at its edge (阿拉坦其其 at 1366×768, 阿拉坦其其格·孟和 at 1024×768) and
    the desk line at its foot: the name now breaks only after its dot, and the page's text is made smaller rather
    than cut."""
    pad = pad_on(qtbot, language, size, percent)
    for page, card in ((PadPage.IDLE, pad.idle_card), (PadPage.RATING, pad.rating_card)):
        if page is PadPage.RATING:
            pad.show_case(dataclasses.replace(CASE, clerk=NAME))
            qtbot.waitUntil(lambda: pad.page() is PadPage.RATING and pad.rating_card.isVisible())
        shown = [text for text, _ in lines(card.clerk)]
        assert "".join(shown).endswith(NAME), (page, shown)
        assert name_kept(shown), (page, shown)
        assert whole_on(card, card.clerk), (page, shown)
        if page is PadPage.IDLE:  # the greeting names the office and the line above the card the desk
            assert not card.office.isVisibleTo(card)
            continue
        assert whole_on(card, card.office), (page, card.office.text())  # the office and the desk, at the card's foot


def test_the_name_moves_to_the_next_line_whole_where_the_line_holds_it(qtbot: QtBot, pad_font: str | None) -> None:
    """A card with room for the whole name on a line of its own keeps it whole there (工作人员： / the name), and
    breaks it after its dot only where it is wider than the card."""
    pad = pad_on(qtbot, "zh", (800, 480), 150)
    shown = [text for text, _ in lines(pad.idle_card.clerk)]
    assert NAME in shown or shown == [f"工作人员：{NAME}"]
