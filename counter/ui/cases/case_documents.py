"""The 文书 section of a case page: the notices made so far, and a button for each notice the case allows.

A notice not printed yet is offered as "打印…", one printed before as "重打…".  A
reprint is the same paper, with the same number, as the first time; so is the
first print of a notice made and never printed (its preview closed, its printer
off), which the list beside says is 未打印: offered as 重打, it read as a second
copy of a paper the applicant never had.  Which
kinds are offered is decided by the rules that make them
(:func:`counter.documents.case_page.fitting_kinds`), so the page never offers a
notice that would then be refused.

A 不予批准决定书 is one item's paper, issued in its department's name (seed 001 第十七条(二)): one button per
denied item, named by the item, so a bundle with two items denied has two papers with two numbers.

Each paper is named by the title it carries: where the hall only receives the items (no power of its own, no
entrustment recorded: :mod:`counter.documents.acceptance`), its receipt is a 收件凭证, not a 受理凭证
(行政许可法 第二十六条), read with the case (:attr:`counter.documents.case_page.CaseNotices.titles`).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from itertools import pairwise

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from counter.documents.case_page import CASE_KINDS, CaseNotices, ItemPaper
from counter.documents.document_line import DocumentLine
from counter.documents.kinds import DocumentKind, kind_of_record
from counter.ui.cases.tables import fill_row, full_table
from counter.ui.printing.words import (
    PRINTING_CASE_SECTION,
    PRINTING_FAILED_PRINTS,
    PRINTING_ITEM_TITLE,
    PRINTING_MAKE_KIND,
    PRINTING_NEVER_PRINTED,
    PRINTING_NO_NOTICES,
    PRINTING_NOTICE_COLUMNS,
    PRINTING_PRINTS,
    PRINTING_REPRINT_KIND,
)
from counter.ui.widgets.flow_layout import FlowLayout
from counter.ui.widgets.plain_text import plain_label
from counter.words.documents import DOC_TITLE


def prints_text(line: DocumentLine) -> str:
    if not line.prints:
        return PRINTING_NEVER_PRINTED
    text = PRINTING_PRINTS.format(count=line.prints)
    if line.failed_prints:
        text += PRINTING_FAILED_PRINTS.format(count=line.failed_prints)
    return text


def kind_title(kind: str, item: str = "", titles: Mapping[str, str] | None = None) -> str:
    """The paper's title as it carries it: ``titles`` where the case's paper is not its kind's own (the hall's 收件
    paper: :attr:`counter.documents.case_page.CaseNotices.titles`), else the kind's; one item's paper names the
    item."""
    title = (titles or {}).get(kind) or DOC_TITLE.get(kind_of_record(kind), kind)
    return PRINTING_ITEM_TITLE.format(title=title, item=item) if item else title


class CaseDocuments(QWidget):
    print_requested = Signal(str, str)  # the DocumentKind value to make (or reprint) and preview; the item's code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notices = CaseNotices((), ())
        self.heading = plain_label(PRINTING_CASE_SECTION)
        self.heading.setObjectName("sectionHeading")
        self.empty = plain_label(PRINTING_NO_NOTICES)
        self.empty.setStyleSheet("color: #627d98;")
        self.table = full_table(PRINTING_NOTICE_COLUMNS, stretch=3)
        self.buttons = {kind: QPushButton() for kind in CASE_KINDS}
        self.item_buttons: dict[str, QPushButton] = {}  # item code → its paper's button, made as items are denied
        row_widget = QWidget()
        self.row = FlowLayout(row_widget)  # long item names wrap onto a second line rather than being cut
        self.row.setContentsMargins(0, 4, 0, 0)
        for button in self.buttons.values():
            self.row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addWidget(row_widget)
        self._connect_signals()
        self.show_notices(self.notices)

    def _connect_signals(self) -> None:
        for kind, button in self.buttons.items():
            button.clicked.connect(partial(self.on_kind_clicked, kind))

    def show_notices(self, notices: CaseNotices) -> None:
        self.notices = notices
        self.table.setRowCount(len(notices.lines))
        for row, line in enumerate(notices.lines):
            title = kind_title(line.kind, notices.item_of(line.kind), notices.titles)
            values = (title, line.doc_no, line.issued_on.isoformat(), prints_text(line))
            fill_row(self.table, row, values)
        self.table.fit()
        self.table.setVisible(bool(notices.lines))
        self.empty.setVisible(not notices.lines)
        for kind, button in self.buttons.items():
            template = PRINTING_REPRINT_KIND if notices.printed(kind) else PRINTING_MAKE_KIND
            button.setText(template.format(title=kind_title(kind, titles=notices.titles)))
            button.setVisible(kind in notices.fitting)
        self._show_item_papers(notices.item_papers)

    def _show_item_papers(self, papers: tuple[ItemPaper, ...]) -> None:
        """A button per item paper, after the case's own; the buttons of items no longer offered are hidden."""
        for paper in papers:
            button = self.item_buttons.get(paper.item_code)
            if button is None:
                button = QPushButton()
                button.clicked.connect(partial(self.on_item_clicked, paper.kind, paper.item_code))
                self.item_buttons[paper.item_code] = button
                self.row.addWidget(button)
            template = PRINTING_REPRINT_KIND if self.notices.printed_paper(paper) else PRINTING_MAKE_KIND
            button.setText(template.format(title=kind_title(paper.kind.value, paper.item_name)))
        wanted = {paper.item_code for paper in papers}
        for code, button in self.item_buttons.items():
            button.setVisible(code in wanted)
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        """Tab goes through the buttons as they read, the case's papers first, then each item's."""
        shown = [b for b in (*self.buttons.values(), *self.item_buttons.values()) if not b.isHidden()]
        for first, second in pairwise(shown):
            QWidget.setTabOrder(first, second)

    def offered(self) -> tuple[DocumentKind, ...]:
        """The kinds with a button showing, in the order shown."""
        return tuple(k for k in CASE_KINDS if k in self.notices.fitting)

    def on_kind_clicked(self, kind: DocumentKind, _checked: bool = False) -> None:
        self.print_requested.emit(kind.value, "")

    def on_item_clicked(self, kind: DocumentKind, item_code: str, _checked: bool = False) -> None:
        self.print_requested.emit(kind.value, item_code)
