"""A township adds to a hall case only what is its own: its intake's steps, and the decisions of its own bodies' items.

The township (SQLite) takes the 小餐馆 bundle under a guide in which 户外招牌设置审批 is decided by the 苏木乡镇 (a
township body: ``level = "township"``) and the other three items by county departments; it sends the case, the hall
(SQLite, PostgreSQL) routes its items to their departments.  Each test then signs, with the township's own key, the
case with one more line: a decision of a county department's item, a 不予批准 or 作废 of the whole case, a second
intake, a line dated before the hall's — each waits on the hall's review list with its reason and changes nothing —
or a decision of the township's own item or a step of its own intake, which go in.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.actions.cases.item_steps import route_items
from counter.actions.catalog.imports import import_source
from counter.actions.intake.take import move_case
from counter.actions.outbox.platform import save_platform
from counter.actions.site.demo import run_demo
from counter.actions.sync.sync_status import review_items
from counter.case.decisions import Validity, item_note
from counter.case.moments import office_day
from counter.case.numbers import DeskIdentity
from counter.case.pledge_checks import item_revocations
from counter.case.status import CaseEvent, CaseStatus
from counter.db import models
from counter.db.case_store import case_view
from counter.db.engine import make_engine, make_sessions
from counter.db.outbox_store import moment_text
from counter.platform.events import PlatformKind, line_key
from counter.platform.settings import PlatformSettings
from counter.sync.keys import load_private_key
from counter.sync.package import Header, PackageKind
from counter.sync.record_json import to_dict
from counter.sync.sites import SiteIdentity, SiteKind
from tests.catalog_db import kept_in_clear, made_once
from tests.codings import CHOSEN
from tests.conftest import SHIPPED_CATALOG, copy_database
from tests.platform_stub import SECRET
from tests.signed_in import signed_in
from tests.sync.case_records import case_records
from tests.sync.packages import write_package
from tests.sync.sync_world import NOW, TODAY, Site, hall_and_township, introduce, make_site, sqlite_copy

FOOD = "152201-YJS008-02"  # 食品经营许可: the county's 市场监督管理局 decides it
SIGN = "152201-YJS008-03"  # 户外招牌设置审批: here the 苏木乡镇's own
TAKEN_AT = dt.datetime.combine(TODAY, dt.time(8), dt.UTC)
SENT_AT = dt.datetime.combine(TODAY, dt.time(9), dt.UTC)  # the hall's last lines: the items routed
LATER = dt.datetime.combine(TODAY, dt.time(11), dt.UTC)
FINDING = "核查发现招牌设置位置与承诺不符"  # a 告知承诺 found false


@pytest.fixture(scope="module")
def township_guide(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 小餐馆 guide with its 户外招牌设置审批 decided by the township (乡镇综合行政执法)."""
    text = (SHIPPED_CATALOG / "008.toml").read_text(encoding="utf-8")
    county = 'department = "{place}城市管理综合行政执法局"\nlevel = "county"'
    assert text.count(county) == 1
    path = tmp_path_factory.mktemp("township-guide") / "008.toml"
    path.write_text(text.replace(county, 'department = "{place}人民政府"\nlevel = "township"'), encoding="utf-8")
    return path


@dataclasses.dataclass
class Pair:
    hall: Site
    ars: Site
    case_no: str
    record: dict[str, Any]  # the township's record of the case, as the hall holds it


@dataclasses.dataclass(frozen=True)
class Made:
    """What a test needs to know of the pair made once: the sites' identities, and the case the township sent."""

    hall: SiteIdentity
    ars: SiteIdentity
    case_no: str
    record: dict[str, Any]


