"""A guide's status at this site: publishing a 待核 guide, and whether intake may be taken on one.

Every shipped guide is 待核 (drafted and validated, not confirmed) until an administrator of the site publishes it
(issue "All 103 bundles served": honest status).  Until then the training database takes intakes on it always — a
clerk learns the bundle before the site confirms it — and real work only where the site's administrator allowed it
(:data:`DRAFT_INTAKE_KEY`), in which case the paper says so (:mod:`counter.documents.case_documents`).  The rule
itself is :func:`counter.intake.outcome.decide`'s, given the answer of :func:`drafts_may_be_taken`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from counter.access.roles import Permission
from counter.actions.acting import this_desk
from counter.actions.audit import record_at_desk
from counter.actions.guard import require
from counter.audit.actions import AuditAction
from counter.db.catalog_store import (
    NotADraft,
    Publication,
    current_guide,
    publish_draft,
    search_entries,
    unconfirmed,
)
from counter.db.settings_store import get_setting, is_training, put_setting

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from counter.actions.desk import Desk

__all__ = [
    "DRAFT_INTAKE_KEY",
    "DraftGuide",
    "DraftIntake",
    "NotADraft",
    "Publication",
    "allow_draft_intake",
    "bundle_named",
    "draft_guides",
    "draft_intake",
    "drafts_may_be_taken",
    "publish_guide",
]

DRAFT_INTAKE_KEY = "catalog.allow_draft_intake"  # "1": real work may take intakes on 待核 guides; absent or "0": not


@dataclass(frozen=True, slots=True)
class DraftIntake:
    """Whether intakes may be taken on 待核 guides here, and why: what the intake panel and the settings show."""

    training: bool  # the training database: always
    site_allows: bool  # the administrator's setting, for real work

    @property
    def allowed(self) -> bool:
        return self.training or self.site_allows


def draft_intake(session: Session) -> DraftIntake:
    return DraftIntake(is_training(session), get_setting(session, DRAFT_INTAKE_KEY) == "1")


def drafts_may_be_taken(session: Session) -> bool:
    """The flag :func:`counter.intake.outcome.decide` takes: the training database, or a site that allows it."""
    return draft_intake(session).allowed


def allow_draft_intake(session: Session, allowed: bool, *, desk: Desk | None = None) -> None:
    """Set whether this site takes intakes on 待核 guides in real work; an administrator's act, on the trail."""
    by = this_desk(desk)
    require(session, by.actor, Permission.CHANGE_SETTINGS)
    before = get_setting(session, DRAFT_INTAKE_KEY)
    value = "1" if allowed else "0"
    if before == value:
        return
    put_setting(session, DRAFT_INTAKE_KEY, value)
    record_at_desk(session, by, AuditAction.SETTING_CHANGED, DRAFT_INTAKE_KEY, {"from": before, "to": value})


@dataclass(frozen=True, slots=True)
class DraftGuide:
    code: str
    number: int
    name: str
    version: int
    sample: bool = False  # a 样例 shipped as published: its papers say 样例 until the site publishes it


def draft_guides(session: Session) -> list[DraftGuide]:
    """The bundles whose current guide is 待核 or a 样例, in the league's order: what an administrator has to
    confirm before the papers stop saying so."""
    drafts = []
    for entry in search_entries(session):
        if not (entry.draft or entry.published):
            continue  # the list carries the current guide's status: an unpublished bundle has no guide to read
        stored = current_guide(session, entry.bundle_code)
        if stored is not None and unconfirmed(stored.bundle):
            drafts.append(DraftGuide(entry.bundle_code, entry.number, entry.name, stored.version, stored.bundle.sample))
    return drafts


def bundle_named(session: Session, wanted: str) -> str | None:
    """The code of the bundle named exactly by code, number (``8`` or ``008``) or name; no search, no guess.

    Publishing is an administrator's confirmation of one guide: a slip of the keys must name nothing rather than
    the nearest bundle, as a search would.
    """
    wanted = wanted.strip()
    number = int(wanted) if wanted.isdigit() else None
    entries = search_entries(session)
    return next((e.bundle_code for e in entries if wanted in (e.bundle_code, e.name) or e.number == number), None)


def publish_guide(session: Session, bundle_code: str, *, desk: Desk | None = None) -> Publication:
    """Publish the 待核 or 样例 guide of a bundle at this site: a new version, who and when kept with it and on the
    trail; a 样例 so published is no longer marked 样例 on its papers.

    Raises :class:`NotADraft` when the current guide is neither (already the site's, or no guide at all).
    """
    by = this_desk(desk)
    require(session, by.actor, Permission.MANAGE_CATALOG)
    who = by.actor.login or by.clerk
    publication = publish_draft(session, bundle_code, who)
    detail = {
        "version": publication.version,
        "draft_version": publication.draft_version,
        "import_id": publication.import_id,
    }
    record_at_desk(session, by, AuditAction.GUIDE_PUBLISHED, bundle_code, detail)
    return publication
