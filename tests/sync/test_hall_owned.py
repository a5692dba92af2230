"""A hall's update writes at a township only the settings the hall owns there (counter.sync.hall_owned).

The package is the hall's own export, with settings added and signed again with the hall's key: a signature proves
who sent a package, not that the sender may set everything in it.  Any other setting goes on the township's review
list, and the township's value stays as it was.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.admin.site import peer_keys
from counter.actions.catalog.guide_status import DRAFT_INTAKE_KEY
from counter.actions.sync.sync_status import review_items
from counter.db.settings_store import get_setting, put_setting
from counter.projects.service_items import ITEMS_SETTING, shipped_list_path
from counter.ratings.settings import KEY_IDLE_TEXT, KEY_TIMEOUT
from counter.sync.hall_owned import COVERED_KEY, HALL_OWNED, OWN_OFFICE, owned_keys
from counter.sync.keys import encryption_key_path, load_encryption_key, load_private_key
from counter.sync.package import check_package, unpack_package
from counter.sync.record_json import to_dict
from counter.sync.records import SettingRecord
from counter.sync.sites import SiteKind
from tests.sync.packages import write_package
from tests.sync.sync_world import Site, introduce, make_site, sqlite_copy


@dataclasses.dataclass
class Sites:
    hall: Site
    township: Site
    other: Site


@pytest.fixture
def sites(catalog: Path, tmp_path: Path) -> Sites:
    def site(code: str, name: str, kind: SiteKind) -> Site:
        return make_site(sqlite_copy(catalog, tmp_path / f"{code}.sqlite3"), code, name, kind, tmp_path)

    hall = site("XAM01", "兴安盟政务服务中心", SiteKind.HALL)
    township = site("ARS01", "明水河镇便民服务中心", SiteKind.TOWNSHIP)
    other = site("WLH02", "义勒力特镇便民服务中心", SiteKind.TOWNSHIP)
    introduce(hall, township)
    introduce(hall, other)
    return Sites(hall, township, other)


def with_settings(sites: Sites, settings: dict[str, str]) -> bytes:
    """The hall's update to the township, with ``settings`` added and signed again with the hall's own key."""
    data = sites.hall.export(sites.township.code).data
    with sites.township.sessions() as session:
        header, body = check_package(data, peer_keys(session), sites.township.code)
    opened = unpack_package(header, body, load_encryption_key(encryption_key_path(sites.township.key_path)))
    added = [to_dict(SettingRecord(key, value)) for key, value in settings.items()]
    records = [*opened.body, *added]
    return write_package(header, records, load_private_key(sites.hall.key_path), sites.township.identity.encryption_key)


def setting(sessions: sessionmaker[Session], key: str) -> str | None:
    with sessions() as session:
        return get_setting(session, key)


def held(site: Site) -> list[tuple[str, str, str]]:
    with site.sessions() as session:
        return [(i.record_type, i.record_key, i.reason) for i in review_items(session)]


def test_a_hall_cannot_replace_the_townships_signing_key(sites: Sites) -> None:
    """Replaced, the township's packages would no longer verify at the hall, and its audit seal no longer check."""
    township = sites.township
    before = setting(township.sessions, "site.public_key")
    assert before
    report = township.take(with_settings(sites, {"site.public_key": sites.hall.identity.public_key}))
    assert report.held == 1
    assert setting(township.sessions, "site.public_key") == before
    assert held(township) == [("setting", "site.public_key", "not_hall_owned")]
    taken = sites.hall.take(township.export().data)  # the township's next package still verifies at the hall
    assert taken.from_site == township.code


def test_a_hall_cannot_let_a_township_take_intakes_on_drafts(sites: Sites) -> None:
    township = sites.township
    report = township.take(with_settings(sites, {DRAFT_INTAKE_KEY: "1"}))
    assert report.held == 1
    assert setting(township.sessions, DRAFT_INTAKE_KEY) is None
    assert held(township) == [("setting", DRAFT_INTAKE_KEY, "not_hall_owned")]


def test_a_hall_cannot_write_another_townships_office_at_this_one(sites: Sites) -> None:
    township, other = sites.township, sites.other
    key = f"office.{other.code}"
    report = township.take(with_settings(sites, {key: json.dumps({"name": "冒名的办公室"}, ensure_ascii=False)}))
    assert report.held == 1
    assert setting(township.sessions, key) is None
    assert held(township) == [("setting", key, "not_hall_owned")]


def test_the_settings_the_hall_owns_still_arrive(sites: Sites) -> None:
    hall, township = sites.hall, sites.township
    office = json.dumps({"name": "明水河镇便民服务中心（中心核定）"}, ensure_ascii=False)
    items = shipped_list_path().read_text(encoding="utf-8") + "23\t林草部门\t使用林地审核同意书核发\t行政许可\t用地\n"
    owned = {
        KEY_IDLE_TEXT: "欢迎评价",
        KEY_TIMEOUT: "90",
        COVERED_KEY: json.dumps([[2027, 2027]]),
        ITEMS_SETTING: items,
        f"office.{township.code}": office,
    }
    with hall.sessions.begin() as session:
        for key, value in owned.items():
            put_setting(session, key, value)
    report = township.take(hall.export(township.code).data)
    assert report.held == 0
    for key, value in owned.items():
        assert setting(township.sessions, key) == value, key
    assert held(township) == []


def test_every_owned_setting_is_named_with_its_reason() -> None:
    assert all(owned.reason for owned in (*HALL_OWNED, OWN_OFFICE))
    assert set(owned_keys("ARS01")) >= {KEY_IDLE_TEXT, COVERED_KEY, ITEMS_SETTING, "office.ARS01"}
    assert not {"site.public_key", DRAFT_INTAKE_KEY, "office.WLH02"} & set(owned_keys("ARS01"))
