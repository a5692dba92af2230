"""Every writer of a rating fact keeps its case's standing in the figures, in the same transaction.

One case at a time, through the rating store as the desks write (the sync import is held to the same in
``tests/sync/test_sync_figures.py``): after each write
the case row says where its service stands and which desk and clerk served it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.db import models
from counter.db.rating_store import (
    add_appeal,
    add_lapse,
    add_rating,
    add_rectification,
    add_rectification_line,
    add_request,
)
from counter.db.service_standing import Standing
from counter.ratings.levels import Level
from counter.ratings.rectification import AppealGround, RectEvent, RectState

DAY = dt.date(2026, 10, 12)
AT = dt.datetime(2026, 10, 12, 9, tzinfo=dt.UTC)


def _case(session: Session, n: int) -> models.Case:
    code, version = session.execute(
        select(models.Bundle.code, models.Bundle.current_version_id)
        .where(models.Bundle.current_version_id.is_not(None))
        .limit(1)
    ).one()
    case = models.Case(
        case_no=f"XAM01-20261012-01-{n:04d}", site_code="XAM01", desk_no="1", clerk="乌兰", bundle_code=code,
        guide_version_id=version, status="accepted", outcome="accept", applicant_kind="person",
        applicant_name="某某", applicant_id_no="152201199101010011", received_on=DAY, accepted_on=DAY,
    )  # fmt: skip
    session.add(case)
    session.flush()
    return case


def _standing(session: Session, case_id: int) -> tuple[str, str | None, str | None]:
    c = models.Case
    row = session.execute(select(c.rating_standing, c.served_desk_no, c.served_clerk).where(c.id == case_id)).one()
    return row[0], row[1], row[2]


def _rate(session: Session, request_id: int, level: Level) -> int:
    return add_rating(session, {
        "request_id": request_id, "level": level.value, "channel": "hall_tablet", "rated_at": AT, "reasons": [],
        "rated_on": DAY, "round": 1, "case_no": "XAM01-20261012-01-0001", "item_code": "B", "item_name": "事项",
        "department": "部门", "clerk": "其其格", "desk_no": "9", "site_code": "XAM01", "region": "152201",
        "rater_name": "某某", "rater_id_no": "152201199101010011", "rater_kind": "person",
    })  # fmt: skip


def test_a_request_and_its_lapse(catalog_hall: sessionmaker[Session]) -> None:
    with catalog_hall.begin() as session:
        case = _case(session, 1)
        assert _standing(session, case.id) == (Standing.NOT_SENT, None, None)
        request_id = add_request(session, case.id, 1, AT, "XAM01", "9", "其其格")
        assert _standing(session, case.id) == (Standing.PENDING, "9", "其其格")  # the desk that sent it served
        later = add_request(session, case.id, 2, AT, "XAM01", "3", "张海军")
        add_lapse(session, later, AT)
        assert _standing(session, case.id) == (Standing.PENDING, "9", "其其格")  # a follow-up round counts for none
        add_lapse(session, request_id, AT)
        assert _standing(session, case.id) == (Standing.LAPSED, "9", "其其格")


def test_a_rating_its_rectification_and_appeals(catalog_hall: sessionmaker[Session]) -> None:
    with catalog_hall.begin() as session:
        good, bad = _case(session, 1), _case(session, 2)
        _rate(session, add_request(session, good.id, 1, AT, "XAM01", "1", "乌兰"), Level.BASIC)
        assert _standing(session, good.id)[0] == Standing.GOOD
        rating_id = _rate(session, add_request(session, bad.id, 1, AT, "XAM01", "1", "乌兰"), Level.DISSATISFIED)
        assert _standing(session, bad.id)[0] == Standing.BAD
        rect = add_rectification(session, rating_id, AT, DAY, "7 calendar_day", DAY + dt.timedelta(days=7), False)
        add_rectification_line(session, rect, AT, "负责人", RectEvent.OPENED, RectState.AWAITING_REVISIT)
        assert _standing(session, bad.id)[0] == Standing.BAD
        add_rectification_line(session, rect, AT, "负责人", RectEvent.FED_BACK, RectState.FED_BACK)
        assert _standing(session, bad.id)[0] == Standing.RECTIFIED
        add_appeal(session, rating_id, AT, "负责人", AppealGround.MISTAKEN, False, "复核不属实")
        assert _standing(session, bad.id)[0] == Standing.RECTIFIED  # an appeal turned down changes nothing
        add_appeal(session, rating_id, AT, "负责人", AppealGround.MISTAKEN, True, "评价对象有误，复核属实")
        assert _standing(session, bad.id) == (Standing.EXCLUDED, "1", "乌兰")
        assert _standing(session, good.id)[0] == Standing.GOOD  # only the case written to moves
