"""The sync page of a hall that reports to its league, and of the league: whom each may send to."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from counter.actions.admin.site import register_peer
from counter.sync.sites import SiteKind
from counter.ui.sync import words
from tests.sync.sync_world import REGISTERED, Site, make_site, sqlite_copy
from tests.ui.sync.test_sync_page import page_of


def _knows(site: Site, other: Site) -> None:
    with site.sessions.begin() as session:
        register_peer(session, other.code, other.identity.name, other.identity.kind, other.identity.public_key,
                      desk=site.desk, encryption_key=other.identity.encryption_key, now=REGISTERED)  # fmt: skip


@pytest.mark.slow
def test_a_hall_sends_to_its_townships_and_its_league_and_the_league_to_its_halls(
    qtbot: QtBot, tmp_path: Path, shipped_catalog_db: Path
) -> None:

    def site(code: str, name: str, kind: SiteKind) -> Site:
        return make_site(sqlite_copy(shipped_catalog_db, tmp_path / f"{code}.sqlite3"), code, name, kind, tmp_path)

    hall = site("WLH01", "乌兰浩特市政务服务中心", SiteKind.HALL)
    league = site("XAM", "兴安盟政务服务中心（盟级）", SiteKind.LEAGUE)
    township = site("WLHT01", "和平街道便民服务中心", SiteKind.TOWNSHIP)
    for one, other in ((hall, league), (league, hall), (hall, township)):
        _knows(one, other)
    at_hall = page_of(qtbot, hall)
    assert at_hall.to_site.isVisible()
    assert [at_hall.to_site.itemData(i) for i in range(at_hall.to_site.count())] == ["WLHT01", "XAM"]
    assert at_hall.out_text.text() == words.SYNC_OUT_HALL
    at_league = page_of(qtbot, league)
    assert at_league.site.text() == "本站点：兴安盟政务服务中心（盟级）（XAM，盟级政务服务中心）"
    assert [at_league.to_site.itemData(i) for i in range(at_league.to_site.count())] == ["WLH01"]
    assert at_league.out_text.text() == words.SYNC_OUT_LEAGUE
    assert at_league.pending.isHidden()  # a league has nothing of its own waiting to go anywhere
