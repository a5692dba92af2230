"""An appeal filed at a township goes to the hall with its cases, and the hall's decision comes back.

A township has no account that may review its own clerk's rating, so it files the appeal (申诉中: still a 差评 on
both sides) and its hall's supervisor decides.  The decision travels in the hall's update as an appeal record, in
format 8, as is a township's package that carries a filing: a site whose program reads only up to format 7 is told to
upgrade (``too_new``), a package of an older format holding a decision anyway is refused whole, and a decision on a
rating the township does not hold waits on its review list.  Taken in, the township counts the rating as the hall
does, and its next package changes nothing there.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.roles import Actor, Role
from counter.actions.admin.calendar import office_calendar
from counter.actions.ratings.follow_up import decide_appeal, file_appeal
from counter.actions.ratings.period_figures import period_figures
from counter.actions.ratings.record import record_rating, send_to_pad
from counter.db import models
from counter.db.account_store import insert_account
from counter.db.service_standing import Standing
from counter.ratings.choice import RatingChoice
from counter.ratings.figures import Figures, Grouping
from counter.ratings.levels import Level
from counter.ratings.rectification import AppealGround, RectState
from counter.sync import package
from counter.sync.appeal_record import AppealRecord
from counter.sync.keys import load_private_key
from counter.sync.package import Header, PackageKind, PackageRejected, RejectCode
from counter.sync.record_json import to_dict
from tests.sync.packages import write_package
from tests.sync.sync_world import NOW, TODAY, Site, township_with_demo

FILED = NOW + dt.timedelta(minutes=10)
DECIDED = NOW + dt.timedelta(hours=1)


@pytest.fixture(params=["sqlite", "postgresql"])
def sites(request: pytest.FixtureRequest, catalog: Path, tmp_path: Path) -> Iterator[tuple[Site, Site]]:
    yield from township_with_demo(request, catalog, tmp_path)


def rated_bad_and_filed(ars: Site) -> tuple[str, int]:
    """A 不满意 at the township, and its clerk's appeal filed there: the case's number and the township's rating."""
    with ars.sessions() as s:
        case_no = s.scalars(select(models.Case.case_no).order_by(models.Case.id)).first()
    assert case_no is not None
    with ars.sessions.begin() as s:
        pad = send_to_pad(s, case_no, ars.desk, NOW)
        choice = RatingChoice(Level.DISSATISFIED, ("等待时间长",))
        rating = record_rating(s, pad.request_id, choice, ars.desk, NOW, office_calendar(s)).rating_id
        file_appeal(s, rating, ars.desk.clerk, "评价人当场说明按错了等级", FILED, desk=ars.desk)
    return case_no, rating


def supervisor_at(hall: Site) -> Site:
    """The hall with 宝音 signed in: its supervisor, who also writes its packages."""
    roles = frozenset({Role.SUPERVISOR, Role.ADMIN})
    with hall.sessions.begin() as s:
        insert_account(s, "baoyin", "宝音", "XA0101", roles, "x", NOW)
    return dataclasses.replace(hall, desk=dataclasses.replace(hall.desk, actor=Actor("baoyin", "宝音", roles)))


def standing(sessions: sessionmaker[Session], case_no: str) -> str:
    with sessions() as s:
        return s.scalars(select(models.Case.rating_standing).where(models.Case.case_no == case_no)).one()


def ratings_of(site: Site) -> Figures:
    with site.sessions() as s:
        return period_figures(s, TODAY, TODAY, Grouping.SITE, TODAY, desk=site.desk).total.ratings


def decided_at_hall(hall: Site, ars: Site) -> tuple[Site, str, bytes]:
    """The filed appeal taken to the hall and upheld there: the signed-in hall, the case, and its update to ARS01."""
    case_no, _rating = rated_bad_and_filed(ars)
    filed = ars.export(now=FILED).data
    assert filed.startswith(b"COUNTER-SYNC/8\n")  # the hall decides it: it must know the filing
    assert hall.take(filed, now=FILED).applied > 0
    assert standing(hall.sessions, case_no) == Standing.APPEALING.value  # 申诉中 at the hall too, still a 差评
    signed_in = supervisor_at(hall)
    with hall.sessions.begin() as s:
        at_hall = s.scalars(select(models.Rating.id).where(models.Rating.case_no == case_no)).one()
        decide_appeal(s, at_hall, "宝音", AppealGround.MISTAKEN, "调取录像核实为误评", True, DECIDED,
                      desk=signed_in.desk)  # fmt: skip
    return signed_in, case_no, signed_in.export(to_site="ARS01", now=DECIDED).data


