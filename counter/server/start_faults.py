"""Why ``counter serve`` (or ``counter serve add-desk``) cannot start, in one Chinese line for the technician.

A start that failed printed Python's traceback in English: a wrong database password, a URL without
``sslmode=verify-full``, a certificate the service may not read, a port another program holds.  Each is found here
before the server listens (the certificate and its key loaded, the port bound, the database opened) and said in one
line that names the cause and what to check; the log keeps the detail for support.  Under systemd the line is the
journal's (``journalctl -u counter-serve``).
"""

from __future__ import annotations

import errno
import logging
import socket
import ssl

from counter.case.moments import written_minute_text
from counter.host.database.database_faults import (
    DatabaseMissing,
    DatabaseReadOnly,
    DbFault,
    SchemaPreRelease,
    SchemaTooNew,
    StoreFault,
)
from counter.words.at_command_line import database_read_only_text, fault_text
from counter.words.database import SCHEMA_PRE_RELEASE
from counter.words.translate import tr

log = logging.getLogger(__name__)

#: the listening socket's queue of connections not yet accepted: room for a hall's desks all starting at once
BACKLOG = 2048

NOT_STARTED = tr("服务端没有启动：{why}")
NOT_REGISTERED = tr("{desk}号窗口没有登记：{why}")
PLAIN = tr(
    "数据库地址没有要求加密并核对数据库服务器的证书（sslmode=verify-full），服务端不以明文连接数据库。"
    "请在数据库地址（/etc/counter/serve.env）后加上 ?sslmode=verify-full&sslrootcert=大厅CA证书"
)
TOO_NEW = tr("数据库由更新版本的程序写入（结构版本 {revision}），请先把服务端的程序升级到同一版本")
CERT_MISSING = tr("服务端没有启动：找不到证书或私钥文件 {path}。请核对 --cert 和 --key（见运维手册“大厅自己的证书”）")
CERT_DENIED = tr(
    "服务端没有启动：服务端的账号无权读取证书或私钥文件 {path}。私钥应由 systemd 交给服务（LoadCredential），"
    "证书应为所有账号可读（见运维手册“大厅自己的证书”）"
)
CERT_BAD = tr(
    "服务端没有启动：证书或私钥读不出来（不是 PEM 格式、私钥有口令，或私钥与证书不配对）：{cert}、{key}。"
    "请按运维手册“大厅自己的证书”重新签发"
)
PORT_TAKEN = tr(
    "服务端没有启动：端口 {port} 已被占用（另一个服务端或其他程序正在使用）。请先停止它，或用 --port 换一个端口"
)
PORT_DENIED = tr("服务端没有启动：无权监听端口 {port}（1024 以下的端口需要特权）。请用默认的 8443 或其他更大的端口")
NO_ADDRESS = tr("服务端没有启动：本机没有地址 {host}，无法在上面监听。请核对 --host")
LISTEN_FAILED = tr("服务端没有启动：无法在 {host}:{port} 上监听（{reason}）")
#: the hall's database file is not there, and was never opened here: the set-up step that makes it
DATABASE_NOT_MADE = tr(
    "找不到数据库文件 {path}{folder}。大厅的数据库要先建好：counter db upgrade --db {url}"
    "（见运维手册“建表，设置本站点”）"
)
#: … and its folder is not there either
DATABASE_FOLDER_MISSING = tr("（它所在的文件夹也不存在）")
#: the file this machine opened before is gone: never made anew (its numbers were printed)
DATABASE_GONE = tr(
    "找不到数据库文件 {path}{folder}：本机自 {made_at} 起用过它，"
    "服务端不会新建一个空的代替（那样会重复使用已打印的编号）。"
    "请接回存放它的磁盘，或用最近的备份恢复（counter restore）"
)


class StartRefused(Exception):
    """The server cannot start: ``str()`` is the line to print."""


