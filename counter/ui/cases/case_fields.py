"""The two columns of a case page's fields: the applicant's side on the left, the case's dates and decisions right.

A field with nothing to say is hidden with its label, so a plain 受理 does not show a column of empty lines
(不予受理理由, 补正期限, …).  ID numbers and phones are masked until a clerk or supervisor who may see them
asks (:attr:`CaseFields.full_id_button`); the page asks again on every case it shows.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from counter.case.view import CaseView
from counter.catalog.model import Situation
from counter.intake.no_licence import named_licences, names_no_licence
from counter.intake.outcome import forwarded_case
from counter.intake.turn_to import JOIN, SPLIT, item_bodies
from counter.ui.cases import words
from counter.ui.cases.case_lines import answers_text, applicant_text, day_text, delivery_text, desk_text, refusal_text
from counter.ui.look.text_size import scaled
from counter.ui.widgets.plain_text import plain_label
from counter.words.intake import NO_LICENCE_ITEMS
from counter.words.punctuation import FIELD_LABEL, GAP, LIST_JOIN

PARTY_FIELDS = (
    "applicant",
    "applicant_id",
    "applicant_phone",
    "applicant_address",
    "legal_rep",
    "subject",
    "agent",
    "agent_id",
    "agent_authorisation",
    "delivery",
    "delivery_address",
    "notify_phone",
)
CASE_FIELDS = (
    "answers",
    "received_at",
    "queue_ticket",
    "received_on",
    "accepted_on",
    "promised_on",
    "correction_due",
    "notify_due",
    "refusal_ground",
    "turn_to",
    "denial_reason",
    "previous_case",
    "later_case",
)
LINK_FIELDS = ("previous_case", "later_case")


def _value_label() -> QLabel:
    value = plain_label(wrap=True)
    value.setProperty("class", "value")
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return value


#: a break allowed after each hyphen of a case number shown as a link (U+200B, no width): at 1024x768 and 150 % text
#: the number beside 补正后重新提交 could not wrap and was cut at the page's edge (XAM01-20261127-01-00)
_BREAK_AFTER_HYPHEN = "-\u200b"


def _link(case_no: str) -> str:
    shown = case_no.replace("-", _BREAK_AFTER_HYPHEN)
    return f'<a href="{escape(case_no)}">{escape(shown)}</a>' if case_no else ""


def _ticket_text(view: CaseView) -> str:
    """The queue ticket, with the wait in whole minutes where the queue system gave it."""
    if view.queue_waited_s is None:
        return view.queue_ticket
    return words.CASE_QUEUE_WAITED.format(ticket=view.queue_ticket, minutes=round(view.queue_waited_s / 60))


class CaseFields(QWidget):
    """The labels and values; the links to the case before or after a correction are wired by the page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_id_button = QPushButton(words.CASE_SHOW_FULL_ID)
        self.full_id_button.setCheckable(True)
        self.full_id_button.setFlat(True)
        self.full_id_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.full_id_button.setStyleSheet(scaled("color: #0b4f8a; text-decoration: underline; padding: 0 4px;"))
        self.keys: dict[str, QLabel] = {}
        self.subject: tuple[tuple[str, str], ...] = ()  # set_subject
        self.fields: dict[str, QLabel] = {}
        for name in PARTY_FIELDS + CASE_FIELDS:
            key = plain_label(FIELD_LABEL.format(label=words.CASE_FIELD[name]))
            key.setProperty("class", "key")
            key.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            self.keys[name] = key
            self.fields[name] = _value_label()
        for name in LINK_FIELDS:
            link = self.fields[name]
            link.setTextFormat(Qt.TextFormat.RichText)
            link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
            link.setOpenExternalLinks(False)
        self._lay_out()

    def _lay_out(self) -> None:
        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(32)
        for names in (PARTY_FIELDS, CASE_FIELDS):
            grid = QGridLayout()
            grid.setHorizontalSpacing(8)
            grid.setVerticalSpacing(6)
            for row, name in enumerate(names):
                grid.addWidget(self.keys[name], row, 0)
                if name == "applicant_id":
                    line = QHBoxLayout()
                    line.addWidget(self.fields[name])
                    line.addWidget(self.full_id_button)
                    line.addStretch(1)
                    grid.addLayout(line, row, 1)
                else:
                    grid.addWidget(self.fields[name], row, 1)
            grid.setColumnStretch(1, 1)
            grid.setRowStretch(len(names), 1)
            columns.addLayout(grid, 1)

    def set_subject(self, title: str, lines: tuple[tuple[str, str], ...]) -> None:
        """Whom the next case shown is about where that is not the applicant: ``(label, value)`` as its papers print
        them (:func:`counter.intake.subject.subject_lines`), one line each under the applicant, headed by the
        guide's ``title`` for it (新生儿)."""
        self.subject = lines
        self.keys["subject"].setText(FIELD_LABEL.format(label=title or words.CASE_FIELD["subject"]))

    def show_case(
        self,
        view: CaseView,
        situations: tuple[Situation, ...],
        may_see_full: bool,
        received: bool = False,
        item_names: Mapping[str, str] | None = None,
    ) -> None:
        """Fill in ``view``; masked unless the full numbers were asked for (and ``may_see_full``).  ``received``: the
        hall only received every item (:func:`counter.ui.cases.case_heading.only_received`): it has no 受理日期, each
        department's being its 签收's day, on the item's line and in the history."""
        shown = view if self.full_id_button.isChecked() else view.masked()
        names = dict(item_names or {})
        values = {
            "applicant": applicant_text(view),
            "applicant_id": shown.applicant_id_no,
            "applicant_phone": shown.applicant_phone,
            "applicant_address": view.applicant_address,
            "legal_rep": view.legal_rep,
            "subject": "\n".join(FIELD_LABEL.format(label=label) + value for label, value in self.subject if value),
            "agent": view.agent_name,
            "agent_id": shown.agent_id_no,
            "agent_authorisation": view.agent_authorisation,
            "delivery": delivery_text(view),
            "delivery_address": view.delivery_address,
            "notify_phone": shown.notify_phone if view.notify_phone != view.applicant_phone else "",
            "answers": answers_text(view.answers, situations),
            "received_at": GAP.format(first=desk_text(view.desk_no), second=view.clerk),
            "queue_ticket": _ticket_text(view),
            "received_on": day_text(view.received_on),
            "accepted_on": "" if received else day_text(view.accepted_on),
            "promised_on": day_text(view.promised_on),
            "correction_due": day_text(view.correction_due),
            "notify_due": day_text(view.notify_due),
            "refusal_ground": _refusal_ground(view, names),
            "turn_to": "" if names_no_licence(view.turn_to) else _turn_to(view.turn_to, names),
            "denial_reason": view.denial_reason,
            "previous_case": _link(view.previous_case_no),
            "later_case": _link(view.later_case_no),
        }
        forwarded = forwarded_case(view.refusal_ground, view.outcome)  # the finding the applicant insisted on
        for name, label in words.CASE_FIELD_RECEIVED.items():
            chosen = words.CASE_FIELD_FORWARDED[name] if forwarded else label if received else words.CASE_FIELD[name]
            self.keys[name].setText(FIELD_LABEL.format(label=chosen))
        for name, value in values.items():
            self.fields[name].setText(value)
            self.fields[name].setVisible(bool(value))
            self.keys[name].setVisible(bool(value))
        personal = (view.applicant_id_no, view.agent_id_no, view.applicant_phone, view.notify_phone)
        self.full_id_button.setVisible(may_see_full and any(personal))


def _refusal_ground(view: CaseView, names: Mapping[str, str]) -> str:
    """The ground; for 第一项, with the items it was found of by name (the others were not decided)."""
    codes = named_licences(view.turn_to)
    if not codes:
        return refusal_text(view)
    return NO_LICENCE_ITEMS.format(ground=refusal_text(view), codes=LIST_JOIN.join(names.get(c, c) for c in codes))


def _turn_to(text: str, names: Mapping[str, str]) -> str:
    """第二项's bodies, a line per item named as the clerk and the applicant know it (its name, not its 实施编码);
    an item the guide no longer holds keeps its code, and a text stored before the bodies were per item stays as it
    was."""
    bodies = item_bodies(text, [line.partition(SPLIT)[0].strip() for line in text.split(JOIN)])
    if not bodies:
        return text
    return JOIN.join(FIELD_LABEL.format(label=names.get(code, code)) + body for code, body in bodies.items())
