"""A township's pending work beyond one package's limits goes out in a numbered series the hall takes in whole.

The limits are the receiver's own (:data:`counter.sync.package.MAX_RECORDS`, :data:`~counter.sync.package.MAX_PLAIN`),
lowered here so that the six cases of a training run need three packages: the hall's checks then refuse anything the
export did not split.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.admin.site import peer_keys
from counter.actions.site.demo import run_demo
from counter.actions.sync.sync_status import sync_status
from counter.cli.main import main
from counter.db import models
from counter.db.sync.case_records import case_dicts
from counter.host.machine.paths import site_key_path
from counter.sync import package
from counter.sync.keys import encryption_key_path
from counter.sync.package import PackageRejected, RejectCode, check_package, encode_record
from counter.sync.sites import SiteKind
from counter.words.sync import package_rejected
from tests.pg_server import CATALOG
from tests.sync.sync_world import TODAY, Site, introduce, make_site, sqlite_copy


@pytest.fixture(params=["sqlite", "postgresql"])
def pair(request: pytest.FixtureRequest, catalog: Path, tmp_path: Path) -> Iterator[tuple[Site, Site]]:
    """A township with the training run's six cases, and its hall on either database."""
    if request.param == "sqlite":
        hall_sessions = sqlite_copy(catalog, tmp_path / "hall.sqlite3")
    else:
        hall_sessions = request.getfixturevalue("fresh_pg").sessions(CATALOG)
    hall = make_site(hall_sessions, "XAM01", "兴安盟政务服务中心", SiteKind.HALL, tmp_path)
    ars = make_site(
        sqlite_copy(catalog, tmp_path / "ars.sqlite3"), "ARS01", "明水河镇便民服务中心", SiteKind.TOWNSHIP, tmp_path
    )
    introduce(hall, ars)
    run_demo(ars.sessions, ars.desk, TODAY)
    yield hall, ars
    for site in (ars, hall):
        site.sessions.kw["bind"].dispose()


def cases_of(sessions: sessionmaker[Session]) -> list[dict[str, object]]:
    """Every case as its package record, by uid: what the two sites must agree on."""
    with sessions() as session:
        return sorted(case_dicts(session, list(session.scalars(select(models.Case.id)))), key=lambda r: str(r["uid"]))


def case_count(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.count()).select_from(models.Case)) or 0)


def pending(site: Site) -> int:
    with site.sessions() as session:
        return sync_status(session).pending_cases


def numbers(hall: Site, packages: tuple[bytes, ...]) -> list[int]:
    with hall.sessions() as session:
        keys = peer_keys(session)
    return [check_package(data, keys, hall.code)[0].export_no for data in packages]


def two_cases_in_bytes(ars: Site) -> int:
    """A JSON budget that holds the two largest cases and not three of them."""
    sizes = sorted(len(encode_record(r)) for r in cases_of(ars.sessions))
    return 2 + sizes[-1] + sizes[-2] + 1


@pytest.mark.slow
@pytest.mark.parametrize("limit", ["records", "bytes"])
def test_pending_work_beyond_the_limits_goes_in_several_packages_and_the_hall_takes_them_all(
    pair: tuple[Site, Site], monkeypatch: pytest.MonkeyPatch, limit: str
) -> None:
    hall, ars = pair
    if limit == "records":
        monkeypatch.setattr(package, "MAX_RECORDS", 2)
    else:
        monkeypatch.setattr(package, "MAX_PLAIN", two_cases_in_bytes(ars))
    export = ars.export()
    assert len(export.packages) >= 3
    assert export.records == 6
    assert numbers(hall, export.packages) == list(range(1, len(export.packages) + 1))
    reports = [hall.take(data) for data in export.packages]
    assert [r.export_no for r in reports] == numbers(hall, export.packages)
    tally = [sum(r.applied for r in reports), sum(r.unchanged for r in reports), sum(r.held for r in reports)]
    assert tally == [6, 0, 0]
    assert cases_of(hall.sessions) == cases_of(ars.sessions)  # nothing lost, nothing doubled
    assert hall.take(export.packages[1]).replayed
    assert case_count(hall.sessions) == 6

    monkeypatch.undo()  # the hall's updates in one package
    assert ars.take(hall.export(ars.code).data).applied >= 1  # the acknowledgement of the whole series
    assert pending(ars) == 0
    again = ars.export()
    # the acknowledgement of the hall's updates, and the seal the first export made, now that the hall keeps seals
    assert (len(again.packages), again.records) == (1, 2)
    assert hall.take(again.data).applied == 2


@pytest.mark.slow
def test_a_hall_that_took_only_the_first_package_of_a_series_gets_the_rest_again(
    pair: tuple[Site, Site], monkeypatch: pytest.MonkeyPatch
) -> None:
    hall, ars = pair
    records_limit = package.MAX_RECORDS
    monkeypatch.setattr(package, "MAX_RECORDS", 2)
    first = ars.export()
    assert hall.take(first.packages[0]).applied == 2
    with monkeypatch.context() as unlimited:
        unlimited.setattr(package, "MAX_RECORDS", records_limit)
        ars.take(hall.export(ars.code).data)  # acknowledges package 1 only
    assert pending(ars) == 6  # the later packages' cases are not taken as delivered
    second = ars.export()
    assert numbers(hall, second.packages)[0] == len(first.packages) + 1
    reports = [hall.take(data) for data in second.packages]
    # the ack, four cases and the first export's seal
    assert (sum(r.applied for r in reports), sum(r.unchanged for r in reports)) == (1 + 4 + 1, 2)
    assert cases_of(hall.sessions) == cases_of(ars.sessions)
    assert case_count(hall.sessions) == 6
    for data in first.packages[1:]:  # the stale rest of the first series changes nothing when found later
        report = hall.take(data)
        assert (report.applied, report.held) == (0, 0)
    assert cases_of(hall.sessions) == cases_of(ars.sessions)