def _taken_and_routed(hall: Site, ars: Site, guide: Path, clock: dict[str, dt.datetime]) -> tuple[str, dict[str, Any]]:
    """Both sites under ``guide``, the township's demo sent to the hall and its first accepted case's items routed
    there: that case's number and the township's record of it."""
    for site in (hall, ars):
        assert import_source(site.sessions, guide, desk=site.desk).report is not None
    run_demo(ars.sessions, ars.desk, TODAY)
    assert hall.take(ars.export().data).held == 0
    with ars.sessions() as session:
        case = session.scalars(
            select(models.Case).where(models.Case.status == CaseStatus.ACCEPTED.value).order_by(models.Case.id)
        ).first()
        assert case is not None
        case_no, record = case.case_no, to_dict(case_records(session, [case.id])[0])
    clock["at"] = SENT_AT
    with hall.sessions.begin() as session:
        assert len(route_items(session, hall.desk, case_no, SENT_AT)) == 4
    return case_no, record


def _make_pair(catalog: Path, guide: Path, hall_path: Path) -> Made:
    """The SQLite pair written once: the hall at ``hall_path``, the township and both sites' keys in the folder
    :func:`_pair_folder` names beside it, every engine closed."""
    folder = _pair_folder(hall_path)
    shutil.rmtree(folder, ignore_errors=True)  # of a worker whose making failed
    folder.mkdir()
    clock = {"at": TAKEN_AT}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(models, "utcnow", lambda: clock["at"])
        hall = make_site(sqlite_copy(catalog, hall_path), "XAM01", "兴安盟政务服务中心", SiteKind.HALL, folder)
        ars = make_site(sqlite_copy(catalog, folder / "ars.sqlite3"), "ARS01", "明水河镇便民服务中心",
                        SiteKind.TOWNSHIP, folder)  # fmt: skip
        try:
            introduce(hall, ars)
            case_no, record = _taken_and_routed(hall, ars, guide, clock)
        finally:
            for site in (hall, ars):
                site.sessions.kw["bind"].dispose()
    kept_in_clear(folder / "ars.sqlite3")  # the hall's is kept so by made_once
    return Made(hall.identity, ars.identity, case_no, record)


def _pair_folder(hall_path: Path) -> Path:
    """The township's database and both keys, beside the hall's file (made under a name of its own, then renamed)."""
    return hall_path.parent / "township-decisions-pair"


@pytest.fixture(scope="module")
def made_pair(tmp_path_factory: pytest.TempPathFactory, catalog: Path, township_guide: Path) -> tuple[Path, Made]:
    """The SQLite pair made once for the run (two sites, a guide imported twice, the demo and a sync: a quarter of a
    second a test otherwise): each test copies its files, none writes them."""
    return made_once(
        tmp_path_factory, "township-decisions-hall", functools.partial(_make_pair, catalog, township_guide)
    )


def _sqlite_pair(made: tuple[Path, Made], folder: Path) -> Pair:
    """A copy of the pair made once, in ``folder``: its own databases (with this machine's number notes) and keys."""
    hall_file, said = made
    shutil.copytree(_pair_folder(hall_file), folder / "pair", ignore=shutil.ignore_patterns("*.sqlite3*"))
    copy_database(hall_file, folder / "pair" / "hall.sqlite3")
    copy_database(_pair_folder(hall_file) / "ars.sqlite3", folder / "pair" / "ars.sqlite3")
    sites = [
        Site(identity, make_sessions(make_engine(f"sqlite:///{folder / 'pair' / name}")),
             Desk(DeskIdentity(identity.code, "1"), f"{identity.code}职员"), folder / "pair" / f"{identity.code}.pem")
        for identity, name in ((said.hall, "hall.sqlite3"), (said.ars, "ars.sqlite3"))
    ]  # fmt: skip
    return Pair(sites[0], sites[1], said.case_no, said.record)


@pytest.fixture(params=["sqlite", "postgresql"])
def pair(
    request: pytest.FixtureRequest,
    catalog: Path,
    township_guide: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Pair]:
    """The pair, the case sent and routed: on SQLite a copy of the files made once; with the hall on PostgreSQL made
    for the test, the same way."""
    if request.param == "sqlite":
        made = _sqlite_pair(request.getfixturevalue("made_pair"), tmp_path)
    else:
        clock = {"at": TAKEN_AT}
        monkeypatch.setattr(models, "utcnow", lambda: clock["at"])
        hall, ars = hall_and_township(request, catalog, tmp_path)
        made = Pair(hall, ars, *_taken_and_routed(hall, ars, township_guide, clock))
    # the township's lines are checked as of now, not the hall's clock
    monkeypatch.setattr(models, "utcnow", lambda: LATER + dt.timedelta(hours=3))
    yield made
    made.ars.sessions.kw["bind"].dispose()
    if request.param == "sqlite":
        made.hall.sessions.kw["bind"].dispose()


