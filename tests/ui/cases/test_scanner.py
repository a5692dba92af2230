"""The barcode scanner: told from a person by speed alone, on a clock the test turns by hand."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from counter.case.numbers import looks_like_case_no
from counter.ui.cases.scanner import GAP_MS, ScannerFilter

CASE_NO = "XAM01-20261120-01-0001"


class FakeClock:
    def __init__(self) -> None:
        self.ms = 1_000_000

    def __call__(self) -> int:
        return self.ms


class Form(QWidget):
    """A form with a search box and a button, like the places a clerk may be when scanning."""

    def __init__(self) -> None:
        super().__init__()
        self.box = QLineEdit()
        self.button = QPushButton("下一步")
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(self.button)
        self.returns = 0
        self.enters_seen_by_form = 0
        self.box.returnPressed.connect(self.on_return_pressed)

    def on_return_pressed(self) -> None:
        self.returns += 1

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enters_seen_by_form += 1
        super().keyPressEvent(event)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def scanner(qapp: QApplication, clock: FakeClock) -> Iterator[ScannerFilter]:
    scanner = ScannerFilter(clock)
    qapp.installEventFilter(scanner)
    yield scanner
    qapp.removeEventFilter(scanner)


@pytest.fixture
def form(qtbot: QtBot) -> Form:
    form = Form()
    qtbot.addWidget(form)
    form.show()
    return form


def key_event(kind: QEvent.Type, char: str) -> QKeyEvent:
    if char == "\r":
        return QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
    key = Qt.Key(ord(char.upper())) if char.isalnum() else Qt.Key.Key_Minus
    return QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)


def type_into(widget: QWidget, text: str, clock: FakeClock, gap_ms: int) -> list[bool]:
    """Send each character as a press and a release, ``gap_ms`` apart; whether each press was taken."""
    taken = []
    for char in text:
        clock.ms += gap_ms
        press = key_event(QEvent.Type.KeyPress, char)
        QApplication.sendEvent(widget, press)
        taken.append(press.isAccepted())
        QApplication.sendEvent(widget, key_event(QEvent.Type.KeyRelease, char))
    return taken


def test_a_fast_burst_is_a_scan_and_its_enter_is_swallowed(
    qtbot: QtBot, scanner: ScannerFilter, clock: FakeClock, form: Form
) -> None:
    form.box.setText("小餐馆")
    with qtbot.waitSignal(scanner.case_scanned) as scanned:
        type_into(form.box, CASE_NO + "\r", clock, gap_ms=4)
    assert scanned.args == [CASE_NO]
    assert form.returns == 0  # the Enter did not submit the box
    assert form.enters_seen_by_form == 0
    assert form.box.text() == "小餐馆"  # the scanned characters are taken out again
    assert form.box.cursorPosition() == 3


def test_slow_typing_is_never_a_scan_and_reaches_the_box_intact(
    qtbot: QtBot, scanner: ScannerFilter, clock: FakeClock, form: Form
) -> None:
    with qtbot.assertNotEmitted(scanner.case_scanned):
        type_into(form.box, CASE_NO + "\r", clock, gap_ms=200)
    assert form.box.text() == CASE_NO
    assert form.returns == 1


def test_a_fast_burst_that_is_no_case_number_is_left_alone(
    qtbot: QtBot, scanner: ScannerFilter, clock: FakeClock, form: Form
) -> None:
    with qtbot.assertNotEmitted(scanner.case_scanned):
        type_into(form.box, "6901234567892\r", clock, gap_ms=4)  # a product's barcode
    assert form.box.text() == "6901234567892"
    assert form.returns == 1


def test_one_slow_key_inside_the_burst_breaks_it(
    qtbot: QtBot, scanner: ScannerFilter, clock: FakeClock, form: Form
) -> None:
    with qtbot.assertNotEmitted(scanner.case_scanned):
        type_into(form.box, CASE_NO[:10], clock, gap_ms=4)
        type_into(form.box, CASE_NO[10:] + "\r", clock, gap_ms=GAP_MS + 20)
    assert form.box.text() == CASE_NO


def test_a_scan_while_a_button_has_the_focus_counts_each_key_once(
    qtbot: QtBot, scanner: ScannerFilter, clock: FakeClock, form: Form
) -> None:
    """The button ignores letters, so Qt offers each one to the form too: still one key each."""
    with qtbot.waitSignal(scanner.case_scanned) as scanned:
        taken = type_into(form.button, CASE_NO.lower() + "\r", clock, gap_ms=3)
    assert scanned.args == [CASE_NO]
    assert taken[-1]  # the Enter was swallowed
    assert form.enters_seen_by_form == 0


def test_typing_after_a_scan_is_typing_again(
    qtbot: QtBot, scanner: ScannerFilter, clock: FakeClock, form: Form
) -> None:
    with qtbot.waitSignal(scanner.case_scanned):
        type_into(form.box, CASE_NO + "\r", clock, gap_ms=4)
    with qtbot.assertNotEmitted(scanner.case_scanned):
        type_into(form.box, "xcg\r", clock, gap_ms=150)
    assert form.box.text() == "xcg"
    assert form.returns == 1


BURST = CASE_NO + "\r"


@given(
    gaps=st.lists(st.integers(min_value=0, max_value=GAP_MS), min_size=len(BURST) - 1, max_size=len(BURST) - 1),
    slow=st.one_of(st.none(), st.tuples(st.integers(0, len(BURST) - 2), st.integers(GAP_MS + 1, 2_000))),
)
def test_a_scan_is_exactly_a_burst_with_every_gap_short(
    qapp: QApplication, gaps: list[int], slow: tuple[int, int] | None
) -> None:
    """What came within the gap, up to Enter, is a scan when it reads as a case number; never more."""
    if slow is not None:
        gaps[slow[0]] = slow[1]
    clock = FakeClock()
    scanner = ScannerFilter(clock)
    box = QLineEdit()
    seen: list[str] = []
    scanner.case_scanned.connect(seen.append)
    qapp.installEventFilter(scanner)
    try:
        for char, gap in zip(BURST, [5_000, *gaps], strict=True):
            clock.ms += gap
            QApplication.sendEvent(box, key_event(QEvent.Type.KeyPress, char))
    finally:
        qapp.removeEventFilter(scanner)
    start = 0 if slow is None else slow[0] + 1  # the burst begins after the pause
    burst = CASE_NO[start:]
    if start < len(CASE_NO) and looks_like_case_no(burst):
        assert seen == [burst]
        assert box.text() == CASE_NO[:start]  # what was typed before the burst stays
    else:
        assert seen == []
        assert box.text() == CASE_NO


def test_a_scan_through_the_window_reaches_the_focused_box_and_is_taken_back(
    qtbot: QtBot, scanner: ScannerFilter, clock: FakeClock, form: Form
) -> None:
    """The real path: the platform hands each key to the window, which gives it to the focused widget."""
    form.box.setFocus()
    window = form.windowHandle()
    assert window is not None
    keys = [Qt.Key(ord(c)) if c.isalnum() else Qt.Key.Key_Minus for c in CASE_NO]
    with qtbot.waitSignal(scanner.case_scanned) as scanned:
        for key in [*keys, Qt.Key.Key_Return]:
            clock.ms += 6
            QTest.keyClick(window, key)
    assert scanned.args == [CASE_NO]
    assert form.box.text() == ""
    assert form.returns == 0
    for key in keys[:3]:
        clock.ms += 180
        QTest.keyClick(window, key)
    assert form.box.text().upper() == "XAM"  # a person typing into the same box, after the scan


def test_a_scanner_that_presses_shift_for_each_capital_is_still_a_scan(
    qtbot: QtBot, scanner: ScannerFilter, clock: FakeClock, form: Form
) -> None:
    """A scanner is a keyboard to the computer: a capital letter comes as Shift, then the letter with Shift held."""
    shift = Qt.KeyboardModifier.ShiftModifier
    form.box.setText("小餐馆")
    with qtbot.waitSignal(scanner.case_scanned) as scanned:
        for char in CASE_NO + "\r":
            clock.ms += 3
            if char.isupper():
                QApplication.sendEvent(form.box, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Shift, shift))
                clock.ms += 3
                press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key(ord(char)), shift, char)
                QApplication.sendEvent(form.box, press)
                QApplication.sendEvent(form.box, QKeyEvent(QEvent.Type.KeyRelease, Qt.Key(ord(char)), shift, char))
                QApplication.sendEvent(form.box, QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_Shift, shift))
            else:
                QApplication.sendEvent(form.box, key_event(QEvent.Type.KeyPress, char))
                QApplication.sendEvent(form.box, key_event(QEvent.Type.KeyRelease, char))
    assert scanned.args == [CASE_NO]
    assert form.box.text() == "小餐馆"
    assert form.returns == 0


def test_a_key_that_types_nothing_inside_a_fast_burst_breaks_it(
    qtbot: QtBot, scanner: ScannerFilter, clock: FakeClock, form: Form
) -> None:
    """A quick hand that moves the cursor (←) while typing a number is a person: its Enter is the box's."""
    with qtbot.assertNotEmitted(scanner.case_scanned):
        type_into(form.box, CASE_NO[:10], clock, gap_ms=4)
        clock.ms += 4
        left = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Left, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(form.box, left)
        QApplication.sendEvent(
            form.box, QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_Left, Qt.KeyboardModifier.NoModifier)
        )
        QApplication.sendEvent(
            form.box, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_End, Qt.KeyboardModifier.NoModifier)
        )
        type_into(form.box, CASE_NO[10:] + "\r", clock, gap_ms=4)
    assert form.box.text() == CASE_NO
    assert form.returns == 1
