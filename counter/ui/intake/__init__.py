"""The intake panel of the desk app: one applicant's bundle taken to exactly one outcome.

The main window opens it with :func:`open_intake` from a guide page, and at
start-up offers back an unfinished intake: :func:`pending_drafts` reads and checks
the desk's draft (a bad one is dropped and its :meth:`DraftInfo.problem_text`
said), :func:`restore_intake` opens it again, :func:`discard_draft` gives it up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from counter.access.desk import Desk
from counter.catalog.stored_guide import StoredGuide
from counter.intake.draft import DraftProblemCode, DraftUnreadable, IntakeDraft
from counter.service.intake import READ_GUIDE_VERSION, GuideVersion
from counter.ui.door.runner import Runner
from counter.ui.intake.drafts import DraftInfo, discard_draft, pending_drafts
from counter.ui.intake.panel import IntakePanel
from counter.ui.look.geometry import fit_to_screen
from counter.ui.warmup.intake_opening import WINDOW_SIZE

__all__ = [
    "DraftInfo",
    "IntakePanel",
    "discard_draft",
    "open_intake",
    "pending_drafts",
    "restore_intake",
    "resubmit_intake",
]


def open_intake(
    parent: QWidget,
    runner: Runner,
    desk: Desk,
    stored_guide: StoredGuide,
    today: Callable[[], dt.date],
    previous_case_no: str = "",
) -> IntakePanel:
    """Show the intake panel as its own window beside the main one (not modal: the guide stays usable)."""
    return _show(IntakePanel(runner, desk, stored_guide, today, previous_case_no, parent))


def restore_intake(
    parent: QWidget,
    runner: Runner,
    desk: Desk,
    draft: IntakeDraft,
    today: Callable[[], dt.date],
    opened: Callable[[IntakePanel], None],
    failed: Callable[[Exception], None],
) -> None:
    """The unfinished intake of :func:`pending_drafts`, as the clerk left it, in its own window, handed to ``opened``
    once its guide version is read (called back: :meth:`counter.ui.door.runner.Runner.submit`).

    ``failed`` is handed :class:`counter.intake.draft.DraftUnreadable` if the guide version went away since
    :func:`pending_drafts` looked, or the read's fault.
    """

    def read(guide: StoredGuide | None) -> None:
        if guide is None:
            failed(DraftUnreadable(DraftProblemCode.GUIDE_MISSING, str(draft.guide_version_id)))
            return
        try:
            panel = IntakePanel.from_draft(runner, desk, draft, guide, today, parent)
        except DraftUnreadable as err:
            failed(err)
            return
        opened(_show(panel))

    asked = GuideVersion(draft.guide_version_id)
    runner.submit(READ_GUIDE_VERSION, asked, desk, owner=parent, answered=read, failed=failed)


def resubmit_intake(
    parent: QWidget,
    runner: Runner,
    desk: Desk,
    stored_guide: StoredGuide,
    carried: IntakeDraft,
    today: Callable[[], dt.date],
) -> IntakePanel:
    """A 补正 answer's intake, filled with what the case it answers recorded, the keyboard on the first line its
    notice listed: the applicant brings only those papers (一次性告知), and the clerk takes only them.

    ``carried`` is on ``stored_guide`` (the service's intake.resubmission builds it on the current guide).
    """
    panel = IntakePanel(runner, desk, stored_guide, today, carried.previous_case_no, parent)
    panel.apply_draft(carried)
    _show(panel)
    listed = panel.checklist_view.pending_rows()
    if listed:
        listed[0].setFocus(Qt.FocusReason.ActiveWindowFocusReason)
    return panel


def _show(panel: IntakePanel) -> IntakePanel:
    """Shown, in front and with the keyboard: the clerk types the ID number straight after F5.

    Without activating it the window may open behind the main one (a desk's
    window manager, or none at all, decides), and the typing lands in the
    search box there.
    """
    panel.setWindowFlag(Qt.WindowType.Window, True)
    fit_to_screen(panel, WINDOW_SIZE)
    panel.show()
    panel.raise_()
    panel.activateWindow()
    panel.applicant_form.id_field.edit.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
    return panel
