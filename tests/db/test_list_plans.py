"""The desk's and the supervisor's lists find their rows by index, also after the statistics say most are alike.

Twenty thousand cases as a hall has them after a few years: nearly all finished (one status), none continuing
another case yet, a handful still waiting for deferred materials or a correction, and rectifications nearly all
closed.  After ``ANALYZE`` the planner knows this; the statements the real reads send (captured as
they run) are then explained, and none may read the whole case table, nor every rectification's history.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.cases.case_reads import day_lists
from counter.actions.cases.case_view import read_case
from counter.actions.ratings.follow_up import open_rectifications
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.db.rating_store import add_rating, add_rectification, add_rectification_line, add_request
from counter.ratings.rectification import RectEvent, RectState
from tests.db.plans import explain, scans, scans_cases

CASES = 20_000
RECTIFICATIONS = 300
FIRST_DAY = dt.date(2024, 1, 1)
PER_DAY = 40  # 20 desks, two cases each a day
TODAY = FIRST_DAY + dt.timedelta(days=CASES // PER_DAY - 1)
DESK = DeskIdentity("XAM01", "7")


@pytest.fixture
def hall(catalog_hall: sessionmaker[Session]) -> sessionmaker[Session]:
    _fill(catalog_hall)
    return catalog_hall


def _fill(sessions: sessionmaker[Session]) -> None:
    """The cases by plain rows (only their indexes matter here), then the statistics of every table."""
    with sessions.begin() as session:
        version, code = session.execute(
            select(models.GuideVersion.id, models.GuideVersion.bundle_code).order_by(models.GuideVersion.id).limit(1)
        ).one()
        base = {
            "site_code": "XAM01", "clerk": "乌兰", "bundle_code": code, "guide_version_id": version,
            "outcome": "accept", "applicant_kind": "person", "applicant_name": "张三",
            "applicant_id_no": "152201198001010011",
        }  # fmt: skip
        rows: list[dict[str, Any]] = []
        for n in range(CASES):
            day = FIRST_DAY + dt.timedelta(days=n // PER_DAY)
            status = "delivered"
            if n % 4000 == 1:
                status = "awaiting_deferred"
            elif n % 4000 == 2:
                status = "correction_issued"
            rows.append({
                **base, "id": n + 1, "case_no": f"XAM01-{day:%Y%m%d}-{n % 20 + 1:02d}-{n:05d}",
                "desk_no": str(n % 20 + 1), "status": status, "received_on": day, "accepted_on": day,
                "correction_due": day + dt.timedelta(days=5) if status == "correction_issued" else None,
                "uid": f"{n:032x}",
            })  # fmt: skip
        session.execute(insert(models.Case), rows)
        deferred = [row for row in rows if row["status"] == "awaiting_deferred"]
        session.execute(insert(models.CaseMaterial), [{
            "case_id": row["id"], "material_code": "M01", "name": "营业执照", "necessity": "required",
            "receipt": "deferred", "due_on": row["received_on"] + dt.timedelta(days=10),
        } for row in deferred])  # fmt: skip
        at = dt.datetime(2026, 1, 5, 2, 0, tzinfo=dt.UTC)
        session.execute(insert(models.DocumentRecord), [{
            "id": row["id"], "doc_no": f"R{row['id']:07d}", "case_id": row["id"], "kind": "receipt",
            "issued_on": row["received_on"], "site_code": "XAM01", "desk_no": row["desk_no"], "clerk": "乌兰",
            "office": "{}", "content_hash": "0" * 64,
        } for row in rows])  # fmt: skip
        session.execute(insert(models.PrintRecord), [{
            "document_id": row["id"], "clerk": "乌兰", "desk_no": row["desk_no"], "target": "receipts",
            "content_hash": "0" * 64, "ok": row["id"] % 100 != 0,
        } for row in rows])  # fmt: skip
        for n in range(RECTIFICATIONS):
            request = add_request(session, n + 1, 1, at, "XAM01", "8", "乌兰")
            rating = add_rating(session, {
                "request_id": request, "level": "dissatisfied", "channel": "pc", "reasons": [], "comment": "",
                "rated_at": at, "rated_on": at.date(), "round": 1, "case_no": rows[n]["case_no"], "item_code": code,
                "item_name": "我要开小餐馆", "department": "", "clerk": "乌兰", "desk_no": "8", "site_code": "XAM01",
                "region": "152201", "rater_name": "张三", "rater_id_no": "", "rater_kind": "person",
            })  # fmt: skip
            rect = add_rectification(session, rating, at, at.date(), "7 calendar_day", at.date(), False)
            add_rectification_line(session, rect, at, "", RectEvent.OPENED, RectState.AWAITING_REVISIT)
            if n % 50:
                add_rectification_line(session, rect, at, "其其格", RectEvent.REVISITED, RectState.VERIFYING)
                add_rectification_line(session, rect, at, "其其格", RectEvent.FED_BACK, RectState.FED_BACK)
    with sessions() as session:
        session.connection().exec_driver_sql("ANALYZE")
        session.commit()


def test_opening_a_case_by_number_uses_the_index_of_continued_cases(hall: sessionmaker[Session]) -> None:
    """No case continues another yet: SQLite's statistics then call a full index of them useless, and the page's
    question "which case continues this one?" read every case."""
    with hall() as session:
        number = session.execute(select(models.Case.case_no).where(models.Case.id == 4999)).scalar_one()
    plans = explain(hall, lambda unit: read_case(unit, number))
    assert plans
    assert not [plan for plan in plans if scans_cases(plan)]
    assert any("ix_case_previous_case_id" in plan for plan in plans)
    assert not [plan for plan in plans if scans("print_record", plan)]  # its receipt's prints, not every print
    with hall() as session:
        page = read_case(session, number)
    assert page is not None
    assert page.view.later_case_no == ""
    assert page.notices is not None
    assert [(line.prints, line.failed_prints) for line in page.notices.lines] == [(1, 0)]


def test_the_desks_day_lists_read_one_day_and_the_cases_still_waiting(hall: sessionmaker[Session]) -> None:
    plans = explain(hall, lambda unit: day_lists(unit, TODAY, Desk(DESK, "测试")))
    assert plans
    assert not [plan for plan in plans if scans_cases(plan)]
    joined = "\n".join(plans)
    assert "ix_case_correction_due" in joined, joined
    if "SEARCH" in joined:  # SQLite; PostgreSQL reads five waiting materials faster whole (tests/db/test_due_list.py)
        assert "ix_case_material_waiting" in joined, joined
        assert not [plan for plan in plans if scans("case_material", plan)]
        assert "TEMP B-TREE FOR ORDER BY" not in joined, joined  # walked in due order, never sorted whole
    with hall() as session:
        lists = day_lists(session, TODAY, Desk(DESK, "测试"))
        waiting = session.scalar(
            select(func.count()).where(models.Case.status.in_(["awaiting_deferred", "correction_issued"]))
        )
    assert len(lists.of_day) == PER_DAY // 20
    assert len(lists.due) == lists.due_count == waiting


def test_the_open_rectifications_probe_the_closing_lines_by_index(hall: sessionmaker[Session]) -> None:
    (plan,) = explain(hall, lambda unit: open_rectifications(unit, limit=50))
    assert "ix_rectification_history_closed" in plan
    assert "SCAN rectification_history" not in plan
    assert "Seq Scan on rectification_history" not in plan
    with hall() as session:
        rows = open_rectifications(session, limit=50)
    assert [r.rectification_id for r in rows] == [n + 1 for n in range(RECTIFICATIONS) if n % 50 == 0]