def check_tls(cert: str, key: str) -> None:
    """Load the certificate and its key as uvicorn will; :class:`StartRefused` when they cannot be.

    A key under a passphrase is one of these: the server starts unattended (systemd, a reboot), so no passphrase is
    asked for (OpenSSL's own prompt, at a terminal, would wait on it in English)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    try:
        context.load_cert_chain(cert, key, password=_no_passphrase)
    except FileNotFoundError as err:
        raise StartRefused(CERT_MISSING.format(path=err.filename or f"{cert} / {key}")) from err
    except PermissionError as err:
        raise StartRefused(CERT_DENIED.format(path=err.filename or f"{cert} / {key}")) from err
    except (ssl.SSLError, OSError) as err:
        log.error("the certificate %s or its key %s could not be loaded: %s", cert, key, err)
        raise StartRefused(CERT_BAD.format(cert=cert, key=key)) from err


def _no_passphrase() -> bytes:
    """The passphrase given for a key that has one: none, so the key cannot be read."""
    return b""


def bind(host: str, port: int) -> socket.socket:
    """The listening socket on ``host:port``, bound before the database is opened so that a taken port is told at
    once; :class:`StartRefused` when it cannot be.

    It says it is TCP: asyncio turns Nagle's algorithm off on each connection it accepts (``TCP_NODELAY``) only when
    the socket says so, and ``socket.create_server`` makes one of protocol 0.  With Nagle on, every answer's body,
    written after its head, waited for the desk's delayed acknowledgement of the head: 44 ms a call where the server
    took 2 (``benchmarks/bench_desk_calls.py``: 1.9 ms with it off).
    """
    try:
        made = socket.create_server((host, port), family=_family(host), backlog=BACKLOG)
        return socket.socket(made.family, made.type, socket.IPPROTO_TCP, made.detach())
    except OSError as err:
        log.error("could not listen on %s:%d: %s", host, port, err)
        if err.errno == errno.EADDRINUSE:
            raise StartRefused(PORT_TAKEN.format(port=port)) from err
        if err.errno == errno.EACCES:
            raise StartRefused(PORT_DENIED.format(port=port)) from err
        if err.errno == errno.EADDRNOTAVAIL or err.errno in _NO_SUCH_NAME:
            raise StartRefused(NO_ADDRESS.format(host=host)) from err
        raise StartRefused(LISTEN_FAILED.format(host=host, port=port, reason=err.strerror or err)) from err


#: a host name nothing resolves, as ``socket.create_server`` reports it: an ``OSError`` bearing the resolver's code
#: (the resolver's own ``gaierror`` it replaces, its message English)
_NO_SUCH_NAME = frozenset(
    getattr(socket, name)
    for name in ("EAI_NONAME", "EAI_FAIL", "EAI_NODATA", "EAI_ADDRFAMILY")
    if hasattr(socket, name)
)


def _family(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def database_refusal(err: Exception) -> str | None:
    """Why the database could not be opened, for :data:`NOT_STARTED` or :data:`NOT_REGISTERED`; None for an error
    that is not the database's (a bug: its traceback is the log's)."""
    if isinstance(err, StoreFault):
        log.error("database fault %s: %s", err.fault.value, err.detail)
        return PLAIN if err.fault is DbFault.PLAIN_CONNECTION else fault_text(err.fault.value, err.server)
    if isinstance(err, SchemaPreRelease):  # the upgrade logged its revision
        return SCHEMA_PRE_RELEASE
    if isinstance(err, SchemaTooNew):
        return TOO_NEW.format(revision=err.revision)
    if isinstance(err, DatabaseMissing):
        return database_missing_at_server(err)
    if isinstance(err, DatabaseReadOnly):
        return database_read_only_text(str(err.path))
    return None


def database_missing_at_server(err: DatabaseMissing) -> str:
    """A missing database in one line for the technician who started the server: the file, and the command that makes
    the hall's database (or, where this machine used it before, that it is gone and is not made anew).

    The desk's command-line text said it in four lines, the third telling its reader to call 运维人员, who is the reader
    here; under systemd each line was an entry of its own in the journal.  The log has the detail already
    (:mod:`counter.actions.admin.database_file`).
    """
    folder = DATABASE_FOLDER_MISSING if err.folder_missing else ""
    if err.made_at:
        return DATABASE_GONE.format(path=err.path, folder=folder, made_at=written_minute_text(err.made_at))
    return DATABASE_NOT_MADE.format(path=err.path, folder=folder, url=f"sqlite:///{err.path}")
