"""Who the case is for: the applicant, an agent, and how the result reaches them.

Three group boxes that only hold fields and say when something changed; the
panel decides what a change means (一证办理 look-up, the draft, the commit
button).  Names are kept exactly as typed: nothing here strips, folds or
shortens what the clerk enters; each free text says beside it what the desk will
not take in it (:class:`~counter.ui.intake.text_field.CheckedLine`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from counter.intake.known_party import KnownParty
from counter.intake.parties import Agent, Applicant, ApplicantKind, Delivery, name_field
from counter.parties.id_card import IdCard
from counter.parties.text import TextField
from counter.ui.intake.card_line import CardLine
from counter.ui.intake.id_field import IdField
from counter.ui.intake.text_field import CheckedLine
from counter.ui.intake.words import (
    INTAKE_ADDRESS,
    INTAKE_AGENT,
    INTAKE_AGENT_AUTHORISATION,
    INTAKE_AGENT_AUTHORISATION_HINT,
    INTAKE_AGENT_ID,
    INTAKE_AGENT_NAME,
    INTAKE_APPLICANT,
    INTAKE_AUTOFILLED,
    INTAKE_DELIVERY,
    INTAKE_DELIVERY_ADDRESS,
    INTAKE_ID_NO,
    INTAKE_LEGAL_REP,
    INTAKE_NAME,
    INTAKE_NOTIFY_PHONE,
    INTAKE_NOTIFY_PHONE_EMPTY,
    INTAKE_NOTIFY_PHONE_HINT,
    INTAKE_PHONE,
)
from counter.ui.widgets.flow_layout import FlowLayout
from counter.ui.widgets.plain_text import plain_label
from counter.words.cases import APPLICANT_KIND, DELIVERY


def _radios(labels: dict[str, str]) -> tuple[QWidget, QButtonGroup, dict[str, QRadioButton]]:
    box = QWidget()
    line = FlowLayout(box)  # wraps in a narrow column
    group = QButtonGroup(box)
    buttons: dict[str, QRadioButton] = {}
    for value, label in labels.items():
        button = QRadioButton(label)
        group.addButton(button)
        line.addWidget(button)
        buttons[value] = button
    next(iter(buttons.values())).setChecked(True)
    return box, group, buttons


def _form(box: QGroupBox) -> QFormLayout:
    """Labels beside their fields, or above them when the column is too narrow for both (:func:`_gap_in_labels`)."""
    form = QFormLayout(box)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


def _gap_in_labels(form: QFormLayout) -> None:
    """The gap between a label and its field made part of the label, once the form's rows are in.

    Qt puts a field under its label only when the widest label and the field's least width do not fit, leaving out
    the gap between them: in a column up to that gap too narrow, the field stayed beside its label, narrower than it
    can be, and its right edge was cut (the applicant's 姓名 on a 1024-pixel screen).  With the gap inside the
    label Qt counts it: the field goes under its label instead.
    """
    gap = max(0, form.horizontalSpacing())
    form.setHorizontalSpacing(0)
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        widget = label.widget() if label is not None else None
        if widget is not None:
            margins = widget.contentsMargins()
            widget.setContentsMargins(margins.left(), margins.top(), margins.right() + gap, margins.bottom())


class ApplicantForm(QGroupBox):
    changed = Signal()

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(INTAKE_APPLICANT, parent)
        self._today = today
        kinds, self.kind_group, self.kind_buttons = _radios({k.value: APPLICANT_KIND[k] for k in ApplicantKind})
        self.name_line = CheckedLine(TextField.PERSON_NAME)
        self.name = self.name_line.edit
        self.id_field = IdField(ApplicantKind.PERSON, today)
        self.card_line = CardLine(today)
        self.autofill_hint = plain_label(INTAKE_AUTOFILLED)
        self.autofill_hint.setProperty("role", "hint")
        self.autofill_hint.hide()
        self.phone = QLineEdit()
        self.address_line = CheckedLine(TextField.ADDRESS)
        self.address = self.address_line.edit
        self.legal_rep_line = CheckedLine(TextField.PERSON_NAME)
        self.legal_rep = self.legal_rep_line.edit
        self.form = _form(self)
        self.form.addRow(kinds)
        self.form.addRow(self.card_line)
        self.name_label = plain_label()
        self.id_label = plain_label()
        self.address_label = plain_label()
        self.form.addRow(self.id_label, self.id_field)
        self.form.addRow("", self.autofill_hint)
        self.form.addRow(self.name_label, self.name_line)
        self.form.addRow(INTAKE_LEGAL_REP, self.legal_rep_line)
        self.legal_rep.setAccessibleName(INTAKE_LEGAL_REP)
        self.form.addRow(INTAKE_PHONE, self.phone)
        self.form.addRow(self.address_label, self.address_line)
        _gap_in_labels(self.form)
        self._connect_signals()
        self.on_kind_changed()

    def _connect_signals(self) -> None:
        self.kind_group.buttonToggled.connect(self.on_kind_changed)
        for edit in (self.name, self.phone, self.address, self.legal_rep, self.id_field.edit):
            edit.textChanged.connect(self.changed)
        self.id_field.edit.textEdited.connect(self.autofill_hint.hide)
        self.card_line.card_read.connect(self.fill_card)

    def kind(self) -> ApplicantKind:
        return next(ApplicantKind(v) for v, b in self.kind_buttons.items() if b.isChecked())

    def on_kind_changed(self) -> None:
        kind = self.kind()
        self.name_label.setText(INTAKE_NAME[kind])
        self.name.setAccessibleName(INTAKE_NAME[kind])  # the label stands beside the line's box, not the line
        self.address.setAccessibleName(INTAKE_ADDRESS[kind])
        self.id_label.setText(INTAKE_ID_NO[kind])
        self.id_field.edit.setAccessibleName(INTAKE_ID_NO[kind])  # the label names the field's box, not the edit
        self.address_label.setText(INTAKE_ADDRESS[kind])
        self.form.setRowVisible(self.legal_rep_line, kind is ApplicantKind.COMPANY)
        self.id_field.set_kind(kind)
        self.name_line.set_kind(name_field(kind))
        self.changed.emit()

    def applicant(self) -> Applicant:
        return Applicant(
            self.kind(),
            self.name.text(),
            self.id_field.text(),
            self.phone.text(),
            self.address.text(),
            self.legal_rep.text() if self.kind() is ApplicantKind.COMPANY else "",
        )

    def set_applicant(self, applicant: Applicant) -> None:
        self.kind_buttons[applicant.kind.value].setChecked(True)
        self.name.setText(applicant.name)
        self.id_field.edit.setText(applicant.id_no)
        self.phone.setText(applicant.phone)
        self.address.setText(applicant.address)
        self.legal_rep.setText(applicant.legal_rep)

    def fill_card(self, card: IdCard) -> None:
        """The card is the applicant's own word for who they are: its name, number and address replace what was
        typed; the phone stays (the card has none)."""
        self.kind_buttons[ApplicantKind.PERSON.value].setChecked(True)
        self.id_field.mark_expired(card.id_no if card.expired(self._today()) else "")
        self.name.setText(card.name)
        self.address.setText(card.address)
        self.id_field.edit.setText(card.id_no)  # last: 一证办理 fills the phone from an earlier case, if any
        self.id_field.on_editing_finished()
        focus = QApplication.focusWidget()
        if focus is None or focus in (self.id_field.edit, self.name, self.address):
            self.phone.setFocus(Qt.FocusReason.OtherFocusReason)  # what the card does not give comes next
            # a number filled from an earlier case is selected (here, or by 一证办理 when it answers): the new one typed
            # by habit replaces it, never appended to it (1390482000013600000000)
            self.phone.selectAll()

    def card_expired(self) -> bool:
        """The number is that of an expired card read here: it proves nobody, and the intake cannot go on."""
        return self.kind() is ApplicantKind.PERSON and self.id_field.holds_expired_card()

    def fill_known(self, known: KnownParty) -> bool:
        """Fill what the clerk left empty from an earlier case; True when anything was filled.

        The look-up answers after the number stands (:mod:`counter.ui.intake.applicant_look_ups`): a field the clerk
        is already on (the phone, where a card read leaves the keyboard) is filled selected, so that the number typed
        by habit replaces it, never appended to it (1390482000013600000000); one typed into meanwhile is left."""
        fields = [(self.name, known.name), (self.phone, known.phone), (self.address, known.address)]
        if self.kind() is ApplicantKind.COMPANY:
            fields.append((self.legal_rep, known.legal_rep))
        filled = False
        for edit, value in fields:
            if value and not edit.text():
                edit.setText(value)
                if edit.hasFocus():
                    edit.selectAll()
                filled = True
        self.autofill_hint.setVisible(filled)
        return filled


class AgentForm(QGroupBox):
    changed = Signal()

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(INTAKE_AGENT, parent)
        self.setCheckable(True)
        self.setChecked(False)
        self.name_line = CheckedLine(TextField.PERSON_NAME)
        self.name = self.name_line.edit
        self.id_field = IdField(ApplicantKind.PERSON, today)
        self.authorisation_line = CheckedLine(TextField.NOTE)
        self.authorisation = self.authorisation_line.edit
        self.authorisation.setPlaceholderText(INTAKE_AGENT_AUTHORISATION_HINT)
        self.id_field.edit.setAccessibleName(INTAKE_AGENT_ID)
        form = _form(self)
        form.addRow(INTAKE_AGENT_ID, self.id_field)
        form.addRow(INTAKE_AGENT_NAME, self.name_line)
        form.addRow(INTAKE_AGENT_AUTHORISATION, self.authorisation_line)
        _gap_in_labels(form)
        self.name.setAccessibleName(INTAKE_AGENT_NAME)  # the labels stand beside the lines' boxes, not the lines
        self.authorisation.setAccessibleName(INTAKE_AGENT_AUTHORISATION)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.toggled.connect(self.changed)
        for edit in (self.name, self.authorisation, self.id_field.edit):
            edit.textChanged.connect(self.changed)

    def agent(self) -> Agent:
        return Agent(self.name.text(), self.id_field.text(), self.authorisation.text())

    def set_agent(self, agent: Agent, on: bool) -> None:
        self.setChecked(on)
        self.name.setText(agent.name)
        self.id_field.edit.setText(agent.id_no)
        self.authorisation.setText(agent.authorisation)

    def fill_known(self, known: KnownParty) -> None:
        if known.name and not self.name.text():
            self.name.setText(known.name)


class DeliveryForm(QGroupBox):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(INTAKE_DELIVERY, parent)
        ways, self.group, self.buttons = _radios({d.value: DELIVERY[d] for d in Delivery})
        self.address_line = CheckedLine(TextField.ADDRESS)
        self.address = self.address_line.edit
        self.notify_phone = QLineEdit()
        self.notify_phone.setPlaceholderText(INTAKE_NOTIFY_PHONE_EMPTY)
        self.form = _form(self)
        self.form.addRow(ways)
        self.form.addRow(INTAKE_DELIVERY_ADDRESS, self.address_line)
        self.address.setAccessibleName(INTAKE_DELIVERY_ADDRESS)
        self.form.addRow(INTAKE_NOTIFY_PHONE, self.notify_phone)
        _gap_in_labels(self.form)
        self._connect_signals()
        self.on_way_changed()

    def _connect_signals(self) -> None:
        self.group.buttonToggled.connect(self.on_way_changed)
        self.address.textChanged.connect(self.changed)
        self.notify_phone.textChanged.connect(self.changed)

    def delivery(self) -> Delivery:
        return next(Delivery(v) for v, b in self.buttons.items() if b.isChecked())

    def on_way_changed(self) -> None:
        self.form.setRowVisible(self.address_line, self.delivery() is Delivery.POST)
        self.changed.emit()

    def set_delivery(self, delivery: Delivery, address: str, notify_phone: str) -> None:
        self.buttons[delivery.value].setChecked(True)
        self.address.setText(address)
        self.notify_phone.setText(notify_phone)

    def show_applicant_phone(self, phone: str) -> None:
        """The notify phone defaults to the applicant's: show which number that is."""
        hint = INTAKE_NOTIFY_PHONE_HINT.format(phone=phone) if phone.strip() else ""
        self.notify_phone.setPlaceholderText(hint or INTAKE_NOTIFY_PHONE_EMPTY)
