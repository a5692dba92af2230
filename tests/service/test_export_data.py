"""A sync export given back as data: signed where the site's keys are, written by the desk that asked, numbered once
however often its answer is asked for."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter.access.desk import Desk
from counter.actions.admin.site import init_site
from counter.actions.site.demo import run_demo
from counter.actions.site.store import Store
from counter.case.numbers import DeskIdentity
from counter.db.engine import make_engine, make_sessions
from counter.host.machine.paths import site_key_path
from counter.service.local import InProcess, new_key
from counter.service.sync import EXPORT_DATA, ExportData
from counter.sync.sites import SiteKind
from tests.conftest import made_database
from tests.sync.sync_world import TODAY, Site, introduce, make_site


@pytest.mark.slow  # a training day's cases made first: seconds
def test_an_export_as_data_is_taken_in_by_its_hall_and_asked_again_is_the_same(tmp_path: Path) -> None:
    url = made_database(tmp_path / "ars.sqlite3")
    engine = make_engine(url)
    sessions = make_sessions(engine)
    desk = Desk(DeskIdentity("ARS01", "1"), "ARS01职员")
    with sessions.begin() as s:  # the township's keys where the operation reads them: this machine's key folder
        identity = init_site(s, "ARS01", "明水河镇便民服务中心", SiteKind.TOWNSHIP, desk, site_key_path())
    township = Site(identity, sessions, desk, site_key_path())
    hall_url = made_database(tmp_path / "hall.sqlite3")
    hall_engine = make_engine(hall_url)
    hall = make_site(make_sessions(hall_engine), "XAM01", "兴安盟政务服务中心", SiteKind.HALL, tmp_path)
    introduce(hall, township)
    run_demo(sessions, township.desk, TODAY)
    service = InProcess(Store(url))
    key = new_key()
    try:
        exported = service.call(EXPORT_DATA, ExportData(), township.desk, key=key)
        again = service.call(EXPORT_DATA, ExportData(), township.desk, key=key)  # its answer lost: asked again
    finally:
        service.close()
    assert (exported.to_site, exported.export_no) == ("XAM01", 1)
    assert exported.records > 0
    assert again == exported  # the same packages, numbered once
    report = hall.take(exported.packages[0])
    assert report.applied > 0
    assert not report.replayed
    engine.dispose()
    hall_engine.dispose()
