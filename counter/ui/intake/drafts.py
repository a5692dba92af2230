"""The intake left unfinished at this desk, offered back when the app starts.

:func:`pending_draft` reads the desk's draft and checks it all the way: that it
is a draft, that its guide version is still stored, and that its checklist fits
that guide.  A draft that fails is dropped at once and reported through
:attr:`DraftInfo.problem`, so the clerk is told and the next start is clean;
a draft that passes can be restored with ``IntakePanel.from_draft``.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from counter import texts
from counter.actions.desk import Desk
from counter.intake.draft import DraftProblemCode, DraftUnreadable, IntakeDraft, draft_from_json, fit_checklist
from counter.ui.intake.db_calls import Sessions, read_draft, remove_draft, stored_guide

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DraftInfo:
    saved_at: dt.datetime  # aware
    draft: IntakeDraft | None  # None when the stored draft could not be used
    bundle_name: str = ""
    problem: DraftProblemCode | None = None
    detail: str = ""

    def saved_time(self) -> str:
        """HH:MM in the desk's local time."""
        return f"{self.saved_at.astimezone():%H:%M}"

    def offer_text(self) -> str:
        """The start-up question "上次未完成的受理（保存于 HH:MM）：…", answered 恢复 / 放弃."""
        applicant = self.draft.applicant.name.strip()[:20] if self.draft else ""
        return texts.INTAKE_DRAFT_OFFER.format(
            time=self.saved_time(), bundle=self.bundle_name, applicant=f"，{applicant}" if applicant else ""
        )

    def problem_text(self) -> str:
        """Why the draft was discarded; empty for a good draft."""
        if self.problem is None:
            return ""
        reason = texts.INTAKE_DRAFT_PROBLEM[self.problem].format(detail=self.detail)
        return texts.INTAKE_DRAFT_DISCARDED.format(reason=reason)


def _aware(moment: dt.datetime) -> dt.datetime:
    """SQLite gives back the UTC time without its zone; PostgreSQL with it."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def pending_draft(sessions: Sessions, desk: Desk) -> DraftInfo | None:
    """The desk's unfinished intake, checked; None when there is none.

    Raises SQLAlchemy's errors when the database cannot be read: that is not a
    bad draft, and the draft is kept for a start when the database answers.
    """
    stored = read_draft(sessions, desk)
    if stored is None:
        return None
    saved_at, content = _aware(stored[0]), stored[1]
    try:
        draft = draft_from_json(content)
        guide = stored_guide(sessions, draft.guide_version_id)
        if guide is None:
            raise DraftUnreadable(DraftProblemCode.GUIDE_MISSING, str(draft.guide_version_id))
        fit_checklist(draft, guide.bundle)
    except DraftUnreadable as bad:
        log.warning("draft of desk %s discarded: %s", desk.draft_key, bad.code.value)
        remove_draft(sessions, desk)
        return DraftInfo(saved_at, None, problem=bad.code, detail=bad.detail)
    return DraftInfo(saved_at, draft, guide.bundle.name)


def discard_draft(sessions: Sessions, desk: Desk) -> None:
    """The clerk chose 放弃: the unfinished intake is gone."""
    remove_draft(sessions, desk)
