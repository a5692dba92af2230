"""``counter desk --server --ca --desk-key-file``: a hall desk's way to its server, checked as it is set.

An address in clear, a CA file that is not there and a key that is no key are refused at once (exit 2), not found at
the window's next start; the key is kept in a file of the user's alone, and never in the settings file.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from counter.cli.main import main
from counter.host.keys.desk_key import desk_key_path, read_desk_key
from counter.host.machine.desk_config import config_path, load_desk_config
from tests.db.tls_server import make_authority
from tests.https_stub import StubHandler, serving
from tests.pg_server import free_port

KEY = "Zk3q8V1rX0bP2mW5nT7yH4cJ6dL9sA1eF3gQ5uR7tY0"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_server_and_its_ca_are_kept_as_desk_settings(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ca = make_authority("兴安盟政务服务中心 CA").write(tmp_path / "hall-ca.crt")
    server = f"https://127.0.0.1:{free_port()}"  # nobody listens there
    code, out, _ = run(capsys, "desk", "--server", server + "/", "--ca", str(ca))
    assert code == 1  # kept, and the one try of it says what is wrong
    config = load_desk_config()
    assert (config.server, config.server_ca) == (server, str(ca))
    assert f"大厅服务器地址：{server}（用户设置文件）" in out
    assert f"大厅服务器 {server}：连不上" in out
    assert run(capsys, "desk", "--server", "")[0] == 0  # back to a desk on its own database
    assert load_desk_config().server == ""


def test_two_servers_are_kept_in_order_and_each_tried(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ca = make_authority("兴安盟政务服务中心 CA").write(tmp_path / "hall-ca.crt")
    a, b = (f"https://127.0.0.1:{free_port()}" for _ in range(2))  # nobody listens at either
    code, out, _ = run(capsys, "desk", "--server", a, "--server", b + "/", "--ca", str(ca))
    assert code == 1
    assert load_desk_config().server == f"{a} {b}"  # one setting, the order the desk asks them in
    assert f"大厅服务器 {a}：连不上" in out
    assert f"大厅服务器 {b}：连不上" in out
    code, _, err = run(capsys, "desk", "--server", a, "--server", "http://10.1.2.3:8443")
    assert code == 2  # one address in clear refuses the pair: nothing kept of it
    assert "http://10.1.2.3:8443" in err
    assert load_desk_config().server == f"{a} {b}"


@pytest.mark.parametrize("server", ["http://10.1.2.3:8443", "10.1.2.3:8443", "https://10.1.2.3:8443/counter"])
def test_an_address_that_is_not_https_to_a_host_is_refused(capsys: pytest.CaptureFixture[str], server: str) -> None:
    code, _, err = run(capsys, "desk", "--server", server)
    assert code == 2
    assert "https://主机:端口" in err
    assert load_desk_config().server == ""


def test_a_ca_file_that_cannot_be_read_as_a_certificate_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "not-a-cert.crt").write_text("hello\n")
    for path in (tmp_path / "missing.crt", tmp_path / "not-a-cert.crt"):
        code, _, err = run(capsys, "desk", "--ca", str(path))
        assert code == 2
        assert "读不出大厅 CA 证书" in err
    assert load_desk_config().server_ca == ""


def test_the_desk_key_is_read_from_stdin_and_kept_in_a_file_of_its_own(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(f"desk 8 registered; its key (shown once):\n{KEY}\n"))
    code, out, _ = run(capsys, "desk", "--desk", "8", "--desk-key-file", "-")
    assert code == 0
    assert "窗口密钥已保存" in out
    assert KEY not in out
    assert read_desk_key() == KEY
    assert desk_key_path().stat().st_mode & 0o777 == 0o600
    assert KEY not in config_path().read_text()


def test_what_is_no_key_is_refused_and_nothing_kept(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("short key\n"))
    code, _, err = run(capsys, "desk", "--desk-key-file", "-")
    assert code == 2
    assert "不是窗口密钥" in err
    assert read_desk_key() == ""


def test_a_ca_certificate_lost_after_it_was_set_is_named_not_the_address(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The CA file set with the server, then deleted: keeping the key tries the server again, and the technician is
    told the certificate cannot be read, not to check an address and a network that are right."""
    ca = make_authority("兴安盟政务服务中心 CA").write(tmp_path / "hall-ca.crt")
    server = f"https://127.0.0.1:{free_port()}"
    run(capsys, "desk", "--desk", "8", "--server", server, "--ca", str(ca))
    ca.unlink()
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{KEY}\n"))
    code, out, _ = run(capsys, "desk", "--desk-key-file", "-")
    assert code == 1
    assert read_desk_key() == KEY  # the key is kept all the same
    assert f"读不出大厅 CA 证书 {ca}" in out
    assert "连不上" not in out


