"""The desk's draft read as the start reads it, for tests that look at it where no event loop turns.

The window asks for its draft called back (:func:`counter.ui.intake.pending_drafts`, :func:`restore_intake`): where
no event loop turns, the runner hands the answer over before the call returns, so these give it back at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject

from counter.access.desk import Desk
from counter.intake.draft import DraftProblemCode, DraftUnreadable, IntakeDraft
from counter.service.intake import READ_GUIDE_VERSION, GuideVersion
from counter.ui.door.runner import Runner
from counter.ui.intake.drafts import DraftInfo, discard_draft, pending_drafts
from counter.ui.intake.panel import IntakePanel


def _raise(err: Exception) -> None:
    raise err


def kept(runner: Runner, desk: Desk) -> tuple[DraftInfo, ...]:
    """The desk's unfinished intakes, checked, as the start offers them: those dropped first, then the kept, newest
    first."""
    found: list[tuple[DraftInfo, ...]] = []
    pending_drafts(runner, desk, QObject(), found.append, _raise)
    assert found, "no answer: an event loop turns, and the drafts are handed over later"
    return found[0]


def pending(runner: Runner, desk: Desk) -> DraftInfo | None:
    """The desk's one unfinished intake (or the one dropped), checked, as the start offers it; None for none."""
    found = kept(runner, desk)
    assert len(found) <= 1, f"{len(found)} drafts kept, one expected"
    return found[0] if found else None


def discarded(runner: Runner, desk: Desk, uid: str) -> None:
    """The clerk's 放弃 of the intake ``uid``, answered."""
    discard_draft(runner, desk, uid, QObject(), _raise)


def restored(runner: Runner, desk: Desk, draft: IntakeDraft, today: Callable[[], dt.date]) -> IntakePanel:
    """A panel showing ``draft`` on its guide version, as :func:`counter.ui.intake.restore_intake` opens it (with no
    window of its own); :class:`DraftUnreadable` when the version is gone."""
    guide = runner.service.call(READ_GUIDE_VERSION, GuideVersion(draft.guide_version_id), desk)
    if guide is None:
        raise DraftUnreadable(DraftProblemCode.GUIDE_MISSING, str(draft.guide_version_id))
    return IntakePanel.from_draft(runner, desk, draft, guide, today)
