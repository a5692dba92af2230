"""What the clerk records beside the materials: the applicant's deferral request, or a refusal.

容缺受理 is voluntary and needs two confirmations (domain §4): the two boxes
below the request open only once the applicant asks.  不予受理 needs its ground
under 行政许可法 第三十二条第一款, and for 第二项 the office to turn to; the
field for it opens with that ground.  Both boxes only record; the outcome is
decided by the domain from what they hold.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from counter.intake.outcome import RefusalGround
from counter.ui.intake.words import (
    INTAKE_DEFERRAL,
    INTAKE_DEFERRAL_ASKED,
    INTAKE_DEFERRAL_CREDIT,
    INTAKE_DEFERRAL_PLEDGE,
    INTAKE_REFUSAL_GROUND,
    INTAKE_REFUSE,
    INTAKE_TURN_TO,
    INTAKE_TURN_TO_AFTER,
    INTAKE_TURN_TO_HINT,
)
from counter.ui.text_size import scaled


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
        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        for ground in RefusalGround:
            button = QRadioButton(INTAKE_REFUSAL_GROUND[ground])
            self.group.addButton(button)
            self.grounds[ground] = button
            layout.addWidget(button)
        self.grounds[RefusalGround.NO_LICENCE_NEEDED].setChecked(True)
        self.turn_to = QLineEdit()
        self.turn_to.setPlaceholderText(INTAKE_TURN_TO_HINT)
        self.turn_to.setAccessibleName(INTAKE_TURN_TO_HINT)
        self.turn_to_line = QWidget()
        line = QHBoxLayout(self.turn_to_line)
        line.setContentsMargins(18, 0, 0, 0)
        line.addWidget(QLabel(INTAKE_TURN_TO))
        line.addWidget(self.turn_to, 1)
        line.addWidget(QLabel(INTAKE_TURN_TO_AFTER))
        layout.addWidget(self.turn_to_line)
        self._connect_signals()
        self.on_toggled()

    def _connect_signals(self) -> None:
        self.toggled.connect(self.on_toggled)
        self.group.buttonToggled.connect(self.on_ground_changed)
        self.turn_to.textChanged.connect(self.changed)

    def ground(self) -> RefusalGround:
        return next(g for g, b in self.grounds.items() if b.isChecked())

    def on_toggled(self) -> None:
        """The grounds show only once the clerk considers refusing: most intakes never do."""
        for button in self.grounds.values():
            button.setVisible(self.isChecked())
        self.on_ground_changed()

    def on_ground_changed(self) -> None:
        self.turn_to_line.setVisible(self.isChecked() and self.ground() is RefusalGround.NOT_IN_REMIT)
        self.changed.emit()

    def set_values(self, refusing: bool, ground: RefusalGround, turn_to: str) -> None:
        self.grounds[ground].setChecked(True)
        self.turn_to.setText(turn_to)
        self.setChecked(refusing)
