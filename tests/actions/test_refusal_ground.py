"""A 不予受理通知书 states the ground the case was refused on, or is not made: a ground this version does not know
(a township's record kept by a newer release) is never printed as another."""

from __future__ import annotations

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.documents import make_document
from counter.actions.catalog.guide_status import allow_draft_intake
from counter.actions.intake.take import take_intake
from counter.db import models
from counter.documents.data import DocumentNotPossible
from counter.documents.kinds import DocumentKind, DocumentProblem
from counter.words.documents import document_problems_text
from tests.actions.conftest import TODAY
from tests.actions.test_refusal_rights import refusal_request


@pytest.mark.parametrize("ground", ["withdrawn_application", ""])
def test_a_refusal_on_a_ground_not_known_here_makes_no_notice(
    sessions: sessionmaker[Session], desk: Desk, ground: str
) -> None:
    with sessions.begin() as s:
        allow_draft_intake(s, True, desk=desk)
    with sessions.begin() as s:
        taken = take_intake(s, desk, refusal_request(sessions), TODAY, office_calendar(s))
    with sessions.begin() as s:
        s.execute(update(models.Case).where(models.Case.case_no == taken.case_no).values(refusal_ground=ground))
    with sessions.begin() as s, pytest.raises(DocumentNotPossible) as refused:
        make_document(s, desk, taken.case_no, DocumentKind.REFUSAL, TODAY)
    assert refused.value.problems == (DocumentProblem.UNKNOWN_REFUSAL_GROUND,)
    told = document_problems_text(p.value for p in refused.value.problems)
    assert "不予受理的理由" in told
