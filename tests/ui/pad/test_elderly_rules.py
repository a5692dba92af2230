"""The pad against the 工信部《移动互联网应用（APP）适老化通用设计规范》(2021): contrast, touch targets, no time-out
while the applicant acts, and one size for the five faces' names.

Contrast is computed from the pad's own style sheets (WCAG 2.1's relative luminance, which the 规范 cites): every
text colour against what it is drawn on.  The 规范 allows 3:1 only above 18 pt; the pad does not use that allowance,
so every pair must reach 4.5:1.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from functools import partial

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QFontMetrics, QMouseEvent, QTextLayout, QTextOption
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from counter.ratings.levels import Level
from counter.ui.look.text_size import set_text_percent
from counter.ui.pad.faces import FaceButton
from counter.ui.pad.pad_window import PadWindow
from counter.ui.pad.style import BACKGROUND, CARD, INK, LEVEL_COLOURS, pad_style
from tests.ui.pad.conftest import ManualTimer
from tests.ui.pad.pictures import CASE, IDLE
from tests.ui.shown_text import as_read

PANEL = (800, 480)  # the smallest pad panel
LEAST_RATIO = 4.5
LEAST_TARGET = 60
#: what a text rule with no background of its own is drawn on: the pad's page, or a white card on it
UNDERNEATH = (BACKGROUND, CARD)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_DECLARATION = re.compile(r"([\w-]+)\s*:\s*([^;]+)")


def luminance(colour: str) -> float:
    red, green, blue = (int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4))

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(first: str, second: str) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def rules(sheet: str) -> dict[str, dict[str, str]]:
    return {
        selector.strip(): {name: value.strip() for name, value in _DECLARATION.findall(body)}
        for selector, body in _RULE.findall(sheet)
    }


def text_pairs(sheet: str) -> Iterator[tuple[str, str, str]]:
    """(what, text colour, background) for every rule of ``sheet`` that draws text: a state (``:checked``) takes what
    it does not set from its control's rule, a label with no colour of its own takes QLabel's."""
    found = rules(sheet)
    for selector, declared in found.items():
        if not selector.startswith(("QLabel", "QPushButton", "QLineEdit")):
            continue
        base = found.get(selector.split(":")[0], {})
        kind = found.get(selector.split("[")[0], {})
        text = declared.get("color") or base.get("color") or kind.get("color") or INK
        behind = declared.get("background") or base.get("background")
        for background in (behind,) if behind else UNDERNEATH:
            yield selector, text, background
            if "placeholder-text-color" in declared:
                yield selector + " placeholder", declared["placeholder-text-color"], background


@pytest.fixture
def pad(qtbot: QtBot, pad_font: str | None) -> Iterator[PadWindow]:
    ManualTimer.made.clear()
    window = PadWindow(ManualTimer, keyboard=True)
    qtbot.addWidget(window)
    window.resize(*PANEL)
    window.show()
    yield window
    ManualTimer.made.clear()


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_the_contrast_formula_gives_the_known_figures() -> None:
    assert round(contrast("#ffffff", "#000000"), 2) == 21.0
    assert round(contrast("#ffffff", "#3c9a4d"), 2) == 3.55  # the 满意 badge the 规范 failed


def test_every_text_colour_of_the_pad_is_at_least_4_5_to_1_on_what_is_behind_it(pad: PadWindow) -> None:
    pairs = list(text_pairs(pad_style(1.0)))
    assert len(pairs) > 15
    # the chosen level's name, white on the colour the pad gives it, read from the label itself
    pad.show_case(CASE)
    for level in Level:
        pad.on_face_clicked(level)
        if pad.chosen.isVisible():
            (background,) = re.findall(r"background:\s*(#[0-9a-fA-F]{6})", pad.chosen.styleSheet())
            chosen = rules(pad_style(1.0))['QLabel[role="chosen"]']["color"]
            pairs.append((f"chosen {level.name}", chosen, background))
        pad.on_back_clicked()
    assert any(what.startswith("chosen") for what, _, _ in pairs)
    # the faces' names, ink on the tile and on its tint while pressed
    pairs += [(f"face {level.name}", INK, tile) for level in Level for tile in (CARD, LEVEL_COLOURS[level][1])]
    low = [(what, text, behind, round(contrast(text, behind), 2)) for what, text, behind in pairs]
    assert [pair for pair in low if pair[3] < LEAST_RATIO] == []


def controls(window: QWidget) -> list[QWidget]:
    shown = (w for w in window.findChildren(QWidget) if w.isVisible() and w.window() is window)
    return [w for w in shown if w.focusPolicy() != Qt.FocusPolicy.NoFocus or isinstance(w, FaceButton)
            or w.property("role") in ("reason", "back", "submit", "comment")]  # fmt: skip


@pytest.mark.parametrize("language", ["zh", "mn"])
@pytest.mark.parametrize("percent", [100, 150])
def test_every_control_on_the_panel_is_at_least_60_by_60(
    qtbot: QtBot, pad_font: str | None, language: str, percent: int
) -> None:
    set_text_percent(percent)
    try:
        window = PadWindow(ManualTimer, keyboard=True, language=language)
        qtbot.addWidget(window)
        window.resize(*PANEL)
        window.show()
        window.show_case(CASE)
        settle()
        faces = controls(window)
        window.on_face_clicked(Level.VERY_DISSATISFIED)
        settle()
        reasons = controls(window)
    finally:
        set_text_percent(100)
    assert len(faces) == 5
    assert len(reasons) == len(CASE.reasons) + 3  # the reasons, the line of text, 重新选择 and 提交
    small = [(w.property("role"), w.size().toTuple()) for w in (*faces, *reasons)
             if w.width() < LEAST_TARGET or w.height() < LEAST_TARGET]  # fmt: skip
    assert small == []
    largest = max(faces, key=lambda w: w.width() * w.height())
    assert largest.width() >= LEAST_TARGET
    assert largest.height() >= LEAST_TARGET


def _move_over(widget: QWidget) -> None:
    """The pointer moved over ``widget``, the event given to it: QTest.mouseMove moves the screen's cursor, whose
    move goes to whatever window lies under it (a window an earlier test left open, in a whole run)."""
    at = QPointF(10, 10)
    move = QMouseEvent(
        QEvent.Type.MouseMove, at, widget.mapToGlobal(at), Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(widget, move)


def test_any_touch_key_or_mouse_on_the_pad_gives_the_full_time_again(pad: PadWindow) -> None:
    """Reading the question, the applicant touches the card or the words, not a face: the 60 s start again."""
    timeout = ManualTimer.made[0]
    counted: list[int] = []
    original = timeout.start

    def counting(msec: int) -> None:
        counted.append(msec)
        original(msec)

    timeout.start = counting  # type: ignore[method-assign]
    pad.show_case(CASE)
    settle()
    assert counted == [60_000]
    acts = [
        *(
            partial(QTest.mousePress, w, Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
            for w in (pad.question, pad.bundle)
        ),
        partial(QTest.mouseRelease, pad.tap_hint, Qt.MouseButton.LeftButton, pos=QPoint(3, 3)),
        partial(_move_over, pad.question),
        partial(QTest.keyClick, pad, Qt.Key.Key_Space),
    ]
    for act in acts:
        before = len(counted)
        act()
        assert len(counted) > before
    assert set(counted) == {60_000}
    pad.on_timeout()  # the time does run out once nobody acts
    assert pad.case is None
    before = len(counted)
    QTest.mousePress(pad.question, Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    assert len(counted) == before  # an idle pad has nothing to time


@pytest.mark.parametrize("language", ["zh", "mn"])
def test_the_five_faces_names_are_drawn_at_one_size(qtbot: QtBot, pad_font: str | None, language: str) -> None:
    """At 150 % on a 1024×768 screen 非常不满意 was drawn smaller than 满意: the longest name now sets all five."""
    set_text_percent(150)
    try:
        window = PadWindow(ManualTimer, language=language)
        qtbot.addWidget(window)
        window.resize(1024, 768)
        window.show()
        window.show_idle(IDLE)
        window.show_case(CASE)
        settle()
        sizes = {level: face.label_size(face.box()) for level, face in window.face_buttons.items()}
    finally:
        set_text_percent(100)
    assert len(set(sizes.values())) == 1, sizes
    assert min(sizes.values()) >= 16


def rated_at(qtbot: QtBot, percent: int, language: str, size: tuple[int, int]) -> PadWindow:
    set_text_percent(percent)
    try:
        window = PadWindow(ManualTimer, language=language)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        window.show_case(CASE)
        settle()
    finally:
        set_text_percent(100)
    return window


@pytest.mark.parametrize("size", [PANEL, (1024, 768), (1280, 800), (1366, 768)])
@pytest.mark.parametrize("language", ["zh", "mn"])
def test_the_faces_are_never_smaller_at_150_than_at_100(
    qtbot: QtBot, pad_font: str | None, language: str, size: tuple[int, int]
) -> None:
    """At 150 % the page's larger text took its room from the faces (83 px across against 104 px at 100 % on the
    800×480 panel): the text now gives way, the faces an elderly applicant taps do not."""
    at_100 = rated_at(qtbot, 100, language, size)
    at_150 = rated_at(qtbot, 150, language, size)
    for level, face in at_150.face_buttons.items():
        assert face.diameter() >= at_100.face_buttons[level].diameter() - 0.5, level
        # nor their tiles, the applicant's touch targets: 145×258 at 100 % was 145×208 at 150 % on the panel
        assert face.width() >= at_100.face_buttons[level].width(), level
        assert face.height() >= at_100.face_buttons[level].height(), level
    assert at_150.text_size >= at_100.text_size


@pytest.mark.parametrize("size", [PANEL, (1280, 800)])
def test_the_chinese_pads_text_grows_with_the_text_size(
    qtbot: QtBot, pad_font: str | None, size: tuple[int, int]
) -> None:
    assert rated_at(qtbot, 150, "zh", size).text_size > rated_at(qtbot, 100, "zh", size).text_size


def test_the_clerks_name_moves_to_the_next_line_whole(qtbot: QtBot, pad_font: str | None) -> None:
    """阿拉坦其其格·孟和巴雅尔 was split at its middle dot: the line breaks before the name, never inside it."""
    window = rated_at(qtbot, 150, "zh", PANEL)
    window.show_case(dataclasses.replace(CASE, clerk="阿拉坦其其格·孟和巴雅尔"))
    label = window.rating_card.clerk
    layout = QTextLayout(label.text(), label.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    metrics = QFontMetrics(label.font())
    width = metrics.horizontalAdvance("工作人员：阿拉坦其其格·")  # room for the title and half the name
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(as_read(label.text()[line.textStart() : line.textStart() + line.textLength()]))
    layout.endLayout()
    assert lines == ["工作人员：", "阿拉坦其其格·孟和巴雅尔"]
