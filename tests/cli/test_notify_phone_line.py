"""The 短信通知号码 may be any phone the clerk typed: where it is not the applicant's own, the case as ``counter case
show`` prints it says so in a line of its own, for the supervisor who reads it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from counter.actions.admin.calendar import office_calendar
from counter.actions.intake.take import take_intake
from counter.cli.case_text import case_as_text
from counter.db.case_store import case_view
from counter.db.engine import make_engine, make_sessions
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import full_request
from tests.conftest import made_database
from tests.db.hall_worker import applicant
from tests.deferrals_due import DESK


def test_a_notify_phone_not_the_applicants_is_shown_in_a_line_of_its_own(tmp_path: Path) -> None:
    engine = make_engine(made_database(tmp_path / "hall.sqlite3"))
    sessions = make_sessions(engine)
    shown = []
    for n, notify in enumerate(("", "13811112222")):
        parties = dataclasses.replace(applicant(5, n), notify_phone=notify)
        with sessions.begin() as s:
            number = take_intake(s, DESK, full_request(sessions, parties), TODAY, office_calendar(s)).case_no
        with sessions() as s:
            view = case_view(s, number)
        assert view is not None
        shown.append(case_as_text(view))
    engine.dispose()
    assert "短信通知号码" not in shown[0]  # the applicant's own phone: nothing to say
    assert "短信通知号码：13811112222（与申请人电话不同）" in shown[1]
