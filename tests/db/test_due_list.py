"""The F6 list of deferrals and corrections coming due, in a hall with a long backlog: a page, in order, counted.

Plain rows (only what the list reads matters): cases awaiting deferred materials, some with several, some handed
in, some lapsed in part, and finished cases whose materials never came; correction notices unanswered.  The page
must be the first rows of the whole list in its order, the counts right, and the reads must walk indexes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

import pytest
from sqlalchemy import insert, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.cases.case_reads import DUE_COUNT_CAP, DUE_PAGE, case_rows, day_lists
from counter.case.numbers import DeskIdentity
from counter.case.status import CaseStatus
from counter.case.view import CaseRow
from counter.db import case_lists, models
from tests.db.plans import explain, scans, statements


def unmarked(rows: tuple[CaseRow, ...]) -> tuple[CaseRow, ...]:
    """The rows as the list's statements read them: whether the hall only received each case is the action's, worked
    out after (counter.actions.cases.received_cases)."""
    return tuple(dataclasses.replace(row, only_received=False) for row in rows)


TODAY = dt.date(2026, 11, 20)  # a Friday: two working days ahead is Tuesday
WAITING = 1_500  # awaiting deferred materials, nearly all overdue
NOTICES = 700  # correction notices unanswered


def corrections_due_by(session: Session, last_day: dt.date) -> list[CaseRow]:
    """Correction notices unanswered with a deadline on or before ``last_day``, the deadline the row's due: every
    one, sorted by the database, against which the page and the stream the app reads are checked."""
    stmt = (
        case_lists._listing(models.Case.correction_due)
        .where(
            models.Case.status == CaseStatus.CORRECTION_ISSUED.value,
            models.Case.correction_due.is_not(None),
            models.Case.correction_due <= last_day,
        )
        .order_by(models.Case.correction_due, models.Case.case_no)
    )
    return case_lists._rows(session, stmt)


@pytest.fixture
def hall(catalog_hall: sessionmaker[Session]) -> sessionmaker[Session]:
    _fill(catalog_hall)
    return catalog_hall


def _fill(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        version, code = session.execute(
            select(models.GuideVersion.id, models.GuideVersion.bundle_code).order_by(models.GuideVersion.id).limit(1)
        ).one()
        base = {
            "clerk": "乌兰", "bundle_code": code, "guide_version_id": version, "outcome": "defer",
            "applicant_kind": "person", "applicant_name": "张三", "applicant_id_no": "152201198001010011",
        }  # fmt: skip
        cases: list[dict[str, Any]] = []
        materials: list[dict[str, Any]] = []
        history: list[dict[str, Any]] = []
        for n in range(WAITING + 300 + NOTICES):
            site = "XAM01" if n % 3 else "ARS01"
            day = TODAY - dt.timedelta(days=n % 400)
            status = "awaiting_deferred" if n < WAITING else "delivered" if n < WAITING + 300 else "correction_issued"
            cases.append({
                **base, "id": n + 1, "case_no": f"{site}-{day:%Y%m%d}-05-{n:05d}", "site_code": site, "desk_no": "5",
                "status": status, "received_on": day, "uid": f"{n:032x}",
                "correction_due": day + dt.timedelta(days=n % 7 + 3) if status == "correction_issued" else None,
            })  # fmt: skip
            if status == "correction_issued":
                continue
            for k in range(n % 3 + 1):  # one to three deferred materials, due on days that often coincide
                materials.append({
                    "case_id": n + 1, "material_code": f"M{k:02d}", "name": "营业执照", "necessity": "required",
                    "receipt": "deferred", "due_on": day + dt.timedelta(days=10 + 5 * k - n % 2),
                    "arrived_on": day + dt.timedelta(days=2) if k == 1 and n % 5 == 0 else None,
                })  # fmt: skip
            if n % 7 == 2:  # the earliest material lapsed: the case is due by its next
                history.append({
                    "case_id": n + 1, "clerk": "其其格", "desk_no": "5", "event": "deferral_part_lapsed",
                    "status_after": status, "note": "M00",
                })  # fmt: skip
        session.execute(insert(models.Case), cases)
        session.execute(insert(models.CaseMaterial), materials)
        session.execute(insert(models.CaseHistory), history)
    with sessions() as session:
        session.connection().exec_driver_sql("ANALYZE")
        session.commit()


@pytest.mark.slow
def test_a_long_backlog_gives_the_earliest_page_in_order_and_says_how_many(hall: sessionmaker[Session]) -> None:
    with hall() as session:
        lists = day_lists(session, TODAY, Desk(DeskIdentity("XAM01", "5"), "测试"))
        # every row coming due, by the reads that work out each waiting case's next due: what the page begins
        rows = case_lists.deferrals_due_by(session, lists.soon_until)
        rows += corrections_due_by(session, lists.soon_until)
        exact = case_lists.due_counts(session, lists.soon_until, TODAY, cap=10_000)
    whole = sorted(rows, key=lambda r: (r.next_due or lists.soon_until, r.case_no))
    assert len(whole) > 2 * DUE_COUNT_CAP
    assert unmarked(lists.due) == tuple(whole[:DUE_PAGE])
    assert not lists.due_counted_all  # more than the list counts: it says "more than"
    assert lists.due_count == 2 * DUE_COUNT_CAP
    overdue = sum(1 for r in whole if r.next_due is not None and r.next_due < TODAY)
    assert exact == (len(whole), overdue, True)


def test_the_page_and_the_counts_walk_the_indexes_of_what_is_waiting(hall: sessionmaker[Session]) -> None:
    plans = explain(hall, lambda unit: day_lists(unit, TODAY, Desk(DeskIdentity("XAM01", "5"), "测试")))
    joined = "\n".join(plans)
    assert "ix_case_material_waiting" in joined, joined
    assert "ix_case_correction_due" in joined, joined
    # whether an earlier material of the case waits: the case's few awaited lines, not every line of its checklist
    assert "ix_case_material_waiting_by_case" in joined, joined
    if "SEARCH" in joined:  # SQLite: nothing read whole, nothing sorted whole
        for whole in ("SCAN case_material", "SCAN case ", "TEMP B-TREE FOR ORDER BY"):
            assert whole not in joined, joined
    # PostgreSQL too: its guess of what waits is the two columns' statistics multiplied, far below the truth in a
    # hall with a backlog (2.5 s for the count of a 2M-case hall when it chose to read every checklist line)
    assert not scans("case_material", joined), joined
    assert "Gather" not in joined, joined


@pytest.mark.slow
def test_the_page_and_the_counts_walk_in_due_order_whatever_the_guess(hall: sessionmaker[Session]) -> None:
    """A statement planned for its own values (the first executions on each connection, as a server's fresh pool
    of connections plans nearly every F6 list) trusts the guess of a few dozen waiting, gathers every material due
    and sorts them all, where the walk in due order stops after the page or the cap: at 300,000 cases 250 ms a
    statement against 10.  Only the walk's incremental sort (of one due date's rows at a time) is left it."""
    plans = explain(hall, lambda unit: day_lists(unit, TODAY, Desk(DeskIdentity("XAM01", "5"), "测试")))
    joined = "\n".join(plans)
    if "SEARCH" in joined:  # SQLite plans without the values: its walk, in due order too
        assert "TEMP B-TREE FOR ORDER BY" not in joined, joined
        return
    walking = [plan for plan in plans if plan.startswith(("Limit", "Aggregate"))]  # the pages, the capped counts
    assert len(walking) == 4, joined
    for plan in walking:
        assert not re.search(r"(^|->\s+)Sort\b", plan, re.MULTILINE), plan


@pytest.mark.slow
def test_the_walk_leaves_the_planner_as_it_found_it(hall: sessionmaker[Session]) -> None:
    with hall() as session:
        day_lists(session, TODAY, Desk(DeskIdentity("XAM01", "5"), "测试"))
        if session.get_bind().dialect.name == "postgresql":
            assert session.execute(text("SHOW enable_seqscan")).scalar_one() == "on"
            assert session.execute(text("SHOW enable_sort")).scalar_one() == "on"
            assert session.execute(text("SHOW max_parallel_workers_per_gather")).scalar_one() != "0"


def test_the_walk_is_set_once_for_the_page_and_both_counts(hall: sessionmaker[Session]) -> None:
    """Each statement is a round trip to a hall's server: the planner's settings for the walk are set once before
    the page and the counts and put back once after them, not around each of the three."""
    sent = statements(hall, lambda unit: day_lists(unit, TODAY, Desk(DeskIdentity("XAM01", "5"), "测试")))
    settings = [statement for statement, _ in sent if "set_config(" in statement or statement.startswith("SET ")]
    with hall() as session:
        postgres = session.get_bind().dialect.name == "postgresql"
    assert len(settings) == (2 if postgres else 0), settings


def test_the_f6_lists_are_the_rows_the_sessions_reads_give(hall: sessionmaker[Session]) -> None:
    desk = Desk(DeskIdentity("XAM01", "5"), "测试")
    with hall() as session:
        engine = session.get_bind()
        lists = day_lists(session, TODAY, desk)
        through_session = case_lists._rows(session, case_lists._due_statements(engine.dialect.name).deferral_page,
                                           {"last_day": lists.soon_until, "limit": DUE_PAGE})  # fmt: skip
        day = case_lists._rows(session, case_lists._of_day_statement(engine.dialect.name),
                               {"day": TODAY, "site_code": "XAM01", "desk_no": "5"})  # fmt: skip
    assert unmarked(lists.of_day) == tuple(day)
    assert day
    deferrals = [r for r in unmarked(lists.due) if r.status is CaseStatus.AWAITING_DEFERRED]
    assert deferrals
    assert deferrals == through_session[: len(deferrals)]
    assert all(isinstance(r.received_on, dt.date) for r in lists.of_day + lists.due)


def test_a_statement_failing_in_the_walk_is_the_failure_reported(hall: sessionmaker[Session]) -> None:
    """The walk puts nothing back after a failure: on PostgreSQL that statement would fail in turn (the transaction
    is aborted) and hide the first, which says what went wrong (a server gone, a statement cancelled)."""
    with hall() as session, pytest.raises(DBAPIError) as failed, case_lists.index_walk(session):
        session.execute(text("SELECT * FROM no_such_list"))
    assert "no_such_list" in str(failed.value.orig)


def test_a_desk_number_of_one_site_is_not_the_same_desk_at_another(hall: sessionmaker[Session]) -> None:
    """Desk 5 of every site took cases today: a league's database holds them all, the desk sees its own."""
    with hall() as session:
        here = day_lists(session, TODAY, Desk(DeskIdentity("XAM01", "5"), "测试")).of_day
        there = day_lists(session, TODAY, Desk(DeskIdentity("ARS01", "5"), "测试")).of_day
    assert here
    assert there
    assert {r.case_no.split("-")[0] for r in here} == {"XAM01"}
    assert {r.case_no.split("-")[0] for r in there} == {"ARS01"}


