"""A guide's status at this site: publishing a 待核 guide, and whether intake may be taken on one.

Every shipped guide is 待核 (drafted and validated, not confirmed) until an administrator of the site publishes it
(issue "All 103 bundles served": honest status).  Until then the training database takes intakes on it always — a
clerk learns the bundle before the site confirms it — and real work only where the site's administrator allowed it
(:data:`DRAFT_INTAKE_KEY`), in which case the paper says so (:mod:`counter.documents.case_documents`).  The rule
itself is :func:`counter.intake.outcome.decide`'s, given the answer of :func:`drafts_may_be_taken`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from counter.access.roles import Permission
from counter.actions.admin.acting import this_desk
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.guard import require
from counter.actions.catalog.guides import decider_names
from counter.audit.actions import AuditAction
from counter.catalog.draft_guide import DraftGuide
from counter.catalog.guide_changes import guide_changes
from counter.catalog.model import GuideStatus
from counter.catalog.publication import (
    DraftIntake,
    GuideToConfirm,
    NotADraft,
    Publication,
    PublicationPreview,
    PublishRefused,
)
from counter.catalog.publish_gate import publish_problems
from counter.catalog.review import review_bundle
from counter.db.catalog_store import (
    current_guide,
    guide_history,
    guide_version,
    publish_draft,
    search_entries,
    unconfirmed,
)
from counter.db.platform_store import reporting
from counter.db.settings_store import get_setting, is_training, put_setting

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from counter.access.desk import Desk

__all__ = [
    "DRAFT_INTAKE_KEY",
    "allow_draft_intake",
    "bundle_named",
    "draft_guides",
    "draft_intake",
    "drafts_may_be_taken",
    "guides_to_confirm",
    "publication_preview",
    "publish_guide",
]

DRAFT_INTAKE_KEY = "catalog.allow_draft_intake"  # "1": real work may take intakes on 待核 guides; absent or "0": not


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


def drafts(session: Session) -> tuple[DraftIntake, list[DraftGuide]]:
    """Whether real work takes intakes on 待核 guides here (:func:`draft_intake`), and the guides this site has not
    confirmed yet (:func:`draft_guides`)."""
    return draft_intake(session), draft_guides(session)


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


def guides_to_confirm(session: Session, site_code: str) -> list[GuideToConfirm]:
    """Every current 待核 guide of this site with its findings, in the league's order: one report for the hall."""
    reviewed = []
    for entry in search_entries(session):
        stored = current_guide(session, entry.bundle_code) if entry.draft else None
        if stored is None:
            continue
        deciders = decider_names(session, stored.bundle, site_code)
        reviewed.append(GuideToConfirm(stored.bundle, stored.version, deciders, review_bundle(stored.bundle)))
    return reviewed


def bundle_named(session: Session, wanted: str) -> str | None:
    """The code of the bundle named exactly by code, number (``8`` or ``008``) or name; no search, no guess.

    Publishing is an administrator's confirmation of one guide: a slip of the keys must name nothing rather than
    the nearest bundle, as a search would.
    """
    wanted = wanted.strip()
    number = int(wanted) if wanted.isdigit() else None
    entries = search_entries(session)
    return next((e.bundle_code for e in entries if wanted in (e.bundle_code, e.name) or e.number == number), None)


def publication_preview(session: Session, bundle_code: str) -> PublicationPreview:
    """What :func:`publish_guide` would change now; :class:`NotADraft` when there is no 待核 or 样例 guide to publish.

    The guide last published is found by walking the bundle's versions back from the draft (a few at most).
    """
    stored = current_guide(session, bundle_code)
    if stored is None or not unconfirmed(stored.bundle):
        raise NotADraft(bundle_code, stored.bundle.status if stored else None)
    history = guide_history(session, bundle_code)
    before = None
    for version_id, _version in reversed(history):
        earlier = guide_version(session, version_id) if version_id != stored.version_id else None
        if earlier is not None and earlier.bundle.status is GuideStatus.PUBLISHED:
            before = earlier
            break
    return PublicationPreview(
        stored.bundle.name,
        stored.version,
        history[-1][1] + 1,
        before.version if before is not None else None,
        guide_changes(before.bundle, stored.bundle) if before is not None else None,
        draft_intake(session).site_allows,
    )


def publish_guide(session: Session, bundle_code: str, *, desk: Desk | None = None) -> Publication:
    """Publish the 待核 or 样例 guide of a bundle at this site: a new version, who and when kept with it and on the
    trail; a 样例 so published is no longer marked 样例 on its papers.

    Raises :class:`NotADraft` when the current guide is neither (already the site's, or no guide at all), and
    :class:`PublishRefused` with every problem while the guide fails the publish gate (an item listed twice, a
    limit or a condition without its source, an item the platform cannot know where the site reports to it).
    """
    by = this_desk(desk)
    require(session, by.actor, Permission.MANAGE_CATALOG)
    stored = current_guide(session, bundle_code)
    if stored is not None and unconfirmed(stored.bundle):
        problems = publish_problems(stored.bundle, reporting=reporting(session))
        if problems:
            raise PublishRefused(bundle_code, problems)
    who = by.actor.login or by.clerk
    publication = publish_draft(session, bundle_code, who)
    detail = {
        "version": publication.version,
        "draft_version": publication.draft_version,
        "import_id": publication.import_id,
    }
    record_at_desk(session, by, AuditAction.GUIDE_PUBLISHED, bundle_code, detail)
    return publication
