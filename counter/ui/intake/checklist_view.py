"""The material rows of the checklist, the "全部已收取" button and the count still pending.

When the situation answers change the list, a row whose material stays is kept
(with the clerk's focus in it) and only the materials the answers bring are made:
making every row anew took the focus from the row the clerk was in, and cost 89 ms an
answer under the profiler (14 ms now).  Rows are connected where they are made and
speak to the panel only through :attr:`recorded`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from counter.catalog.model import Bundle, Material, Necessity
from counter.intake.checklist import Checklist, MaterialEntry, Receipt
from counter.intake.licences import wants_licence
from counter.ui.intake.material_row import MaterialRow
from counter.ui.intake.words import (
    INTAKE_ALL_RECEIVED,
    INTAKE_ALL_RECEIVED_TIP,
    INTAKE_KEYS_HINT,
    INTAKE_NONE_PENDING,
    INTAKE_PENDING,
)
from counter.ui.widgets.plain_text import plain_label
from counter.ui.widgets.restyle import set_style_property
from counter.ui.widgets.unbroken import unbroken_parts
from counter.words.documents import DOC_TITLE


class ChecklistView(QWidget):
    recorded = Signal(object)  # MaterialEntry of one row
    deferral_chosen = Signal(str)  # the code of a row marked 容缺后补 (key 6)
    licence_asked = Signal(str)  # the code of a row to look up in the 证照库 (key 7)
    page_asked = Signal(str, bool)  # the code of a row the camera photographs, and whether compared (keys 8, 9)
    # the keys' way back, the flow's to rule (counter.intake.flow.ListLeft, RowFocused): the code of the row Tab left
    # the list from ("" backward), and of a row taking the keyboard with whether by Shift+Tab
    list_left = Signal(str)
    row_focused = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.all_received_button = QPushButton(INTAKE_ALL_RECEIVED)
        self.all_received_button.setToolTip(INTAKE_ALL_RECEIVED_TIP)
        # Alt+A (the panel's shortcut) or a click, never a Tab stop: Tab from the situations lands on the first
        # row, where the row keys work (here they did nothing), and after Alt+A the keyboard stays on the list
        self.all_received_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pending_label = plain_label()
        keys = plain_label(unbroken_parts(INTAKE_KEYS_HINT), wrap=True)  # each key beside what it does, never 9 / 拍照
        keys.setProperty("role", "keys")
        head = QHBoxLayout()
        head.addWidget(self.pending_label, 1)
        head.addWidget(self.all_received_button)
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setSpacing(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(keys)
        layout.addLayout(self._rows_layout)
        self.rows: dict[str, MaterialRow] = {}
        self._deferral_asked = False
        self._pages: dict[str, tuple[int, int]] = {}  # by material: pages taken, of them compared
        self._correction_paper = DOC_TITLE["correction"]  # what a defect's note prints on (name_correction_paper)
        self._found: dict[str, str] = {}  # by material: what the 证照库 answered after the clerk went on

    def show_pages(self, code: str, count: int, compared: int) -> None:
        """The pages the camera took of a material, as its row shows them (kept when the rows are made again)."""
        self._pages[code] = (count, compared)
        if code in self.rows:
            self.rows[code].show_pages(count, compared)

    def show_found(self, code: str, said: str) -> None:
        """What the 证照库 found for a material after the clerk went on, as its row says it until 7 there ("" to end
        it); kept when the rows are made again."""
        if said:
            self._found[code] = said
        else:
            self._found.pop(code, None)
        if code in self.rows:
            self.rows[code].show_found(said)

    def show_deferral(self, asked: bool) -> None:
        """The applicant's 容缺 request, as each 容缺后补 row shows it."""
        self._deferral_asked = asked
        for row in self.rows.values():
            row.show_deferral(asked)

    def show_checklist(self, bundle: Bundle, checklist: Checklist) -> None:
        """The rows of ``checklist``, in its order, each showing its line."""
        answers = checklist.answers_dict()
        materials = {m.code: m for m in bundle.materials_for(answers)}
        old = self.rows
        for row in old.values():
            self._rows_layout.removeWidget(row)
        self.rows = {}
        for index, entry in enumerate(checklist.entries):
            material = materials[entry.code]
            # a licence the case itself produces is in no library yet (Bundle.fetched)
            lookup = wants_licence(material) and not bundle.producers(material, answers)
            kept = old.get(entry.code)
            if kept is not None and kept.material == material and kept.lookup == lookup:
                row = old.pop(entry.code)
                if row.entry() != entry:
                    row.show_entry(entry)
            else:  # a material the answers bring, or one whose line now asks for something else: made anew
                row = self._made(material, entry, lookup)
            # the list is one Tab stop: Tab enters it on the first row, the arrows go on, Tab leaves it
            row.setFocusPolicy(Qt.FocusPolicy.ClickFocus if index else Qt.FocusPolicy.StrongFocus)
            self._rows_layout.addWidget(row)
            if self.isVisible():  # at once, so the focus can go to it straight away; a row made before the
                row.show()  # panel shows comes up with it (hidden explicitly, it would stay hidden)
            self.rows[entry.code] = row
        for row in old.values():  # materials the answers took off the list
            row.hide()
            row.deleteLater()
        self.show_pending()

    def name_correction_paper(self, title: str) -> None:
        """The paper a defect's note prints on, named in each row's note: the hall's own 收件 paper where it only
        receives the items (its 补齐材料告知书), else the 补齐补正通知书."""
        self._correction_paper = title
        for row in self.rows.values():
            if row.correction_paper != title:
                row.correction_paper = title
                row.show_entry(row.entry())

    def _made(self, material: Material, entry: MaterialEntry, lookup: bool) -> MaterialRow:
        """A new row for ``material``, connected, showing the pages taken of it and the 容缺 request."""
        code = entry.code
        row = MaterialRow(material, entry, lookup=lookup)
        if row.correction_paper != self._correction_paper:
            row.correction_paper = self._correction_paper
            row.show_entry(entry)
        row.installEventFilter(self)  # a row taking the keyboard, said to the flow (eventFilter)
        row.recorded.connect(self.recorded)
        row.deferral_chosen.connect(lambda: self.deferral_chosen.emit(code))
        row.licence_asked.connect(lambda: self.licence_asked.emit(code))
        row.page_asked.connect(lambda compared: self.page_asked.emit(code, compared))
        row.show_pages(*self._pages.get(code, (0, 0)))
        row.show_found(self._found.get(code, ""))
        row.show_deferral(self._deferral_asked)
        row.step.connect(lambda step: self.on_step(code, step))
        return row

    def row(self, code: str) -> MaterialRow:
        return self.rows[code]

    def pending_rows(self) -> list[MaterialRow]:
        return [r for r in self.rows.values() if r.receipt is Receipt.PENDING]

    def open_deferral(self) -> MaterialRow | None:
        """The first 容缺后补 row still pending: key 6 goes there before the 容缺 conditions, or it is left behind."""
        return next((r for r in self.pending_rows() if r.deferrable), None)

    def show_pending(self) -> None:
        pending = len(self.pending_rows())
        if pending:
            self.pending_label.setText(INTAKE_PENDING.format(count=pending))
            set_style_property(self.pending_label, "role", "pending")
        else:
            self.pending_label.setText(INTAKE_NONE_PENDING)
            set_style_property(self.pending_label, "role", "done")
        self.all_received_button.setEnabled(
            any(not r.material.shared and r.material.necessity is not Necessity.OPTIONAL for r in self.pending_rows())
        )

    def receive_all_pending(self) -> None:
        """The common case in one press: every pending line handed in as the guide asks.

        Materials fetched by data sharing stay pending: confirming them with the
        applicant is a deliberate act (第十条), not part of a sweep.
        """
        for row in self.pending_rows():
            if not row.material.shared:
                row.set_receipt(Receipt.RECEIVED)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 (Qt's name)
        """From any row Tab leaves the list forward and Shift+Tab backward: the window's order goes on from the list's
        last place (the last row, or its note) or its first row.  The rows after the first are no Tab stops, so from
        one of them Qt's order went back to the first row, still in the list, where the next key settled a material
        the clerk was not on, and on into a note opened lower down.  From a note the order goes as it stands."""
        rows = list(self.rows.values())
        here = QApplication.focusWidget()
        if rows and here in rows:
            shown = [w for w in rows[-1].tab_chain() if w.isVisibleTo(self)] or rows[-1:]  # a note given up: hidden
            edge = shown[-1] if next else rows[0]
            edge.setFocus(Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason)
            self.list_left.emit(self._code_of(here) if next else "")  # after the edge took the focus (eventFilter)
        return super().focusNextPrevChild(next)

    def _code_of(self, widget: QObject | None) -> str:
        return next((code for code, row in self.rows.items() if row is widget), "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """A row taking the keyboard is said to the flow, with whether by Shift+Tab: Shift+Tab back into the list
        lands on its one Tab stop, the first row, and the flow sends it on to the row Tab left (focus_row)."""
        if event.type() == QEvent.Type.FocusIn and isinstance(event, QFocusEvent):
            code = self._code_of(watched)
            if code:
                self.row_focused.emit(code, event.reason() is Qt.FocusReason.BacktabFocusReason)
        return False

    def focus_row(self, code: str) -> None:
        """The keyboard to the row ``code`` (the flow's :class:`counter.intake.flow.FocusRow`), if it is still shown:
        the answers may have taken its material off the list meanwhile."""
        row = self.rows.get(code)
        if row is not None and row.isVisible():
            row.setFocus(Qt.FocusReason.BacktabFocusReason)

    def on_step(self, code: str, step: int) -> None:
        codes = list(self.rows)
        index = codes.index(code) + step
        if 0 <= index < len(codes):
            self.rows[codes[index]].setFocus()
