"""Training never touches real work: ``counter demo`` and ``--today`` work on the training database.

The live database here is a township's, as its desk leaves it at night: it knows its hall, holds one real intake and
has the site's signing key in the data folder, so that a package exported from it is what the hall would take in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from sqlalchemy import select

from counter.actions.admin.calendar import office_calendar
from counter.actions.intake.take import take_intake
from counter.actions.site.demo import DEMO_BUNDLE, complete_checklist, fresh_checklist
from counter.case.intake_request import IntakeRequest
from counter.cli.main import main
from counter.cli.phrases import TRAINING_DEMO_ON_LIVE, TRAINING_NO_BACKUP, TRAINING_ON_LIVE
from counter.db import models
from counter.db.catalog_store import current_guide
from counter.db.settings_store import is_training
from counter.host.machine.desk_config import load_desk_config, save_desk_config
from counter.host.machine.paths import default_db_url, site_key_path, training_db_url
from counter.intake.parties import Applicant, ApplicantKind, Parties
from counter.parties.identifiers import make_id_number
from counter.sync.sites import SiteKind
from counter.words.sync import sync_not_possible
from tests.sync.sync_world import Site, introduce, make_site, sqlite_copy
from tests.ui.printing.helpers import pdf_text

DAY = "2026-11-20"  # a Friday, a working day: the demo's dates do not depend on when the test runs
MARK = "培训样张"


@dataclass(frozen=True)
class Township:
    live: Path  # the live database file
    real_case: str
    hall: Site


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def file_path(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def state(path: Path) -> tuple[str, list[str], list[str]]:
    """The file's hash, the files beside it (a WAL or journal appears when anything opens it), every row."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    beside = sorted(p.name for p in path.parent.glob(f"{path.name}*"))
    connection = sqlite3.connect(f"file:{path}?immutable=1", uri=True)  # reading leaves no WAL file behind
    try:
        rows = list(connection.iterdump())
    finally:
        connection.close()
    return digest, beside, rows


