"""第一项 per item at the window, stored and printed: a hall that holds 081's items (a 行政审批局) finds the express
licence needs none, and its notice refuses that licence alone; the 设立登记 and the tax office's item are not
decided by it (行政许可法 第三十二条第一款第一项, as 第七十八条's notice does)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.documents import make_document
from counter.actions.cases.item_authority import set_item_held
from counter.actions.cases.item_papers import make_item_paper
from counter.actions.cases.item_steps import item_standings, route_items, take_item_step
from counter.actions.catalog.guide_status import allow_draft_intake
from counter.actions.intake.take import take_intake
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.intake_request import IntakeRequest
from counter.case.item_path import ItemEvent, ItemState
from counter.case.item_step_request import StepRequest
from counter.cli.main import main
from counter.db import models
from counter.db.case_store import case_view
from counter.db.catalog_store import current_guide
from counter.documents.kinds import DocumentKind
from counter.intake.no_licence import no_licence_text
from counter.intake.not_possible import IntakeNotPossible
from counter.intake.outcome import Outcome, Reason, ReasonCode, Refusal, RefusalGround
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import applicant
from tests.actions.test_item_steps import at
from tests.audit.conftest import desk_of
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
    assert "本中心决定对快递业务经营许可不予受理；市场主体设立登记、新办纳税人涉税事项本通知书不对其作出决定。" in text
    assert "未认定依法不需要取得行政许可；本通知书不对该事项作出决定" in text  # the 设立登记
    assert "不属于行政许可，不适用《中华人民共和国行政许可法》第三十二条第一款第一项" in text  # the tax item
    assert "no_licence_needed" not in text
    assert "请向" not in text


def test_a_window_that_only_receives_forwards_081_and_its_doubt_sends_nothing_home(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    """The league's hall holds none of 081's items: it refuses none of them (许可法 第三十二条: the body with power
    over an item accepts or refuses it), so its doubt about the express licence sends nothing home.  The bundle is
    taken as 收件 and forwarded; the 邮政管理局 refuses its licence on its own paper, and the 设立登记 and the tax items
    go on with their departments.  No paper says the materials were returned."""
    with sessions.begin() as s:
        allow_draft_intake(s, True, desk=desk)
    with sessions.begin() as s, pytest.raises(IntakeNotPossible) as refused:
        take_intake(s, desk, _request(sessions, "YJS081-02"), TODAY, office_calendar(s))
    assert refused.value.decision is not None
    [reason] = refused.value.decision.reasons
    assert reason.code is ReasonCode.REFUSAL_NOT_THE_WINDOWS
    assert "内蒙古自治区邮政管理局" in reason.subject  # who decides, named
    forwarded = dataclasses.replace(_request(sessions), refusal=None)
    with sessions.begin() as s:
        taken = take_intake(s, desk, forwarded, TODAY, office_calendar(s))
        route_items(s, desk, taken.case_no, at(TODAY))
    assert taken.decision.outcome is Outcome.ACCEPT
    with sessions.begin() as s:  # the hall's 收件凭证: received and forwarded, who accepts named
        pdfs = [make_document(s, desk, taken.case_no, DocumentKind.RECEIPT, TODAY).pdf]
    post = desk_of(Actor("tana", "塔娜", frozenset({Role.DEPARTMENT})))
    with sessions.begin() as s:
        s.add(models.Account(login="tana", name="塔娜", roles="department", password_hash="x",
                             department="内蒙古自治区邮政管理局"))  # fmt: skip
    refusal = StepRequest(ItemEvent.REFUSED, reason="申请人经营范围不含快递业务，无需申请快递业务经营许可。")
    with sessions.begin() as s:
        take_item_step(s, post, taken.case_no, "YJS081-02", refusal, at(TODAY))
    with sessions() as s:
        view = case_view(s, taken.case_no)
        states = {i.code: i.state for i in item_standings(s, taken.case_no, TODAY)}
    assert view is not None
    assert view.status == "accepted"  # not closed: the 设立登记 and the tax items go on
    assert states == {"YJS081-01": ItemState.ROUTED, "YJS081-02": ItemState.REFUSED, "YJS081-03": ItemState.ROUTED}
    with sessions.begin() as s:
        pdfs.append(make_item_paper(s, post, taken.case_no, "YJS081-02", DocumentKind.ITEM_REFUSAL, TODAY).pdf)
    for n, pdf in enumerate(pdfs):
        path = tmp_path / f"{n}.pdf"
        path.write_bytes(pdf)
        text = pdf_text(path)
        assert "退还" not in text
        assert "转送" in text or "收件后已转送本机关" in text


def test_case_show_names_the_licence_found_to_need_none_never_a_body_to_turn_to(
    sessions: sessionmaker[Session], desk: Desk, capsys: pytest.CaptureFixture[str]
) -> None:
    """``counter case show`` of a 第一项 refusal: the licence it found needs none, on the line the case page gives it,
    not as 请向 a body the stored codes are not."""
    with sessions.begin() as s:
        allow_draft_intake(s, True, desk=desk)
        stored = current_guide(s, EXPRESS)
        assert stored is not None
        for item in stored.bundle.items:
            set_item_held(s, desk, "XAM01", item.code, held=True)
    express = stored.bundle.items[1]
    with sessions.begin() as s:
        taken = take_intake(s, desk, _request(sessions, express.code), TODAY, office_calendar(s))
    url = sessions.kw["bind"].url.render_as_string(hide_password=False)
    assert main(["case", "show", taken.case_no, "--db", url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert f"不需要取得行政许可的事项：{express.code}" in lines
    assert not [line for line in lines if line.startswith("请向")]
