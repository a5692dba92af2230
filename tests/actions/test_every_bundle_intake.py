"""One intake per bundle that has a guide, through the scriptable intake, with its receipt printed.

Issue "All 103 bundles served", deliverable 6: every bundle whose guide ships (published or 待核) is taken from a
file as ``counter case take`` takes it — the file written as JSON and read by its reader, then
:func:`counter.actions.intake_file.take_from_file` — with every applicable material handed in as the guide asks
(shared ones confirmed), and is accepted; its 受理凭证 is made as the window prints it and read back from the PDF.
The list is the shipped catalog's, so the test grows as guides land.  One training database serves every bundle
(training takes intakes on 待核 guides: :mod:`counter.actions.guide_status`).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.desk import Desk
from counter.actions.documents import make_document
from counter.actions.intake_file import take_from_file
from counter.case.numbers import DeskIdentity
from counter.catalog.model import Bundle, GuideStatus, Medium
from counter.catalog.reader import catalog_files, read_paths
from counter.db.case_store import case_view
from counter.db.engine import make_engine, make_sessions
from counter.db.settings_store import mark_training
from counter.documents.kinds import DocumentKind
from counter.documents.words import DOC_DRAFT_GUIDE, date_text
from counter.intake.outcome import Outcome
from counter.intake.request_file import read_intake_file
from counter.intake.subject import subject_lines
from counter.parties.identifiers import make_id_number
from tests.conftest import SHIPPED_CATALOG
from tests.documents.pdf_tools import pdf_text
from tests.subject_values import typed_subject

TODAY = dt.date(2026, 11, 20)  # a Friday, inside the holiday data
DESK = Desk(DeskIdentity("XAM01", "8"), "乌兰")


def guides() -> list[Bundle]:
    read = read_paths(catalog_files(SHIPPED_CATALOG))
    return sorted((b for _, b in read.bundles if b.has_guide), key=lambda b: b.number)


GUIDES = guides()


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


def intake_file(bundle: Bundle) -> dict[str, Any]:
    """The file of an applicant who hands in everything the guide asks for, under each situation's first answer."""
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
        "uid": uuid.uuid5(uuid.NAMESPACE_URL, f"every-bundle-{bundle.code}").hex,
        **({"subject": typed_subject(bundle)} if bundle.subject is not None else {}),
    }


def flat(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("bundle", GUIDES, ids=[f"{b.number:03d}" for b in GUIDES])
def test_the_bundle_is_taken_from_a_file_and_its_receipt_prints(
    training: sessionmaker[Session], bundle: Bundle, tmp_path: Path
) -> None:
    file = read_intake_file(json.dumps(intake_file(bundle), ensure_ascii=False))
    with training.begin() as s:
        taken = take_from_file(s, DESK, file, TODAY)
    assert taken.decision.outcome is Outcome.ACCEPT, taken.decision.reasons
    with training.begin() as s:
        receipt = make_document(s, DESK, taken.case_no, DocumentKind.RECEIPT, TODAY)
    path = tmp_path / f"{bundle.number:03d}.pdf"
    path.write_bytes(receipt.pdf)
    text = flat(pdf_text(path))
    assert flat(bundle.name) in text
    assert taken.case_no in text
    assert (flat(DOC_DRAFT_GUIDE) in text) is (bundle.status is GuideStatus.DRAFT)
    with training() as s:
        view = case_view(s, taken.case_no)
    assert view is not None
    # the newborn, the household: on the receipt, a date as the paper writes it
    for label, value in subject_lines(bundle.subject, view.subject, day=date_text):
        assert flat(label) in text
        assert flat(value) in text


def test_every_bundle_with_a_guide_is_in_the_list() -> None:
    """The parameters are the catalog's guides, none left out: the twelve samples at least, the 103 once written."""
    assert len(GUIDES) >= 12
    assert len({b.code for b in GUIDES}) == len(GUIDES)
