"""An intake takes the applicant's 营业执照 from the 证照库 and its receipt says so; an expired one is refused; with
the library down the intake goes on by paper and the case says the look-up failed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.documents import make_document
from counter.actions.intake.licences import look_up_licences
from counter.actions.intake.take import take_intake
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.intake_request import IntakeRequest
from counter.catalog.model import Bundle
from counter.db.case_store import case_view
from counter.db.catalog_store import current_guide
from counter.documents.kinds import DocumentKind
from counter.host.outward.licence_library import LookUpOutcome
from counter.intake.checklist import (
    Checklist,
    LicenceNotTaken,
    Receipt,
    ReceivedMedium,
    mark_lookup_failed,
    record,
    take_licence,
)
from counter.intake.licences import LibrarySettings, LicenceProblem, licence_of_record, lookup_failed_of_record
from counter.intake.not_possible import IntakeNotPossible, NotPossibleWhy
from counter.intake.parties import Applicant, ApplicantKind, Parties
from counter.words.intake import LICENCE_LOOKUP_FAILED, licence_text
from tests.actions.conftest import TODAY
from tests.documents.pdf_tools import pdf_text
from tests.licence_library import ACCOUNT, CREDIT_CODE, SECRET, Library, running_library

BUNDLE = "XAM-YJS-033"  # 我要办理企业用电报装: the company's 营业执照 is 共享获取 (M02)
LICENCE_MATERIAL = "M02"
SHOP = Parties(
    Applicant(ApplicantKind.COMPANY, "乌兰浩特市草原味道餐馆", CREDIT_CODE, "13904821111", "乌兰浩特市五一街", "巴特尔")
)


@pytest.fixture
def library() -> Iterator[Library]:
    with running_library() as running:
        yield running


def _settings(url: str) -> LibrarySettings:
    return LibrarySettings(endpoint=url, account=ACCOUNT, secret=SECRET, timeout=2)


def _start(sessions: sessionmaker[Session]) -> tuple[Bundle, Checklist]:
    with sessions() as s:
        stored = current_guide(s, BUNDLE)
    assert stored is not None
    return stored.bundle, complete_checklist(stored.bundle, fresh_checklist(stored))


def _take(sessions: sessionmaker[Session], desk: Desk, checklist: Checklist) -> str:
    with sessions.begin() as s:
        return take_intake(s, desk, IntakeRequest(checklist, SHOP), TODAY, office_calendar(s)).case_no


def test_an_intake_takes_the_licence_and_its_receipt_names_number_and_trust_level(
    sessions: sessionmaker[Session], desk: Desk, library: Library, tmp_path: Path
) -> None:
    bundle, checklist = _start(sessions)
    found = look_up_licences(_settings(library.url), CREDIT_CODE, ("营业执照",))
    assert found.outcome is LookUpOutcome.ANSWERED
    current = next(one for one in found.licences if one.valid_until is None)
    checklist = take_licence(checklist, bundle, LICENCE_MATERIAL, current, CREDIT_CODE, TODAY)
    number = _take(sessions, desk, checklist)
    with sessions.begin() as s:
        view = case_view(s, number)
        made = make_document(s, desk, number, DocumentKind.RECEIPT, TODAY)
    assert view is not None
    line = next(m for m in view.materials if m.code == LICENCE_MATERIAL)
    assert (line.receipt, line.medium) == (Receipt.RECEIVED.value, ReceivedMedium.ELECTRONIC.value)
    assert licence_of_record(line.licence) == current
    assert licence_text(line.licence).startswith(
        "电子证照 152201600012345号（乌兰浩特市市场监督管理局，可信等级A）；用证："
    )
    path = tmp_path / "receipt.pdf"
    path.write_bytes(made.pdf)
    text = pdf_text(path)
    assert "营业执照电子证照152201600012345号乌兰浩特市市场监督管理局（可信等级A）长期有效" in text


def test_a_licence_past_its_validity_is_not_taken(
    sessions: sessionmaker[Session], desk: Desk, library: Library
) -> None:
    bundle, checklist = _start(sessions)
    found = look_up_licences(_settings(library.url), CREDIT_CODE, ("营业执照",))
    expired = next(one for one in found.licences if one.valid_until is not None)
    with pytest.raises(LicenceNotTaken) as refused:
        take_licence(checklist, bundle, LICENCE_MATERIAL, expired, CREDIT_CODE, TODAY)
    assert refused.value.problems == (LicenceProblem.EXPIRED,)
    # one kept in a draft past its validity is refused at the commit, and nothing is written
    kept = record(checklist, LICENCE_MATERIAL, Receipt.RECEIVED, medium=ReceivedMedium.ELECTRONIC, licence=expired)
    with pytest.raises(IntakeNotPossible) as not_taken:
        _take(sessions, desk, kept)
    assert not_taken.value.why is NotPossibleWhy.LICENCE_EXPIRED


def test_with_the_library_down_the_intake_goes_on_by_paper_and_the_case_says_so(
    sessions: sessionmaker[Session], desk: Desk, library: Library
) -> None:
    _, checklist = _start(sessions)
    library.script.append(503)
    found = look_up_licences(_settings(library.url), CREDIT_CODE, ("营业执照",))
    assert found.outcome is LookUpOutcome.FAILED
    checklist = mark_lookup_failed(checklist, [LICENCE_MATERIAL], found.detail)
    paper = record(checklist, LICENCE_MATERIAL, Receipt.RECEIVED, originals=1, medium=ReceivedMedium.PAPER)
    number = _take(sessions, desk, paper)
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    line = next(m for m in view.materials if m.code == LICENCE_MATERIAL)
    assert line.medium == ReceivedMedium.PAPER.value
    assert lookup_failed_of_record(line.licence) == "HTTP 503"
    assert licence_text(line.licence) == LICENCE_LOOKUP_FAILED  # on the case page and in `counter case show`
