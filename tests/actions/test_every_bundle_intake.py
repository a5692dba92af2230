"""One intake per bundle that has a guide, through the scriptable intake, with its receipt printed.

Issue "All 103 bundles served", deliverable 6: every bundle whose guide ships (published or 待核) is taken from a
file as ``counter case take`` takes it — the file written as JSON and read by its reader, then
:func:`counter.actions.intake.intake_file.take_from_file` — with every applicable material handed in as the guide asks
(shared ones confirmed), and is accepted; its 受理凭证 is made as the window prints it and read back from the PDF.
The list is the shipped catalog's, so the test grows as guides land.  One training database serves every bundle
(training takes intakes on 待核 guides: :mod:`counter.actions.catalog.guide_status`).

The hall has the 司法局's answer, as an installed hall does: a bundle with a licence its department entrusted to the
hall prints under either answer (in the department's name, or the hall's 收件 for it), and before any answer it is
received (:func:`counter.documents.acceptance.acceptance_of`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.cases.documents import make_documents, office_settings, save_office_settings
from counter.actions.intake.intake_file import take_from_file
from counter.case.numbers import DeskIdentity
from counter.catalog.model import Bundle, GuideStatus, Medium
from counter.db.case_store import case_view
from counter.db.engine import make_engine, make_sessions
from counter.db.settings_store import mark_training
from counter.documents.acceptance import NOTHING_HELD, OrganAnswer, is_licensing, recorded_entrustment
from counter.documents.acceptance_words import ENTRUSTMENT_LICENSING
from counter.documents.data import OfficeSettings
from counter.documents.kinds import DocumentKind
from counter.documents.words import DOC_DRAFT_GUIDE, date_text
from counter.intake.outcome import Outcome
from counter.intake.request_file import read_intake_file
from counter.intake.subject import subject_lines
from counter.parties.identifiers import make_id_number
from tests.catalog.folder import shipped_catalog
from tests.documents.pdf_tools import pdf_text
from tests.entrusted import with_agreements
from tests.subject_values import typed_subject

TODAY = dt.date(2026, 11, 20)  # a Friday, inside the holiday data
DESK = Desk(DeskIdentity("XAM01", "8"), "乌兰")


def guides() -> list[Bundle]:
    read = shipped_catalog()
    return sorted((b for _, b in read.bundles if b.has_guide), key=lambda b: b.number)


GUIDES = guides()
#: the league hall, with the written agreement of each league department the catalog lets entrust it
AGREED = with_agreements(OfficeSettings())
#: the bundles with a licence the catalog has its department entrust to the hall by agreement, at a hall that has
#: not answered whether it is a 行政机关 that may be entrusted: their receipt follows the answer
ANSWER_MATTERS = [
    b for b in GUIDES if any(is_licensing(i) and recorded_entrustment(i, AGREED, NOTHING_HELD) for i in b.items)
]
#: every bundle at a hall that answered yes, and those the answer matters to at one that answered no
INTAKES = [(b, OrganAnswer.YES) for b in GUIDES] + [(b, OrganAnswer.NO) for b in ANSWER_MATTERS]


@pytest.fixture(scope="module")
def training(tmp_path_factory: pytest.TempPathFactory, shipped_catalog_db: Path) -> Iterator[sessionmaker[Session]]:
    """The shipped catalog in one training database, for every bundle's intake."""
    path = tmp_path_factory.mktemp("every-bundle") / "catalog.sqlite3"
    shutil.copyfile(shipped_catalog_db, path)
    engine = make_engine(f"sqlite:///{path}")
    sessions = make_sessions(engine)
    with sessions.begin() as s:
        mark_training(s)
    yield sessions
    engine.dispose()


def answer(sessions: sessionmaker[Session], organ: str) -> None:
    """The administrator's record of the 司法局's answer ("": none yet), as the hall's 单位信息 keeps it."""
    with sessions.begin() as s:
        office = office_settings(s, DESK.identity.site_code)
        if office.administrative_organ != organ or office.entrustments != AGREED.entrustments:
            answered = dataclasses.replace(office, administrative_organ=organ, entrustments=AGREED.entrustments)
            save_office_settings(s, DESK.identity.site_code, answered, desk=DESK)


