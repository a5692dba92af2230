"""The intake panel's side of the 证照库: key 7 asks, the answer is shown, the clerk's choice goes into the checklist.

The panel hands over only what this needs (:class:`LicencePanel`): its bundle, its checklist and the applicant's ID
number as typed, and takes back a new checklist through :meth:`LicencePanel.apply_checklist`.  The question is an
operation of the service (``intake.look_up_licences``), asked off the window's thread
(:mod:`counter.ui.intake.licence_lookup`): it runs where the library's secret is kept, the hall server or this
machine alone, and the window never holds the secret.  With no library set, or none answering, the line records the
failed look-up and the status line tells the clerk to take the paper.

The answer may come long after 7, the clerk gone on meanwhile to the next rows, a note or a name: its list opens only
where she still is, on the row that asked, and one list at a time.  Anywhere else the answer waits on its row, said
there and under the form without taking the keyboard, and 7 on that row opens it at once, the library not asked
again; a list that opened wherever she was took her next key, a digit meant for another row, or an Enter that took a
licence for a material she was not on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from counter.access.desk import Desk
from counter.catalog.model import Bundle, Material
from counter.host.outward.licence_library import LookUp, LookUpOutcome
from counter.intake.checklist import (
    Checklist,
    LicenceNotTaken,
    MaterialEntry,
    awaits_original,
    mark_lookup_failed,
    take_licence,
)
from counter.intake.draft import IntakeDraft
from counter.intake.licence_trust import use_reason
from counter.intake.licences import Licence, fits
from counter.service.intake import LOOK_UP_LICENCES, LookUpLicences
from counter.ui.door.runner import Runner
from counter.ui.intake.checklist_view import ChecklistView
from counter.ui.intake.licence_lookup import LicenceAsker, LicenceChooser, licence_line
from counter.ui.intake.words import (
    INTAKE_LICENCE_ASKING,
    INTAKE_LICENCE_CHECK_ORIGINAL,
    INTAKE_LICENCE_FAILED,
    INTAKE_LICENCE_FOUND,
    INTAKE_LICENCE_FOUND_ROW,
    INTAKE_LICENCE_NO_ID,
    INTAKE_LICENCE_NONE,
    INTAKE_LICENCE_NOT_SET,
    INTAKE_LICENCE_NOT_TAKEN,
    INTAKE_LICENCE_PROBLEM,
    INTAKE_LICENCE_TAKEN,
)
from counter.ui.keyboard.focus import back_to
from counter.words.punctuation import CLAUSE_JOIN

NOT_SET = "no library set"  # the failed look-up of a hall without a 证照库, as the case keeps it


class LicencePanel(Protocol):
    bundle: Bundle
    status: QLabel  # the line under the form
    checklist_view: ChecklistView  # the rows: the one that asked says an answer kept for it

    def form(self) -> IntakeDraft: ...

    @property
    def checklist(self) -> Checklist: ...

    def apply_checklist(self, checklist: Checklist, code: str) -> None: ...

    def show_status(self, text: str, *, error: bool = False) -> None: ...


class LicenceDesk(QObject):
    def __init__(
        self,
        panel: LicencePanel,
        runner: Runner,
        today: Callable[[], dt.date],
        parent: QObject,
        desk: Desk | None = None,
    ) -> None:
        super().__init__(parent)
        self.panel = panel
        self._runner = runner
        self._desk = desk
        self._today = today
        self._window = parent if isinstance(parent, QWidget) else None
        self.asker = LicenceAsker(self)
        self.asker.answered.connect(self.on_answered)
        self.chooser: LicenceChooser | None = None
        self._holders: dict[str, str] = {}  # the ID number each look-up on its way asked about
        self._said = ("", "")  # the material the line under the form speaks of, and what it says
        # the answers that came after the clerk went on, by material: the licences found, and whose number was asked
        self._kept: dict[str, tuple[tuple[Licence, ...], str]] = {}

    def _ask(self, holder_id: str) -> Callable[[tuple[str, ...]], LookUp]:
        """The question as the service asks it, on the look-up's own thread: the clerk goes on meanwhile (the
        runner's one-at-a-time queue is the window's, not this)."""
        service, desk = self._runner.service, self._desk

        reason = use_reason(self.panel.bundle.name)  # 用证事由: the case has no number before it is taken

        def ask(types: tuple[str, ...]) -> LookUp:
            found: LookUp = service.call(LOOK_UP_LICENCES, LookUpLicences(holder_id, types, reason), desk)
            return found

        return ask

    def on_asked(self, code: str) -> None:
        material = next((m for m in self.panel.bundle.materials if m.code == code), None)
        holder_id = self.panel.form().applicant.id_no.strip().upper()
        if material is None:
            return
        if not holder_id:
            self._say(code, INTAKE_LICENCE_NO_ID, error=True)
            return
        kept = self._drop_kept(code)
        if kept is not None and kept[1] == holder_id:  # answered after she went on: the list at once, not asked again
            self._unsay(code)
            self._open(material, kept[0], holder_id)
            return
        self._holders[code] = holder_id
        if self.asker.ask(material, self._ask(holder_id)):
            self.panel.show_status(INTAKE_LICENCE_ASKING.format(name=material.name))

    def on_answered(self, code: str, found: LookUp) -> None:
        material = next(m for m in self.panel.bundle.materials if m.code == code)
        holder_id = self._holders.pop(code, "")
        if self.panel.checklist.entry(code) is None:
            return  # the answers changed the list meanwhile: the material is no longer asked for
        if found.outcome is not LookUpOutcome.ANSWERED:
            reason = NOT_SET if found.outcome is LookUpOutcome.NOT_SET else found.detail
            self.panel.apply_checklist(mark_lookup_failed(self.panel.checklist, [code], reason), code)
            unset = found.outcome is LookUpOutcome.NOT_SET
            said = INTAKE_LICENCE_NOT_SET if unset else INTAKE_LICENCE_FAILED.format(name=material.name)
            self._say(code, said, error=True)
            return
        held = tuple(one for one in found.licences if fits(material, one))
        if not held:
            self._say(code, INTAKE_LICENCE_NONE.format(name=material.name), error=True)
            return
        if not self._still_on(code):
            self._kept[code] = (held, holder_id)
            self.panel.checklist_view.show_found(code, INTAKE_LICENCE_FOUND_ROW.format(count=len(held)))
            self._say(code, INTAKE_LICENCE_FOUND.format(name=material.name, count=len(held)))
            return
        self.panel.show_status("")  # answered: the list says the rest; given up with Esc, no 正在查询 stays behind
        self._open(material, held, holder_id)

    def _still_on(self, code: str) -> bool:
        """Whether the clerk is still where she asked: the keyboard on the row that asked, or, with no window of the
        desk's holding it, the row where the intake will give it back; and no list open for another material."""
        if self.chooser is not None and self.chooser.isVisible():
            return False
        row = self.panel.checklist_view.rows.get(code)
        focus = QApplication.focusWidget()
        if focus is None and self._window is not None:
            focus = self._window.focusWidget()
        return row is not None and (focus is row or focus is None)

    def _open(self, material: Material, held: tuple[Licence, ...], holder_id: str) -> None:
        """The list of ``held``, taking the keyboard: the intake's one list, made the first time."""
        if self.chooser is None:
            self.chooser = LicenceChooser(material, held, holder_id, self._today(), self._window)
            self.chooser.chosen.connect(self.on_taken)
            self.chooser.finished.connect(self.on_chooser_closed)
        else:
            self.chooser.show_licences(material, held, holder_id, self._today())
        self.chooser.open()

    def on_taken(self, code: str, licence: Licence) -> None:
        if self.chooser is not None:
            self.on_chosen(code, licence, self.chooser.holder_id)

    def _drop_kept(self, code: str) -> tuple[tuple[Licence, ...], str] | None:
        """The answer kept for a material, no longer kept and no longer said on its row."""
        kept = self._kept.pop(code, None)
        if kept is not None:
            self.panel.checklist_view.show_found(code, "")
        return kept

    def on_chooser_closed(self) -> None:
        """Taken or given up with Esc, the panel takes the keyboard back where it was (the row that asked, or the one
        the clerk went on to meanwhile): left to the window system, it went where a window manager chose, or with
        none to no window at all, and the next key was lost."""
        if self._window is not None:
            back_to(self._window)

    def _say(self, code: str, text: str, *, error: bool = False) -> None:
        """A message under the form about the look-up of one material, kept until its line is recorded."""
        self.panel.show_status(text, error=error)
        self._said = (code, text)

    def _unsay(self, code: str) -> None:
        """The message under the form about ``code``'s look-up goes, unless another's replaced it meanwhile."""
        said_of, text = self._said
        if said_of != code:
            return
        if self.panel.status.text() == text:
            self.panel.show_status("")
        self._said = ("", "")

    def on_recorded(self, entry: MaterialEntry) -> None:
        """The clerk recorded the line by its row (the paper taken, none handed in): what the look-up asked of it is
        answered, its message goes, and so does an answer kept for it (7 asks again).  Kept, a red one stood under the
        form to the end: a draft's note never covers an error."""
        self._drop_kept(entry.code)
        self._unsay(entry.code)

    def on_holder_typed(self, id_no: str) -> None:
        """The applicant's number typed: 请先填写…再查询证照库 no longer stands (in red it stood to the end), and an
        answer kept about another number is not the applicant's."""
        if self.panel.status.text() == INTAKE_LICENCE_NO_ID:
            self.panel.show_status("")
        holder_id = id_no.strip().upper()
        for code in [code for code, (_, asked_of) in self._kept.items() if asked_of != holder_id]:
            self._drop_kept(code)
            self._unsay(code)

    def on_chosen(self, code: str, licence: Licence, holder_id: str) -> None:
        try:
            taken = take_licence(self.panel.checklist, self.panel.bundle, code, licence, holder_id, self._today())
        except LicenceNotTaken as err:  # the chooser checked already; the day may have turned since
            reasons = CLAUSE_JOIN.join(INTAKE_LICENCE_PROBLEM[p] for p in err.problems)
            self._say(code, INTAKE_LICENCE_NOT_TAKEN.format(reasons=reasons), error=True)
            return
        self.panel.apply_checklist(taken, code)
        line = taken.entry(code)
        if line is not None and awaits_original(line):  # C: 须核验原件 (国办函〔2016〕108号)
            self._say(code, INTAKE_LICENCE_CHECK_ORIGINAL)
            return
        self._say(code, INTAKE_LICENCE_TAKEN.format(line=licence_line(licence)))
