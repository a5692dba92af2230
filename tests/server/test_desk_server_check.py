"""``counter desk --server …`` tries the server once and says what it found: reached, its certificate the hall's
CA's, the machine's key its desk's.  Before, the address was saved untried: a wrong CA or another desk's key showed
only at the clerk's first sign-in."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter.cli.main import main
from tests.conftest import made_database
from tests.db.tls_server import make_authority
from tests.server.hall_server import HallServer, hall_server

pytestmark = pytest.mark.program


@pytest.fixture(scope="module")
def hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HallServer]:
    folder = tmp_path_factory.mktemp("hall")
    env = dict(os.environ)
    env.pop("COUNTER_DB_URL", None)
    env.update(COUNTER_HOME=str(folder / "home"), COUNTER_STATE=str(folder / "state"))
    with hall_server(folder, made_database(folder / "hall.sqlite3"), ("8", "9"), env) as server:
        yield server


def _set_up(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, hall: HallServer, key: str, ca: Path | None = None
) -> tuple[int, str]:
    (tmp_path / "desk.key").write_text(f"{key}\n", encoding="utf-8")
    assert main(["desk", "--desk", "8"]) == 0
    capsys.readouterr()
    code = main(
        ["desk", "--server", hall.root, "--ca", str(ca or hall.ca_file), "--desk-key-file", str(tmp_path / "desk.key")]
    )
    return code, capsys.readouterr().out


def test_a_desk_set_up_right_is_told_so(capsys: pytest.CaptureFixture[str], tmp_path: Path, hall: HallServer) -> None:
    code, out = _set_up(capsys, tmp_path, hall, hall.desk_keys["8"])
    assert code == 0
    assert f"大厅服务器 {hall.root}：连得上\n服务器的证书由大厅 CA 签发：可信\n8号窗口的密钥：服务器认可" in out


def test_another_desks_key_is_not_accepted(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, hall: HallServer
) -> None:
    code, out = _set_up(capsys, tmp_path, hall, hall.desk_keys["9"])
    assert code == 1
    assert "8号窗口的密钥：服务器不认可" in out


def test_a_server_another_ca_signed_is_not_trusted_and_gets_no_key(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, hall: HallServer
) -> None:
    other = make_authority("别处的 CA").write(tmp_path / "other-ca.crt")
    code, out = _set_up(capsys, tmp_path, hall, hall.desk_keys["8"], other)
    assert code == 1
    assert "服务器出示的证书不是所给的大厅 CA 签发的" in out
    assert "密钥：服务器" not in out


def test_a_server_not_reached_is_said_in_chinese_its_reason_logged(
    capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture, tmp_path: Path, hall: HallServer
) -> None:
    """The line carried the system's English reason ("[Errno 111] Connection refused"): it goes to the log."""
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    (tmp_path / "desk.key").write_text(f"{hall.desk_keys['8']}\n", encoding="utf-8")
    assert main(["desk", "--desk", "8"]) == 0
    capsys.readouterr()
    server = f"https://127.0.0.1:{port}"
    args = ["desk", "--server", server, "--ca", str(hall.ca_file), "--desk-key-file", str(tmp_path / "desk.key")]
    assert main(args) == 1
    out = capsys.readouterr().out
    [said] = [line for line in out.splitlines() if line.startswith("大厅服务器")]
    assert said == f"大厅服务器 {server}：连不上。请核对地址和端口，以及服务器和网络是否开着"
    assert any("Connection refused" in record.getMessage() for record in caplog.records)
