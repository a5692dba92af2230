"""A paper's kept rating QR that a township's package carries forged or broken: the hall's case page opens and the
paper reprints, without the rating QR, the log saying why (counter.actions.cases.documents)."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from counter.actions.cases import documents
from counter.actions.cases.case_view import read_case
from counter.actions.cases.documents import make_document
from counter.db import models
from counter.documents import rating_qr
from counter.documents.data import DocumentData
from counter.documents.kinds import DocumentKind
from counter.documents.rating_qr import SNAPSHOT_KEY
from tests.pg_server import BACKENDS
from tests.sync.sync_world import TODAY, Site, township_with_demo
from tests.sync.test_sender_records import Pair, signed, township_body, with_receipt

PAGE = "https://zwfw.nmg.gov.cn/hcp/evaluate?projectNo="

FORGED = {
    "text": "https://zwfw.nmg.gov.cn/hcp/evaluate",
    "no address": {"days": 7},
    "no period": {"address": PAGE + "1"},
    "address a number": {"address": 5, "days": 7},
    "period as text": {"address": PAGE + "1", "days": "7天"},
    "period a list": {"address": PAGE + "1", "days": [7]},
    "period true": {"address": PAGE + "1", "days": True},
    "period of years": {"address": PAGE + "1", "days": 100_000},
    "not https": {"address": "javascript:alert(1)", "days": 7},
    "beyond a QR code": {"address": PAGE + "9" * 4000, "days": 7},
}


@pytest.fixture(params=BACKENDS)
def pair(request: pytest.FixtureRequest, shipped_catalog_db: Path, tmp_path: Path) -> Iterator[Pair]:
    for hall, ars in township_with_demo(request, shipped_catalog_db, tmp_path):
        yield Pair(hall, ars)


def receipt_record(body: list[dict[str, Any]], case_no: str) -> dict[str, Any]:
    """The receipt's record in the township's package, as the case record carries it."""
    case = next(r for r in body if r["type"] == "case" and r["case_no"] == case_no)
    return next(d for d in case["documents"] if d["kind"] == DocumentKind.RECEIPT.value)


def rating_qrs_asked(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """The rating QR codes the papers made from now on are asked to carry (address, period), in order."""
    asked: list[tuple[str, int]] = []

    def spy(data: DocumentData, address: str, period_days: int) -> DocumentData:
        asked.append((address, period_days))
        return rating_qr.with_rating_qr(data, address, period_days)

    monkeypatch.setattr(documents, "with_rating_qr", spy)
    return asked


def doc_no_of(site: Site, case_no: str) -> str:
    with site.sessions() as session:
        d, c = models.DocumentRecord, models.Case
        stmt = select(d.doc_no).join(c, c.id == d.case_id).where(c.case_no == case_no, d.kind == "receipt")
        return session.scalars(stmt).one()


@pytest.mark.parametrize("forged", FORGED.values(), ids=FORGED.keys())
def test_a_forged_rating_qr_in_a_townships_receipt_leaves_the_qr_off_the_halls_reprint(
    pair: Pair, forged: object, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_no = with_receipt(pair.ars)
    body = township_body(pair)
    record = receipt_record(body, case_no)
    record["office"] = json.dumps(json.loads(record["office"]) | {SNAPSHOT_KEY: forged}, ensure_ascii=False)
    report = pair.hall.take(signed(pair, body))
    assert report.held == 0
    qr_asked = rating_qrs_asked(monkeypatch)
    with pair.hall.sessions() as s:
        page = read_case(s, case_no, TODAY)
    assert page is not None
    assert page.notices is not None
    assert [line.doc_no for line in page.notices.lines] == [doc_no_of(pair.hall, case_no)]
    with pair.hall.sessions.begin() as s, caplog.at_level(logging.WARNING, logger=documents.__name__):
        made = make_document(s, pair.hall.desk, case_no, DocumentKind.RECEIPT, TODAY)
    assert made.reprint
    assert made.doc_no == doc_no_of(pair.hall, case_no)
    assert made.pdf.startswith(b"%PDF")
    assert qr_asked == []
    assert f"case {case_no}: paper {made.doc_no} reprinted without its rating QR, the one kept unusable" in caplog.text


def test_a_rating_qr_kept_as_this_program_writes_it_is_reprinted(
    pair: Pair, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The same road with what a township's desk writes: the reprint carries the QR the first print did."""
    case_no = with_receipt(pair.ars)
    body = township_body(pair)
    record = receipt_record(body, case_no)
    kept = {"address": PAGE + case_no, "days": 7}
    record["office"] = json.dumps(json.loads(record["office"]) | {SNAPSHOT_KEY: kept}, ensure_ascii=False)
    assert pair.hall.take(signed(pair, body)).held == 0
    qr_asked = rating_qrs_asked(monkeypatch)
    with pair.hall.sessions.begin() as s, caplog.at_level(logging.WARNING, logger=documents.__name__):
        made = make_document(s, pair.hall.desk, case_no, DocumentKind.RECEIPT, TODAY)
    assert made.reprint
    assert qr_asked == [(PAGE + case_no, 7)]
    assert "rating QR" not in caplog.text