class Answers(StubHandler):
    """A server over TLS of the hall's CA that is not the hall's: every request answered 404."""

    def post(self) -> None:
        self.read_body()
        self.answer(404, b"{}")


class HangsUp(StubHandler):
    """A server over TLS of the hall's CA that closes the connection on a request, answering nothing."""

    def post(self) -> None:
        self.close_connection = True


def keep(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{KEY}\n"))
    assert run(capsys, "desk", "--desk", "8", "--desk-key-file", "-")[0] == 0


def test_a_server_of_the_halls_ca_without_a_key_kept_is_trusted_and_the_key_asked_for(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with serving("兴安盟政务服务中心 CA", tmp_path) as served:
        assert served.ca_file is not None
        code, out, _ = run(capsys, "desk", "--desk", "8", "--server", served.root, "--ca", str(served.ca_file))
    assert code == 1
    assert f"大厅服务器 {served.root}：连得上" in out
    assert "服务器的证书由大厅 CA 签发：可信" in out
    assert "本机还没有窗口密钥" in out


@pytest.mark.parametrize("handler", [Answers, HangsUp], ids=["answers-404", "hangs-up"])
def test_a_server_that_does_not_answer_the_desk_check_leaves_the_key_unchecked(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, handler: type[StubHandler]
) -> None:
    keep(capsys, monkeypatch)
    with serving("兴安盟政务服务中心 CA", tmp_path) as served:
        served.server.RequestHandlerClass = handler
        assert served.ca_file is not None
        code, out, _ = run(capsys, "desk", "--server", served.root, "--ca", str(served.ca_file))
    assert code == 1
    assert "服务器的证书由大厅 CA 签发：可信" in out
    assert "8号窗口的密钥：服务器没有给出能读懂的答复，没能核对" in out
    assert "服务器认可" not in out


def test_an_address_that_answers_without_tls_is_not_trusted_and_gets_no_key(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The port of a plain web server typed for the hall's: reached, but nothing is sent to it."""
    keep(capsys, monkeypatch)
    ca = make_authority("兴安盟政务服务中心 CA").write(tmp_path / "hall-ca.crt")
    with serving("", tmp_path, tls=False) as served:
        served.server.RequestHandlerClass = Answers
        address = served.root.replace("http://", "https://")
        code, out, _ = run(capsys, "desk", "--server", address, "--ca", str(ca))
    assert code == 1
    assert f"大厅服务器 {address}：连得上" in out
    assert "服务器出示的证书不是所给的大厅 CA 签发的" in out
    assert "密钥：服务器" not in out


def test_a_key_file_that_cannot_be_read_is_refused_and_nothing_kept(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    stick = tmp_path / "usb" / "desk-8.key"  # the stick it was written to is not in
    code, out, err = run(capsys, "desk", "--desk-key-file", str(stick))
    assert (code, out) == (2, "")
    assert f"读不出窗口密钥文件 {stick}" in err
    assert read_desk_key() == ""


def test_a_server_without_its_ca_is_kept_and_the_try_says_what_is_missing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = f"https://127.0.0.1:{free_port()}"
    code, out, _ = run(capsys, "desk", "--server", server)
    assert code == 1  # kept: the CA is set next, and the window says so until it is
    assert load_desk_config().server == server
    assert "还没有给出大厅 CA 证书（--ca）" in out
