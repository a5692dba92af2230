"""第一项 per item at the window, stored and printed: a hall that holds 081's items (a 行政审批局) finds the express
licence needs none, and its notice refuses that licence alone; the 设立登记 and the tax office's item are not
decided by it (行政许可法 第三十二条第一款第一项, as 第七十八条's notice does)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.documents import make_document
from counter.actions.cases.item_authority import set_item_held
from counter.actions.catalog.guide_status import allow_draft_intake
from counter.actions.intake.take import take_intake
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.intake_request import IntakeRequest
from counter.db.catalog_store import current_guide
from counter.documents.kinds import DocumentKind
from counter.intake.no_licence import no_licence_text
from counter.intake.not_possible import IntakeNotPossible
from counter.intake.outcome import Outcome, Reason, ReasonCode, Refusal, RefusalGround
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import applicant
from tests.documents.pdf_tools import pdf_text

EXPRESS = "XAM-YJS-081"  # 我要办理快递业务经营许可: 设立登记 (01), 快递业务经营许可 (01), 新办纳税人涉税事项 (10)


def _request(sessions: sessionmaker[Session], *codes: str) -> IntakeRequest:
    with sessions() as s:
        stored = current_guide(s, EXPRESS)
    assert stored is not None
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    refusal = Refusal(RefusalGround.NO_LICENCE_NEEDED, no_licence_text(codes))
    return IntakeRequest(checklist, applicant(), refusal=refusal)


def test_the_first_ground_refuses_the_licence_named_and_decides_nothing_else(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    with sessions.begin() as s:
        allow_draft_intake(s, True, desk=desk)
        stored = current_guide(s, EXPRESS)
        assert stored is not None
        for item in stored.bundle.items:
            set_item_held(s, desk, "XAM01", item.code, held=True)
    _, express, tax = stored.bundle.items
    with sessions.begin() as s, pytest.raises(IntakeNotPossible) as refused:
        take_intake(s, desk, _request(sessions, express.code, tax.code), TODAY, office_calendar(s))
    assert refused.value.decision is not None
    assert refused.value.decision.reasons == (Reason(ReasonCode.NO_LICENCE_NOT_LICENCE, tax.code, tax.name),)
    with sessions.begin() as s:
        taken = take_intake(s, desk, _request(sessions, express.code), TODAY, office_calendar(s))
    assert taken.decision.outcome is Outcome.REFUSE
    with sessions.begin() as s:
        notice = make_document(s, desk, taken.case_no, DocumentKind.REFUSAL, TODAY)
    path = tmp_path / "refusal.pdf"
    path.write_bytes(notice.pdf)
    text = pdf_text(path)
    assert "快递业务经营许可依法不需要取得行政许可" in text
    assert "本机关决定对快递业务经营许可不予受理；市场主体设立登记、新办纳税人涉税事项本通知书不对其作出决定。" in text
    assert "未认定依法不需要取得行政许可；本通知书不对该事项作出决定" in text  # the 设立登记
    assert "不属于行政许可，不适用《中华人民共和国行政许可法》第三十二条第一款第一项" in text  # the tax item
    assert "no_licence_needed" not in text
    assert "请向" not in text


def test_a_window_that_only_receives_says_its_finding_of_the_licence_named_alone(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    """The league's hall holds none of 081's items: it decides nothing, and its 告知书 finds of the licence named."""
    with sessions.begin() as s:
        allow_draft_intake(s, True, desk=desk)
    with sessions.begin() as s:
        taken = take_intake(s, desk, _request(sessions, "YJS081-02"), TODAY, office_calendar(s))
    assert taken.decision.outcome is Outcome.REFUSE
    with sessions.begin() as s:
        notice = make_document(s, desk, taken.case_no, DocumentKind.REFUSAL, TODAY)
    path = tmp_path / "told.pdf"
    path.write_bytes(notice.pdf)
    text = pdf_text(path)
    assert "快递业务经营许可可能依法不需要取得行政许可；其他事项本告知书不作认定" in text
    assert "no_licence_needed" not in text
    assert "请向" not in text
