"""What the clerk records beside the materials: the applicant's deferral request, or a refusal.

容缺受理 is voluntary and needs two confirmations (domain §4): the two boxes
below the request open only once the applicant asks.  不予受理 needs its ground
under 行政许可法 第三十二条第一款, and for 第二项 the office to turn to for each
item of the bundle (its department's counterpart elsewhere); the boxes open with
that ground.  No ground is chosen beforehand: a refusal
is a legal act, and a ground the clerk did not pick must not reach the notice.
An office's name goes on the notice whole, so each box is wide and wraps over
two lines rather than scrolling sideways.  Both boxes only record; the outcome
is decided by the domain from what they hold.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from counter.catalog.model import Item, ItemType
from counter.intake.no_licence import names_no_licence, no_licence_codes, no_licence_text
from counter.intake.outcome import RefusalGround
from counter.intake.turn_to import bodies_as_read, turn_to_text
from counter.parties.text import TextField, check_text
from counter.ui.intake.words import (
    INTAKE_DEFERRAL,
    INTAKE_DEFERRAL_ASKED,
    INTAKE_DEFERRAL_CREDIT,
    INTAKE_DEFERRAL_PLEDGE,
    INTAKE_NO_LICENCE,
    INTAKE_REFUSAL_GROUND,
    INTAKE_REFUSE,
    INTAKE_TURN_TO,
    INTAKE_TURN_TO_HINT,
    INTAKE_TURN_TO_ITEM,
)
from counter.ui.look.text_size import scaled
from counter.ui.widgets.plain_text import plain_label
from counter.words.texts import text_problem_text

TURN_TO_LINES = 2  # a box per item: two lines hold a county department's full name
ARROW_STEPS = {Qt.Key.Key_Down: 1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_Left: -1}


class OneLineText(QPlainTextEdit):
    """A single line of text shown wrapped over a few lines: a long name read whole, never a line break in it.

    Enter does not break the line (it goes on to the panel), a pasted line break
    becomes nothing, and Tab moves on as in a line edit.
    """

    def __init__(self, lines: int, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(hint)
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        margins = self.contentsMargins()
        document_margin = 2 * self.document().documentMargin()
        height = _line_height(self.font(), hint) * lines + document_margin + margins.top() + margins.bottom()
        self.setFixedHeight(math.ceil(height) + 2)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 (the name QLineEdit gives it)
        flat = _one_line(text)
        if flat != self.toPlainText():
            self.setPlainText(flat)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 (Qt's name)
        if source.hasText():
            self.insertPlainText(_one_line(source.text()))


def _line_height(font: QFont, sample: str) -> float:
    """The height of a line of ``sample`` as laid out: a fallback font for hanzi may be taller than ``font``'s own."""
    layout = QTextLayout(sample, font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1000)
    layout.endLayout()
    return max(line.height(), float(QFontMetrics(font).lineSpacing()))


def _one_line(text: str) -> str:
    return "".join(text.splitlines())


class DeferralControls(QGroupBox):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(INTAKE_DEFERRAL, parent)
        self.asked = QCheckBox(INTAKE_DEFERRAL_ASKED)
        self.no_bad_credit = QCheckBox(INTAKE_DEFERRAL_CREDIT)
        self.pledge_signed = QCheckBox(INTAKE_DEFERRAL_PLEDGE)
        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        layout.addWidget(self.asked)
        for box in (self.no_bad_credit, self.pledge_signed):
            box.setStyleSheet(scaled("margin-left: 18px;"))
            layout.addWidget(box)
        self._connect_signals()
        self.on_asked_toggled()

    def _connect_signals(self) -> None:
        self.asked.toggled.connect(self.on_asked_toggled)
        self.no_bad_credit.toggled.connect(self.changed)
        self.pledge_signed.toggled.connect(self.changed)

    def on_asked_toggled(self) -> None:
        self.no_bad_credit.setEnabled(self.asked.isChecked())
        self.pledge_signed.setEnabled(self.asked.isChecked())
        self.changed.emit()

    def unconfirmed(self) -> QCheckBox | None:
        """The first condition of a 容缺 request not confirmed yet, if any."""
        return next((box for box in (self.no_bad_credit, self.pledge_signed) if not box.isChecked()), None)

    def set_values(self, asked: bool, no_bad_credit: bool, pledge_signed: bool) -> None:
        self.no_bad_credit.setChecked(no_bad_credit)
        self.pledge_signed.setChecked(pledge_signed)
        self.asked.setChecked(asked)