def line(event: CaseEvent, status_after: str, note: str = "", at: dt.datetime = LATER) -> dict[str, Any]:
    return {"at": at.isoformat(), "clerk": "ARS01职员", "desk_no": "1", "event": event.value,
            "status_after": status_after, "note": note}  # fmt: skip


def send(pair: Pair, *lines: dict[str, Any], export_no: int = 2) -> tuple[int, int]:
    """The case with ``lines`` added, in a package the township signs with its own key: (applied, held)."""
    record = pair.record | {"history": [*pair.record["history"], *lines]}
    header = Header(pair.ars.code, "township", pair.hall.code, PackageKind.CASES, export_no, NOW, None, 1)
    data = write_package(header, [record], load_private_key(pair.ars.key_path), pair.hall.identity.encryption_key)
    report = pair.hall.take(data)
    return report.applied, report.held


def queued_items(session: Session, case_no: str) -> int:
    """How many of the case's items its departments' queues hold (``open_item``)."""
    found = session.scalar(
        select(func.count())
        .select_from(models.OpenItem)
        .join(models.Case, models.Case.id == models.OpenItem.case_id)
        .where(models.Case.case_no == case_no)
    )
    return int(found or 0)


def at_the_hall(pair: Pair) -> tuple[CaseStatus, list[str], dict[str, bool], int]:
    """The case as the hall holds it: its status, its lines' events, its items' decisions (granted or not), and how
    many of its items its departments' queues hold."""
    with pair.hall.sessions() as session:
        view = case_view(session, pair.case_no)
        assert view is not None
        queued = queued_items(session, view.case_no)
    decided = {c: d.approved for c, d in view.decisions().items()}
    return view.status, [x.event for x in view.history], decided, queued


def reasons(pair: Pair) -> list[tuple[str, str]]:
    with pair.hall.sessions() as session:
        return [(i.record_key, i.reason) for i in review_items(session)]


HALL_LINES = ["taken", *["item_routed"] * 4]
UNTOUCHED: tuple[CaseStatus, list[str], dict[str, bool], int] = (CaseStatus.ACCEPTED, HALL_LINES, {}, 4)


@pytest.mark.slow
@pytest.mark.parametrize("event", [CaseEvent.ITEM_APPROVED, CaseEvent.ITEM_DENIED])
def test_a_decision_of_a_county_departments_item_waits_for_review(pair: Pair, event: CaseEvent) -> None:
    """食品经营许可 is the 市场监督管理局's to grant or deny, at the hall: the township's line changes nothing."""
    assert send(pair, line(event, "accepted", item_note(FOOD, "JY1"))) == (0, 1)
    assert reasons(pair) == [(pair.record["uid"], "not_township_item")]
    assert at_the_hall(pair) == UNTOUCHED


def test_the_denials_of_a_township_side_lapse_wait_for_review(pair: Pair) -> None:
    """A lapse at the township denying the county's items, with the case's 不予批准, goes in with none of them."""
    lapse = line(CaseEvent.DEFERRAL_LAPSED, "in_approval", "M05")
    denials = [
        line(CaseEvent.ITEM_DENIED, "in_approval", item_note(code, "逾期"), LATER + dt.timedelta(seconds=n))
        for n, code in enumerate(("152201-YJS008-01", FOOD, SIGN, "152201-YJS008-04"), start=1)
    ]
    denied = line(CaseEvent.DENIED, "denied", "逾期", LATER + dt.timedelta(minutes=1))
    assert send(pair, lapse, *denials, denied) == (0, 1)
    assert reasons(pair) == [(pair.record["uid"], "not_township_item")]
    assert at_the_hall(pair) == UNTOUCHED


