"""Lookups of many values at once find exactly the rows holding them, whatever the values hold."""

from __future__ import annotations

import pytest
from sqlalchemy import Column, Engine, Integer, MetaData, String, Table, insert
from sqlalchemy.orm import Session, sessionmaker

from counter.db.engine import make_sessions
from counter.db.sync.tables import select_in

METADATA = MetaData()
CODES = Table("lookup_sample", METADATA, Column("n", Integer, primary_key=True), Column("code", String(12)))
STORED = ["a,b", "it's", "back\\slash", '"q"', "名称", "abcdefghijkl", "[1]", ""]


@pytest.fixture
def sessions(either_engine: Engine) -> sessionmaker[Session]:
    METADATA.create_all(either_engine)
    with make_sessions(either_engine).begin() as session:
        session.execute(insert(CODES), [{"n": n, "code": code} for n, code in enumerate(STORED, 1)])
    return make_sessions(either_engine)


def test_text_values_match_only_themselves(sessions: sessionmaker[Session]) -> None:
    others = [code for code in STORED if code != "abcdefghijkl"]
    wanted = [*others, "abcdefghijklmn", "a", "名", "none of these"]  # longer than the column: no match by its start
    with sessions() as session:
        found = select_in(session, (CODES.c.code,), CODES.c.code, wanted)
    assert sorted(row.code for row in found) == sorted(others)


def test_numbers_and_an_empty_list(sessions: sessionmaker[Session]) -> None:
    with sessions() as session:
        assert sorted(row.n for row in select_in(session, (CODES.c.n,), CODES.c.n, [2, 5, 99, 8])) == [2, 5, 8]
        assert select_in(session, (CODES.c.n,), CODES.c.n, []) == []
