"""The demo dates the office's acts on working days: its intakes, its notices and its 不予批准决定."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.calendar import office_calendar
from counter.actions.demo import run_demo, write_documents
from counter.actions.desk import Desk
from counter.db.case_store import case_view
from tests.documents.pdf_tools import pdf_text

D = dt.date


@pytest.mark.slow
def test_the_demos_lapse_waits_for_the_spring_festival_to_end(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    """Taken on Friday 2028-01-21, the overdue 容缺 had its guide's three working days: Monday the 24th, then 除夕
    (the 25th) to 初七 (1 February) off, then 2 and 3 February; the denial is the act of Friday 4 February."""
    made = run_demo(sessions, desk, D(2028, 1, 21))
    lapse = next(c for c in made if c.denied_items)
    assert lapse.on == D(2028, 2, 4)
    with sessions() as s:
        calendar = office_calendar(s)
        view = case_view(s, lapse.case_no)
    assert view is not None
    assert max(m.due_on for m in view.materials if m.due_on is not None) == D(2028, 2, 3)
    assert all(c.on is not None and calendar.is_working_day(c.on) for c in made)
    written = write_documents(sessions, desk, made, D(2028, 1, 21), tmp_path)
    (denial,) = [p for p in written if p.name.endswith("-denial.pdf")]
    text = pdf_text(denial)
    assert "2028年2月4日" in text
    assert "2028年1月25日" not in text


@pytest.mark.slow
def test_a_demo_asked_for_a_sunday_takes_its_intakes_on_monday(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    made = run_demo(sessions, desk, D(2026, 11, 22))
    assert {c.on for c in made if not c.denied_items} == {D(2026, 11, 23)}
    assert all("-20261123-" in c.case_no for c in made)
    written = write_documents(sessions, desk, made, D(2026, 11, 22), tmp_path)
    receipt = next(p for p in written if p.name.endswith("-receipt.pdf"))
    assert "2026年11月23日" in pdf_text(receipt)
