"""Every paper the hall makes in a department's name under its entrustment says so (许可法 第二十四条第三款: the
entrusted body acts "以委托行政机关名义"; the applicant must be able to see who acted, in whose name, under what):
the 受理凭证, the 不予批准决定书, the 告知承诺书, the 责令限期改正通知书, the 陈述申辩告知书 and the 撤销决定书.
On both databases, read back from the PDF."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.cases.decisions import decide_item
from counter.actions.cases.documents import make_document, make_documents, office_settings
from counter.actions.cases.item_authority import authority_key, set_entrustment, site_authority
from counter.actions.cases.item_steps import take_item_step
from counter.actions.intake.pledge_papers import pledge_paper
from counter.case.decisions import DecisionProblem, DecisionRefused
from counter.case.item_path import ItemEvent
from counter.case.item_step_request import StepRequest
from counter.case.numbers import DeskIdentity
from counter.case.pledge_checks import PledgeNotice
from counter.case.site_authority import EntrustedAct
from counter.case.status import CaseEvent
from counter.db.case_store import case_view
from counter.db.settings_store import put_setting
from counter.documents.acceptance import held_from
from counter.documents.kinds import DocumentKind
from counter.words.cases import decision_refused_text
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import full_request, take
from tests.actions.test_item_decisions import FOOD
from tests.actions.test_notice_pledges import (
    BRIGADE,
    CHECKED,
    FIRE,
    HEARD,
    REVOKED,
    granted,
    name_the_brigades_bodies,
    revoked_in_order,
    taken,
)
from tests.documents.pdf_tools import pdf_text
from tests.entrusted import ENTERED, ENTRUSTMENT, RESTAURANT_ITEMS, entrust, entrust_in
from tests.signed_in import signed_in

#: the sentence each paper made in the brigade's name by the hall carries, in the brigade's voice (本机关)
SAYS = "受本机关委托，以本机关名义"


def _text(made: bytes, path: Path) -> str:
    path.write_bytes(made)
    return pdf_text(path).replace("\n", "")


@pytest.mark.slow
def test_every_paper_of_an_entrusted_pledge_item_says_the_hall_acts_in_the_brigades_name(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    case_no = taken(sessions, desk)
    with sessions.begin() as s:
        entrust(s, desk, FIRE)
    name_the_brigades_bodies(sessions, desk)
    with sessions() as s:
        hall = office_settings(s, "XAM01").office_name
    clerk = granted(sessions, desk, case_no)
    with sessions.begin() as s:
        pledge = pledge_paper(s, clerk, case_no, FIRE, TODAY, revoked=False)
    supervisor = signed_in(sessions, desk)
    revoked_in_order(sessions, supervisor, case_no)
    with sessions.begin() as s:
        correction = pledge_paper(s, supervisor, case_no, FIRE, CHECKED, revoked=False, notice=PledgeNotice.CORRECTION)
        hearing = pledge_paper(s, supervisor, case_no, FIRE, HEARD, revoked=False, notice=PledgeNotice.HEARING)
        revocation = pledge_paper(s, supervisor, case_no, FIRE, REVOKED, revoked=True)
    for name, made in (("pledge", pledge), ("correction", correction), ("hearing", hearing), ("revoked", revocation)):
        text = _text(made, tmp_path / f"{name}.pdf")
        assert f"由{hall}{SAYS}" in text, name
        assert ENTRUSTMENT in text, name
        assert f"{BRIGADE}审批业务专用章或部门公章" in text, name  # the licensing body's paper, under its seal
    # the revocation is the brigade's decision, entered by the hall with its 文号: the hall issues its paper, "出具"
    assert f"本决定书由{hall}{SAYS}出具" in text
    assert "本机关决定文号：" in text


@pytest.mark.slow
def test_a_denial_the_hall_records_for_the_department_says_it_acts_in_its_name(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], tmp_path: Path
) -> None:
    single = Desk(DeskIdentity("XAM01", "8"), "乌兰")
    entrust_in(owner, single, *RESTAURANT_ITEMS)
    desk = signed_in(owner, single)
    number = take(sessions, desk, full_request(sessions))
    with sessions.begin() as s:
        decide_item(s, desk, number, FOOD, approve=False, text="经核查，经营场所与申请不符。", entered=ENTERED)
        made = make_document(s, desk, number, DocumentKind.DENIAL, TODAY, FOOD)
        hall = office_settings(s, "XAM01").office_name
    text = _text(made.pdf, tmp_path / "denial.pdf")
    # the department's written decision, entered with its 文号: the hall issues its paper (出具), not makes it (作出)
    assert f"本决定书由{hall}{SAYS}出具" in text
    assert ENTRUSTMENT in text


def test_a_step_of_an_act_the_agreement_leaves_out_is_the_departments_and_says_what_to_set(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    """An agreement for 受理, 决定 and 核查 is no power to revoke (许可法 第二十四条: 在委托范围内): the window finds
    the promise false, but the 陈述申辩 告知 that opens the revocation is refused, naming 撤销 and what to set."""
    case_no = taken(sessions, desk)
    with sessions.begin() as s:
        entrust(s, desk, FIRE)
        covered = frozenset({EntrustedAct.ACCEPT, EntrustedAct.DECIDE, EntrustedAct.CHECK})
        set_entrustment(s, desk, "XAM01", FIRE, ENTRUSTMENT, covered)
    name_the_brigades_bodies(sessions, desk)
    granted(sessions, desk, case_no)
    supervisor = signed_in(sessions, desk)
    with pytest.raises(DecisionRefused) as refused:
        revoked_in_order(sessions, supervisor, case_no)
    assert refused.value.problem is DecisionProblem.ACT_NOT_ENTRUSTED
    said = decision_refused_text(refused.value)
    assert f"由{BRIGADE}自行作出" in said
    assert "不包括“撤销”" in said
    assert "系统管理员" in said
    with sessions() as s:  # the 核查 and its order were the window's to make; nothing of the revocation was
        view = case_view(s, case_no)
    assert view is not None
    assert not any(line.event == CaseEvent.ITEM_REVOKED.value for line in view.history)


def test_an_agreement_kept_before_agreements_named_their_acts_still_covers_every_act(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    """What it meant when it was recorded: the window took every step of the item under it (KEPT_DEFAULT)."""
    kept = {"site_items": [], "entrusted": {FIRE: ENTRUSTMENT}}  # as an older release wrote it
    with sessions.begin() as s:
        put_setting(s, authority_key("XAM01"), json.dumps(kept, ensure_ascii=False))
    with sessions() as s:
        now = site_authority(s, "XAM01")
    assert now.acts_of(FIRE) == frozenset(EntrustedAct)
    assert held_from(now).covers(FIRE, EntrustedAct.REVOKE)
    assert now.acts_of("152201-YJS008-02") == frozenset()  # no agreement, no act


@pytest.mark.slow
def test_an_agreement_without_acceptance_leaves_the_receipt_a_receipt_of_collection(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], tmp_path: Path
) -> None:
    """The 受理 is the department's where its agreement does not cover it: the hall receives and forwards, as if no
    agreement were recorded for it; the decision it covers is the window's to record after the department's 签收."""
    single = Desk(DeskIdentity("XAM01", "8"), "乌兰")
    entrust_in(owner, single, *RESTAURANT_ITEMS)
    with owner.begin() as s:
        for code in RESTAURANT_ITEMS:
            set_entrustment(s, single, "XAM01", code, ENTRUSTMENT, frozenset({EntrustedAct.DECIDE}))
    desk = signed_in(owner, single)
    number = take(sessions, desk, full_request(sessions))
    with sessions.begin() as s:
        (made,) = make_documents(s, desk, number, DocumentKind.RECEIPT, TODAY)
        with pytest.raises(DecisionRefused) as refused:
            take_item_step(s, desk, number, FOOD, StepRequest(ItemEvent.SIGNED), dt.datetime(2026, 11, 20, 10))
    assert made.heading.startswith("收件凭证")
    assert "受本机关委托" not in _text(made.pdf, tmp_path / "receipt.pdf")
    assert refused.value.problem is DecisionProblem.ACT_NOT_ENTRUSTED
    assert "不包括“受理”" in decision_refused_text(refused.value)
