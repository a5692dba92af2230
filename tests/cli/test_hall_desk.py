"""The command line on a hall's desk: every command asks the hall server, as the window does, and none makes a
database on the desk.

A real ``counter serve`` process on a hall's SQLite file, with an administrator and the clerk clerk1, desk 2
registered; the desk is set up as a technician sets one up (``counter desk --desk 2``, then ``--server --ca
--desk-key-file``).  Before, every command on such a desk made an SQLite file of its own in the desk's data folder
and worked on it: an intake taken there was numbered as the hall server had numbered another case.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.case.numbers import DeskIdentity
from counter.cli.hall_desk import HALL_NEEDS_USER, HALL_NO_BACKUP, HALL_NO_UPGRADE, hall_failure_text
from counter.cli.main import main
from counter.db import models
from counter.db.engine import make_engine, make_sessions
from counter.host.machine.desk_config import load_desk_config, save_desk_config
from counter.host.machine.paths import data_dir
from counter.service.admin import ADD_ACCOUNT
from counter.service.local import serve
from counter.service.remote import NotUnderstood
from counter.words.hall import SERVER_AWAY, SERVER_NOT_UNDERSTOOD, SIGNIN_DESK_UNKNOWN, START_BAD_SERVER, START_NO_CA
from tests.conftest import made_database
from tests.server.server_process import PreparedHall, ServerProcess, prepared_hall

pytestmark = pytest.mark.program

PASSWORD = "Xam01desk2026"
EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "intake-xiaocanguan.json"
SQLITE_HEADER = b"SQLite format 3\x00"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """The hall's server, its administrator and the clerk clerk1 added, desk 2 registered."""
    folder = tmp_path_factory.mktemp("hall")
    env = dict(os.environ)
    env.pop("COUNTER_DB_URL", None)
    env.update(
        COUNTER_HOME=str(folder / "server-home"),
        COUNTER_MACHINE_CONFIG=str(folder / "server-machine" / "desk.toml"),
        COUNTER_STATE=str(folder / "server-state"),
    )
    url = made_database(folder / "hall.sqlite3")
    service = serve(url)
    admin = Actor("admin", "管理员", frozenset({Role.ADMIN}))
    first = NewAccount("admin", "管理员", frozenset({Role.ADMIN}), PASSWORD)
    assert service.call(ADD_ACCOUNT, first, Desk(DeskIdentity("XAM01", "1"), "管理员")) == ()
    clerk = NewAccount("clerk1", "乌兰", frozenset({Role.CLERK}), PASSWORD)
    assert service.call(ADD_ACCOUNT, clerk, Desk(DeskIdentity("XAM01", "1"), "管理员", admin)) == ()
    service.close()
    process = ServerProcess(prepared_hall(folder, url, ("2",), env), "server")
    process.start()
    yield process
    process.stop()


