"""Key 7 on a material row: ask the 证照库 what it holds of the applicant, and let the clerk take one licence.

The question goes over the network and may take the library's whole timeout, so it runs on a thread of its own
(:class:`LookUpThread`) and the window hears back through signals carrying plain data: the clerk goes on with the
other materials meanwhile.  What the library holds of the material's type comes up in :class:`LicenceChooser`, a
list settled by the keyboard (↑ ↓, Enter takes, Esc leaves it); a licence past its validity, or one that is not the
applicant's, is listed but not taken, and the chooser says why in Chinese.  When the library cannot be asked (none
set, down, an answer not read) the panel records that on the line and the clerk takes the paper as before.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtGui import QFontInfo, QKeyEvent
from PySide6.QtWidgets import QDialog, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from counter.catalog.model import Material
from counter.host.outward.licence_library import LookUp, LookUpOutcome
from counter.intake.licences import Licence, fits, licence_problems
from counter.ui.intake.words import (
    INTAKE_LICENCE_CHOOSE,
    INTAKE_LICENCE_EXPIRED_MARK,
    INTAKE_LICENCE_ITEM,
    INTAKE_LICENCE_KEYS,
    INTAKE_LICENCE_NOT_TAKEN,
    INTAKE_LICENCE_OPEN,
    INTAKE_LICENCE_PROBLEM,
    INTAKE_LICENCE_UNTIL,
)
from counter.ui.widgets.plain_text import plain_label
from counter.words.dates import day_text
from counter.words.punctuation import CLAUSE_JOIN

log = logging.getLogger(__name__)


class LookUpThread(QThread):
    """One question to the library, off the window's thread: ``ask`` is the service's operation
    (:data:`counter.service.intake.LOOK_UP_LICENCES`), run where the library's secret is (the hall server, or this
    machine alone)."""

    done = Signal(str, object)  # the material's code, the LookUp

    def __init__(self, code: str, ask: Callable[[], LookUp]) -> None:
        super().__init__()
        self.code = code
        self._ask = ask

    def run(self) -> None:
        try:
            found = self._ask()
        except Exception as err:  # the service unreachable or failing: the paper way, as with no answer
            log.warning("licence look-up failed: %s", type(err).__name__)
            found = LookUp(LookUpOutcome.FAILED, detail=f"{type(err).__name__}")
        self.done.emit(self.code, found)


def licence_line(licence: Licence) -> str:
    validity = (
        INTAKE_LICENCE_UNTIL.format(date=day_text(licence.valid_until))
        if licence.valid_until is not None
        else INTAKE_LICENCE_OPEN
    )
    return INTAKE_LICENCE_ITEM.format(
        kind=licence.kind, number=licence.number, issuer=licence.issuer, validity=validity, trust=licence.trust.value
    )


class LicenceChooser(QDialog):
    """The licences the library holds of one material's type; Enter takes the one selected, if it may be taken.

    One list serves every look-up of its intake, filled again for each (:meth:`show_licences`): one made for each
    answer stayed behind hidden once given up, until the intake closed, and two answers close together opened two.
    """

    chosen = Signal(str, object)  # the material's code, the Licence taken

    def __init__(
        self,
        material: Material,
        licences: tuple[Licence, ...],
        holder_id: str,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.heading = plain_label()  # the title again inside: a desk without a window manager shows no title bar
        self.heading.setProperty("role", "heading")
        self.list = QListWidget()
        em = QFontInfo(self.font()).pixelSize()  # a hanzi is one em wide: room for a line of the list unwrapped
        self.setMinimumWidth(34 * em)
        self.list.itemActivated.connect(lambda _item: self.take_selected())
        self.list.currentRowChanged.connect(self.on_row_changed)
        self.problem = plain_label(wrap=True)
        self.problem.setProperty("role", "error")
        self.problem.hide()
        keys = plain_label(INTAKE_LICENCE_KEYS)
        keys.setProperty("role", "keys")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        layout.addWidget(self.problem)
        layout.addWidget(keys)
        self.show_licences(material, licences, holder_id, today)

    def show_licences(self, material: Material, licences: tuple[Licence, ...], holder_id: str, today: dt.date) -> None:
        """What the library holds of ``material``'s type, judged on ``today`` for ``holder_id``, the first selected."""
        self.material = material
        self.holder_id = holder_id
        self._today = today
        self.licences = tuple(one for one in licences if fits(material, one))
        title = INTAKE_LICENCE_CHOOSE.format(name=material.name)
        self.setWindowTitle(title)
        self.heading.setText(title)
        self.list.clear()
        for licence in self.licences:
            line = licence_line(licence)
            if licence.expired(today):
                line = INTAKE_LICENCE_EXPIRED_MARK.format(line=line)
            self.list.addItem(QListWidgetItem(line))
        self.list.setCurrentRow(0)
        self.problem.hide()  # why another material's licence was not taken
        self.list.setFocus()

    def take_selected(self) -> bool:
        """Take the selected licence; False, and the reason shown, for one that may not be taken."""
        row = self.list.currentRow()
        if not 0 <= row < len(self.licences):
            return False
        licence = self.licences[row]
        problems = licence_problems(self.material, licence, self.holder_id, self._today)
        if problems:
            reasons = CLAUSE_JOIN.join(INTAKE_LICENCE_PROBLEM[p] for p in problems)
            self.problem.setText(INTAKE_LICENCE_NOT_TAKEN.format(reasons=reasons))
            self.problem.show()
            return False
        self.chosen.emit(self.material.code, licence)
        self.accept()
        return True

    def on_row_changed(self) -> None:
        """Another licence chosen: why the last one Enter tried is not taken no longer speaks of it."""
        self.problem.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # the list took its licence already (itemActivated), and passes the key on: taken here again, it was
            # taken twice; never the dialog's default button either, for an expired licence keeps it open
            return
        super().keyPressEvent(event)


class LicenceAsker(QObject):
    """Runs the look-ups of one intake panel: one at a time per material, each on its own thread."""

    answered = Signal(str, object)  # the material's code, the LookUp

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.running: dict[str, LookUpThread] = {}
        self.closed = False  # the panel has gone: an answer still on its way is to nothing

    def ask(self, material: Material, ask: Callable[[tuple[str, ...]], LookUp]) -> bool:
        """Start asking for this material (``ask`` given its types); False when a question for it is already on its
        way."""
        if material.code in self.running:
            return False
        thread = LookUpThread(material.code, lambda: ask((material.name,)))
        thread.done.connect(self._on_done)
        thread.finished.connect(thread.deleteLater)
        self.running[material.code] = thread
        thread.start()
        return True

    def _on_done(self, code: str, found: LookUp) -> None:
        thread = self.running.pop(code, None)
        if thread is not None:
            thread.wait()
        if not self.closed:
            self.answered.emit(code, found)

    def wait_all(self) -> None:
        """Before the panel goes: no thread outlives it (a question on its way is at most the timeout long), and
        no answer comes after it.  The answer a closing waited for came through the window's events once the intake
        had closed, and its list opened over the desk, the keyboard taken from it."""
        self.closed = True
        for thread in list(self.running.values()):
            thread.wait()
