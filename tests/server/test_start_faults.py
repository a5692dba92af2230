"""``counter serve`` and ``counter serve add-desk`` that cannot start say why in one Chinese line and end 1.

Before, each of these printed Python's traceback in English: a database that refused the server's password, a URL
without ``sslmode=verify-full``, a certificate the server could not read, a port another program held, and
``add-desk`` with a database that did not answer.
"""

from __future__ import annotations

import asyncio
import os
import pty
import select
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from sqlalchemy import create_engine, text

from counter.server.start_faults import bind
from tests.conftest import made_database
from tests.db.tls_server import SERVER_CERT, SERVER_KEY, make_authority, write_server_certificate
from tests.pg_server import PgCluster, start_cluster, stop_cluster

pytestmark = pytest.mark.program


def _env(folder: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("COUNTER_DB_URL", None)
    env.pop("JOURNAL_STREAM", None)
    env.update(COUNTER_HOME=str(folder / "home"), COUNTER_STATE=str(folder / "state"))
    return env


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tls")
    write_server_certificate(make_authority("兴安盟政务服务中心 CA"), folder, "localhost")
    return folder


def _serve(folder: Path, url: str, *options: str, cert: Path | None = None, key: Path | None = None) -> tuple[int, str]:
    """``counter serve`` on ``url`` that cannot start: its status and what it printed."""
    tls = folder / "tls"
    args = ["--db", url, "--cert", str(cert or tls / SERVER_CERT), "--key", str(key or tls / SERVER_KEY)]
    done = subprocess.run(
        [sys.executable, "-m", "counter", "serve", *args, "--host", "127.0.0.1", *options],
        capture_output=True,
        text=True,
        env=_env(folder),
        timeout=120,
        check=False,
    )
    return done.returncode, done.stdout + done.stderr


@pytest.fixture
def folder(tmp_path: Path, tls: Path) -> Path:
    (tmp_path / "tls").symlink_to(tls)
    return tmp_path


def _one_line(said: str) -> str:
    assert "Traceback" not in said
    lines = said.strip().splitlines()
    assert len(lines) == 1, said
    return lines[0]


def test_each_connection_taken_at_the_listening_socket_sends_without_waiting() -> None:
    """An answer's body is written after its head; with Nagle's algorithm on, it waited for the desk's delayed
    acknowledgement of the head (40 ms a call)."""
    listening = bind("127.0.0.1", 0)

    async def accepted() -> int:
        taken: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        def take(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            taken.set_result(writer.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        async with await asyncio.start_server(take, sock=listening):
            _reader, writer = await asyncio.open_connection(*listening.getsockname()[:2])
            nodelay = await asyncio.wait_for(taken, 10)
            writer.close()
        return nodelay

    assert asyncio.run(accepted())


def test_a_port_another_program_holds(folder: Path) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        status, said = _serve(folder, made_database(folder / "hall.sqlite3"), "--port", str(port))
    assert status == 1
    assert _one_line(said).startswith(f"服务端没有启动：端口 {port} 已被占用")


def test_a_certificate_that_is_not_there(folder: Path) -> None:
    status, said = _serve(folder, made_database(folder / "hall.sqlite3"), cert=folder / "nowhere.crt")
    assert status == 1
    assert _one_line(said).startswith("服务端没有启动：找不到证书或私钥文件")
    assert "nowhere.crt" in said


def test_a_key_that_is_not_a_key(folder: Path) -> None:
    bad = folder / "bad.key"
    bad.write_text("not a key\n", encoding="utf-8")
    status, said = _serve(folder, made_database(folder / "hall.sqlite3"), key=bad)
    assert status == 1
    assert _one_line(said).startswith("服务端没有启动：证书或私钥读不出来")


def _serve_at_a_terminal(folder: Path, url: str, key: Path) -> tuple[int | None, str]:
    """``counter serve`` started at a technician's terminal (a pseudo-terminal its own): its status (None when it
    still ran after a minute, then killed) and what it wrote there."""
    tls = folder / "tls"
    args = ["--db", url, "--cert", str(tls / SERVER_CERT), "--key", str(key), "--host", "127.0.0.1"]
    pid, terminal = pty.fork()
    if pid == 0:  # the child: its controlling terminal is the pseudo-terminal
        os.execve(sys.executable, [sys.executable, "-m", "counter", "serve", *args], _env(folder))
    said = b""
    end = time.monotonic() + 60
    try:
        while time.monotonic() < end:
            if select.select([terminal], [], [], 1.0)[0]:
                try:
                    chunk = os.read(terminal, 4096)
                except OSError:  # the child ended: the terminal is gone
                    break
                if not chunk:
                    break
                said += chunk
        else:  # a minute, and still running
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return None, said.decode("utf-8", errors="replace")
        return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), said.decode("utf-8", errors="replace")
    finally:
        os.close(terminal)


def test_a_key_under_a_passphrase_is_refused_not_asked_for(folder: Path) -> None:
    """The server starts unattended (systemd, a reboot), so its key has no passphrase: one that has was asked for at
    the technician's terminal by OpenSSL, in English, and the start waited on it."""
    key = serialization.load_pem_private_key((folder / "tls" / SERVER_KEY).read_bytes(), None)
    locked = folder / "locked.key"
    locked.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(b"hall-passphrase"),
        )
    )
    status, said = _serve_at_a_terminal(folder, made_database(folder / "hall.sqlite3"), locked)
    assert "pass phrase" not in said
    assert status == 1
    assert _one_line(said).startswith("服务端没有启动：证书或私钥读不出来")