def intake_file(bundle: Bundle, n: int = 0) -> dict[str, Any]:
    """The file of an applicant who hands in everything the guide asks for, under each situation's first answer (the
    ``n``-th such intake of the bundle)."""
    answers = {s.code: s.options[0].code for s in bundle.situations if s.options}
    materials: dict[str, dict[str, Any]] = {}
    for m in bundle.materials_for(answers):
        if m.shared:
            materials[m.code] = {"receipt": "shared_confirmed"}
            continue
        medium = "electronic" if m.medium is Medium.ELECTRONIC else "paper"
        materials[m.code] = {"receipt": "received", "originals": m.originals, "copies": m.copies, "medium": medium}
    id_no = make_id_number("152201", dt.date(1980, 1, 1 + bundle.number % 28), bundle.number)
    return {
        "bundle": bundle.code,
        "applicant": {
            "kind": "person",
            "name": "张海军",
            "id_no": id_no,
            "phone": "13904821234",
            "address": "兴安盟乌兰浩特市和平街道民主路18号",
        },
        "delivery": {"how": "pickup"},
        "answers": answers,
        "materials": materials,
        "uid": uuid.uuid5(uuid.NAMESPACE_URL, f"every-bundle-{bundle.code}" + (f"-{n}" if n else "")).hex,
        **({"subject": typed_subject(bundle)} if bundle.subject is not None else {}),
    }


def flat(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize(
    ("bundle", "organ"), INTAKES, ids=[f"{b.number:03d}{'' if a is OrganAnswer.YES else '-no'}" for b, a in INTAKES]
)
def test_the_bundle_is_taken_from_a_file_and_its_receipt_prints(
    training: sessionmaker[Session], bundle: Bundle, organ: OrganAnswer, tmp_path: Path
) -> None:
    answer(training, organ)
    file = read_intake_file(json.dumps(intake_file(bundle, 0 if organ is OrganAnswer.YES else 1), ensure_ascii=False))
    with training.begin() as s:
        taken = take_from_file(s, DESK, file, TODAY)
    assert taken.decision.outcome is Outcome.ACCEPT, taken.decision.reasons
    with training.begin() as s:  # as the intake prints it: a paper per issuing body
        receipts = make_documents(s, DESK, taken.case_no, DocumentKind.RECEIPT, TODAY)
    text = ""
    for n, receipt in enumerate(receipts):
        path = tmp_path / f"{bundle.number:03d}-{n}.pdf"
        path.write_bytes(receipt.pdf)
        text += flat(pdf_text(path))
    assert flat(bundle.name) in text
    assert taken.case_no in text
    assert (flat(DOC_DRAFT_GUIDE) in text) is (bundle.status is GuideStatus.DRAFT)
    if bundle in ANSWER_MATTERS:  # the licence accepted in its department's name, or received and forwarded to it
        assert (flat(ENTRUSTMENT_LICENSING) in text) is (organ is OrganAnswer.YES)
        assert organ is OrganAnswer.YES or "收件后转送" in text
    with training() as s:
        view = case_view(s, taken.case_no)
    assert view is not None
    # the newborn, the household: on the receipt, a date as the paper writes it
    for label, value in subject_lines(bundle.subject, view.subject, day=date_text):
        assert flat(label) in text
        assert flat(value) in text


def test_a_receipt_for_an_entrusted_licence_before_the_answer_is_a_receipt_of_collection(
    training: sessionmaker[Session], tmp_path: Path
) -> None:
    """Before the administrator records the 司法局's answer, the intake of a bundle whose licence is entrusted to the
    hall is taken as 收件 (a window may always receive, 许可法 第二十六条): its receipt forwards, in nobody's name; it
    used to be refused until the answer came."""
    bundle = ANSWER_MATTERS[0]
    answer(training, "")
    file = read_intake_file(json.dumps(intake_file(bundle, 2), ensure_ascii=False))
    with training.begin() as s:
        taken = take_from_file(s, DESK, file, TODAY)
    assert taken.decision.outcome is Outcome.ACCEPT, taken.decision.reasons
    with training.begin() as s:
        made = make_documents(s, DESK, taken.case_no, DocumentKind.RECEIPT, TODAY)
    text = ""
    for n, receipt in enumerate(made):
        path = tmp_path / f"unanswered-{n}.pdf"
        path.write_bytes(receipt.pdf)
        text += flat(pdf_text(path))
    assert flat(ENTRUSTMENT_LICENSING) not in text
    assert "收件后转送" in text


def test_every_bundle_with_a_guide_is_in_the_list() -> None:
    """The parameters are the catalog's guides, none left out: the twelve samples at least, the 103 once written."""
    assert len(GUIDES) >= 12
    assert len({b.code for b in GUIDES}) == len(GUIDES)
    assert ANSWER_MATTERS  # the answer's test has a bundle to show
