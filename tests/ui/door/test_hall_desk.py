"""A hall desk's start and words without a server running: what it cannot even try, and how the transport's faults
reach the clerk (no address, no English; the certificate's fault said as 证书不是本中心签发)."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter.__main__ import window_args
from counter.host.database.database_faults import DbFault
from counter.host.keys.desk_key import keep_desk_key
from counter.service.remote import NotUnderstood, Refused, Remote, ServerNotTrusted, ServerUnreachable, SessionEnded
from counter.ui.door import server_words
from counter.ui.door.hall_desk import HallSettings, hall_settings, open_remote
from counter.ui.door.runner import server_failed
from counter.ui.signin.words import SIGNIN_DB_ERROR
from tests.db.tls_server import make_authority

KEY = "Zk3q8V1rX0bP2mW5nT7yH4cJ6dL9sA1eF3gQ5uR7tY0"


@pytest.fixture
def ca(tmp_path: Path) -> Path:
    return make_authority("兴安盟政务服务中心 CA").write(tmp_path / "hall-ca.crt")


def test_the_window_options_name_the_server_and_its_ca() -> None:
    args = window_args(["--server", "https://10.1.2.3:8443", "--ca", "/etc/counter/hall-ca.crt"])
    assert args is not None
    assert (args.server, args.ca) == ("https://10.1.2.3:8443", "/etc/counter/hall-ca.crt")
    assert hall_settings(args.server, args.ca).on_server
    assert not hall_settings(None, None).on_server  # a desk nobody pointed at a server: its own database


def test_a_desk_without_its_key_does_not_start_on_the_server(ca: Path) -> None:
    assert open_remote(HallSettings("https://10.1.2.3:8443", str(ca))) == server_words.START_NO_KEY


def test_a_missing_or_unreadable_ca_and_an_address_in_clear_are_named(ca: Path, tmp_path: Path) -> None:
    keep_desk_key(KEY)
    (tmp_path / "garbage.crt").write_text("not a certificate\n")
    assert open_remote(HallSettings("https://10.1.2.3:8443", str(tmp_path / "gone.crt"))) == server_words.START_NO_CA
    assert open_remote(HallSettings("https://10.1.2.3:8443", str(tmp_path / "garbage.crt"))) == server_words.START_NO_CA
    assert open_remote(HallSettings("http://10.1.2.3:8080", str(ca))) == server_words.START_BAD_SERVER
    remote = open_remote(HallSettings("https://10.1.2.3:8443", str(ca)))
    assert isinstance(remote, Remote)
    remote.close()


@pytest.mark.parametrize(
    ("fault", "said", "lost"),
    [
        (ServerUnreachable("10.1.2.3:8443: [Errno 111] Connection refused"), "连不上大厅服务器", True),
        (ServerNotTrusted("certificate verify failed: unable to get local issuer"), "证书不是本中心签发", False),
        (SessionEnded("expired"), "登录已结束", False),
        (Refused(400, "request"), "大厅服务器拒绝了这次请求", False),
        (NotUnderstood(422, "FaultOfANewerRelease"), "答复本窗口无法识别", False),
    ],
)
def test_the_servers_faults_are_worded_in_the_widgets_sentence(fault: Exception, said: str, lost: bool) -> None:
    failed = server_failed(fault, SIGNIN_DB_ERROR)
    assert failed is not None
    assert failed.message.startswith("暂时无法登录：")
    assert said in failed.message
    assert "10.1.2.3" not in failed.message
    assert "certificate" not in failed.message
    assert failed.connection_lost is lost  # only a server away is waited for
    assert (failed.fault is DbFault.UNREACHABLE) is lost


def test_other_faults_are_not_the_servers() -> None:
    assert server_failed(ValueError("x"), SIGNIN_DB_ERROR) is None
