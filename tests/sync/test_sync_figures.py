"""A league's hall on PostgreSQL answers ``counter figures --by site`` for the townships whose cases it received.

Two townships on SQLite take the training run's intakes, have some rated (a bad rating opens a rectification) and
send everything to the hall by real packages; the hall's line for each township is that township's own total, and
stays so when a later package brings a lapse and an appeal to cases the hall counted before, and when the hall's
supervisor decides the appeal and the decision goes back to the township.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from counter.access.roles import Actor, Role
from counter.actions.admin.calendar import office_calendar
from counter.actions.ratings.follow_up import decide_appeal, file_appeal, rectification_detail
from counter.actions.ratings.period_figures import period_figures
from counter.actions.ratings.record import record_rating, record_unrated, send_to_pad
from counter.actions.site.demo import run_demo
from counter.case.period_figures import PeriodLine
from counter.cli.main import main
from counter.db import models
from counter.db.account_store import insert_account
from counter.db.rating_store import rectification_of_rating as rectification_of
from counter.ratings.choice import RatingChoice
from counter.ratings.figures import Grouping
from counter.ratings.levels import Level
from counter.ratings.rectification import AppealGround, RectState
from counter.sync.sites import SiteKind
from tests.pg_server import CATALOG, FreshDatabases
from tests.sync.sync_world import NOW, TODAY, Site, introduce, make_site, sqlite_copy

AS_OF = TODAY + dt.timedelta(days=30)


def rate(site: Site, case_nos: list[str], levels: list[Level]) -> list[int]:
    """The cases rated in turn; the ratings' ids."""
    ratings = []
    for minutes, (case_no, level) in enumerate(zip(case_nos, levels, strict=False)):
        at = NOW + dt.timedelta(minutes=minutes)
        reasons = ("办理时间长",) if level in (Level.DISSATISFIED, Level.VERY_DISSATISFIED) else ()
        with site.sessions.begin() as session:
            pad = send_to_pad(session, case_no, site.desk, at)
            recorded = record_rating(
                session, pad.request_id, RatingChoice(level, reasons), site.desk, at, office_calendar(session)
            )
            ratings.append(recorded.rating_id)
    return ratings


def same_totals(hall: Site, townships: list[Site]) -> None:
    """The hall's line for each township is the township's own total."""
    totals = {site.code: own_total(site) for site in townships}
    with hall.sessions() as session:
        figures = period_figures(session, TODAY, TODAY, Grouping.SITE, AS_OF, desk=hall.desk)
    assert [line.key for line in figures.lines] == ["ARS01", "WLH02"]
    for line in figures.lines:  # the township's own total, under the township's name
        mine = totals[line.key]
        assert line == replace(
            mine, key=line.key, label=line.key, ratings=replace(mine.ratings, label=line.key),
            promise=replace(mine.promise, key=(line.key,), label=line.key),
        )  # fmt: skip
        assert line.ratings.services > 0


def own_total(site: Site) -> PeriodLine:
    with site.sessions() as session:
        return period_figures(session, TODAY, TODAY, Grouping.SITE, AS_OF, desk=site.desk).total


