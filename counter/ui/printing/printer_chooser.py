"""选择打印机: the printers with their state, and the desk's choice remembered in desk.json.

Not Qt's print dialog, on purpose: its copies, page range and duplex settings
would be silently ignored, because the notice prints as the very PDF the
preview showed (one full set of pages per copy is already in it), and its
printer list cannot say that a printer is stopped.  This list can, and it
comes from where the print itself asks — ``lpstat``, or ``QPrinterInfo`` on a
desk that prints through Qt (:mod:`counter.printing.route`) — on a thread of
its own (:class:`~counter.ui.printing.print_run.PrinterQuery`): the list fills
in when the system answers, and one that does not answer freezes nothing.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from counter.host.machine.desk_config import load_desk_config, save_desk_config
from counter.printing.cups import Printer
from counter.ui.look.geometry import fit_to_screen
from counter.ui.printing.print_run import Failure, PrinterQuery
from counter.ui.printing.words import (
    PRINTING_CHOOSE_PROMPT,
    PRINTING_CHOOSE_TITLE,
    PRINTING_DEFAULT_PRINTER,
    PRINTING_PRINTER_DEFAULT,
    PRINTING_PRINTER_GONE,
    PRINTING_PRINTER_REJECTING,
    PRINTING_PRINTER_STOPPED,
)
from counter.ui.widgets.plain_text import plain_label
from counter.words.printing import print_problem_text
from counter.words.punctuation import ASIDE, MARK_JOIN


def printer_label(printer: Printer) -> str:
    marks = []
    if printer.default:
        marks.append(PRINTING_PRINTER_DEFAULT)
    if not printer.enabled:
        marks.append(PRINTING_PRINTER_STOPPED)
    if not printer.accepting:
        marks.append(PRINTING_PRINTER_REJECTING)
    return ASIDE.format(text=printer.name, aside=MARK_JOIN.join(marks)) if marks else printer.name


def printer_name_text(printer: str) -> str:
    """How the window names the desk's printer ("" is the system's default)."""
    return printer or PRINTING_DEFAULT_PRINTER


def remember_printer(printer: str) -> None:
    """Keep the desk's printer in desk.json: every later print at this desk goes there."""
    save_desk_config(dataclasses.replace(load_desk_config(), printer=printer))


class PrinterChooser(QDialog):
    """Non-modal: the preview stays readable while the clerk looks for the printer's name."""

    chosen = Signal(str)  # the printer's name; "" for the system's default
    loaded = Signal()  # the system answered (or could not): the list is complete

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(PRINTING_CHOOSE_TITLE)
        self.setModal(False)
        self.list = QListWidget()
        self.message = plain_label(wrap=True)
        self.message.setStyleSheet("color: #9b1c13;")
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(PRINTING_CHOOSE_PROMPT))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._current = current
        self._add(PRINTING_DEFAULT_PRINTER, "")
        self.list.setCurrentRow(0)
        # the application's, not the dialog's: a dialog closed while the system is slow never ends a running thread
        self.query = PrinterQuery(parent=QCoreApplication.instance())
        self._connect_signals()
        fit_to_screen(self, (420, 320), maximise=False)
        self.query.start()

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(self.on_item_double_clicked)
        self.query.found.connect(self.on_printers_found)
        self.query.failed.connect(self.on_query_failed)
        self.query.finished.connect(self.query.deleteLater)

    def on_printers_found(self, found: list[Printer]) -> None:
        for printer in found:
            self._add(printer_label(printer), printer.name)
        current = self._current
        if current and current not in {p.name for p in found}:
            self._add(PRINTING_PRINTER_GONE.format(printer=current), current)
        if current:
            self.select(current)
        self.loaded.emit()

    def on_query_failed(self, failure: Failure) -> None:
        self.message.setText(print_problem_text(failure.problem, failure.printer, failure.detail))
        self.message.show()
        if self._current:
            self._add(self._current, self._current)
            self.select(self._current)
        self.loaded.emit()

    def _add(self, label: str, name: str) -> None:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, name)
        self.list.addItem(item)

    def names(self) -> list[str]:
        return [str(self.list.item(row).data(Qt.ItemDataRole.UserRole)) for row in range(self.list.count())]

    def select(self, name: str) -> None:
        self.list.setCurrentRow(self.names().index(name))

    def on_item_double_clicked(self, _item: QListWidgetItem) -> None:
        self.accept()

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))
        super().accept()