def case_numbers(path: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [row[0] for row in connection.execute('SELECT case_no FROM "case" ORDER BY case_no')]
    finally:
        connection.close()


@pytest.fixture
def township(tmp_path: Path, shipped_catalog_db: Path, counter_home: Path) -> Township:
    counter_home.mkdir(parents=True, exist_ok=True)
    live = file_path(default_db_url())
    catalog = shipped_catalog_db
    sessions = sqlite_copy(catalog, live)
    site = make_site(sessions, "ARS01", "阿尔山市便民服务中心", SiteKind.TOWNSHIP, tmp_path / "keys")
    hall = make_site(sqlite_copy(catalog, tmp_path / "hall.sqlite3"), "XAM01", "兴安盟政务服务中心", SiteKind.HALL,
                     tmp_path / "hall-keys")  # fmt: skip
    introduce(site, hall)
    site_key_path().parent.mkdir(parents=True, exist_ok=True)
    site.key_path.rename(site_key_path())  # where the desk keeps it
    # the desk is the township's: its papers are the township's own office's (the hall's it would refuse to print)
    save_desk_config(replace(load_desk_config(), site_code="ARS01", site_name="阿尔山市便民服务中心"))
    with sessions() as session:
        stored = current_guide(session, DEMO_BUNDLE)
    assert stored is not None
    applicant = Applicant(ApplicantKind.PERSON, "巴特尔", make_id_number("152201", dt.date(1971, 3, 9), 5),
                          "13947012345", "兴安盟阿尔山市温泉街")  # fmt: skip
    request = IntakeRequest(complete_checklist(stored.bundle, fresh_checklist(stored)), Parties(applicant))
    with sessions.begin() as session:
        real = take_intake(session, site.desk, request, dt.date.fromisoformat(DAY), office_calendar(session))
    sessions.kw["bind"].dispose()
    connection = sqlite3.connect(live)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the night's state: everything in the file itself
    connection.close()
    return Township(live, real.case_no, hall)


def test_demo_leaves_the_live_database_as_it_was_and_works_in_the_training_one(
    capsys: pytest.CaptureFixture[str], township: Township, tmp_path: Path
) -> None:
    before = state(township.live)
    code, out, _ = run(capsys, "demo", "--out", str(tmp_path / "demo"), "--today", DAY)
    assert code == 0
    assert state(township.live) == before  # not a byte, not a row, not even opened

    made = sorted({line.split("\t")[0] for line in out.splitlines()})
    training = file_path(training_db_url())
    assert case_numbers(training) == made
    assert all(no.endswith(tuple(f"-{n}" for n in range(9001, 9010))) for no in made), made
    assert township.real_case not in made  # the training numbers never are a live desk's
    assert case_numbers(township.live) == [township.real_case]
    receipt = next((tmp_path / "demo").glob("*-receipt.pdf"))
    assert MARK in pdf_text(receipt.read_bytes())

    code, out, _ = run(capsys, "case", "list", "--today", DAY, "--json")  # --today: the training database too
    assert code == 0
    assert sorted(row["case_no"] for row in json.loads(out)) == made
    code, _, err = run(capsys, "print", township.real_case, "--doc", "receipt", "--out", str(tmp_path / "real.pdf"))
    assert code == 0, err
    assert MARK not in pdf_text((tmp_path / "real.pdf").read_bytes())  # real paper is as it always was


def test_after_the_demo_the_hall_gets_the_real_case_only(
    capsys: pytest.CaptureFixture[str], township: Township, tmp_path: Path
) -> None:
    assert run(capsys, "demo", "--out", str(tmp_path / "demo"), "--today", DAY)[0] == 0
    package = tmp_path / "ars.counter-sync"
    code, _out, err = run(capsys, "sync", "export", "--out", str(package))
    assert code == 0, err
    township.hall.take(package.read_bytes())
    with township.hall.sessions() as session:
        assert list(session.scalars(select(models.Case.case_no))) == [township.real_case]


def test_no_package_is_made_from_the_training_database(
    capsys: pytest.CaptureFixture[str], township: Township, tmp_path: Path
) -> None:
    """The site's real key is in the data folder: a package of practice cases would be signed and taken in."""
    assert run(capsys, "demo", "--out", str(tmp_path / "demo"), "--today", DAY)[0] == 0
    package = tmp_path / "training.counter-sync"
    code, _, err = run(capsys, "--today", DAY, "sync", "export", "--out", str(package))
    assert code == 1
    assert sync_not_possible("training") in err
    assert not package.exists()


def test_demo_refuses_the_live_database_even_when_named(
    capsys: pytest.CaptureFixture[str], township: Township, tmp_path: Path
) -> None:
    before = state(township.live)
    live_url = f"sqlite:///{township.live.parent / '.' / township.live.name}"  # spelt otherwise, the same file
    code, _, err = run(capsys, "demo", "--out", str(tmp_path / "demo"), "--db", live_url)
    assert code == 2
    assert err.strip() == TRAINING_DEMO_ON_LIVE.format(training=training_db_url())
    assert state(township.live) == before
    assert not file_path(training_db_url()).exists()


def test_today_on_the_live_database_named_by_db_is_followed_with_a_warning(
    capsys: pytest.CaptureFixture[str], township: Township
) -> None:
    """A deadline across a holiday, checked on the real cases: the technician's choice, said aloud."""
    code, out, err = run(capsys, "case", "list", "--today", "2026-12-30", "--db", default_db_url(), "--json")
    assert code == 0
    assert [row["case_no"] for row in json.loads(out)] == [township.real_case]
    assert TRAINING_ON_LIVE.format(today="2026-12-30") in err
    assert not file_path(training_db_url()).exists()


def test_demo_on_another_database_named_by_db_numbers_as_usual(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Only the training file is marked: a file the technician names keeps the numbers and paper of a live one."""
    other = tmp_path / "other.sqlite3"
    code, out, _ = run(capsys, "demo", "--out", str(tmp_path / "demo"), "--today", DAY, "--db", f"sqlite:///{other}")
    assert code == 0
    assert out.splitlines()[0].split("\t")[0].endswith("-0001")
    receipt = next((tmp_path / "demo").glob("*-receipt.pdf"))
    assert MARK not in pdf_text(receipt.read_bytes())
    assert not file_path(training_db_url()).exists()


def test_training_does_not_follow_the_live_database_of_the_environment(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """COUNTER_DB_URL names the live database (a hall's shared server): a trainee's cases never go there."""
    shared = tmp_path / "shared.sqlite3"
    monkeypatch.setenv("COUNTER_DB_URL", f"sqlite:///{shared}")
    code, out, _ = run(capsys, "demo", "--out", str(tmp_path / "demo"))
    assert code == 0
    assert not shared.exists()
    training = file_path(training_db_url())
    assert case_numbers(training) == sorted({line.split("\t")[0] for line in out.splitlines()})
    from counter.actions.site.store import Store

    store = Store(training_db_url())
    try:
        assert store.read(is_training)
    finally:
        store.dispose()


def test_the_training_database_is_neither_backed_up_nor_restored(
    capsys: pytest.CaptureFixture[str], township: Township, tmp_path: Path
) -> None:
    """Its copies would be counted and pruned with the live database's in the backups folder."""
    assert run(capsys, "demo", "--out", str(tmp_path / "demo"), "--today", DAY)[0] == 0
    before = state(township.live)
    for argv in (["--today", DAY, "backup"], ["--today", DAY, "restore", str(township.live), "--yes"]):
        code, _, err = run(capsys, *argv)
        assert (code, err.strip()) == (2, TRAINING_NO_BACKUP)
    assert not (township.live.parent / "backups").exists()
    assert state(township.live) == before
