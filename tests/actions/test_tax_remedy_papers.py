"""The tax office's registration and declarations, refused at the window and stored in the database: their notice
gives 复议 or 诉讼 for every item, the tax paid too: a refusal to take the filing decides no tax, and 复议前置 is the
征税行为's alone (税务行政复议规则 第十四条第（一）项, 第三十三条, 第三十四条)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.documents import make_document, save_office_settings
from counter.actions.catalog.guide_status import allow_draft_intake
from counter.actions.intake.take import take_intake
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.intake_request import IntakeRequest
from counter.catalog.departments import PLACE
from counter.catalog.remedies import Levy, RemedyKind
from counter.db.catalog_store import current_guide
from counter.documents.kinds import DocumentKind
from counter.intake.outcome import Outcome, Refusal, RefusalGround
from counter.intake.turn_to import turn_to_text
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import applicant
from tests.actions.test_refusal_rights import COUNTY_HALL
from tests.documents.pdf_tools import pdf_text
from tests.entrusted import with_agreements

TAXES = "XAM-YJS-053"  # 我要办理一般纳税人申报缴税


def test_a_tax_registration_refused_is_open_to_review_or_suit(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    with sessions.begin() as s:
        allow_draft_intake(s, True, desk=desk)
        save_office_settings(s, "XAM01", with_agreements(COUNTY_HALL), desk=desk)  # the tax office's agreement
    with sessions() as s:
        stored = current_guide(s, TAXES)
    assert stored is not None
    remedies = {i.name: i.remedy for i in stored.bundle.items}
    payment, registration = remedies["税款缴纳"], remedies["增值税一般纳税人登记"]
    assert payment is not None
    assert payment.levy is Levy.COLLECT
    assert registration is not None
    assert registration.kind is RemedyKind.REVIEW_OR_SUIT
    bodies = turn_to_text((i.code, i.department.replace(PLACE, "科尔沁右翼前旗")) for i in stored.bundle.items)
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    request = IntakeRequest(checklist, applicant(), refusal=Refusal(RefusalGround.NOT_IN_REMIT, bodies))
    with sessions.begin() as s:
        taken = take_intake(s, desk, request, TODAY, office_calendar(s))
    assert taken.decision.outcome is Outcome.REFUSE
    with sessions.begin() as s:
        notice = make_document(s, desk, taken.case_no, DocumentKind.REFUSAL, TODAY)
    path = tmp_path / "refusal.pdf"
    path.write_bytes(notice.pdf)
    text = pdf_text(path, page=1)  # the applicant's copy
    assert "增值税一般纳税人登记" in text
    either = "如对本决定不服，可以自收到本决定之日起六十日内向国家税务总局兴安盟税务局申请行政复议，或者六个月内向"
    assert either in text
    assert "应当先依照税务机关的纳税决定缴纳" not in text