def test_a_township_bodys_own_item_and_the_intakes_own_steps_go_in(pair: Pair) -> None:
    """户外招牌设置审批 is the 苏木乡镇's: its grant goes in, and a withdrawal after the hall's last line too."""
    granted = line(CaseEvent.ITEM_APPROVED, "accepted", item_note(SIGN, "招牌2026-001"))
    assert send(pair, granted) == (1, 0)
    assert at_the_hall(pair) == (CaseStatus.ACCEPTED, [*HALL_LINES, "item_approved"], {SIGN: True}, 3)
    with pair.hall.sessions() as session:
        view = case_view(session, pair.case_no)
    assert view is not None
    assert view.decisions()[SIGN].validity is None  # a note with no validity, as written before it was kept
    withdrawn = line(CaseEvent.WITHDRAWN, "withdrawn", "申请人撤回", LATER + dt.timedelta(hours=1))
    assert send(pair, granted, withdrawn, export_no=3) == (1, 0)
    status, events, _decided, queued = at_the_hall(pair)
    assert (status, events[-1], queued) == (CaseStatus.WITHDRAWN, "withdrawn", 0)
    assert reasons(pair) == []


def test_a_township_bodys_grant_brings_its_licences_validity_and_an_older_one_none(pair: Pair) -> None:
    """The 准予's 证照有效期限 rides in its line's note: the hall reads it (a grant written without it, as an older
    package carries it, goes in as before and reads as none recorded: the test below)."""
    dated = item_note(SIGN, "招牌2026-001", validity=Validity(dt.date(2029, 6, 30)))
    assert send(pair, line(CaseEvent.ITEM_APPROVED, "accepted", dated)) == (1, 0)
    with pair.hall.sessions() as session:
        view = case_view(session, pair.case_no)
    assert view is not None
    decision = view.decisions()[SIGN]
    assert (decision.text, decision.validity) == ("招牌2026-001", Validity(dt.date(2029, 6, 30)))


def test_a_township_bodys_denial_of_its_own_item_goes_in(pair: Pair) -> None:
    assert send(pair, line(CaseEvent.ITEM_DENIED, "accepted", item_note(SIGN, "位置不符"))) == (1, 0)
    assert at_the_hall(pair)[2:] == ({SIGN: False}, 3)


@pytest.mark.parametrize(("event", "after"), [(CaseEvent.DENIED, "denied"), (CaseEvent.VOIDED, "voided")])
def test_a_denial_or_voiding_of_a_case_the_hall_holds_waits_for_review(
    pair: Pair, event: CaseEvent, after: str
) -> None:
    """The case is with the departments: a township's 不予批准 or 作废 would end it and empty their queues."""
    assert send(pair, line(event, after, "误录")) == (0, 1)
    assert reasons(pair) == [(pair.record["uid"], "hall_holds_case")]
    assert at_the_hall(pair) == UNTOUCHED


def test_a_second_intake_line_waits_for_review(pair: Pair) -> None:
    assert send(pair, line(CaseEvent.TAKEN, "accepted", "accept")) == (0, 1)
    assert reasons(pair) == [(pair.record["uid"], "second_taken")]
    assert at_the_hall(pair) == UNTOUCHED


@pytest.mark.parametrize("at", [SENT_AT - dt.timedelta(minutes=30), SENT_AT])
def test_a_line_dated_at_or_before_the_halls_last_waits_for_review(pair: Pair, at: dt.datetime) -> None:
    """A withdrawal dated before the hall sent the case on would be read as coming first, and end it there."""
    assert send(pair, line(CaseEvent.WITHDRAWN, "withdrawn", "申请人撤回", at)) == (0, 1)
    assert reasons(pair) == [(pair.record["uid"], "backdated")]
    assert at_the_hall(pair) == UNTOUCHED


