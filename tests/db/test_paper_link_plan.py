"""The paper's download finds its link along an index, on both databases: the route is asked by anyone the platform's
gateway passes on, and read every paper ever sent before (``Seq Scan on paper_sent`` on PostgreSQL, ``SCAN
paper_sent`` on SQLite)."""

from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import insert
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.cases.paper_links import download
from counter.db import models
from counter.db.sealed import case_index_values
from counter.documents.paper_link import LINK_MARK
from tests.db.plans import explain, scans
from tests.db.test_case_finds import _base

TODAY = dt.date(2026, 11, 20)
PAPERS = 3000  # a hall's papers sent over a few years, each by the platform or by link


def test_a_download_finds_its_link_by_the_index(catalog_hall: sessionmaker[Session]) -> None:
    with catalog_hall.begin() as session:
        sealed = {"applicant_id_no": "152201199003076612", "applicant_phone": "13904821234", "notify_phone": ""}
        case = {**_base(session), "id": 1, "case_no": "XAM01-20261120-01-0001", "received_on": TODAY,
                "applicant_name": "王丽", **sealed, **case_index_values(sealed), "uid": f"{1:032x}"}  # fmt: skip
        session.execute(insert(models.Case), [case])
        session.execute(insert(models.PaperSent), [{
            "case_id": 1, "doc_no": f"D{n:06d}", "kind": "correction", "digest": "0" * 64, "sent_on": TODAY,
            "remote_id": LINK_MARK + hashlib.sha256(str(n).encode()).hexdigest() if n % 2 else f"platform-{n}",
        } for n in range(PAPERS)])  # fmt: skip
    with catalog_hall() as session:
        session.connection().exec_driver_sql("ANALYZE")
        session.commit()
    wanted = hashlib.sha256(b"guessed").hexdigest()
    plans = explain(catalog_hall, lambda unit: download(unit, wanted, TODAY, dt.datetime.now(dt.UTC)))
    [plan] = [one for one in plans if "paper_sent" in one]
    assert "ix_paper_sent_remote_id" in plan, plan
    assert not scans("paper_sent", plan), plan
