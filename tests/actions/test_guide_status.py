"""待核 guides through the actions: intake in training and where the site allows it, publishing, the import rule."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.not_permitted import NotPermitted
from counter.access.roles import Actor, Role
from counter.actions.admin.accounts import add_account
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.documents import make_document
from counter.actions.catalog.guide_status import (
    DRAFT_INTAKE_KEY,
    allow_draft_intake,
    draft_guides,
    draft_intake,
    publication_preview,
    publish_guide,
)
from counter.actions.catalog.imports import sync_bundled
from counter.actions.intake.take import take_intake
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.audit.actions import AuditAction
from counter.case.intake_request import IntakeRequest
from counter.catalog.model import Bundle, GuideStatus, TimeLimit, TimeUnit
from counter.catalog.publication import NotADraft
from counter.db import models
from counter.db.catalog_store import SITE_PUBLISHED, current_guide, guide_history, import_bundles
from counter.db.settings_store import mark_training
from counter.documents.kinds import DocumentKind
from counter.documents.words import DOC_DRAFT_GUIDE
from counter.intake.not_possible import IntakeNotPossible
from counter.intake.outcome import Outcome, ReasonCode
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import applicant
from tests.conftest import SHIPPED_CATALOG
from tests.documents.pdf_tools import pdf_text

BUNDLE = "XAM-YJS-008"
ADMIN = Actor("batu", "巴图", frozenset({Role.ADMIN}))
CLERK = Actor("wulan", "乌兰", frozenset({Role.CLERK}))


def shipped(sessions: sessionmaker[Session]) -> Bundle:
    with sessions() as s:
        stored = current_guide(s, BUNDLE)
    assert stored is not None
    return stored.bundle


def ship_draft(sessions: sessionmaker[Session], bundle: Bundle, source: str = "bundled") -> tuple[str, ...]:
    """The bundle imported as 待核, as a later bundled catalog ships it; the codes the import made new versions of."""
    with sessions.begin() as s:
        report = import_bundles(s, [dataclasses.replace(bundle, status=GuideStatus.DRAFT)], "catalog", source)
    return report.new_versions


@pytest.fixture
def draft(sessions: sessionmaker[Session]) -> sessionmaker[Session]:
    """The shipped catalog with 我要开小餐馆 turned 待核."""
    assert ship_draft(sessions, shipped(sessions)) == (BUNDLE,)
    return sessions


@pytest.fixture
def hall(draft: sessionmaker[Session], desk: Desk) -> sessionmaker[Session]:
    """…with accounts: an administrator (batu) and a clerk (wulan)."""
    with draft.begin() as s:
        assert add_account(s, desk, NewAccount("batu", "巴图", frozenset({Role.ADMIN}), "bayan2026ok")) == ()
    with draft.begin() as s:
        new = NewAccount("wulan", "乌兰", frozenset({Role.CLERK}), "wulan2026ok")
        assert add_account(s, Desk(desk.identity, "巴图", ADMIN), new) == ()
    return draft


def request_for(sessions: sessionmaker[Session]) -> IntakeRequest:
    with sessions() as s:
        stored = current_guide(s, BUNDLE)
    assert stored is not None
    return IntakeRequest(complete_checklist(stored.bundle, fresh_checklist(stored)), applicant())


def take(sessions: sessionmaker[Session], desk: Desk) -> str:
    request = request_for(sessions)
    with sessions.begin() as s:
        return take_intake(s, desk, request, TODAY, office_calendar(s)).case_no


def says_draft(pdf: bytes, folder: Path) -> bool:
    path = folder / "notice.pdf"
    path.write_bytes(pdf)
    return "".join(DOC_DRAFT_GUIDE.split()) in "".join(pdf_text(path).split())


def audit(sessions: sessionmaker[Session], action: AuditAction) -> list[tuple[str, str, dict[str, object]]]:
    e = models.AuditEntry
    with sessions() as s:
        rows = s.execute(select(e.actor, e.subject, e.detail).where(e.action == action.value).order_by(e.id))
        return [(who, subject, json.loads(detail)) for who, subject, detail in rows]


# --- intake on a 待核 guide ------------------------------------------------------------------


def test_real_work_refuses_a_draft_with_its_own_reason(draft: sessionmaker[Session], desk: Desk) -> None:
    with pytest.raises(IntakeNotPossible) as refused:
        take(draft, desk)
    assert refused.value.decision is not None
    assert refused.value.decision.outcome is Outcome.UNPUBLISHED
    assert [r.code for r in refused.value.decision.reasons] == [ReasonCode.GUIDE_DRAFT]


def test_training_takes_a_draft_and_its_paper_says_so(draft: sessionmaker[Session], desk: Desk, tmp_path: Path) -> None:
    with draft.begin() as s:
        mark_training(s)
        assert draft_intake(s).allowed
        assert not draft_intake(s).site_allows
    number = take(draft, desk)
    with draft.begin() as s:
        receipt = make_document(s, desk, number, DocumentKind.RECEIPT, TODAY)
    assert says_draft(receipt.pdf, tmp_path)
    assert audit(draft, AuditAction.CASE_TAKEN)[-1][2]["guide_status"] == "draft"


def test_a_site_that_allows_drafts_takes_them_and_the_setting_is_on_the_trail(
    hall: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    as_admin, as_clerk = Desk(desk.identity, "巴图", ADMIN), Desk(desk.identity, "乌兰", CLERK)
    with hall.begin() as s, pytest.raises(NotPermitted):
        allow_draft_intake(s, True, desk=as_clerk)
    with hall.begin() as s:
        allow_draft_intake(s, True, desk=as_admin)
        assert draft_intake(s).site_allows
    number = take(hall, as_clerk)
    with hall.begin() as s:
        notice = make_document(s, as_clerk, number, DocumentKind.RECEIPT, TODAY)
    assert says_draft(notice.pdf, tmp_path)
    assert audit(hall, AuditAction.SETTING_CHANGED)[-1] == ("batu", DRAFT_INTAKE_KEY, {"from": None, "to": "1"})
    with hall.begin() as s:
        allow_draft_intake(s, False, desk=as_admin)
    with pytest.raises(IntakeNotPossible):
        take(hall, as_clerk)


# --- publishing --------------------------------------------------------------------------------


def test_an_administrator_publishes_a_draft_as_a_new_version_kept_beside_it(
    hall: sessionmaker[Session], desk: Desk
) -> None:
    as_admin, as_clerk = Desk(desk.identity, "巴图", ADMIN), Desk(desk.identity, "乌兰", CLERK)
    with hall() as s:
        before = guide_history(s, BUNDLE)
    with hall.begin() as s, pytest.raises(NotPermitted):
        publish_guide(s, BUNDLE, desk=as_clerk)
    with hall.begin() as s:
        publication = publish_guide(s, BUNDLE, desk=as_admin)
    with hall() as s:
        stored = current_guide(s, BUNDLE)
        history = guide_history(s, BUNDLE)
        batch = s.get(models.CatalogImport, publication.import_id)
        row = s.get(models.Bundle, BUNDLE)
        assert batch is not None
        assert row is not None
        assert (batch.source, batch.source_kind, batch.imported_at is not None) == ("batu", SITE_PUBLISHED, True)
        assert row.published
    assert stored is not None
    assert stored.bundle.status is GuideStatus.PUBLISHED
    assert history == [*before, (stored.version_id, publication.version)]
    assert publication.draft_version == before[-1][1]
    detail = {"version": publication.version, "draft_version": publication.draft_version}
    assert audit(hall, AuditAction.GUIDE_PUBLISHED) == [("batu", BUNDLE, detail | {"import_id": publication.import_id})]
    take(hall, as_clerk)  # real work takes it now, the site's setting untouched
    with hall.begin() as s, pytest.raises(NotADraft):
        publish_guide(s, BUNDLE, desk=as_admin)


def test_an_unpublished_bundle_has_nothing_to_publish(sessions: sessionmaker[Session], desk: Desk) -> None:
    """A bundle whose current version is 未发布 (identity only): nothing was drafted, so nothing can be published."""
    bare = dataclasses.replace(shipped(sessions), status=GuideStatus.UNPUBLISHED)
    with sessions.begin() as s:
        import_bundles(s, [bare], "catalog", "bundled")
    with sessions.begin() as s, pytest.raises(NotADraft) as refused:
        publish_guide(s, BUNDLE, desk=desk)
    assert refused.value.status is GuideStatus.UNPUBLISHED


def test_the_same_draft_imported_again_leaves_the_sites_publication_alone(
    draft: sessionmaker[Session], desk: Desk
) -> None:
    bundle = shipped(draft)
    with draft.begin() as s:
        publish_guide(s, BUNDLE, desk=desk)
    for kind in ("bundled", "folder"):
        assert ship_draft(draft, bundle, kind) == ()
    with draft() as s:
        stored = current_guide(s, BUNDLE)
    assert stored is not None
    assert stored.bundle.status is GuideStatus.PUBLISHED


def test_a_revised_draft_replaces_a_publication_and_says_so(draft: sessionmaker[Session], desk: Desk) -> None:
    bundle = shipped(draft)
    with draft.begin() as s:
        publish_guide(s, BUNDLE, desk=desk)
    revised = dataclasses.replace(bundle, status=GuideStatus.DRAFT, summary=bundle.summary + "（修订）")
    with draft.begin() as s:
        report = import_bundles(s, [revised], "catalog", "bundled")
    assert (report.new_versions, report.back_to_draft) == ((BUNDLE,), (BUNDLE,))
    with draft() as s:
        stored = current_guide(s, BUNDLE)
    assert stored is not None
    assert stored.bundle.status is GuideStatus.DRAFT


def test_a_draft_does_not_inherit_a_publication_the_catalog_itself_shipped(sessions: sessionmaker[Session]) -> None:
    """The shipped samples were published by the catalog, not by a site: shipped again as 待核, they are 待核."""
    assert ship_draft(sessions, shipped(sessions)) == (BUNDLE,)


def test_the_bundled_sync_keeps_a_publication_and_names_a_revised_draft_that_replaced_it(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    folder = tmp_path / "catalog"
    folder.mkdir()
    shipped_file = (SHIPPED_CATALOG / "008.toml").read_text(encoding="utf-8")
    drafted = shipped_file.replace('status = "published"', 'status = "draft"', 1)
    (folder / "008.toml").write_text(drafted, encoding="utf-8")
    assert sync_bundled(sessions, folder, desk=desk).new_versions == (BUNDLE,)
    with sessions.begin() as s:
        publish_guide(s, BUNDLE, desk=desk)
    (folder / "008.toml").write_text("# the same draft, shipped again\n" + drafted, encoding="utf-8")
    again = sync_bundled(sessions, folder, desk=desk)
    assert (again.checked, again.new_versions) == (True, ())
    revised = drafted.replace('summary = "', 'summary = "（修订）', 1)
    (folder / "008.toml").write_text(revised, encoding="utf-8")
    assert sync_bundled(sessions, folder, desk=desk).new_versions == (BUNDLE,)
    assert audit(sessions, AuditAction.CATALOG_IMPORTED)[-1][2]["back_to_draft"] == [BUNDLE]


# --- 样例 guides: marked on every paper until the site publishes them ----------------------------

SAMPLE_MARK = "样例，未经本中心核定发布"


def says(pdf: bytes, folder: Path, words: str) -> bool:
    path = folder / "paper.pdf"
    path.write_bytes(pdf)
    return words in "".join(pdf_text(path).split())


@pytest.mark.slow
def test_a_sample_guide_is_marked_on_its_papers_until_the_site_publishes_it(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    """我要开小餐馆 ships as a published 样例: real work takes it, and every paper says it is a sample."""
    bundle = shipped(sessions)
    assert bundle.sample
    assert bundle.status is GuideStatus.PUBLISHED
    with sessions() as s:
        listed = {guide.code: guide for guide in draft_guides(s)}
    assert listed[BUNDLE].sample  # the administrator's list of what to confirm names it
    number = take(sessions, desk)
    with sessions.begin() as s:
        receipt = make_document(s, desk, number, DocumentKind.RECEIPT, TODAY)
        application = make_document(s, desk, number, DocumentKind.APPLICATION, TODAY)
    assert says(receipt.pdf, tmp_path, SAMPLE_MARK)
    assert says(application.pdf, tmp_path, SAMPLE_MARK)
    with sessions.begin() as s:
        publication = publish_guide(s, BUNDLE, desk=desk)
    with sessions() as s:
        stored = current_guide(s, BUNDLE)
        assert BUNDLE not in {guide.code for guide in draft_guides(s)}
    assert stored is not None
    assert (stored.bundle.status, stored.bundle.sample, stored.version) == (GuideStatus.PUBLISHED, False, 2)
    assert publication.draft_version == 1
    later = take(sessions, desk)
    with sessions.begin() as s:
        receipt = make_document(s, desk, later, DocumentKind.RECEIPT, TODAY)
        first_again = make_document(s, desk, number, DocumentKind.RECEIPT, TODAY)
    assert not says(receipt.pdf, tmp_path, SAMPLE_MARK)
    assert says(first_again.pdf, tmp_path, SAMPLE_MARK)  # a reprint is the paper it was
    with sessions.begin() as s:  # the bundled catalog shipped again: the site's confirmation stands
        assert import_bundles(s, [bundle], "catalog", "bundled").new_versions == ()


def test_publishing_is_previewed_against_the_version_last_published(draft: sessionmaker[Session], desk: Desk) -> None:
    with draft() as s:
        preview = publication_preview(s, BUNDLE)
    # the catalog shipped version 1 published, then version 2 待核 with the same content
    assert (preview.draft_version, preview.new_version, preview.published_version) == (2, 3, 1)
    assert preview.changes is not None
    assert preview.changes.none
    assert not preview.drafts_taken
    bundle = shipped(draft)
    gone, changed, *_ = bundle.materials
    new_material = dataclasses.replace(gone, code="M99", name="消防安全承诺书")
    revised = dataclasses.replace(
        bundle,
        status=GuideStatus.DRAFT,
        materials=(dataclasses.replace(changed, copies=changed.copies + 1), *bundle.materials[2:], new_material),
        promised_limit=TimeLimit(3, TimeUnit.WORKING_DAY),
    )
    with draft.begin() as s:
        publish_guide(s, BUNDLE, desk=desk)  # version 3, published by the site
        import_bundles(s, [revised], "catalog", "bundled")  # version 4, 待核
        allow_draft_intake(s, True, desk=desk)
    with draft() as s:
        preview = publication_preview(s, BUNDLE)
    assert (preview.draft_version, preview.new_version, preview.published_version) == (4, 5, 3)
    assert preview.drafts_taken
    changes = preview.changes
    assert changes is not None
    assert (changes.materials_added, changes.materials_removed, changes.materials_changed) == (
        ("消防安全承诺书",), (gone.name,), (changed.name,),
    )  # fmt: skip
    assert (changes.items_added, changes.items_removed, changes.items_changed) == ((), (), ())
    assert (changes.promised_before, changes.promised_after) == (
        bundle.promised_limit,
        TimeLimit(3, TimeUnit.WORKING_DAY),
    )
    with draft.begin() as s:
        publish_guide(s, BUNDLE, desk=desk)
    with draft() as s, pytest.raises(NotADraft):
        publication_preview(s, BUNDLE)


def test_a_sample_guide_is_previewed_before_the_site_publishes_it(sessions: sessionmaker[Session]) -> None:
    """The 待核指南 page previews what it publishes: a 样例 shipped as published is the site's to confirm too."""
    assert shipped(sessions).sample
    with sessions() as s:
        preview = publication_preview(s, BUNDLE)
    assert (preview.draft_version, preview.new_version, preview.published_version) == (1, 2, None)
    assert preview.changes is None  # the site never published a version of it