@pytest.fixture
def hall_desk(server: ServerProcess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> PreparedHall:
    """This machine set up as desk 2 of the hall, the clerk's password where the command line takes it."""
    key_file = tmp_path / "desk-2.key"
    key_file.write_text(f"desk 2 registered; its key:\n{server.hall.desk_keys['2']}\n", encoding="utf-8")
    assert main(["desk", "--desk", "2", "--clerk", "乌兰"]) == 0
    ca = str(server.hall.ca_file)
    assert main(["desk", "--server", server.root, "--ca", ca, "--desk-key-file", str(key_file)]) == 0
    monkeypatch.setenv("COUNTER_PASSWORD", PASSWORD)
    return server.hall


def databases_on_the_desk() -> list[Path]:
    """Every SQLite file under the desk's data folder, whatever its name."""
    found = []
    for path in data_dir().rglob("*"):
        if path.is_file():
            with path.open("rb") as file:
                if file.read(len(SQLITE_HEADER)) == SQLITE_HEADER:
                    found.append(path)
    return found


def hall_cases(url: str) -> list[str]:
    engine = make_engine(url)
    try:
        with make_sessions(engine)() as session:
            return list(session.scalars(select(models.Case.case_no).order_by(models.Case.id)))
    finally:
        engine.dispose()


def test_a_hall_desks_intake_is_taken_at_the_server_with_its_number(
    hall_desk: PreparedHall, capsys: pytest.CaptureFixture[str]
) -> None:
    before = hall_cases(hall_desk.url)
    code = main(["--user", "clerk1", "case", "take", str(EXAMPLE), "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    case_no = json.loads(out)["case_no"]
    assert hall_cases(hall_desk.url) == [*before, case_no]
    assert "-02-" in case_no  # numbered for this desk, by the hall
    assert databases_on_the_desk() == []


def test_a_hall_desks_command_reads_at_the_server_as_its_account(
    hall_desk: PreparedHall, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--user", "clerk1", "case", "take", str(EXAMPLE), "--json"]) == 0
    case_no = json.loads(capsys.readouterr().out)["case_no"]
    assert main(["--user", "clerk1", "case", "show", case_no]) == 0
    assert case_no in capsys.readouterr().out
    assert databases_on_the_desk() == []


def test_a_hall_desk_refuses_a_command_without_an_account_or_with_a_wrong_password(
    hall_desk: PreparedHall, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["case", "take", str(EXAMPLE)]) == 2
    assert HALL_NEEDS_USER in capsys.readouterr().err
    monkeypatch.setenv("COUNTER_PASSWORD", "Wrong-password-1")
    before = hall_cases(hall_desk.url)
    assert main(["--user", "clerk1", "case", "take", str(EXAMPLE)]) == 1
    assert "登录名或密码不正确" in capsys.readouterr().err  # counted at the server, as the window's sign-in
    assert hall_cases(hall_desk.url) == before
    assert databases_on_the_desk() == []


def test_what_only_a_database_of_the_desks_own_has_is_refused_on_a_hall_desk(
    hall_desk: PreparedHall, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["--user", "clerk1", "db", "upgrade"]) == 1
    assert HALL_NO_UPGRADE in capsys.readouterr().err
    assert main(["--user", "admin", "backup", "--out", str(tmp_path / "copy.sqlite3")]) == 1
    assert HALL_NO_BACKUP in capsys.readouterr().err
    backup = tmp_path / "old.sqlite3"
    backup.write_bytes(SQLITE_HEADER)
    assert main(["--user", "admin", "restore", str(backup), "--yes"]) == 1
    assert HALL_NO_BACKUP in capsys.readouterr().err
    assert databases_on_the_desk() == []
    assert not (tmp_path / "copy.sqlite3").exists()


def test_with_the_server_stopped_a_command_fails_in_words_and_writes_nothing(
    server: ServerProcess, hall_desk: PreparedHall, capsys: pytest.CaptureFixture[str]
) -> None:
    before = hall_cases(hall_desk.url)
    server.stop()
    try:
        code = main(["--user", "clerk1", "case", "take", str(EXAMPLE)])
        out, err = capsys.readouterr()
    finally:
        server.start()
    assert code == 1
    assert out == ""
    assert err.count("正在连接大厅服务器") == 1  # said at the first failed try, not again at each retry
    assert SERVER_AWAY in err
    assert "127.0.0.1" not in err
    assert str(server.port) not in err
    assert "Traceback" not in err
    assert databases_on_the_desk() == []
    assert hall_cases(hall_desk.url) == before


def test_an_answer_not_understood_is_not_said_to_be_undone() -> None:
    """A server of another release: whether the write was done there is not known, so the command does not say it
    was not."""
    text = hall_failure_text(NotUnderstood(200, "an answer of another release"))
    assert text is not None
    assert SERVER_NOT_UNDERSTOOD in text
    assert "没有完成" not in text


def test_a_desk_whose_key_the_server_does_not_know_is_told_to_have_it_registered(
    server: ServerProcess, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A desk registered again at the server (a new key) while this machine kept the old one, or never registered."""
    key_file = tmp_path / "old-desk-2.key"
    key_file.write_text("desk 2 registered; its key:\n" + "x" * 43 + "\n", encoding="utf-8")
    assert main(["desk", "--desk", "2", "--clerk", "乌兰"]) == 0
    ca = str(server.hall.ca_file)
    main(["desk", "--server", server.root, "--ca", ca, "--desk-key-file", str(key_file)])  # its try says the same
    capsys.readouterr()
    monkeypatch.setenv("COUNTER_PASSWORD", PASSWORD)
    before = hall_cases(server.hall.url)
    assert main(["--user", "clerk1", "case", "take", str(EXAMPLE)]) == 1
    assert capsys.readouterr().err == SIGNIN_DESK_UNKNOWN + "\n"
    assert hall_cases(server.hall.url) == before
    assert databases_on_the_desk() == []


@pytest.mark.parametrize("damage", ["removed", "not a certificate"])
def test_a_desk_whose_hall_ca_is_gone_or_damaged_is_told_so_and_asks_nothing(
    server: ServerProcess,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    damage: str,
) -> None:
    """The hall's CA certificate the desk was set up with, deleted or overwritten since: the desk cannot tell the
    hall's server from another, so it sends no password anywhere and says which file to have put back."""
    key_file = tmp_path / "desk-2.key"
    key_file.write_text(f"desk 2 registered; its key:\n{server.hall.desk_keys['2']}\n", encoding="utf-8")
    ca = tmp_path / "hall-ca.crt"
    ca.write_bytes(server.hall.ca_file.read_bytes())
    assert main(["desk", "--desk", "2", "--clerk", "乌兰"]) == 0
    assert main(["desk", "--server", server.root, "--ca", str(ca), "--desk-key-file", str(key_file)]) == 0
    capsys.readouterr()
    if damage == "removed":
        ca.unlink()
    else:
        ca.write_text("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n")
    monkeypatch.setenv("COUNTER_PASSWORD", PASSWORD)
    before = hall_cases(server.hall.url)
    assert main(["--user", "clerk1", "case", "take", str(EXAMPLE)]) == 1
    assert capsys.readouterr().err == START_NO_CA + "\n"
    assert hall_cases(server.hall.url) == before
    assert databases_on_the_desk() == []


def test_a_hall_desks_command_asks_the_password_it_was_not_given(
    hall_desk: PreparedHall, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def typed(prompt: str) -> str:  # the clerk at the terminal
        asked.append(prompt)
        return PASSWORD

    monkeypatch.delenv("COUNTER_PASSWORD")
    monkeypatch.setattr("getpass.getpass", typed)
    assert main(["--user", "clerk1", "case", "list", "--json"]) == 0, capsys.readouterr().err
    assert asked == ["clerk1 的密码："]
    assert isinstance(json.loads(capsys.readouterr().out), list)
    assert databases_on_the_desk() == []


def test_a_server_address_edited_by_hand_to_one_in_clear_is_refused_before_anything_is_sent(
    hall_desk: PreparedHall, capsys: pytest.CaptureFixture[str]
) -> None:
    """desk.json changed by hand after ``counter desk --server`` checked it: no password goes out in clear."""
    save_desk_config(replace(load_desk_config(), server="http://10.1.2.3:8443"))
    assert main(["--user", "clerk1", "case", "list"]) == 1
    assert capsys.readouterr().err == START_BAD_SERVER + "\n"
    assert databases_on_the_desk() == []
