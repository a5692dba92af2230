"""The intake's outcome preview, decided on the desk from what the intake read once: the window is called back.

Every answer, material row, deferral and choice shows again what the form comes to.  What that is decided from
besides the form (the stored guide version, the office's calendar, the hall's periods, the site's standing) is read
once, when the intake first asks (``intake.preview_grounds``); each change is then decided here by the rule the
commit decides by (:func:`counter.documents.outcome_preview.preview_of`), with no request: an intake costs one read
for its preview, not one per change.  The commit still decides again at the server from its own reads.

The read goes to the runner's workers (:meth:`counter.ui.door.runner.Runner.submit`) and its answer comes back on the
window's thread; nothing turns the event loop inside the slot that asked, so the keys the clerk types meanwhile go to
their fields in order, as they come.  Whether a change reads, decides at once or is decided when the read answers,
and which steps wait for that answer (the commit: its button, a refusal's confirmation), is the intake's flow
(:mod:`counter.intake.flow`, plain data tested without a window): the preview turns its asks and answers into the
flow's events and does what the flow's effects say.  A form on another guide version reads that version's grounds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject

from counter.documents.outcome_preview import preview_of
from counter.intake.flow import Event, PreviewAsked, PreviewLost, PreviewRead
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

    def dispatch(self, event: Event) -> object: ...

    @property
    def previewing(self) -> bool: ...


class Preview(QObject):
    """The preview of ``panel``'s form on the day ``today`` gives (the window's, as its other checks of the form),
    its grounds read of ``runner`` for ``desk``; a child of ``parent`` (the panel), so that no answer is shown once
    the panel is gone."""

    def __init__(
        self, panel: Previewed, runner: Runner, desk: Desk, today: Callable[[], dt.date], parent: QObject
    ) -> None:
        super().__init__(parent)
        self._panel, self._runner, self._desk, self._today = panel, runner, desk, today
        self._applied: tuple[Item, ...] = ()  # the items the form's answers apply, as last asked
        self._grounds: PreviewGrounds | None = None  # read once for the intake's guide version
        self._version: int | None = None  # the guide version the grounds were read for
        self._asking = 0  # the guide version whose grounds are (to be) read

    @property
    def in_flight(self) -> bool:
        """The grounds are being read (the flow's state)."""
        return self._panel.previewing

    def ask(self, applied: tuple[Item, ...]) -> None:
        """What the form comes to now, with ``applied`` the items its answers apply: shown at once when the intake's
        grounds are here, else when they are read (the flow says which: :class:`counter.intake.flow.PreviewAsked`)."""
        self._applied = applied
        version = self._panel.request().checklist.guide_version
        grounded = version is None or (self._grounds is not None and self._version == int(version))
        if version is not None:
            self._asking = int(version)
        self._panel.dispatch(PreviewAsked(grounded))

    def read(self) -> None:
        """The flow's :class:`~counter.intake.flow.ReadGrounds`: the grounds of the form's guide version read."""
        try:
            self._runner.submit(PREVIEW_GROUNDS, GuideVersion(self._asking), self._desk, INTAKE_PREVIEW_FAILED,
                                owner=self, answered=self._grounded, failed=self._failed)  # fmt: skip
        except BaseException:
            self._panel.dispatch(PreviewLost())
            raise

    def _grounded(self, grounds: PreviewGrounds) -> None:
        self._grounds, self._version = grounds, self._asking
        self._panel.dispatch(PreviewRead())

    def decide(self) -> None:
        """The flow's :class:`~counter.intake.flow.Decide`: the form's outcome decided here, as the commit decides
        it, and shown."""
        try:
            if self._grounds is None:
                raise IntakeNotPossible(None, why=NotPossibleWhy.GUIDE_VERSION_MISSING)
            shown = preview_of(self._grounds, self._panel.request(), self._today(), self._applied)
        except IntakeNotPossible as err:
            self._panel.show_preview(None, commit_problems(err))
        else:
            if any(reason.code in SETTLED_BY_SITE for reason in shown.decision.reasons):
                self._grounds = None
            self._panel.show_preview(shown, "")

    def reread(self) -> None:
        """The grounds read anew at the next change: the commit found the form otherwise than the desk's preview (a
        setting changed at the hall since the intake opened)."""
        self._grounds = None

    def _failed(self, err: Exception) -> None:
        if isinstance(err, IntakeNotPossible):
            problem = commit_problems(err)
        elif isinstance(err, Failed):
            problem = err.message
        else:
            self._panel.dispatch(PreviewLost())
            raise err
        self._panel.dispatch(PreviewRead(problem))
