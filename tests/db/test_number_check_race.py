"""The number check of a desk while another machine at the same desk number commits, on PostgreSQL.

Two computers configured alike share a desk number (design §5); under READ COMMITTED each statement sees what was
committed when it began, so the check's two reads — the highest case number on record and the desk's counter —
may straddle the other machine's commit.  Read counter first, such a commit looked like a counter left behind and
refused the intake (``NumbersBehind``): one machine of twenty did so in the hall's load test.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any
from unittest import mock

from sqlalchemy import event

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.intake.take import take_intake
from counter.actions.numbers import number_guard
from counter.actions.site.demo import DEMO_BUNDLE, complete_checklist, fresh_checklist
from counter.case.intake_request import IntakeRequest
from counter.case.numbers import DeskIdentity
from counter.db.catalog_store import current_guide
from counter.db.engine import make_engine, make_sessions
from counter.intake.parties import Applicant, ApplicantKind, Parties
from counter.parties.identifiers import make_id_number
from tests.pg_server import CATALOG, FreshDatabases

TODAY = dt.date(2026, 11, 20)
DESK = Desk(DeskIdentity("XAM01", "3"), "乌兰")


def demo_intake(sessions: Any, n: int) -> str:
    """One intake of the demo bundle at :data:`DESK`, its applicant the ``n``-th born that day: its case number."""
    with sessions.begin() as session:
        stored = current_guide(session, DEMO_BUNDLE)
        assert stored is not None
        checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
        applicant = Applicant(ApplicantKind.PERSON, "测试", make_id_number("152201", dt.date(1980, 1, 1), n), "")
        request = IntakeRequest(checklist, Parties(applicant))
        return take_intake(session, DESK, request, TODAY, office_calendar(session)).case_no


def test_a_commit_between_the_checks_two_reads_is_not_a_counter_left_behind(
    fresh_pg: FreshDatabases, tmp_path: Path
) -> None:
    url = fresh_pg.url(CATALOG)
    here, there = make_sessions(make_engine(url)), make_sessions(make_engine(url))
    number_guard._checked.clear()  # the check runs once per process and day: this test's desk is new to it
    committed: list[str] = []

    def other_machine_commits(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        # after the first of the two reads (case numbers, or the counters), the other machine takes its intake
        if not committed and ("desk_counter" in statement or 'FROM "case"' in statement):
            # another computer: its notes, and its turn at them, are its own (counter.host.notes.note_turn)
            with mock.patch.dict(os.environ, {"COUNTER_STATE": str(tmp_path / "other-machine")}):
                committed.append(demo_intake(there, 1))

    with here() as session:
        event.listen(session.connection(), "after_cursor_execute", other_machine_commits)
        number_guard.check_numbers(session, DESK, TODAY)  # raised NumbersBehind, read the other way round
    assert committed == ["XAM01-20261120-03-0001"]
    here.kw["bind"].dispose()
    there.kw["bind"].dispose()
