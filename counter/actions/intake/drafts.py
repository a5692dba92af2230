"""The desk's unfinished intake (its draft): kept while the clerk types, checked and offered back at start.

:func:`check_draft` reads the desk's draft and checks it all the way: that it is a draft, that its guide version is
still stored, and that its checklist fits that guide.  A draft that fails is dropped in the same unit of work and
its problem returned, so the clerk is told and the next start is clean.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from counter.access.desk import Desk
from counter.case.moments import stored_utc
from counter.db.catalog_store import guide_version
from counter.db.draft_store import drop_draft, load_draft, save_draft
from counter.intake.draft import (
    DraftProblemCode,
    DraftUnreadable,
    IntakeDraft,
    StoredDraft,
    draft_from_json,
    draft_to_json,
    fit_checklist,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session as Unit

log = logging.getLogger(__name__)


def keep_draft(unit: Unit, desk: Desk, draft: IntakeDraft) -> None:
    save_draft(unit, desk.draft_key, draft_to_json(draft))


def remove_draft(unit: Unit, desk: Desk) -> None:
    drop_draft(unit, desk.draft_key)


def check_draft(unit: Unit, desk: Desk) -> StoredDraft | None:
    """The desk's unfinished intake, checked; None when there is none.  Run it in a write: a bad one is dropped."""
    stored = load_draft(unit, desk.draft_key)
    if stored is None:
        return None
    saved_at, content = stored_utc(stored[0]), stored[1]
    try:
        draft = draft_from_json(content)
        guide = guide_version(unit, draft.guide_version_id)
        if guide is None:
            raise DraftUnreadable(DraftProblemCode.GUIDE_MISSING, str(draft.guide_version_id))
        fit_checklist(draft, guide.bundle)
    except DraftUnreadable as bad:
        log.warning("draft of desk %s discarded: %s", desk.draft_key, bad.code.value)
        drop_draft(unit, desk.draft_key)
        return StoredDraft(saved_at, None, problem=bad.code, detail=bad.detail)
    return StoredDraft(saved_at, draft, guide.bundle.name)
