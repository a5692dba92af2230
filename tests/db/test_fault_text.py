"""A database fault is worded for the clerk and written, whole, to the desk's log for support
(:func:`counter.actions.site.store._fault`, :mod:`counter.ui.door.runner`): the log never gets the values the
statement carried, an applicant's name, phone or ID number as typed at the window, only what failed and where."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from counter.actions.site.store import _fault
from counter.db.engine import make_engine

PERSON = {"id_no": "152201199001011234", "name": "陈建国", "phone": "13904820000"}


def test_a_fault_for_the_log_names_the_statement_never_the_person(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    insert = text("INSERT INTO party (id_no, name, phone) VALUES (:id_no, :name, :phone)")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE party (id_no TEXT PRIMARY KEY, name TEXT, phone TEXT)")
        conn.execute(insert, PERSON)
    with pytest.raises(IntegrityError) as caught, engine.begin() as conn:
        conn.execute(insert, PERSON)  # the same person twice: the database refuses, with the statement's values
    detail = _fault(caught.value, "sqlite").detail
    assert "UNIQUE constraint failed: party.id_no" in detail  # what support needs: the reason and the statement
    assert "INSERT INTO party" in detail
    assert not [value for value in PERSON.values() if value in detail]