def test_the_command_line_writes_every_package_of_a_series_and_says_how_many(
    catalog: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "ars-home"
    monkeypatch.setenv("COUNTER_HOME", str(home))
    ars = make_site(sqlite_copy(catalog, tmp_path / "ars.sqlite3"), "ARS01", "明水河镇便民服务中心",
                    SiteKind.TOWNSHIP, home / "keys")  # fmt: skip
    hall = make_site(sqlite_copy(catalog, tmp_path / "hall.sqlite3"), "XAM01", "兴安盟政务服务中心",
                     SiteKind.HALL, tmp_path / "hall-keys")  # fmt: skip
    introduce(hall, ars)
    run_demo(ars.sessions, ars.desk, TODAY)
    ars.sessions.kw["bind"].dispose()
    monkeypatch.setattr(package, "MAX_RECORDS", 2)
    made = site_key_path()  # the data folder's own place for the site's keys, where the command looks
    made.parent.mkdir(parents=True, exist_ok=True)
    encryption_key_path(ars.key_path).rename(encryption_key_path(made))
    ars.key_path.rename(made)
    out_file = tmp_path / "stick" / "ARS01.sync"
    out_file.parent.mkdir()
    code = main(["sync", "export", "--out", str(out_file), "--db", f"sqlite:///{tmp_path / 'ars.sqlite3'}"])
    out, err = capsys.readouterr()
    assert code == 0, err
    written = sorted(p.name for p in out_file.parent.iterdir())
    assert written == ["ARS01-1of3.sync", "ARS01-2of3.sync", "ARS01-3of3.sync"]
    assert "3 个数据包" in out
    assert "第 1 至 3 号" in out
    reports = [hall.take((out_file.parent / name).read_bytes()) for name in written]
    assert sum(r.applied for r in reports) == 6
    code = main(["sync", "status", "--json", "--db", f"sqlite:///{tmp_path / 'ars.sqlite3'}"])
    assert code == 0
    assert json.loads(capsys.readouterr().out)["pending_cases"] == 6  # until the hall acknowledges the series
    hall.sessions.kw["bind"].dispose()


def imports_of(hall: Site) -> int:
    with hall.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(models.SyncImport)) or 0)


def refusal(hall: Site, data: bytes) -> PackageRejected:
    with pytest.raises(PackageRejected) as caught:
        hall.take(data)
    return caught.value


def test_a_later_package_of_a_series_is_refused_whole_until_every_earlier_one_is_in(
    pair: tuple[Site, Site], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    hall, ars = pair
    monkeypatch.setattr(package, "MAX_RECORDS", 2)
    export = ars.export()
    assert len(export.packages) == 3
    first, middle, last = export.packages

    with caplog.at_level(logging.WARNING, logger="counter.actions.sync.sync_series"):
        refused = refusal(hall, last)
    assert refused.code is RejectCode.SERIES_INCOMPLETE
    assert refused.earlier == ((1, 1), (2, 2))
    assert "请先导入同一批的第 1、2 个文件（编号 1、2）" in package_rejected(refused.code, refused.earlier)
    assert "ARS01 #3" in caplog.text  # for support: which package, and which to take in first
    assert (case_count(hall.sessions), imports_of(hall)) == (0, 0)  # nothing stored, so nothing acknowledged
    with monkeypatch.context() as unlimited:
        unlimited.setattr(package, "MAX_RECORDS", 200_000)
        ars.take(hall.export(ars.code).data)
    assert pending(ars) == 6

    assert hall.take(first).applied == 2
    assert refusal(hall, last).earlier == ((2, 2),)  # the one still missing, by its part and its number
    assert (case_count(hall.sessions), imports_of(hall)) == (2, 1)
    assert hall.take(middle).applied == 2
    assert hall.take(last).applied == 2  # the same file, now that the earlier ones are in
    assert cases_of(hall.sessions) == cases_of(ars.sessions)

    monkeypatch.undo()
    ars.take(hall.export(ars.code).data)  # the acknowledgement of the whole series
    assert pending(ars) == 0


def test_a_package_alone_names_no_series_and_goes_in_as_before(pair: tuple[Site, Site]) -> None:
    hall, ars = pair
    data = ars.export().data
    header_line = data.split(b"\n", 2)[1]
    assert "series" not in json.loads(header_line)
    with hall.sessions() as session:
        header, _body = check_package(data, peer_keys(session), hall.code)
    assert (header.series, header.part) == (None, 1)
    assert hall.take(data).applied == 6
    ars.take(hall.export(ars.code).data)
    assert pending(ars) == 0


def test_every_package_of_a_series_names_the_series_in_its_signed_header(
    pair: tuple[Site, Site], monkeypatch: pytest.MonkeyPatch
) -> None:
    hall, ars = pair
    monkeypatch.setattr(package, "MAX_RECORDS", 2)
    export = ars.export()
    with hall.sessions() as session:
        keys = peer_keys(session)
    headers = [check_package(data, keys, hall.code)[0] for data in export.packages]
    assert [(h.series, h.part) for h in headers] == [((1, 3), 1), ((1, 3), 2), ((1, 3), 3)]
    # the last part made to look like the first of a series of its own: its signature no longer holds
    alone = export.packages[2].replace(b'"series":[1,3]', b'"series":[3,2]', 1)
    assert refusal(hall, alone).code is RejectCode.BAD_SIGNATURE
    nonsense = export.packages[2].replace(b'"series":[1,3]', b'"series":[3,1]', 1)  # a series of one
    assert refusal(hall, nonsense).code is RejectCode.BAD_HEADER
    assert imports_of(hall) == 0
