"""A paper sent through the platform before the format of each sending was kept went up as its PDF: the upgrade
reads every such sending so, and its resend is that PDF (tests/actions/test_e_service_sealed.py); the way back
leaves the sendings as they were."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import text

from counter.access.desk import Desk
from counter.case.numbers import DeskIdentity
from counter.db.engine import make_engine, make_sessions
from counter.db.migrate import downgrade, upgrade
from tests.actions.test_e_service import taken
from tests.conftest import made_database

SENT = {"doc": "XAM01-26-PZUA-080001", "item": "152201-YJS008-02", "digest": "ab" * 32, "on": dt.date(2026, 11, 24)}


def test_a_paper_sent_before_the_upgrade_reads_as_sent_as_its_pdf(tmp_path: Path) -> None:
    engine = make_engine(made_database(tmp_path / "desk.sqlite3"))
    number = taken(make_sessions(engine), Desk(DeskIdentity("XAM01", "8"), "乌兰"))
    downgrade(engine, "0007_sealed_papers")
    with engine.begin() as connection:  # a sending as the program before recorded it
        case_id = connection.execute(text('SELECT id FROM "case" WHERE case_no = :no'), {"no": number}).scalar_one()
        connection.execute(
            text(
                "INSERT INTO paper_sent (case_id, doc_no, kind, item_code, digest, sent_on, remote_id)"
                " VALUES (:case, :doc, 'supplement', :item, :digest, :on, '')"
            ),
            {"case": case_id, **SENT},
        )
    upgrade(engine)
    with engine.connect() as connection:
        formats = connection.execute(text("SELECT doc_no, doc_format, digest FROM paper_sent")).all()
    assert formats == [(SENT["doc"], "pdf", SENT["digest"])]
    downgrade(engine, "0007_sealed_papers")
    with engine.connect() as connection:
        back = connection.execute(text("SELECT doc_no, digest FROM paper_sent")).all()
    assert back == [(SENT["doc"], SENT["digest"])]
    engine.dispose()
