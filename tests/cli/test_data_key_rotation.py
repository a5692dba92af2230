"""``counter keys rotate-data``: every personal value sealed again under a new data key, through the service."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import text

from counter.cli import keys as keys_cli
from counter.cli.main import main
from counter.db import sealing
from counter.db.engine import make_engine, make_sessions
from counter.db.models import Case
from counter.db.sealed import key_id_of
from counter.host.keys.data_key import ensure_data_keys, index_key_path, read_data_keys, sm4_key_path
from counter.host.machine.paths import site_key_path
from counter.service.keys import DataKeyRotated
from counter.words.at_command_line import fault_text
from tests.conftest import made_database
from tests.db.test_personal_sealing import PEOPLE, damaged, take_cases


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


@pytest.mark.slow
def test_a_value_under_a_key_not_on_this_machine_is_counted_and_the_old_key_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A phone sealed under a key this computer never had (its key file left on another): the rotation moves every
    other value, says how many it could not, and keeps the key it moved from rather than lose what it sealed."""
    url = made_database(tmp_path / "township.sqlite3")
    engine = make_engine(url)
    first = take_cases(make_sessions(engine))[0]
    with engine.begin() as c:
        foreign = (
            "s4:9:"
            + c.execute(text('SELECT applicant_phone FROM "case" WHERE case_no = :no'), {"no": first})
            .scalar_one()
            .split(":", 2)[2]
        )
        c.execute(text('UPDATE "case" SET applicant_phone = :v WHERE case_no = :no'), {"v": foreign, "no": first})
    assert main(["keys", "rotate-data", "--db", url]) == 0
    out, _ = capsys.readouterr()
    assert "个人信息加密密钥已更换为第 2 把" in out
    assert "有 1 项的密钥不在本机，未能重新加密，旧密钥仍保留。" in out
    assert sorted(read_data_keys(site_key_path()).sm4) == [1, 2]
    with engine.connect() as c:
        rows = c.execute(text('SELECT case_no, applicant_phone FROM "case"')).all()
    phones = {str(no): str(phone) for no, phone in rows}
    assert phones.pop(first) == foreign  # left as it was: nothing here opens it
    assert {key_id_of(v) for v in phones.values()} == {2}
    engine.dispose()


@pytest.mark.slow
def test_rotate_data_prints_each_batch_done_of_all_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = made_database(tmp_path / "township.sqlite3")
    take_cases(make_sessions(make_engine(url)))
    monkeypatch.setattr(sealing, "BATCH", 2)
    assert main(["keys", "rotate-data", "--db", url]) == 0
    out, err = capsys.readouterr()
    done = [tuple(map(int, m)) for m in re.findall(r"已完成 (\d+)/(\d+) 批", err)]
    assert len(done) >= len(PEOPLE)  # the cases alone are three batches of two, then every other table
    assert [n for n, _ in done] == list(range(1, len(done) + 1))
    assert {total for _, total in done} == {len(done)}
    assert "已更换为第 2 把" in out
    assert "服务器" not in err


def test_rotate_data_run_elsewhere_says_only_its_summary_came_back(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class OverTheServer:
        """The answer of a rotation run in the hall server's process: no batch is told here."""

        def call(self, op: object, request: object, desk: object = None) -> DataKeyRotated:
            return DataKeyRotated(3, 120, 0)

    monkeypatch.setattr(keys_cli, "open_service", lambda args: OverTheServer())
    monkeypatch.setattr(keys_cli, "desk", lambda: None)  # signed in at the server, not here
    assert main(["keys", "rotate-data"]) == 0
    out, err = capsys.readouterr()
    assert "已完成" not in err
    assert "收不到逐批进度" in err
    assert "已更换为第 3 把，重新加密 120 项" in out


@pytest.mark.parametrize("half_way", [False, True])
def test_rotate_data_on_a_damaged_key_is_refused_by_name_and_leaves_the_keys_and_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], half_way: bool
) -> None:
    """The key that seals damaged (or, half way through a rotation, the new key it seals under gone): the rotation
    is refused in the words of a damaged key, where it was an unexpected error (IsADirectoryError, LookupError); no
    key is made or dropped and no value moved, so the key put back from its copy lets it finish."""
    url = made_database(tmp_path / "township.sqlite3")
    engine = make_engine(url)
    take_cases(make_sessions(engine))
    site = site_key_path()
    if half_way:  # a rotation to key 2 listed and its key then lost
        ensure_data_keys(site)
        with engine.begin() as c:
            c.execute(text("INSERT INTO data_sealing (job, key_id) VALUES ('rotate', 2)"))
        sm4_key_path(site, 2).write_bytes(b"\x02" * 16)
        damaged(sm4_key_path(site, 2), "missing")
    else:
        damaged(sm4_key_path(site, 1), "a folder")
    with engine.connect() as c:
        before = c.execute(text('SELECT applicant_id_no FROM "case" ORDER BY id')).scalars().all()
    assert main(["keys", "rotate-data", "--db", url]) == 1
    out, err = capsys.readouterr()
    assert (out, err.strip()) == ("", fault_text("data_key"))
    assert [p.name for p in site.parent.glob("site-data-sm4-*")] == ["site-data-sm4-1.key"]  # none made or dropped
    with engine.connect() as c:
        assert c.execute(text('SELECT applicant_id_no FROM "case" ORDER BY id')).scalars().all() == before
    engine.dispose()


def test_rotate_data_with_the_index_key_lost_is_refused_and_makes_no_index_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The index key lost beside the SM4 key: the rotation made a new index key as it began (its first sealing), and
    F7 by number then found none of the cases taken before.  It is refused in the words of a damaged key instead, no
    key made, no value moved."""
    url = made_database(tmp_path / "township.sqlite3")
    engine = make_engine(url)
    take_cases(make_sessions(engine))
    site = site_key_path()
    damaged(index_key_path(site), "missing")
    with engine.connect() as c:
        before = c.execute(text('SELECT applicant_id_no, applicant_id_key FROM "case" ORDER BY id')).all()
    assert main(["keys", "rotate-data", "--db", url]) == 1
    out, err = capsys.readouterr()
    assert (out, err.strip()) == ("", fault_text("data_key"))
    assert not index_key_path(site).exists()
    assert [p.name for p in site.parent.glob("site-data-sm4-*")] == ["site-data-sm4-1.key"]
    with engine.connect() as c:
        assert c.execute(text('SELECT applicant_id_no, applicant_id_key FROM "case" ORDER BY id')).all() == before
    engine.dispose()
