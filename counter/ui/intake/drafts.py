"""The intakes left unfinished at this desk (one draft each), offered back when the app starts and after each intake.

:func:`pending_drafts` has the desk's drafts checked all the way
(:data:`counter.service.intake.CHECK_DRAFT`).  A draft that fails is dropped at
once and reported through :attr:`DraftInfo.problem`, so the clerk is told and
the next start is clean; a draft that passes can be restored with
``IntakePanel.from_draft``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject

from counter.access.desk import Desk
from counter.case.moments import local_moment
from counter.intake.draft import DraftProblemCode, DraftUnreadable, IntakeDraft, StoredDraft
from counter.intake.kept_drafts import KeptDrafts
from counter.service.intake import CHECK_DRAFT, DROP_DRAFT, DraftOf
from counter.service.requests import Nothing
from counter.ui.door.runner import Runner
from counter.ui.intake.words import (
    INTAKE_DRAFT_APPLICANT,
    INTAKE_DRAFT_CHOICE,
    INTAKE_DRAFT_DISCARDED,
    INTAKE_DRAFT_OFFER,
    INTAKE_DRAFT_PROBLEM,
)


@dataclass(frozen=True, slots=True)
class DraftInfo:
    saved_at: dt.datetime  # aware
    draft: IntakeDraft | None  # None when the stored draft could not be used
    bundle_name: str = ""
    problem: DraftProblemCode | None = None
    detail: str = ""

    @property
    def uid(self) -> str:
        """The intake's id the draft is kept under; "" for one that could not be used."""
        return self.draft.uid if self.draft is not None else ""

    def saved_time(self) -> str:
        """HH:MM in the desk's local time, the day before it where the draft is older than today: a draft is kept
        across days until its case is taken or the clerk drops it."""
        moment = local_moment(self.saved_at)
        return f"{moment:%H:%M}" if moment.date() == dt.date.today() else f"{moment:%m-%d %H:%M}"

    def offer_text(self) -> str:
        """The question "上次未完成的受理（保存于 HH:MM）：…", answered 恢复 / 放弃."""
        return INTAKE_DRAFT_OFFER.format(time=self.saved_time(), bundle=self.bundle_name, applicant=self._applicant())

    def choice_text(self) -> str:
        """The draft's line in the bar's list of several: "HH:MM 一件事，申请人"."""
        return INTAKE_DRAFT_CHOICE.format(time=self.saved_time(), bundle=self.bundle_name, applicant=self._applicant())

    def _applicant(self) -> str:
        applicant = self.draft.applicant.name.strip()[:20] if self.draft else ""
        return INTAKE_DRAFT_APPLICANT.format(applicant=applicant) if applicant else ""

    def problem_text(self) -> str:
        """Why the draft was discarded; empty for a good draft."""
        if self.problem is None:
            return ""
        return _discarded_text(self.problem, self.detail)


def pending_drafts(
    runner: Runner,
    desk: Desk,
    owner: QObject,
    answered: Callable[[tuple[DraftInfo, ...]], None],
    failed: Callable[[Exception], None],
) -> None:
    """The desk's unfinished intakes, checked (the bad ones dropped), handed to ``answered``: those dropped first,
    then those kept, newest first; none when there is none.

    ``failed`` is handed :class:`counter.ui.door.runner.Failed` when the database cannot be read: that is not a bad
    draft, and the drafts are kept for a start when the database answers.
    """
    runner.submit(CHECK_DRAFT, Nothing(), desk, owner=owner, answered=lambda kept: answered(_infos(kept)),
                  failed=failed)  # fmt: skip


def _infos(kept: KeptDrafts) -> tuple[DraftInfo, ...]:
    return tuple(_info(stored) for stored in (*kept.dropped, *kept.drafts))


def _info(stored: StoredDraft) -> DraftInfo:
    return DraftInfo(stored.saved_at, stored.draft, stored.bundle_name, stored.problem, stored.detail)


def unreadable_text(err: DraftUnreadable) -> str:
    """Why a draft found good at the start could not be opened after all (its guide version gone since), and that it
    was dropped."""
    return _discarded_text(err.code, err.detail)


def _discarded_text(problem: DraftProblemCode, detail: str) -> str:
    return INTAKE_DRAFT_DISCARDED.format(reason=INTAKE_DRAFT_PROBLEM[problem].format(detail=detail))


def discard_draft(
    runner: Runner,
    desk: Desk,
    uid: str,
    owner: QObject,
    failed: Callable[[Exception], None],
    answered: Callable[[None], None] | None = None,
) -> None:
    """The clerk chose 放弃: that unfinished intake is gone (the desk's others stay), ``answered`` told; or its fault
    handed to ``failed`` (the draft is kept)."""
    runner.submit(DROP_DRAFT, DraftOf(uid), desk, owner=owner, answered=answered or _dropped, failed=failed)


def _dropped(_: None) -> None:
    """Gone: nothing more to do."""
