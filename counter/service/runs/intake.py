"""The intake's operations in process (:mod:`counter.service.intake`)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.actions.intake import drafts
from counter.intake.draft import StoredDraft
from counter.service.intake import DeskOnly, KeepDraft
from counter.service.runs import at_desk


def keep_draft(work: Session, desk: Desk | None, request: KeepDraft) -> None:
    drafts.keep_draft(work, at_desk(desk), request.draft)


def drop_draft(work: Session, desk: Desk | None, request: DeskOnly) -> None:
    drafts.remove_draft(work, at_desk(desk))


def check_draft(work: Session, desk: Desk | None, request: DeskOnly) -> StoredDraft | None:
    return drafts.check_draft(work, at_desk(desk))
