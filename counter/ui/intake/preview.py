"""The intake's outcome preview, decided on the desk from what the intake read once: the window is called back.

Every answer, material row, deferral and choice shows again what the form comes to.  What that is decided from
besides the form (the stored guide version, the office's calendar, the hall's periods, the site's standing) is read
once, when the intake first asks (``intake.preview_grounds``); each change is then decided here by the rule the
commit decides by (:func:`counter.documents.outcome_preview.preview_of`), with no request: an intake costs one read
for its preview, not one per change.  The commit still decides again at the server from its own reads.

The read goes to the runner's workers (:meth:`counter.ui.door.runner.Runner.submit`) and its answer comes back on the
window's thread; nothing turns the event loop inside the slot that asked, so the keys the clerk types meanwhile go to
their fields in order, as they come.  While it is in flight a change asks once more when it answers, with the form as
it then stands.  A step that must see the outcome of the form as it is (the commit: its button, a refusal's
confirmation) waits for it: :meth:`Preview.after`.  A form on another guide version reads that version's grounds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject

from counter.documents.outcome_preview import preview_of
from counter.intake.not_possible import IntakeNotPossible, NotPossibleWhy
from counter.intake.outcome import ReasonCode
from counter.service.intake import PREVIEW_GROUNDS, GuideVersion
from counter.ui.door.runner import Failed
from counter.ui.intake.outcome_box import commit_problems
from counter.ui.intake.words import INTAKE_PREVIEW_FAILED

if TYPE_CHECKING:
    from counter.access.desk import Desk
    from counter.case.intake_request import IntakeRequest
    from counter.catalog.model import Item
    from counter.documents.outcome_preview import IntakePreview, PreviewGrounds
    from counter.ui.door.runner import Runner


#: what an administrator settles while the clerk waits (the site's standing, its 复议 bodies): a preview held up by
#: one reads the grounds again at the next change, so that the form can go on once it is set
SETTLED_BY_SITE = frozenset({ReasonCode.REVIEW_BODY_UNNAMED, ReasonCode.REFUSAL_NOT_THE_WINDOWS})


class Previewed(Protocol):
    """What the preview asks of its panel (:class:`counter.ui.intake.panel.IntakePanel`)."""

    def request(self) -> IntakeRequest: ...

    def refresh_decision(self) -> None: ...

    def show_preview(self, shown: IntakePreview | None, problem: str) -> None: ...


class Preview(QObject):
    """The preview of ``panel``'s form on the day ``today`` gives (the window's, as its other checks of the form),
    its grounds read of ``runner`` for ``desk``; a child of ``parent`` (the panel), so that no answer is shown once
    the panel is gone."""

    def __init__(
        self, panel: Previewed, runner: Runner, desk: Desk, today: Callable[[], dt.date], parent: QObject
    ) -> None:
        super().__init__(parent)
        self._panel, self._runner, self._desk, self._today = panel, runner, desk, today
        self.in_flight = False
        self._again = False  # the form changed while a preview was in flight
        self._then: list[Callable[[], None]] = []  # steps waiting for the form's own preview
        self._applied: tuple[Item, ...] = ()  # the items of the form whose grounds are being read
        self._grounds: PreviewGrounds | None = None  # read once for the intake's guide version
        self._version: int | None = None  # the guide version the grounds were read for
        self._asking = 0  # the guide version whose grounds are being read

    def ask(self, applied: tuple[Item, ...]) -> None:
        """What the form comes to now, with ``applied`` the items its answers apply: shown at once when the intake's
        grounds are here, else when they are read."""
        if self.in_flight:
            self._again = True
            return
        version = self._panel.request().checklist.guide_version
        if version is None or (self._grounds is not None and self._version == int(version)):
            self._decide(applied)
            return
        self.in_flight, self._applied, self._asking = True, applied, int(version)
        try:
            self._runner.submit(PREVIEW_GROUNDS, GuideVersion(self._asking), self._desk, INTAKE_PREVIEW_FAILED,
                                owner=self, answered=self._grounded, failed=self._failed)  # fmt: skip
        except BaseException:
            self.in_flight = False
            raise

    def _grounded(self, grounds: PreviewGrounds) -> None:
        self._grounds, self._version = grounds, self._asking
        if self._ended_stale():
            return
        self._decide(self._applied)

    def _decide(self, applied: tuple[Item, ...]) -> None:
        """The form's outcome decided here, as the commit decides it; shown, and the waiting steps let go."""
        try:
            if self._grounds is None:
                raise IntakeNotPossible(None, why=NotPossibleWhy.GUIDE_VERSION_MISSING)
            shown = preview_of(self._grounds, self._panel.request(), self._today(), applied)
        except IntakeNotPossible as err:
            self._panel.show_preview(None, commit_problems(err))
        else:
            if any(reason.code in SETTLED_BY_SITE for reason in shown.decision.reasons):
                self._grounds = None
            self._panel.show_preview(shown, "")
        self._go_on()

    def reread(self) -> None:
        """The grounds read anew at the next change: the commit found the form otherwise than the desk's preview (a
        setting changed at the hall since the intake opened)."""
        self._grounds = None

    def after(self, step: Callable[[], None]) -> bool:
        """``step`` once the preview of the form as it stands has been shown; False when none is in flight (the
        caller goes on at once)."""
        if not self.in_flight:
            return False
        if step not in self._then:
            self._then.append(step)
        return True

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