def test_the_hall_answers_by_site_across_its_townships(
    tmp_path: Path, shipped_catalog_db: Path, fresh_pg: FreshDatabases, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = shipped_catalog_db
    hall_url = fresh_pg.url(CATALOG)
    hall = make_site(fresh_pg.open(hall_url), "XAM01", "兴安盟政务服务中心", SiteKind.HALL, tmp_path)
    townships: list[Site] = []
    made_at: dict[str, list[str]] = {}
    bad_ratings: dict[str, int] = {}
    for code, name, levels in (
        ("ARS01", "明水河镇便民服务中心", [Level.SATISFIED, Level.DISSATISFIED]),
        ("WLH02", "义勒力特镇便民服务中心", [Level.VERY_SATISFIED, Level.BASIC, Level.VERY_DISSATISFIED]),
    ):
        site = make_site(sqlite_copy(catalog, tmp_path / f"{code}.sqlite3"), code, name, SiteKind.TOWNSHIP, tmp_path)
        introduce(hall, site)
        made_at[code] = [case.case_no for case in run_demo(site.sessions, site.desk, TODAY)]
        bad_ratings[code] = rate(site, made_at[code], levels)[-1]
        townships.append(site)
    for site in townships:
        assert hall.take(site.export().data).applied > 0
    same_totals(hall, townships)
    with hall.sessions() as session:
        figures = period_figures(session, TODAY, TODAY, Grouping.SITE, AS_OF, desk=hall.desk)
    assert figures.total.ratings.bad == 2
    assert figures.total.rectifications.overdue == 2  # nobody answered them in thirty days
    # later, at ARS01: a service sent to the pad lapses, and the clerk rated appeals her bad rating.  A township
    # decides no appeal: the next package brings the lapse and the appeal (申诉中, still a 差评) to cases the hall
    # counted before
    ars = townships[0]
    later = NOW + dt.timedelta(hours=2)
    with ars.sessions.begin() as session:
        record_unrated(session, send_to_pad(session, made_at["ARS01"][-1], ars.desk, later).request_id, ars.desk, later)
        file_appeal(session, bad_ratings["ARS01"], "ARS01职员", "评价对象有误，评价人当场说明", later, desk=ars.desk)
    assert hall.take(ars.export().data).applied > 0
    same_totals(hall, townships)
    with hall.sessions() as session:
        figures = period_figures(session, TODAY, TODAY, Grouping.SITE, AS_OF, desk=hall.desk)
    ratings = figures.total.ratings
    assert (ratings.bad, ratings.appealing, ratings.excluded, ratings.unrated) == (2, 1, 0, 1)
    # the hall's supervisor, signed in, upholds it; her decision goes back to the township with the hall's update
    decided = later + dt.timedelta(hours=1)
    with hall.sessions.begin() as session:
        insert_account(session, "baoyin", "宝音", "", frozenset({Role.SUPERVISOR, Role.ADMIN}), "x", decided)
        at_hall = session.scalars(
            select(models.Rating.id).where(models.Rating.site_code == "ARS01", models.Rating.level == "dissatisfied")
        ).one()
    baoyin = replace(hall, desk=replace(hall.desk, actor=Actor("baoyin", "宝音", frozenset({Role.SUPERVISOR}))))
    with hall.sessions.begin() as session:
        decide_appeal(session, at_hall, "宝音", AppealGround.MISTAKEN, "评价对象有误，复核属实", True, decided,
                      desk=baoyin.desk)  # fmt: skip
    update = replace(baoyin, desk=replace(baoyin.desk, actor=Actor("baoyin", "宝音", frozenset({Role.ADMIN}))))
    assert ars.take(update.export(to_site="ARS01", now=decided).data, now=decided).applied > 0
    with hall.sessions.begin() as session:  # the hall's desk goes on without accounts, as before
        session.execute(delete(models.Account))
    same_totals(hall, townships)  # the township counts the rating as the hall decided it
    with ars.sessions() as session:
        struck = own_total(ars).ratings
        rect_id = rectification_of(session, bad_ratings["ARS01"])
        assert rect_id is not None
        view = rectification_detail(session, rect_id)
    assert (struck.bad, struck.appealing, struck.excluded) == (0, 0, 1)
    assert view is not None
    assert [(a.by, a.upheld) for a in view.appeals] == [("宝音", True)]
    assert view.history[-1].state_after is RectState.VOIDED
    # the township's next package finds the decision already at the hall: nothing counted twice
    hall.take(ars.export(now=decided).data, now=decided)
    same_totals(hall, townships)
    with hall.sessions() as session:
        figures = period_figures(session, TODAY, TODAY, Grouping.SITE, AS_OF, desk=hall.desk)
        appeals = session.scalars(select(func.count()).select_from(models.RatingAppeal)).one()
    assert (figures.total.ratings.bad, figures.total.ratings.excluded, figures.total.ratings.unrated) == (1, 1, 1)
    assert appeals == 1
    for site in townships:
        site.sessions.kw["bind"].dispose()
    exit_code = main(["figures", "--from", TODAY.isoformat(), "--to", TODAY.isoformat(), "--by", "site", "--json",
                 "--as-of", AS_OF.isoformat(), "--db", hall_url])  # fmt: skip
    out = capsys.readouterr().out
    assert exit_code == 0
    table = json.loads(out)
    assert [(line["site_code"], line["bad"]) for line in table["lines"]] == [("ARS01", 0), ("WLH02", 1)]
