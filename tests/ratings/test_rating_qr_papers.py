"""补充评价 on paper: a receipt made at the desk carries the case's 好差评 page, and its reprint the same one."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from counter.actions.cases.documents import RATING_QR, make_document
from counter.case.demo_cases import DemoCase
from counter.db import models
from counter.db.engine import make_engine, make_sessions
from counter.db.settings_store import put_setting
from counter.documents.kinds import DocumentKind
from counter.platform.mapping import mapping_file
from counter.platform.rating_page import load_rating_page
from tests.conftest import copy_database
from tests.documents.pdf_tools import pdf_text
from tests.ratings.conftest import DESK, TODAY


def test_a_new_notice_keeps_the_page_it_printed_for_its_reprints(
    demo_template: tuple[Path, list[DemoCase]], demo_cases: dict[str, str], tmp_path: Path
) -> None:
    copy_database(demo_template[0], tmp_path / "desk.sqlite3")  # with its note of the numbers issued
    engine = make_engine(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    sessions = make_sessions(engine)
    case_no = demo_cases["不予受理"]
    page = load_rating_page(mapping_file("nmg"))
    assert page is not None
    with sessions.begin() as session:
        made = make_document(session, DESK, case_no, DocumentKind.REFUSAL, TODAY)
    with sessions() as session:
        record = session.scalars(select(models.DocumentRecord).where(models.DocumentRecord.doc_no == made.doc_no)).one()
        kept = json.loads(record.office)[RATING_QR]
    assert kept == {"address": page.address_for(case_no), "days": page.period_days}
    path = tmp_path / "refusal.pdf"
    path.write_bytes(made.pdf)
    assert "7日内扫码评价" in pdf_text(path)
    with sessions.begin() as session:  # the site's mapping named another page since: the reprint is the first print
        put_setting(session, "platform.settings", json.dumps({"mapping": "none-such"}))
        again = make_document(session, DESK, case_no, DocumentKind.REFUSAL, TODAY)
    engine.dispose()
    assert again.reprint
    assert again.pdf == made.pdf