def test_the_supervisors_whole_list_is_every_row_due_in_the_order_of_the_reads_that_sort_them(
    hall: sessionmaker[Session],
) -> None:
    """``case list --due-soon`` / ``--overdue``: the rows the sorting reads give, merged as the two walks come."""
    last_day = TODAY + dt.timedelta(days=4)
    with hall() as session:
        rows = case_lists.deferrals_due_by(session, last_day) + corrections_due_by(session, last_day)
        streamed = list(case_lists.due_rows(session, last_day))
    whole = sorted(rows, key=lambda r: (r.next_due or last_day, r.case_no))
    assert len(whole) > 2 * case_lists.STREAM_BATCH
    assert streamed == whole


def test_the_supervisors_whole_list_is_read_a_batch_at_a_time(
    hall: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first overdue row is at hand once a batch of each kind is read, not once every row is read and sorted
    (a league's backlog: 128,408 rows, 7.8 s and 177 MB at a million cases when they were all held)."""
    built: list[CaseRow] = []

    def counted(*values: Any) -> CaseRow:
        built.append(CaseRow(*values))
        return built[-1]

    monkeypatch.setattr(case_lists, "CaseRow", counted)
    with hall() as session:
        rows = case_rows(session, TODAY, overdue=True)
        first = next(iter(rows))
        at_first = len(built)
        rest = list(rows)
    assert first.next_due is not None
    assert first.next_due < TODAY
    assert len(rest) + 1 > 2 * case_lists.STREAM_BATCH
    assert at_first <= 2 * case_lists.STREAM_BATCH < len(rest) + 1


@pytest.mark.slow
def test_the_supervisors_whole_list_walks_the_indexes_of_what_is_waiting(hall: sessionmaker[Session]) -> None:
    """Streamed in due order along the indexes the F6 page walks: nothing read whole, nothing sorted whole."""
    plans = explain(hall, lambda unit: list(case_rows(unit, TODAY, overdue=True)))
    joined = "\n".join(plans)
    assert "ix_case_material_waiting" in joined, joined
    assert "ix_case_correction_due" in joined, joined
    if "SEARCH" in joined:  # SQLite
        for whole in ("SCAN case_material", "SCAN case ", "TEMP B-TREE FOR ORDER BY"):
            assert whole not in joined, joined
    assert not scans("case_material", joined), joined
    assert "Gather" not in joined, joined
