"""The 文书 section of a case page: the notices made so far, and a button for each notice the case allows.

A notice not made yet is offered as "打印…", one already made as "重打…": a
reprint is the same paper, with the same number, as the first time.  Which
kinds are offered is decided by the rules that make them
(:func:`counter.actions.case_view.fitting_kinds`), so the page never offers a
notice that would then be refused.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from counter.actions.case_view import CASE_KINDS, CaseNotices, DocumentLine
from counter.documents.kinds import DocumentKind, kind_of_record
from counter.ui.cases.tables import fill_row, full_table
from counter.ui.printing.words import (
    PRINTING_CASE_SECTION,
    PRINTING_FAILED_PRINTS,
    PRINTING_MAKE_KIND,
    PRINTING_NEVER_PRINTED,
    PRINTING_NO_NOTICES,
    PRINTING_NOTICE_COLUMNS,
    PRINTING_PRINTS,
    PRINTING_REPRINT_KIND,
)
from counter.words.documents import DOC_TITLE


def prints_text(line: DocumentLine) -> str:
    if not line.prints:
        return PRINTING_NEVER_PRINTED
    text = PRINTING_PRINTS.format(count=line.prints)
    if line.failed_prints:
        text += PRINTING_FAILED_PRINTS.format(count=line.failed_prints)
    return text


def kind_title(kind: str) -> str:
    return DOC_TITLE.get(kind_of_record(kind), kind)


class CaseDocuments(QWidget):
    print_requested = Signal(str)  # the DocumentKind value to make (or reprint) and preview

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notices = CaseNotices((), ())
        self.heading = QLabel(PRINTING_CASE_SECTION)
        self.heading.setObjectName("sectionHeading")
        self.empty = QLabel(PRINTING_NO_NOTICES)
        self.empty.setStyleSheet("color: #627d98;")
        self.table = full_table(PRINTING_NOTICE_COLUMNS, stretch=3)
        self.buttons = {kind: QPushButton() for kind in CASE_KINDS}
        row = QHBoxLayout()
        row.setContentsMargins(0, 4, 0, 0)
        for button in self.buttons.values():
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addLayout(row)
        self._connect_signals()
        self.show_notices(self.notices)

    def _connect_signals(self) -> None:
        for kind, button in self.buttons.items():
            button.clicked.connect(partial(self.on_kind_clicked, kind))

    def show_notices(self, notices: CaseNotices) -> None:
        self.notices = notices
        self.table.setRowCount(len(notices.lines))
        for row, line in enumerate(notices.lines):
            values = (kind_title(line.kind), line.doc_no, line.issued_on.isoformat(), prints_text(line))
            fill_row(self.table, row, values)
        self.table.fit()
        self.table.setVisible(bool(notices.lines))
        self.empty.setVisible(not notices.lines)
        for kind, button in self.buttons.items():
            template = PRINTING_REPRINT_KIND if notices.made(kind) else PRINTING_MAKE_KIND
            button.setText(template.format(title=kind_title(kind)))
            button.setVisible(kind in notices.fitting)

    def offered(self) -> tuple[DocumentKind, ...]:
        """The kinds with a button showing, in the order shown."""
        return tuple(k for k in CASE_KINDS if k in self.notices.fitting)

    def on_kind_clicked(self, kind: DocumentKind, _checked: bool = False) -> None:
        self.print_requested.emit(kind.value)
