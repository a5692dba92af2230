"""A 申请事项告知书 after which the applicant does not insist is a withdrawal, on record as on the platform: the case is
kept as withdrawn (撤回), and ``case show``, its history and the figures say so, never 不予受理 — a window that may not
refuse (here several bodies' items, each accepting its own) refused nothing (许可法 第三十二条; seed 001 第十六条)."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.documents import save_office_settings
from counter.actions.catalog.guide_status import allow_draft_intake
from counter.actions.intake.take import take_intake
from counter.actions.ratings.period_figures import period_figures
from counter.case.status import CaseStatus
from counter.cli.case_text import case_as_text
from counter.db.case_store import case_view
from counter.intake.outcome import Outcome
from counter.ratings.figures import Grouping
from counter.words.case_history import history_note
from tests.actions.conftest import TODAY
from tests.actions.test_refusal_rights import COUNTY_HALL, refusal_request
from tests.entrusted import with_agreements


def test_an_applicant_who_does_not_insist_withdrew_and_every_face_says_so(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    with sessions.begin() as s:
        allow_draft_intake(s, True, desk=desk)
        save_office_settings(s, "XAM01", with_agreements(COUNTY_HALL), desk=desk)
    with sessions.begin() as s:
        taken = take_intake(s, desk, refusal_request(sessions), TODAY, office_calendar(s))
    assert taken.decision.outcome is Outcome.REFUSE  # the 申请事项告知书, the applicant not insisting
    with sessions() as s:
        view = case_view(s, taken.case_no)
        figures = period_figures(s, TODAY, TODAY, Grouping.DAY, TODAY, desk=desk)
    assert view is not None
    assert view.status is CaseStatus.WITHDRAWN
    lines = case_as_text(view).splitlines()
    assert "状态：申请人已撤回    结果：申请人撤回（已出具申请事项告知书）" in lines
    (intake,) = (h for h in view.history if h.event == "taken")
    assert history_note(intake, {}) == "申请人撤回（已出具申请事项告知书）"
    assert not [line for line in lines if "不予受理" in line]
    assert (figures.total.cases.refused, figures.total.cases.withdrawn) == (0, 1)
