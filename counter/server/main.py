"""``counter serve``: the hall server on its database, over TLS only; ``counter serve add-desk``: a desk registered.

    counter serve --db URL --cert server.crt --key server.key [--host 0.0.0.0] [--port 8443]
                  [--hall-work on|off] [--work-interval SECONDS] [--files FOLDER]
    counter serve add-desk --db URL --desk 8
    counter serve add-pad --db URL NAME

The server listens with TLS and nothing else: there is no plain-HTTP port to forget to close.  ``add-desk`` prints
the desk's key once; the machine of that desk keeps it and shows it at each sign-in (the database keeps its hash).
``add-pad`` does the same for a review pad (评价器) of its own: its key, shown once, is the pad's at every request.
The database URL may come from ``COUNTER_DB_URL`` instead of ``--db``, so that it need not stand in a process list.
``--hall-work``: whether this server also runs the hall's own work (:mod:`counter.server.hall_work`: the SMS and
platform senders, the reminders, the seals, the pruning); two servers may both, safely.  ``--files``: the one folder
of this machine an operation's file may name (a catalog source to import, a backup to write); none: no such request.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import signal
import socket
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from counter.server.hall_work import DEFAULT_INTERVAL_S
from counter.words.command_parser import CommandParser

if TYPE_CHECKING:
    from counter.server.health import Network
    from counter.service.local import InProcess

EXIT_OK, EXIT_RETRY, EXIT_MISUSE = 0, 1, 2
#: another registration committed while this one ran (:class:`counter.access.desk_session.DeskRegisteredMeanwhile`)
DESK_REGISTERED_MEANWHILE = "{desk}号窗口未登记：另一次窗口登记同时完成，本次没有保存，也没有密钥。请再登记一次。"
#: the port a hall's desks are told when the administrator names none: HTTPS's alternative, unprivileged
DEFAULT_PORT = 8443


def main(argv: Sequence[str]) -> int:
    """``counter serve`` with ``argv`` (after ``serve``); the exit status."""
    args = list(argv)
    if args[:1] == ["add-desk"]:
        return _add_desk(args[1:])
    if args[:1] == ["add-pad"]:
        return _add_pad(args[1:])
    parser = CommandParser(prog="counter serve", description="政务服务中心的服务端：各窗口经 HTTPS 办理业务")
    parser.add_argument("--db", type=_address, metavar="URL", help="数据库地址（默认：环境变量 COUNTER_DB_URL）")
    parser.add_argument("--cert", required=True, help="服务端证书（由本中心 CA 签发，PEM）")
    parser.add_argument("--key", required=True, help="服务端证书的私钥（PEM）")
    parser.add_argument("--host", default="0.0.0.0", help="监听地址")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="监听端口")
    parser.add_argument(
        "--hall-work",
        choices=("on", "off"),
        default="on",
        help="是否在本服务端发送短信和上报、排入提醒、封存审计日志、清理过期会话（两台服务端都开也安全）",
    )
    parser.add_argument(
        "--work-interval", type=float, default=DEFAULT_INTERVAL_S, metavar="SECONDS", help="两轮之间的秒数（默认 10）"
    )
    parser.add_argument("--files", type=Path, help="导入目录源、写备份时可以使用的本机文件夹（不指定：不接受此类请求）")
    parser.add_argument(
        "--metrics-from",
        default="",
        metavar="NETWORKS",
        help="可以读取运行指标（/v1/metrics）的网段，逗号分隔，如 10.8.0.0/16（默认：本机和私有网段）",
    )
    found = parser.parse_args(args)
    url = _database(parser, found.db)
    from counter.server.health import HALL_NETWORKS, networks

    try:
        metrics_from = networks(found.metrics_from.split(",") if found.metrics_from else HALL_NETWORKS)
    except ValueError:
        parser.error(f"--metrics-from 应为逗号分隔的网段（如 10.8.0.0/16），而不是 {found.metrics_from}")
    work_interval = max(found.work_interval, 0.5) if found.hall_work == "on" else None
    return _serve(url, found.cert, found.key, (found.host, found.port), work_interval, found.files, metrics_from)


def _address(given: str) -> str:
    """``--db`` as given, when it is a database's address; a file's path is misuse (as the command line's ``--db``:
    :func:`~counter.host.database.database_choice.checked_address`)."""
    from counter.host.database.database_choice import NotAnAddress, checked_address
    from counter.words.at_command_line import not_an_address_text

    try:
        return checked_address(given)
    except NotAnAddress as err:
        raise argparse.ArgumentTypeError(not_an_address_text(err.given)) from err


def _database(parser: argparse.ArgumentParser, given: str | None) -> str:
    """The database: ``--db``, else ``COUNTER_DB_URL``; neither, or the variable holding a file's path, is misuse
    (exit 2), said before anything is opened or logged."""
    from counter.host.database.database_choice import NotAnAddress, environment_url
    from counter.words.at_command_line import not_an_address_text

    try:
        url = given or environment_url()
    except NotAnAddress as err:
        parser.error(not_an_address_text(err.given, err.variable))
    if not url:
        parser.error("请用 --db 或 COUNTER_DB_URL 指定数据库")
    return url


def _serve(
    url: str,
    cert: str,
    key: str,
    address: tuple[str, int],
    work_interval: float | None,
    files: Path | None,
    metrics_from: Sequence[Network],
) -> int:
    """The server until it is stopped; a start that cannot be is said in one line (:mod:`counter.server.start_faults`)
    and ends 1, before systemd is told the server is ready."""
    from counter.server.log_lines import setup_server_logging
    from counter.server.ready import CONNECTIONS
    from counter.server.start_faults import NOT_STARTED, StartRefused, bind, check_tls, database_refusal
    from counter.service.local import InProcess, serve

    log = logging.getLogger(__name__)
    where = setup_server_logging()
    log.info("counter serve starting; its log goes to %s", where)
    try:
        check_tls(cert, key)
        listening = bind(*address)
    except StartRefused as refused:
        print(refused, file=sys.stderr)
        return EXIT_RETRY
    service = InProcess(serve(url, connections=CONNECTIONS).store, wire=False)
    try:
        service.open()  # the database's faults (missing, too new, refused) stop the start, before systemd hears "ready"
    except Exception as err:
        why = database_refusal(err)
        if why is None:
            raise
        print(NOT_STARTED.format(why=why), file=sys.stderr)
        listening.close()
        service.close()
        return EXIT_RETRY
    try:
        _run(service, listening, (cert, key), work_interval, files, metrics_from)
    finally:
        service.close()
    return EXIT_OK


def _run(
    service: InProcess,
    listening: socket.socket,
    tls: tuple[str, str],
    work_interval: float | None,
    files: Path | None,
    metrics_from: Sequence[Network],
) -> None:
    import uvicorn

    from counter.server.app import make_app
    from counter.server.bounds import HEAD_S, BoundedH11, connection_cap
    from counter.server.hall_work import HallWork
    from counter.server.ready import CONNECTIONS, WORKERS, ReadyServer

    cap = connection_cap()
    host, port = listening.getsockname()[:2]
    config = uvicorn.Config(
        make_app(service, files, metrics_from=metrics_from),
        port=port,
        ssl_certfile=tls[0],
        ssl_keyfile=tls[1],
        log_level="info",
        log_config=None,  # uvicorn's lines go through the server's own handler (counter.server.log_lines)
        access_log=False,  # the operations' own log lines say what was done; a line per request says nothing more
        timeout_graceful_shutdown=10,
        # the door's bounds (counter.server.bounds): what uvicorn has, and the protocol and loop for what it lacks
        http=BoundedH11,
        loop="counter.server.bounds:BoundedLoop",
        limit_concurrency=cap,
        timeout_keep_alive=5,
        h11_max_incomplete_event_size=16 << 10,
        # the client is the connection's address: a forwarding header from loopback (uvicorn's default trust) let
        # anything on this machine name itself a client of the hall's network to the metrics (server.health)
        proxy_headers=False,
    )
    logging.getLogger(__name__).info(
        "hall server on %s:%d (TLS), database %s with a pool of %d connections for %d worker threads; "
        "at most %d connections, a request's head within %.0f s",
        host,
        port,
        service.backend,
        CONNECTIONS,
        WORKERS,
        cap,
        HEAD_S,
    )
    work = HallWork(service, work_interval) if work_interval is not None else None
    with _stop_heard():
        if work is not None:
            work.start()
        try:
            ReadyServer(config).run(sockets=[listening])
        finally:
            if work is not None:
                work.stop()


#: the signals that stop the server: systemd's stop, a technician's Ctrl-C
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


@contextlib.contextmanager
def _stop_heard() -> Iterator[None]:
    """The stop signals heard and let be while the server runs and stops, Python's own actions on them restored after.

    uvicorn takes them while it serves; once its connections are closed it raises the one it took again, to the
    handler it found.  Python's own there killed the process (SIGTERM) or raised ``KeyboardInterrupt`` (Ctrl-C)
    before the hall work's job under way was done and the database closed: a message being sent stayed claimed until
    its lease ran out, and a Ctrl-C ended on a traceback.  Heard here, the signal has done its work (uvicorn stopped)
    and the server's own stop follows; a second one while it does is heard too (systemd's own deadline ends a stop
    that hangs)."""
    previous = {one: signal.signal(one, _heard) for one in STOP_SIGNALS}
    try:
        yield
    finally:
        for one, handler in previous.items():
            signal.signal(one, handler)


def _heard(number: int, _frame: object) -> None:
    logging.getLogger(__name__).info("%s heard: the server stops", signal.Signals(number).name)


def _add_desk(argv: list[str]) -> int:
    parser = CommandParser(
        prog="counter serve add-desk", description="在服务端登记一台窗口电脑，显示其密钥（仅此一次）"
    )
    parser.add_argument("--db", type=_address, metavar="URL", help="数据库地址（默认：环境变量 COUNTER_DB_URL）")
    parser.add_argument("--desk", required=True, help="窗口号（1至9999的整数，不以0开头）")
    found = parser.parse_args(argv)
    url = _database(parser, found.db)
    from counter.access.desk_session import DeskRegisteredMeanwhile
    from counter.case.numbers import BadIdentity
    from counter.host.database.database_faults import DatabaseMissing, DatabaseReadOnly, SchemaTooNew, StoreFault
    from counter.server.log_lines import setup_server_logging
    from counter.server.secrets_hash import digest, new_secret
    from counter.server.start_faults import NOT_REGISTERED, database_refusal
    from counter.service.hall import REGISTER_DESK, DeskKey
    from counter.service.local import serve

    setup_server_logging()  # the detail of a fault for support; the technician's line is printed
    service = serve(url)
    key = new_secret()
    try:
        service.call(REGISTER_DESK, DeskKey(found.desk, digest(key)))
    except (StoreFault, SchemaTooNew, DatabaseMissing, DatabaseReadOnly) as err:
        print(NOT_REGISTERED.format(desk=found.desk, why=database_refusal(err)), file=sys.stderr)
        return EXIT_RETRY
    except BadIdentity:
        print(f"窗口号 {found.desk} 不可用：应为1至9999的整数，不以0开头", file=sys.stderr)
        return EXIT_MISUSE
    except DeskRegisteredMeanwhile:
        print(DESK_REGISTERED_MEANWHILE.format(desk=found.desk), file=sys.stderr)
        return EXIT_RETRY
    finally:
        service.close()
    print(f"{found.desk}号窗口已登记。窗口密钥（只显示这一次，请配置到该窗口电脑）：")
    print(key)
    return EXIT_OK


def _add_pad(argv: list[str]) -> int:
    parser = CommandParser(
        prog="counter serve add-pad", description="在服务端登记一台评价器，显示其密钥（仅此一次）；由负责人配对到窗口"
    )
    parser.add_argument("--db", type=_address, metavar="URL", help="数据库地址（默认：环境变量 COUNTER_DB_URL）")
    parser.add_argument("name", metavar="NAME", help="评价器的名称（写在设备上，如 pad-8；字母、汉字、数字、- 或 _）")
    found = parser.parse_args(argv)
    url = _database(parser, found.db)
    from counter.access.pads import PadRefused
    from counter.host.database.database_faults import DatabaseMissing, DatabaseReadOnly, SchemaTooNew, StoreFault
    from counter.server.log_lines import setup_server_logging
    from counter.server.secrets_hash import digest, new_secret
    from counter.server.start_faults import database_refusal
    from counter.service.local import serve
    from counter.service.pads import REGISTER_PAD, PadKey

    setup_server_logging()
    service = serve(url)
    key = new_secret()
    try:
        service.call(REGISTER_PAD, PadKey(found.name, digest(key)))
    except (StoreFault, SchemaTooNew, DatabaseMissing, DatabaseReadOnly) as err:
        print(f"评价器 {found.name} 没有登记：{database_refusal(err)}", file=sys.stderr)
        return EXIT_RETRY
    except PadRefused:
        print(f"评价器名称 {found.name} 不可用：只用字母、汉字、数字、- 或 _，最多32个字", file=sys.stderr)
        return EXIT_MISUSE
    finally:
        service.close()
    print(f"评价器 {found.name} 已登记。评价器密钥（只显示这一次，请配置到该评价器）：")
    print(key)
    return EXIT_OK