def test_a_database_named_without_verify_full(folder: Path) -> None:
    status, said = _serve(folder, "postgresql+psycopg://counter:secret@db.hall.example:5432/counter")
    assert status == 1
    assert _one_line(said).startswith("服务端没有启动：数据库地址没有要求加密并核对数据库服务器的证书")


def _password_hba(data: Path) -> None:
    """The administrator by the socket without a password, every other role with its password (scram)."""
    (data / "pg_hba.conf").write_text("local all postgres trust\nlocal all all scram-sha-256\n", encoding="utf-8")


@pytest.fixture(scope="module")
def password_cluster() -> Iterator[PgCluster]:
    cluster = start_cluster(prepare=_password_hba)
    engine = create_engine(cluster.url("postgres"), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("CREATE ROLE counter LOGIN PASSWORD 'Right-password-2026'"))
    engine.dispose()
    yield cluster
    stop_cluster(cluster)


@pytest.mark.pg
def test_a_database_that_refuses_the_password(folder: Path, password_cluster: PgCluster) -> None:
    url = f"postgresql+psycopg://counter:wrong@/postgres?host={password_cluster.folder}&port={password_cluster.port}"
    status, said = _serve(folder, url)
    assert status == 1
    assert _one_line(said).startswith("服务端没有启动：数据库服务器拒绝了登录")