@pytest.mark.slow  # two sites' exports and imports: over a second
def test_the_halls_decision_comes_back_and_both_count_the_rating_alike(sites: tuple[Site, Site]) -> None:
    hall, ars = sites
    signed_in, case_no, update = decided_at_hall(hall, ars)
    assert (ratings_of(ars).bad, ratings_of(ars).appealing) == (1, 1)  # the township still waits for the answer
    assert update.startswith(b"COUNTER-SYNC/8\n")
    report = ars.take(update, now=DECIDED)
    assert report.held == 0
    assert standing(ars.sessions, case_no) == Standing.EXCLUDED.value
    with ars.sessions() as s:
        appeal = s.scalars(select(models.RatingAppeal)).one()
        last = s.scalars(select(models.RectificationHistory).order_by(models.RectificationHistory.id.desc())).first()
    assert (appeal.by, appeal.upheld, appeal.reason) == ("宝音", True, "调取录像核实为误评")
    assert last is not None
    assert (last.event, last.state_after, last.by) == ("voided", RectState.VOIDED.value, "宝音")
    assert ars.take(update, now=DECIDED).replayed
    later = DECIDED + dt.timedelta(minutes=5)
    signed_in.take(ars.export(now=later).data, now=later)  # the township's copy is the hall's: nothing new
    with hall.sessions() as s:
        assert s.scalar(select(func.count()).select_from(models.RatingAppeal)) == 1
        lines = s.scalars(select(models.RectificationHistory.event).order_by(models.RectificationHistory.id)).all()
    assert lines.count("voided") == 1
    own, at_hall = ratings_of(ars), ratings_of(signed_in)
    assert (own.rated, own.bad, own.appealing, own.excluded) == (at_hall.rated, at_hall.bad, 0, 1)


def test_a_hall_that_reads_only_format_7_is_told_to_upgrade_for_a_filed_appeal(
    sites: tuple[Site, Site], monkeypatch: pytest.MonkeyPatch
) -> None:
    hall, ars = sites
    rated_bad_and_filed(ars)
    filed = ars.export(now=FILED).data
    monkeypatch.setattr(package, "FORMAT_VERSION", 7)
    monkeypatch.setattr(package, "MAGICS", {n: m for n, m in package.MAGICS.items() if n <= 7})
    with pytest.raises(PackageRejected) as caught:
        hall.take(filed, now=FILED)
    assert caught.value.code is RejectCode.TOO_NEW
    with hall.sessions() as s:
        assert s.scalar(select(func.count()).select_from(models.Case)) == 0


def test_a_township_that_reads_only_format_7_is_told_to_upgrade(
    sites: tuple[Site, Site], monkeypatch: pytest.MonkeyPatch
) -> None:
    hall, ars = sites
    _signed_in, case_no, update = decided_at_hall(hall, ars)
    monkeypatch.setattr(package, "FORMAT_VERSION", 7)
    monkeypatch.setattr(package, "MAGICS", {n: m for n, m in package.MAGICS.items() if n <= 7})
    with pytest.raises(PackageRejected) as caught:
        ars.take(update, now=DECIDED)
    assert caught.value.code is RejectCode.TOO_NEW
    assert standing(ars.sessions, case_no) == Standing.APPEALING.value


def test_an_appeal_in_an_older_format_is_refused_whole_and_one_for_a_rating_not_here_waits(
    sites: tuple[Site, Site],
) -> None:
    hall, ars = sites
    case_no, _rating = rated_bad_and_filed(ars)
    with ars.sessions() as s:
        uid = s.scalars(select(models.Case.uid).where(models.Case.case_no == case_no)).one()
    decision = AppealRecord(uid, case_no, 1, DECIDED.astimezone(dt.UTC), "宝音", "mistaken", True, "调取录像核实为误评")
    unknown = dataclasses.replace(decision, case_uid="0" * 32, case_no="XAM01-20261120-99-9999")
    for number, fmt in ((1, 4), (1, 7)):
        header = Header("XAM01", "hall", "ARS01", PackageKind.UPDATES, number, DECIDED, None, 1, format=fmt)
        data = write_package(header, [to_dict(decision)], load_private_key(hall.key_path), ars.identity.encryption_key)
        with pytest.raises(PackageRejected) as caught:
            ars.take(data, now=DECIDED)
        assert caught.value.code is RejectCode.BAD_STRUCTURE
    assert standing(ars.sessions, case_no) == Standing.APPEALING.value
    header = Header("XAM01", "hall", "ARS01", PackageKind.UPDATES, 1, DECIDED, None, 2, format=8)
    body = [to_dict(unknown), to_dict(decision)]
    report = ars.take(write_package(header, body, load_private_key(hall.key_path), ars.identity.encryption_key),
                      now=DECIDED)  # fmt: skip
    assert (report.applied, report.held) == (1, 1)
    assert standing(ars.sessions, case_no) == Standing.EXCLUDED.value
    with ars.sessions() as s:
        review = s.scalars(select(models.SyncReview)).one()
    assert (review.record_type, review.reason) == ("appeal", "case_unknown")
