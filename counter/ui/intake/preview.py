"""The intake's outcome preview, asked of the service and shown when it answers: the window is called back.

Every answer, material row, deferral and choice asks again what the form comes to (``intake.preview_intake``).  The
question goes to the runner's workers (:meth:`counter.ui.runner.Runner.submit`) and the answer comes back on the
window's thread; nothing turns the event loop inside the slot that asked, so the keys the clerk types meanwhile go to
their fields in order, as they come.

One preview is in flight at a time.  A change made while one is in flight asks once more when it answers, with the
form as it then stands; the answer of a form already changed is not shown.  A step that must see the outcome of the
form as it is (the commit: its button, a refusal's confirmation) waits for the last preview: :meth:`Preview.after`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject

from counter.intake.not_possible import IntakeNotPossible
from counter.service.intake import PREVIEW_INTAKE, PreviewIntake
from counter.ui.intake.outcome_box import commit_problems
from counter.ui.intake.words import INTAKE_PREVIEW_FAILED
from counter.ui.runner import Failed

if TYPE_CHECKING:
    from counter.access.desk import Desk
    from counter.case.intake_request import IntakeRequest
    from counter.catalog.model import Item
    from counter.service.intake import IntakePreview
    from counter.ui.runner import Runner

log = logging.getLogger(__name__)


class Previewed(Protocol):
    """What the preview asks of its panel (:class:`counter.ui.intake.panel.IntakePanel`)."""

    def request(self) -> IntakeRequest: ...

    def refresh_decision(self) -> None: ...

    def show_preview(self, shown: IntakePreview | None, problem: str) -> None: ...


class Preview(QObject):
    """The preview of ``panel``'s form, asked of ``runner`` for ``desk`` (the day is the call's); a child of
    ``parent`` (the panel), so that no answer is shown once the panel is gone."""

    def __init__(self, panel: Previewed, runner: Runner, desk: Desk, parent: QObject) -> None:
        super().__init__(parent)
        self._panel, self._runner, self._desk = panel, runner, desk
        self.in_flight = False
        self._again = False  # the form changed while a preview was in flight
        self._then: list[Callable[[], None]] = []  # steps waiting for the form's own preview

    def ask(self, applied: tuple[Item, ...]) -> None:
        """What the form comes to now, with ``applied`` the items its answers apply; shown when it answers."""
        if self.in_flight:
            self._again = True
            return
        self.in_flight = True
        panel = self._panel
        asked = PreviewIntake(panel.request(), applied)
        try:
            self._runner.submit(PREVIEW_INTAKE, asked, self._desk, INTAKE_PREVIEW_FAILED, owner=self,
                                answered=self._answered, failed=self._failed)  # fmt: skip
        except BaseException:
            self.in_flight = False
            raise

    def after(self, step: Callable[[], None]) -> bool:
        """``step`` once the preview of the form as it stands has been shown; False when none is in flight (the
        caller goes on at once)."""
        if not self.in_flight:
            return False
        if step not in self._then:
            self._then.append(step)
        return True

    def _answered(self, shown: IntakePreview) -> None:
        if self._ended_stale():
            return
        self._panel.show_preview(shown, "")
        self._go_on()

    def _failed(self, err: Exception) -> None:
        if isinstance(err, IntakeNotPossible):
            problem = commit_problems(err)
        elif isinstance(err, Failed):
            problem = err.message
        else:
            self.in_flight = False
            raise err
        if self._ended_stale():
            return
        self._panel.show_preview(None, problem)
        self._go_on()

    def _ended_stale(self) -> bool:
        """The flight over; True when the form changed meanwhile and its preview was asked again instead."""
        self.in_flight = False
        if not self._again:
            return False
        self._again = False
        self._panel.refresh_decision()  # its answer shown in turn (at once where no event loop turns)
        return True

    def _go_on(self) -> None:
        steps, self._then = self._then, []
        for step in steps:
            step()
