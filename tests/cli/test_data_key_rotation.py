"""``counter keys rotate-data``: every personal value sealed again under a new data key, through the service."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from counter.cli.main import main
from counter.db.engine import make_engine, make_sessions
from counter.db.models import Case
from counter.db.sealed import key_id_of
from counter.host.data_key import read_data_keys
from counter.host.paths import site_key_path
from tests.conftest import made_database
from tests.db.test_personal_sealing import PEOPLE, take_cases


@pytest.mark.slow
def test_rotate_data_moves_every_value_to_a_new_key_and_drops_the_old(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = made_database(tmp_path / "township.sqlite3")
    engine = make_engine(url)
    numbers = take_cases(make_sessions(engine))
    assert main(["keys", "rotate-data", "--db", url, "--json"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert done["key_id"] == 2
    assert done["unreadable"] == 0
    assert done["sealed"] >= 3 * len(PEOPLE)
    assert sorted(read_data_keys(site_key_path()).sm4) == [2]
    with engine.connect() as c:
        stored = c.execute(text('SELECT applicant_id_no, applicant_phone FROM "case"')).all()
    assert {key_id_of(v) for row in stored for v in row} == {2}
    with make_sessions(engine)() as s:
        ids = {c.case_no: c.applicant_id_no for c in s.query(Case)}
    assert [ids[n] for n in numbers] == [i for i, _, _ in PEOPLE]
    engine.dispose()
