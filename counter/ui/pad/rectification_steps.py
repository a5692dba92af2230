"""The 督办 page's steps on the chosen rectification: its moves and its appeal, and what the page says of each.

:class:`counter.ui.pad.supervision.RectificationPage` shows the open rectifications and the chosen one; the slots
here store a step on it (a move of its state, an appeal filed or decided), each submitted to the runner and gone on
with once it answers on the window's thread: what was typed cleared, the page's line said, the list read again with
the same rectification chosen (or its final state shown where it left the list).  A refusal, or a failure, is said
beside the buttons and keeps what was typed.  The seam is the page's own: what it shows there, what it does here, as
a part of the same class (:class:`RectificationSteps`), so the page's slots keep their names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from counter.ratings.rectification import AppealGround, RectEvent, RectState
from counter.ratings.refusals import AppealRefused, MoveRefused
from counter.service.rectifications import (
    DECIDE_APPEAL,
    FILE_APPEAL,
    MOVE_RECTIFICATION,
    DecideAppeal,
    FileAppeal,
    MoveRectification,
)
from counter.ui.door.refused import refusal_text
from counter.ui.pad.words import (
    SUPERVISE_APPEAL_DECISION,
    SUPERVISE_APPEAL_DONE,
    SUPERVISE_APPEAL_FILED,
    SUPERVISE_DONE,
    SUPERVISE_SAVE_FAILED,
)
from counter.words.ratings import APPEAL_PROBLEM, RECT_EVENT, RECT_MOVE_PROBLEM, RECT_STATE

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QLineEdit, QPlainTextEdit
    from PySide6.QtWidgets import QWidget as _Page

    from counter.access.desk import Desk
    from counter.ratings.views import RectificationView
    from counter.service.operation import Operation
    from counter.ui.door.runner import Runner
    from counter.ui.widgets.restyle import MessageLine
else:
    _Page = object  # the page is the widget: a part of it here, not a second one

Req = TypeVar("Req")


class RectificationSteps(_Page):
    """The 督办 page's slots that store a step (a part of :class:`counter.ui.pad.supervision.RectificationPage`)."""

    if TYPE_CHECKING:  # what the page holds
        _runner: Runner
        _desk: Desk | None
        _view: RectificationView | None
        note: QPlainTextEdit
        fix_due: QDateEdit
        problems: QLabel
        message: MessageLine
        appeal_ground: QComboBox
        appeal_reason: QLineEdit

        def refresh(self, then: Callable[[], None] | None = None) -> None: ...
        def choose(self, rectification_id: int) -> bool: ...
        def read_detail(self, rectification_id: int, *, chosen_only: bool = False) -> None: ...

    def on_move_clicked(self, event: RectEvent) -> None:
        view = self._view
        if view is None:
            return
        rect_id = view.row.rectification_id
        chosen = self.fix_due.date()
        fix_due = dt.date(chosen.year(), chosen.month(), chosen.day()) if event is RectEvent.FIX_BY_DEADLINE else None
        move = MoveRectification(rect_id, event, self.note.toPlainText(), fix_due)

        def moved(state: RectState) -> None:
            self.note.clear()
            self.message.say(SUPERVISE_DONE.format(event=RECT_EVENT[event], state=RECT_STATE[state]), "done")
            self._reload(rect_id)

        def refused(err: Exception) -> None:
            if isinstance(err, MoveRefused):
                self.problems.setText("\n".join(RECT_MOVE_PROBLEM[p] for p in err.problems))
            else:
                self._refused(err)

        self._runner.submit_step(MOVE_RECTIFICATION, move, self._desk, SUPERVISE_SAVE_FAILED, owner=self,
                                 answered=moved, failed=refused)  # fmt: skip

    def on_appeal_clicked(self, upheld: bool) -> None:
        view = self._view
        if view is None:
            return
        ground = AppealGround(self.appeal_ground.currentData())
        decide = DecideAppeal(view.rating_id, ground, self.appeal_reason.text(), upheld)
        rect_id = view.row.rectification_id

        def decided() -> None:
            self.message.say(SUPERVISE_APPEAL_DONE.format(decision=SUPERVISE_APPEAL_DECISION[upheld]), "done")
            self._reload(rect_id)

        self._appeal_stored(DECIDE_APPEAL, decide, decided)

    def on_file_clicked(self) -> None:
        """The appeal filed (申诉): the 差评 stays counted, marked 申诉中, until a supervisor decides it."""
        view = self._view
        if view is None:
            return
        filing = FileAppeal(view.rating_id, self.appeal_reason.text())
        rect_id = view.row.rectification_id

        def filed() -> None:
            self.message.say(SUPERVISE_APPEAL_FILED, "done")
            self._reload(rect_id)

        self._appeal_stored(FILE_APPEAL, filing, filed)

    def _appeal_stored(self, op: Operation[Req, None], step: Req, then: Callable[[], None]) -> None:
        """Store an appeal's step (filed or decided), then ``then``; on a refusal or a failure say why and keep what
        was typed."""

        def stored(_none: None) -> None:
            self.appeal_reason.clear()
            then()

        def refused(err: Exception) -> None:
            if isinstance(err, AppealRefused):
                self.problems.setText("\n".join(APPEAL_PROBLEM[p] for p in err.problems))
            else:
                self._refused(err)

        self._runner.submit_step(op, step, self._desk, SUPERVISE_SAVE_FAILED, owner=self, answered=stored,
                                 failed=refused)  # fmt: skip

    def _refused(self, err: Exception) -> None:
        """A step not stored for want of a permission, or a failure: said beside the buttons."""
        self.problems.setText(refusal_text(err))

    def _reload(self, rectification_id: int) -> None:
        """After a step: the list again, and the same rectification (or its final state when it left the list)."""

        def chosen() -> None:
            if not self.choose(rectification_id):
                self.read_detail(rectification_id)

        self.refresh(chosen)
