"""A league (盟级) site takes its halls' cases by the township's sync path and reads their month by county and hall.

Two halls in two counties take cases through the real intake action (one of them under a guide of its own, which its
package carries), send them to the league in signed, sealed packages, and the league's ``counter figures --by
county`` and ``--by hall`` show each county's 即办件占比 and 承诺时限压减率 as the halls' own figures say.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.admin.calendar import office_calendar
from counter.actions.admin.site import register_peer
from counter.actions.intake.same_day import finish_same_day
from counter.actions.intake.take import move_case, take_intake
from counter.actions.ratings.league_figures import league_figures
from counter.actions.ratings.period_figures import period_figures
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.intake_request import IntakeRequest
from counter.case.league_figures import LeagueGroup
from counter.case.status import CaseEvent
from counter.catalog.stored_guide import StoredGuide
from counter.cli.main import main
from counter.db.catalog_store import current_guide
from counter.ratings.figures import Grouping
from counter.sync.exchange import SyncNotPossible, SyncProblem
from counter.sync.package import PackageRejected, RejectCode
from counter.sync.site_faults import PeerRefused
from counter.sync.sites import SiteKind, SiteProblem
from tests.actions.test_intake_actions import applicant
from tests.same_day_catalog import add_immediate_guide
from tests.signed_in import signed_in
from tests.sync.sync_world import NOW, REGISTERED, TODAY, Site, introduce, make_site, sqlite_copy

RESTAURANT = "XAM-YJS-008"  # four items: one 即办 (5 → 0 days); the licences cut 3→1, 10→3, 20→3
RESTAURANT_CUT = Fraction(1) + (1 - Fraction(1, 3)) + (1 - Fraction(3, 10)) + (1 - Fraction(3, 20))
MONTH = (dt.date(2026, 11, 1), dt.date(2026, 11, 30))


def _site(catalog: Path, folder: Path, code: str, name: str, kind: SiteKind) -> Site:
    return make_site(sqlite_copy(catalog, folder / f"{code}.sqlite3"), code, name, kind, folder)


def _join(league: Site, hall: Site, county: str) -> None:
    """The hall registers its league; the league the hall, with the county it serves."""
    with hall.sessions.begin() as session:
        register_peer(session, league.code, league.identity.name, SiteKind.LEAGUE, league.identity.public_key,
                      desk=hall.desk, encryption_key=league.identity.encryption_key, now=REGISTERED)  # fmt: skip
    with league.sessions.begin() as session:
        register_peer(session, hall.code, hall.identity.name, SiteKind.HALL, hall.identity.public_key,
                      desk=league.desk, encryption_key=hall.identity.encryption_key, now=REGISTERED,
                      county=county)  # fmt: skip


def _take(site: Site, stored: StoredGuide) -> str:
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    with site.sessions.begin() as session:
        return take_intake(session, site.desk, IntakeRequest(checklist, applicant()), TODAY,
                           office_calendar(session)).case_no  # fmt: skip


def _guide(site: Site, code: str) -> StoredGuide:
    with site.sessions() as session:
        stored = current_guide(session, code)
    assert stored is not None
    return stored


@pytest.fixture
def league(databases: Callable[[str], sessionmaker[Session]], catalog: Path, tmp_path: Path) -> tuple[Site, Site, Site]:
    """The league XAM (on either backend: a league's server is PostgreSQL); 乌兰浩特市's hall with a restaurant (and
    one voided); 阿尔山市's with a restaurant and a case of a wholly 即办 guide it added itself, done at the window."""
    league = make_site(databases("XAM"), "XAM", "兴安盟政务服务中心（盟级）", SiteKind.LEAGUE, tmp_path)
    wlh = _site(catalog, tmp_path, "WLH01", "乌兰浩特市政务服务中心", SiteKind.HALL)
    aes = _site(catalog, tmp_path, "AES01", "阿尔山市政务服务中心", SiteKind.HALL)
    _join(league, wlh, "152201")
    _join(league, aes, "152202")
    _take(wlh, _guide(wlh, RESTAURANT))
    wrong = _take(wlh, _guide(wlh, RESTAURANT))
    wlh = dataclasses.replace(wlh, desk=signed_in(wlh.sessions, wlh.desk))  # a void is a named supervisor's
    with wlh.sessions.begin() as session:
        move_case(session, wlh.desk, wrong, CaseEvent.VOIDED, "重复录入")
    with aes.sessions.begin() as session:
        immediate = add_immediate_guide(session, held_at="AES01")
    done = _take(aes, immediate)
    with aes.sessions.begin() as session:  # done and handed over at the window: lines only a hall's desk writes
        finish_same_day(session, aes.desk, done, TODAY)
    _take(aes, _guide(aes, RESTAURANT))
    return league, wlh, aes


def _county_figures(league: Site) -> dict[str, tuple[str, int, Fraction | None, Fraction | None]]:
    with league.sessions() as session:
        found = league_figures(session, *MONTH, LeagueGroup.COUNTY, TODAY, desk=league.desk).figures
    return {
        line.key: (line.label, line.promise.cases, line.promise.same_day_share, line.promise.mean_reduction)
        for line in found.lines
    }


@pytest.mark.slow
def test_the_league_reads_its_halls_month_by_county(league: tuple[Site, Site, Site]) -> None:
    xam, wlh, aes = league
    for hall in (wlh, aes):
        report = xam.take(hall.export(to_site=xam.code).data)
        # nothing held: the 办结 and 送达 a township could not send are the hall's own, and so is its guide
        assert (report.kind, report.held) == ("cases", 0)
    by_county = _county_figures(xam)
    assert by_county == {
        # a restaurant nobody has decided yet: none of its items done on the day, whatever the catalog promises
        "152201": ("乌兰浩特市", 1, Fraction(0), RESTAURANT_CUT / 4),
        # the 即办 case: five item-办件 decided at the window on the day (the decisions came with the hall's
        # package), three measured each cut whole; the restaurant's four, none decided yet
        "152202": ("阿尔山市", 2, Fraction(5, 9), (3 + RESTAURANT_CUT) / 7),
    }
    for hall in (wlh, aes):  # each county's line is its hall's own month, counted at the hall
        with hall.sessions() as session:
            own = period_figures(session, *MONTH, Grouping.SITE, TODAY, desk=hall.desk).total.promise
        county = "152201" if hall is wlh else "152202"
        assert by_county[county][1:] == (own.cases, own.same_day_share, own.mean_reduction)
    with xam.sessions() as session:
        halls = league_figures(session, *MONTH, LeagueGroup.HALL, TODAY, desk=xam.desk).figures
    assert [(line.key, line.label) for line in halls.lines] == [
        ("152201/WLH01", "乌兰浩特市政务服务中心"),
        ("152202/AES01", "阿尔山市政务服务中心"),
    ]
    assert halls.total.promise.cases == 3


@pytest.mark.slow
def test_a_package_again_changes_nothing_and_the_league_acknowledges(league: tuple[Site, Site, Site]) -> None:
    xam, wlh, _aes = league
    first = wlh.export(to_site=xam.code)
    assert xam.take(first.data).applied > 0
    assert xam.take(first.data).replayed  # the same package again: said so, nothing taken twice
    assert _county_figures(xam)["152201"][1] == 1
    # the league's answer is its acknowledgement alone; taken in, the hall has nothing pending for it
    answer = xam.export(to_site=wlh.code)
    assert wlh.take(answer.data).applied == 1
    # nothing pending: the next package holds only the hall's acknowledgement of that answer, as a township's does
    quiet = wlh.export(to_site=xam.code)
    assert quiet.records == 1
    assert (xam.take(quiet.data).applied, xam.take(quiet.data).replayed) == (1, True)
    # a later case goes in the next package, and only it (beside the acknowledgement and its guide version)
    _take(wlh, _guide(wlh, RESTAURANT))
    later = wlh.export(to_site=xam.code)
    assert later.records == 3
    assert xam.take(later.data).applied == 1  # the case: the acknowledgement and the guide are no news
    assert _county_figures(xam)["152201"][1] == 2


def test_a_township_sends_nothing_to_the_league(catalog: Path, tmp_path: Path) -> None:
    """The league takes halls' packages: a township's, or one a township addresses to it, is refused whole."""
    xam = _site(catalog, tmp_path, "XAM", "兴安盟政务服务中心（盟级）", SiteKind.LEAGUE)
    ars = _site(catalog, tmp_path, "ARS01", "明水河镇便民服务中心", SiteKind.TOWNSHIP)
    hall = _site(catalog, tmp_path, "XAM01", "兴安盟政务服务中心", SiteKind.HALL)
    introduce(ars, hall)
    with xam.sessions.begin() as session:  # registered as a township, it still may not send here
        register_peer(session, ars.code, ars.identity.name, SiteKind.TOWNSHIP, ars.identity.public_key,
                      desk=xam.desk, encryption_key=ars.identity.encryption_key, now=REGISTERED)  # fmt: skip
    with ars.sessions.begin() as session:
        register_peer(session, xam.code, xam.identity.name, SiteKind.HALL, xam.identity.public_key,
                      desk=ars.desk, encryption_key=xam.identity.encryption_key, now=REGISTERED)  # fmt: skip
    _take(ars, _guide(ars, RESTAURANT))
    with pytest.raises(PackageRejected) as refused:
        xam.take(ars.export(to_site=xam.code).data)
    assert refused.value.code is RejectCode.WRONG_DESTINATION
    with pytest.raises(SyncNotPossible) as err:  # and the league writes nothing to a township
        xam.export(to_site=ars.code)
    assert err.value.problem is SyncProblem.WRONG_PEER_KIND
    with xam.sessions.begin() as session, pytest.raises(PeerRefused) as bad:
        register_peer(session, hall.code, hall.identity.name, SiteKind.HALL, hall.identity.public_key,
                      desk=xam.desk, encryption_key=hall.identity.encryption_key, county="1522")  # fmt: skip
    assert list(bad.value.codes) == [SiteProblem.COUNTY_FORMAT]


@pytest.mark.slow
def test_counter_figures_by_county(league: tuple[Site, Site, Site], capsys: pytest.CaptureFixture[str]) -> None:
    xam, wlh, aes = league
    for hall in (wlh, aes):
        xam.take(hall.export(to_site=xam.code, now=NOW).data)
    url = str(xam.sessions.kw["bind"].url)
    args = ["figures", "--from", "2026-11-01", "--to", "2026-11-30", "--as-of", TODAY.isoformat(), "--db", url]
    assert main([*args, "--by", "county", "--json"]) == 0
    table = json.loads(capsys.readouterr().out)
    assert [(line["county_code"], line["county_name"], line["same_day_share"]) for line in table["lines"]] == [
        ("152201", "乌兰浩特市", 0.0),  # a restaurant nobody has decided yet: none of it done on the day
        ("152202", "阿尔山市", round(5 / 9, 4)),  # the 即办 case's five items, decided at the window on the day
    ]
    assert table["lines"][0]["promise_reduction"] == round(float(RESTAURANT_CUT / 4), 4)
    assert main([*args, "--by", "hall", "--json"]) == 0
    halls = json.loads(capsys.readouterr().out)["lines"]
    assert [(h["county_code"], h["site_code"], h["hall_name"]) for h in halls] == [
        ("152201", "WLH01", "乌兰浩特市政务服务中心"),
        ("152202", "AES01", "阿尔山市政务服务中心"),
    ]
    assert main([*args, "--by", "county"]) == 0
    text = capsys.readouterr().out
    assert "旗县市区" in text
    assert "阿尔山市" in text
    assert "55.6%" in text
