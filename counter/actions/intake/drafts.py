"""The desk's unfinished intakes (its drafts, one per intake): kept while the clerk types, checked and offered back.

:func:`keep_draft` keeps an intake's form under its uid and drops the desk's older draft for the same applicant
(:func:`counter.intake.kept_drafts.replaced_by`).  :func:`check_drafts` reads the desk's drafts and checks each all
the way: that it is a draft, that its guide version is still stored, and that its checklist fits that guide.  A
draft that fails is dropped in the same unit of work and its problem returned, so the clerk is told and the next
start is clean.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from typing import TYPE_CHECKING

from counter.access.desk import Desk
from counter.case.moments import stored_utc
from counter.db.catalog_store import guide_version
from counter.db.draft_store import drop_draft, drop_drafts, load_drafts, save_draft
from counter.intake.draft import (
    DraftProblemCode,
    DraftUnreadable,
    IntakeDraft,
    StoredDraft,
    draft_from_json,
    draft_to_json,
    fit_checklist,
)
from counter.intake.kept_drafts import KeptDrafts, replaced_by

if TYPE_CHECKING:
    from sqlalchemy.orm import Session as Unit

log = logging.getLogger(__name__)


def keep_draft(unit: Unit, desk: Desk, draft: IntakeDraft) -> None:
    """The intake's form kept under its uid; the desk's older draft of the same applicant goes (one per applicant)."""
    if not draft.uid:
        raise ValueError("a draft is kept under its intake's uid")
    others = [_readable(uid, content) for uid, _, content in load_drafts(unit, desk.draft_key) if uid != draft.uid]
    save_draft(unit, desk.draft_key, draft.uid, draft_to_json(draft))
    drop_drafts(unit, desk.draft_key, replaced_by(draft, (o for o in others if o is not None)))


def _readable(uid: str, content: str) -> IntakeDraft | None:
    """A kept draft as far as it reads (its uid the row's), None for one the next check drops."""
    try:
        return dataclasses.replace(draft_from_json(content), uid=uid)
    except DraftUnreadable:
        return None


def remove_draft(unit: Unit, desk: Desk, uid: str) -> None:
    drop_draft(unit, desk.draft_key, uid)


def check_drafts(unit: Unit, desk: Desk) -> KeptDrafts:
    """The desk's unfinished intakes, checked, newest first.  Run it in a write: a bad one is dropped."""
    good: list[StoredDraft] = []
    bad: list[StoredDraft] = []
    for uid, saved, content in load_drafts(unit, desk.draft_key):
        checked = _checked(unit, desk, uid, stored_utc(saved), content)
        (good if checked.draft is not None else bad).append(checked)
    return KeptDrafts(tuple(good), tuple(bad))


def _checked(unit: Unit, desk: Desk, uid: str, saved_at: dt.datetime, content: str) -> StoredDraft:
    try:
        draft = dataclasses.replace(draft_from_json(content), uid=uid)  # the row's uid: a draft kept before had none
        guide = guide_version(unit, draft.guide_version_id)
        if guide is None:
            raise DraftUnreadable(DraftProblemCode.GUIDE_MISSING, str(draft.guide_version_id))
        fit_checklist(draft, guide.bundle)
    except DraftUnreadable as bad:
        log.warning("a draft of desk %s discarded: %s", desk.draft_key, bad.code.value)
        drop_draft(unit, desk.draft_key, uid)
        return StoredDraft(saved_at, None, problem=bad.code, detail=bad.detail)
    return StoredDraft(saved_at, draft, guide.bundle.name)
