"""The demo dates the office's acts on working days: its intakes, its notices and its 不予批准决定."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.site.demo import run_demo, write_documents
from counter.case.status import CaseStatus
from counter.db.case_store import case_view
from tests.documents.pdf_tools import pdf_text

D = dt.date
LAPSED = "容缺逾期：逾期事实已记录，转实施部门决定"  # the demo's overdue 容缺, once its lapse is recorded


@pytest.mark.slow
def test_the_demos_lapse_waits_for_the_years_holiday_notice(sessions: sessionmaker[Session], desk: Desk) -> None:
    """Taken on Friday 2028-01-21, the overdue 容缺 had its guide's three working days: Monday the 24th, then 除夕
    (the 25th) to 初七 (1 February) off, then 2 and 3 February — a date counted over a Spring Festival no notice has
    fixed yet, which a notice may still move (a 2028 notice giving 1月24日至2月2日 puts it at 02-07).  So the demo
    finds nothing lapsed on 4 February: the case waits for its material, as it would at a desk that day
    (counter.case.provisional_lapse)."""
    made = run_demo(sessions, desk, D(2028, 1, 21))
    assert not any(c.denied_items for c in made)
    overdue = next(c for c in made if c.label == "容缺受理（逾期未补齐）")
    with sessions() as s:
        calendar = office_calendar(s)
        view = case_view(s, overdue.case_no)
    assert view is not None
    assert view.status is CaseStatus.AWAITING_DEFERRED
    assert max(m.due_on for m in view.materials if m.due_on is not None) == D(2028, 2, 3)
    assert all(c.on is not None and calendar.is_working_day(c.on) for c in made)


@pytest.mark.slow
def test_a_demo_asked_for_a_sunday_takes_its_intakes_on_monday(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    made = run_demo(sessions, desk, D(2026, 11, 22))
    # the lapse is not an intake: it is recorded the working day after the three working days' due date (Thursday)
    assert {c.on for c in made if c.label != LAPSED} == {D(2026, 11, 23)}
    assert [c.on for c in made if c.label == LAPSED] == [D(2026, 11, 27)]
    assert all("-20261123-" in c.case_no for c in made)
    written = write_documents(sessions, desk, made, D(2026, 11, 22), tmp_path)
    receipt = next(p for p in written if p.name.endswith("-receipt.pdf"))
    assert "2026年11月23日" in pdf_text(receipt)