def test_a_case_voided_before_it_was_ever_sent_goes_in_voided_and_to_no_department(pair: Pair) -> None:
    """Taken in error and voided at the township: the hall keeps the number, 已作废, and routes nothing of it."""
    made = run_demo(pair.ars.sessions, pair.ars.desk, TODAY)  # new intakes, never sent
    number = next(c.case_no for c in made if c.status is CaseStatus.ACCEPTED)
    ars = dataclasses.replace(pair.ars, desk=signed_in(pair.ars.sessions, pair.ars.desk))  # a void: a supervisor's
    with ars.sessions.begin() as session:
        move_case(session, ars.desk, number, CaseEvent.VOIDED, "重复录入")
    assert pair.hall.take(ars.export().data).held == 0
    with pair.hall.sessions() as session:
        view = case_view(session, number)
        assert view is not None
        queued = queued_items(session, view.case_no)
    assert (view.status, [x.event for x in view.history], queued) == (CaseStatus.VOIDED, ["taken", "voided"], 0)


def test_a_township_bodys_revocation_of_its_own_licence_reaches_the_hall(pair: Pair) -> None:
    """A licence the 苏木乡镇 granted on a promise and revoked when the check found it false (行政许可法 第六十九条
    第二款) reaches the hall revoked, with what the check found."""
    granted = line(CaseEvent.ITEM_APPROVED, "accepted", item_note(SIGN, "告知承诺"))
    revoked = line(CaseEvent.ITEM_REVOKED, "accepted", item_note(SIGN, FINDING), LATER + dt.timedelta(hours=1))
    assert send(pair, granted, revoked) == (1, 0)
    assert reasons(pair) == []
    status, events, decided, _queued = at_the_hall(pair)
    assert (status, events[-2:], decided) == (CaseStatus.ACCEPTED, ["item_approved", "item_revoked"], {SIGN: True})
    with pair.hall.sessions() as session:
        view = case_view(session, pair.case_no)
    assert view is not None
    [revocation] = item_revocations(view.history, office_day).values()
    assert (revocation.item_code, revocation.reason) == (SIGN, FINDING)


def test_a_townships_revocation_of_a_county_departments_licence_waits_for_review(pair: Pair) -> None:
    """The body that granted a licence revokes it: 食品经营许可 is the 市场监督管理局's, at the hall."""
    assert send(pair, line(CaseEvent.ITEM_REVOKED, "accepted", item_note(FOOD, FINDING))) == (0, 1)
    assert reasons(pair) == [(pair.record["uid"], "not_township_item")]
    assert at_the_hall(pair) == UNTOUCHED


def test_a_township_bodys_grant_is_reported_by_its_hall_under_the_townships_key(pair: Pair, tmp_path: Path) -> None:
    """The hall reports for the township, which has no network: its body's grant is queued at the hall as the
    township itself keys it, with the intake the package carries again, once however many packages carry them;
    户外招牌设置审批 issues no licence, so none."""
    settings = PlatformSettings(True, "https://10.1.2.3:9443", "hall", SECRET, 1.0, 4, codings=CHOSEN)
    with pair.hall.sessions.begin() as session:
        save_platform(session, settings, desk=pair.hall.desk, folder=tmp_path / "keys")
    granted = line(CaseEvent.ITEM_APPROVED, "accepted", item_note(SIGN, "招牌2026-001"))
    assert send(pair, granted) == (1, 0)
    assert send(pair, granted, export_no=3) == (0, 0)
    with pair.hall.sessions() as session:
        queued = session.execute(select(models.PlatformEvent.key, models.PlatformEvent.kind,
                                        models.PlatformEvent.item_code)).all()  # fmt: skip
    uid = pair.record["uid"]
    assert sorted(tuple(row) for row in queued) == [  # its intake too: taken in before the hall reported
        (line_key(uid, CaseEvent.ITEM_APPROVED.value, moment_text(LATER)), PlatformKind.ITEM_DECIDED.value, SIGN),
        (line_key(uid, CaseEvent.TAKEN.value, moment_text(TAKEN_AT)), PlatformKind.ACCEPTED.value, ""),
    ]
