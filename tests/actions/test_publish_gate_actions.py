"""Publishing a guide through the action: refused, with every problem and nothing changed, while it fails the gate."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.catalog.guide_status import publish_guide
from counter.catalog.model import GuideStatus
from counter.catalog.problems import Rule
from counter.catalog.publication import PublishRefused
from counter.db.catalog_store import current_guide, guide_history
from counter.db.platform_store import PLATFORM_KEY
from counter.db.settings_store import put_setting
from counter.outbox.secret_shown import stored_json
from counter.platform.settings import PlatformSettings

DUPLICATED = "XAM-YJS-007"  # 申请从事互联网上网服务经营活动审批 twice (筹建审批, 最终审核)
UNCODED = "XAM-YJS-002"  # a draft whose items carry the draft's own codes, no 基本编码


def status_and_versions(sessions: sessionmaker[Session], code: str) -> tuple[GuideStatus, int]:
    with sessions() as s:
        stored = current_guide(s, code)
        assert stored is not None
        return stored.bundle.status, len(guide_history(s, code))


def test_a_guide_listing_an_item_twice_is_not_published(sessions: sessionmaker[Session], desk: Desk) -> None:
    before = status_and_versions(sessions, DUPLICATED)
    with sessions.begin() as s, pytest.raises(PublishRefused) as refused:
        publish_guide(s, DUPLICATED, desk=desk)
    assert refused.value.bundle_code == DUPLICATED
    assert [(p.rule, p.item) for p in refused.value.problems if p.rule is Rule.DUPLICATE_ITEM] == [
        (Rule.DUPLICATE_ITEM, "YJS007-05")
    ]
    assert status_and_versions(sessions, DUPLICATED) == before == (GuideStatus.DRAFT, before[1])


def test_items_without_official_codes_are_refused_where_the_site_reports_to_the_platform(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    with sessions.begin() as s:
        put_setting(s, PLATFORM_KEY, stored_json(PlatformSettings(True)))
    with sessions.begin() as s, pytest.raises(PublishRefused) as refused:
        publish_guide(s, UNCODED, desk=desk)
    with sessions() as s:
        stored = current_guide(s, UNCODED)
        assert stored is not None
        items = {item.code for item in stored.bundle.items}
    missing = [p for p in refused.value.problems if p.rule is Rule.ITEM_WITHOUT_OFFICIAL_CODE]
    assert {p.item for p in missing} == items  # every item at once
    assert {p.rule for p in refused.value.problems} == {Rule.ITEM_WITHOUT_OFFICIAL_CODE, Rule.CODE_FORMAT}
    with sessions.begin() as s, pytest.raises(PublishRefused) as refused:
        publish_guide(s, "XAM-YJS-008", desk=desk)  # a 样例: its codes illustrate, and never go up
    assert {p.rule for p in refused.value.problems} == {Rule.SAMPLE_CODE}


def test_without_reporting_the_same_guide_is_published(sessions: sessionmaker[Session], desk: Desk) -> None:
    with sessions.begin() as s:
        publication = publish_guide(s, UNCODED, desk=desk)
    assert status_and_versions(sessions, UNCODED)[0] is GuideStatus.PUBLISHED
    assert publication.version > publication.draft_version