class RefusalControls(QGroupBox):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(INTAKE_REFUSE, parent)
        self.setCheckable(True)
        self.setChecked(False)
        self.group = QButtonGroup(self)
        self.grounds: dict[RefusalGround, QRadioButton] = {}
        self.offered: tuple[RefusalGround, ...] = tuple(RefusalGround)
        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        for ground in RefusalGround:
            button = QRadioButton(INTAKE_REFUSAL_GROUND[ground])
            button.installEventFilter(self)  # an arrow chooses the ground it goes to (eventFilter)
            self.group.addButton(button)
            self.grounds[ground] = button
            layout.addWidget(button)
        self.turn_to_fields: dict[str, OneLineText] = {}  # by item code: 第二项 names a body for each item
        self.turn_to_line = QWidget()
        line = QVBoxLayout(self.turn_to_line)
        line.setContentsMargins(0, 4, 0, 0)
        line.setSpacing(2)
        label = plain_label(INTAKE_TURN_TO, wrap=True)
        line.addWidget(label)
        self.turn_to_form = QFormLayout()
        self.turn_to_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # the item's name above its box
        self.turn_to_form.setVerticalSpacing(2)
        line.addLayout(self.turn_to_form)
        self.turn_to_message = plain_label(wrap=True)  # what the desk will not take in it (counter.parties.text)
        self.turn_to_message.setProperty("role", "field-error")
        self.turn_to_message.hide()
        line.addWidget(self.turn_to_message)
        layout.addWidget(self.turn_to_line)
        # 第一项 is found of licences one by one (counter.intake.no_licence): a box for each 行政许可 applied for
        self.no_licence_boxes: dict[str, QCheckBox] = {}
        self.no_licence_line = QWidget()
        self.no_licence_list = QVBoxLayout(self.no_licence_line)
        self.no_licence_list.setContentsMargins(0, 4, 0, 0)
        self.no_licence_list.setSpacing(2)
        no_licence_label = plain_label(INTAKE_NO_LICENCE, wrap=True)
        self.no_licence_list.addWidget(no_licence_label)
        layout.addWidget(self.no_licence_line)
        self._applied: frozenset[str] = frozenset()
        self._connect_signals()
        self.on_toggled()

    def _connect_signals(self) -> None:
        self.toggled.connect(self.on_toggled)
        self.group.buttonToggled.connect(self.on_ground_changed)

    def show_items(self, items: Iterable[Item]) -> None:
        """A box for each item of the bundle, under its name: where the applicant is to apply for it."""
        for item in items:
            field = OneLineText(TURN_TO_LINES, INTAKE_TURN_TO_HINT)
            field.setAccessibleName(INTAKE_TURN_TO_ITEM.format(item=item.name))
            field.textChanged.connect(self.on_turn_to_changed)
            name = plain_label(INTAKE_TURN_TO_ITEM.format(item=item.name), wrap=True)
            name.setBuddy(field)
            self.turn_to_form.addRow(name, field)
            self.turn_to_fields[item.code] = field
            if item.item_type is ItemType.LICENSING:  # 第一项 is 行政许可法's: no other item is offered for it
                box = QCheckBox(item.name)
                box.toggled.connect(self.changed)
                self.no_licence_list.addWidget(box)
                self.no_licence_boxes[item.code] = box
        self._applied = frozenset(self.turn_to_fields)

    def show_applied(self, codes: Collection[str]) -> None:
        """Only the boxes of the items the answers apply for: the notice names no other (a hidden box keeps what was
        typed, for an answer changed back)."""
        for code, field in self.turn_to_fields.items():
            self.turn_to_form.setRowVisible(field, code in codes)
        for code, box in self.no_licence_boxes.items():
            box.setVisible(code in codes)
        self._applied = frozenset(codes)

    def turn_to(self) -> str:
        """The bodies typed, item by item, as the intake keeps them (:mod:`counter.intake.turn_to`); for 第一项 the
        licences ticked as needing none (:mod:`counter.intake.no_licence`)."""
        if self.ground() is RefusalGround.NO_LICENCE_NEEDED:
            ticked = (code for code, box in self.no_licence_boxes.items() if box.isChecked() and code in self._applied)
            return no_licence_text(ticked)
        return turn_to_text((code, field.text()) for code, field in self.turn_to_fields.items())

    def on_turn_to_changed(self) -> None:
        checks = (check_text(field.text(), TextField.NOTE) for field in self.turn_to_fields.values())
        check = next((c for c in checks if c.problem is not None), None)
        self.turn_to_message.setText(text_problem_text(check.problem, check.detail) if check and check.problem else "")
        self.turn_to_message.setVisible(check is not None)
        self.changed.emit()

    def ground(self) -> RefusalGround | None:
        return next((g for g, b in self.grounds.items() if b.isChecked()), None)

    def offer(self, grounds: tuple[RefusalGround, ...]) -> None:
        """Only the grounds the bundle allows (``counter.intake.outcome.refusal_grounds``): 第一项 and 第七十八条
        are 行政许可法's own, so a bundle without a 行政许可 item is refused only as not this office's remit."""
        self.offered = grounds
        self._show_grounds()  # not a change of the clerk's choice: no signal, no draft saved

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """↑ ↓ (← →) on a ground choose the next one shown, as they move on once one is chosen: no ground is chosen
        beforehand, so without this the first arrows only moved the focus and Space had to follow."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent) or event.modifiers():
            return False
        step = ARROW_STEPS.get(Qt.Key(event.key()))
        shown = [b for g, b in self.grounds.items() if g in self.offered and b.isVisible()]
        if step is None or not isinstance(watched, QRadioButton) or watched not in shown:
            return False
        chosen = shown[(shown.index(watched) + step) % len(shown)]
        chosen.setChecked(True)
        chosen.setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def focus_ground(self) -> None:
        """The cursor on the grounds, for a clerk who tried to refuse without one (arrows choose)."""
        first = self.grounds[self.offered[0]] if self.offered else next(iter(self.grounds.values()))
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_toggled(self) -> None:
        """The grounds show only once the clerk considers refusing: most intakes never do."""
        self._show_grounds()
        self.on_ground_changed()

    def _show_grounds(self) -> None:
        for ground, button in self.grounds.items():
            button.setVisible(self.isChecked() and ground in self.offered)

    def on_ground_changed(self) -> None:
        self.turn_to_line.setVisible(self.isChecked() and self.ground() is RefusalGround.NOT_IN_REMIT)
        self.no_licence_line.setVisible(self.isChecked() and self.ground() is RefusalGround.NO_LICENCE_NEEDED)
        self.changed.emit()

    def set_values(self, refusing: bool, ground: RefusalGround | None, turn_to: str) -> None:
        if ground is None:
            self.group.setExclusive(False)  # an exclusive group will not let its last button go
            for button in self.grounds.values():
                button.setChecked(False)
            self.group.setExclusive(True)
        else:
            self.grounds[ground].setChecked(True)
        if names_no_licence(turn_to):
            ticked = no_licence_codes(turn_to, list(self.no_licence_boxes))
            for code, box in self.no_licence_boxes.items():
                box.setChecked(code in ticked)
            turn_to = ""
        bodies = bodies_as_read(turn_to, list(self.turn_to_fields))
        for code, field in self.turn_to_fields.items():
            field.setText(bodies.get(code, ""))
        self.setChecked(refusing)