def test_add_desk_with_the_database_away(folder: Path) -> None:
    away = "postgresql+psycopg://counter@/counter?host=/nonexistent-socket-folder&port=5999"
    done = subprocess.run(
        [sys.executable, "-m", "counter", "serve", "add-desk", "--db", away, "--desk", "8"],
        capture_output=True,
        text=True,
        env=_env(folder),
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert _one_line(done.stdout + done.stderr).startswith("8号窗口没有登记：无法连接数据库")


def test_metrics_networks_that_are_none_are_refused_as_misuse(folder: Path) -> None:
    status, said = _serve(folder, made_database(folder / "hall.sqlite3"), "--metrics-from", "10.8.0.0/16,hall")
    assert status == 2
    assert "--metrics-from 应为逗号分隔的网段" in said
    assert "Traceback" not in said


def test_a_database_from_before_the_first_release_is_not_called_a_newer_programs() -> None:
    from counter.host.database.database_faults import SchemaPreRelease, SchemaTooNew
    from counter.server.start_faults import TOO_NEW, database_refusal
    from counter.words.database import SCHEMA_PRE_RELEASE

    assert database_refusal(SchemaPreRelease("0050_pledge_steps")) == SCHEMA_PRE_RELEASE
    assert database_refusal(SchemaTooNew("0099_future")) == TOO_NEW.format(revision="0099_future")


@pytest.mark.parametrize("host", ["192.0.2.1", "no-such-host.invalid"])
def test_an_address_this_machine_does_not_have(folder: Path, host: str) -> None:
    """``--host`` naming another machine's address (a copied unit file), or a name nothing resolves."""
    status, said = _serve(folder, made_database(folder / "hall.sqlite3"), "--host", host)
    assert status == 1
    assert _one_line(said) == f"服务端没有启动：本机没有地址 {host}，无法在上面监听。请核对 --host"


@pytest.mark.parametrize("command", [["--cert", "server.crt", "--key", "server.key"], ["add-desk", "--desk", "8"]])
def test_no_database_named_is_misuse_said_in_chinese(
    command: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Neither ``--db`` nor ``COUNTER_DB_URL`` (a unit file whose environment file was not read): told before anything
    is opened or logged."""
    from counter.server.main import main

    monkeypatch.delenv("COUNTER_DB_URL", raising=False)
    with pytest.raises(SystemExit) as ended:
        main(command)
    assert ended.value.code == 2
    said = capsys.readouterr().err
    assert "请用 --db 或 COUNTER_DB_URL 指定数据库" in said
    assert "error" not in said


@pytest.mark.parametrize("command", [["--cert", "server.crt", "--key", "server.key"], ["add-desk", "--desk", "8"]])
def test_a_file_path_in_the_variable_is_misuse_said_with_its_address(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``COUNTER_DB_URL=/srv/counter/hall.sqlite3`` in serve.env: before, ``add-desk`` said 数据库出了意外的问题 and
    ``serve`` ended the same after loading its certificate; now both refuse it as ``--db`` is refused, the address
    shown, before anything is opened or made."""
    from counter.server.main import main

    path = tmp_path / "hall.sqlite3"
    monkeypatch.setenv("COUNTER_DB_URL", str(path))
    with pytest.raises(SystemExit) as ended:
        main(command)
    assert ended.value.code == 2
    said = capsys.readouterr().err
    assert f"环境变量 COUNTER_DB_URL 应为数据库地址，不是文件路径：SQLite 文件写作 sqlite:///{path}" in said
    assert not path.exists()


@pytest.mark.parametrize("command", [["--cert", "server.crt", "--key", "server.key"], ["add-desk", "--desk", "8"]])
def test_a_file_path_for_db_is_misuse_as_at_the_command_line(
    command: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from counter.server.main import main

    monkeypatch.setenv("COUNTER_DB_URL", "sqlite:////srv/counter/right.sqlite3")  # --db wins, and is checked itself
    with pytest.raises(SystemExit) as ended:
        main([*command, "--db", "hall.sqlite3"])
    assert ended.value.code == 2
    assert "参数 --db：应为数据库地址，不是文件路径：SQLite 文件写作 sqlite:///hall.sqlite3" in capsys.readouterr().err


def _not_made(missing: Path, folder: str = "") -> str:
    return (
        f"找不到数据库文件 {missing}{folder}。大厅的数据库要先建好：counter db upgrade --db sqlite:///{missing}"
        "（见运维手册“建表，设置本站点”）"
    )


def test_a_database_file_that_is_not_there(folder: Path) -> None:
    """A hall's SQLite file named wrongly, or on a share not mounted: told, and no empty database made in its place.
    Before, the desk's command-line text was printed: four lines, one telling its reader, the technician, to call
    运维人员."""
    missing = folder / "share" / "hall.sqlite3"
    status, said = _serve(folder, f"sqlite:///{missing}")
    assert status == 1
    assert _one_line(said) == "服务端没有启动：" + _not_made(missing, "（它所在的文件夹也不存在）")
    assert not missing.parent.exists()


def test_a_database_not_made_is_one_entry_in_the_journal(folder: Path) -> None:
    """Under systemd (``JOURNAL_STREAM``) stderr is the journal, each line an entry: the refusal is one of them."""
    missing = folder / "hall.sqlite3"
    done = subprocess.run(
        [sys.executable, "-m", "counter", "serve", "--db", f"sqlite:///{missing}", "--host", "127.0.0.1",
         "--cert", str(folder / "tls" / SERVER_CERT), "--key", str(folder / "tls" / SERVER_KEY)],
        capture_output=True, text=True, env={**_env(folder), "JOURNAL_STREAM": "8:12345"}, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert "服务端没有启动：" + _not_made(missing) in lines
    assert not [line for line in lines if "运维人员" in line or line.startswith(("它所在", "如果这是"))]
    assert "Traceback" not in done.stderr


def test_add_desk_on_a_database_not_made_says_how_it_is_made(folder: Path) -> None:
    missing = folder / "hall.sqlite3"
    done = _add_desk(folder, f"sqlite:///{missing}", "8")
    assert done.returncode == 1
    assert _one_line(done.stdout + done.stderr) == "8号窗口没有登记：" + _not_made(missing)
    assert not missing.exists()


def test_a_database_used_here_and_gone_is_not_to_be_made_anew(folder: Path) -> None:
    """The hall's file this machine opened before, gone (a disk not mounted, a file deleted): making an empty one
    would number cases again from 1, so the line says to bring it back or restore it, never to make it."""
    path = folder / "hall.sqlite3"
    url = made_database(path)
    assert _add_desk(folder, url, "8").returncode == 0  # opened here: this machine notes it
    path.unlink()
    status, said = _serve(folder, url)
    assert status == 1
    line = _one_line(said)
    assert line.startswith(f"服务端没有启动：找不到数据库文件 {path}：本机自 ")
    assert line.endswith("请接回存放它的磁盘，或用最近的备份恢复（counter restore）")
    assert "db upgrade" not in line
    assert not path.exists()


def _add_desk(folder: Path, url: str, desk: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "counter", "serve", "add-desk", "--db", url, "--desk", desk],
        capture_output=True,
        text=True,
        env=_env(folder),
        timeout=120,
        check=False,
    )


def _desks(url: str) -> list[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return list(conn.execute(text("SELECT desk_no FROM hall_desk ORDER BY desk_no")).scalars())
    finally:
        engine.dispose()


@pytest.mark.parametrize("desk", ["abc", "12345", "", "08", "0", "0008"])
def test_add_desk_with_a_number_that_is_no_desks(folder: Path, desk: str) -> None:
    """A desk's number is 1 to 9999 without a leading zero (the receipts' numbers carry it with two digits at least:
    "08" beside 8 issued desk 8's numbers): anything else is refused as misuse, no key, nothing registered."""
    url = made_database(folder / "hall.sqlite3")
    done = _add_desk(folder, url, desk)
    assert done.returncode == 2
    assert done.stdout == ""
    assert _one_line(done.stderr) == f"窗口号 {desk} 不可用：应为1至9999的整数，不以0开头"
    assert _desks(url) == []


def test_add_desk_registers_the_number_as_written_without_a_zero(folder: Path) -> None:
    url = made_database(folder / "hall.sqlite3")
    refused = _add_desk(folder, url, "08")
    assert refused.returncode == 2
    done = _add_desk(folder, url, "8")
    assert done.returncode == 0, done
    assert done.stdout.startswith("8号窗口已登记。")
    assert _desks(url) == ["8"]
