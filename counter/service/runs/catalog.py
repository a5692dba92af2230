"""The catalog's operations in process (:mod:`counter.service.catalog`)."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from counter.actions.catalog import guide_status, guides, imports
from counter.actions.catalog.item_list import pull_item_list as pull
from counter.catalog.import_result import BundledSync, ImportOutcome, Pulled
from counter.catalog.publication import DraftIntake, GuideToConfirm, Publication
from counter.catalog.search import SearchAnswer, SearchEntry
from counter.catalog.stored_guide import StoredGuide
from counter.host.item_list import item_list_source
from counter.service.call import Call
from counter.service.catalog import (
    AllowDraftIntake,
    BundleCode,
    BundleNamed,
    CatalogAsked,
    FindBundles,
    GuideAsked,
    GuideShown,
    ImportSource,
    PullItemList,
    SiteGuides,
    SyncBundled,
)


def search_entries(work: Session, call: Call, request: CatalogAsked) -> tuple[SearchEntry, ...]:
    return tuple(guides.search_entries(work))


def find_bundles(work: Session, call: Call, request: FindBundles) -> SearchAnswer:
    return guides.find_bundles(work, request.text)


def read_guide(work: Session, call: Call, request: GuideAsked) -> GuideShown | None:
    find = guides.find_guide if request.found else guides.current_guide
    stored = find(work, request.wanted)
    if stored is None:
        return None
    deciders = guides.decider_names(work, stored.bundle, request.site_code)
    return GuideShown(stored, deciders, guides.site_contacts(work, request.site_code))


def bundle_named(work: Session, call: Call, request: BundleNamed) -> str | None:
    return guide_status.bundle_named(work, request.wanted)


def current_guide(work: Session, call: Call, request: BundleCode) -> StoredGuide | None:
    return guides.current_guide(work, request.code)


def guides_to_confirm(work: Session, call: Call, request: SiteGuides) -> tuple[GuideToConfirm, ...]:
    return tuple(guide_status.guides_to_confirm(work, request.site_code))


def draft_intake(work: Session, call: Call, request: CatalogAsked) -> DraftIntake:
    return guide_status.draft_intake(work)


def publish_guide(work: Session, call: Call, request: BundleCode) -> Publication:
    return guide_status.publish_guide(work, request.code, desk=call.desk)


def allow_draft_intake(work: Session, call: Call, request: AllowDraftIntake) -> None:
    guide_status.allow_draft_intake(work, request.allowed, desk=call.desk)


def import_source(work: sessionmaker[Session], call: Call, request: ImportSource) -> ImportOutcome:
    return imports.import_source(work, request.path, desk=call.desk)


def sync_bundled(work: sessionmaker[Session], call: Call, request: SyncBundled) -> BundledSync:
    return imports.sync_bundled(work, request.folder, desk=call.desk)


def pull_item_list(work: sessionmaker[Session], call: Call, request: PullItemList) -> Pulled:
    """The source read here, where the operation runs: the server's own settings at a hall, a township's at home."""
    source = item_list_source()
    return pull(work, source.endpoint, source.account, source.secret, timeout=request.timeout, desk=call.desk)
