"""The hall's 前置库 on the command line: ``counter front-store send|list|retry|settings``.

``send`` writes the events due into the platform's front store and, without ``--once``, keeps doing so every
``--interval`` seconds, as ``counter platform send`` reports them over HTTPS; ``list`` and ``retry`` are the
supervisor's failed list.  ``settings`` shows the hall's front
store or changes what is given; the password comes from the environment (``COUNTER_FRONT_STORE_PASSWORD``), never
from the command line, and is kept in this machine's key folder.
"""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING, Any

from counter.cli.arguments import add_json
from counter.cli.common import EXIT_OK, Reported, desk, on_the_real_day, open_service, print_json
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.platform.front_store import FrontStoreSettings

PASSWORD_ENV = "COUNTER_FRONT_STORE_PASSWORD"  # kept out of the shell's history and the process list


def add_front_store_commands(commands: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    front = commands.add_parser("front-store", help=tr("向平台的前置库写入办件和电子证照：发送、设置"))
    sub = front.add_subparsers(dest="front_store_command", metavar="COMMAND", required=True)
    p = sub.add_parser("send", parents=[common], help=tr("写入到期的事件（不带 --once 时持续运行）"))
    p.add_argument("--once", action="store_true", help=tr("只写入一轮后退出"))
    p.add_argument("--interval", type=float, default=10.0, metavar="SECONDS", help=tr("两轮之间的秒数（默认 10）"))
    p.set_defaults(func=cmd_send)
    p = sub.add_parser("list", parents=[common], help=tr("列出写入前置库的事件（最新的在前）"))
    p.add_argument("--failed", action="store_true", help=tr("只列写入失败、等待处理的事件"))
    add_json(p)
    p.set_defaults(func=cmd_list)
    p = sub.add_parser("retry", parents=[common], help=tr("把写入失败的事件重新排队"))
    p.add_argument("id", type=int, metavar="ID", help=tr("事件的编号：counter front-store list --failed 每行的第一列"))
    p.set_defaults(func=cmd_retry)
    p = sub.add_parser("settings", parents=[common], help=tr("本服务中心的前置库（查看或修改）"))
    p.add_argument("--on", action="store_true", help=tr("开始写入"))
    p.add_argument("--off", action="store_true", help=tr("停止写入"))
    p.add_argument("--url", help=tr("前置库地址 postgresql://账号@主机:端口/库名（不含口令）"))
    p.add_argument(
        "--password-from-env",
        action="store_true",
        help=tr("口令取自环境变量 COUNTER_FRONT_STORE_PASSWORD，存在本机的站点密钥文件夹而不进数据库"),
    )
    p.add_argument("--data-source", help=tr("数据来源代码（平台分配）"))
    p.add_argument("--tenant-id", type=int, help=tr("租户 ID（平台分配）"))
    p.add_argument("--org-id", type=int, help=tr("机构 ID（平台分配）"))
    p.add_argument("--user-id", type=int, help=tr("用户 ID（平台分配）"))
    p.add_argument("--area-code", help=tr("证照管辖属地编码"))
    p.add_argument("--timeout", type=float, metavar="SECONDS", help=tr("每次写入的超时秒数（1-60）"))
    p.add_argument("--attempts", type=int, metavar="N", help=tr("前置库拒绝的最多次数，之后列入失败（1-30）"))
    add_json(p)
    p.set_defaults(func=cmd_settings)


def cmd_send(args: argparse.Namespace) -> int:
    from counter.cli.common import send_passes
    from counter.outbox.rules import SendRound
    from counter.service.front_store import SEND_FRONT_STORE
    from counter.service.outbox import SendPass
    from counter.words.front_store import FRONT_STORE_SENT, FRONT_STORE_STOPPING

    on_the_real_day(args)
    service = open_service(args)

    def one_pass() -> SendRound:
        sent: SendRound = service.call(SEND_FRONT_STORE, SendPass())
        return sent

    done = send_passes(args, one_pass, FRONT_STORE_STOPPING)
    print(FRONT_STORE_SENT.format(sent=done.sent, waiting=done.waiting, failed=done.failed))
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from counter.cli.platform import event_json
    from counter.service.front_store import LIST_FRONT_STORE
    from counter.service.outbox import ListOutbox
    from counter.words.front_store import FRONT_STORE_LINE, FRONT_STORE_NONE, FRONT_STORE_STATE
    from counter.words.platform import platform_kind, report_problem

    service = open_service(args)
    rows = service.call(LIST_FRONT_STORE, ListOutbox(failed_only=args.failed), desk())
    if args.json:
        print_json([event_json(r, receipt="batch") for r in rows])
        return EXIT_OK
    if not rows:
        print(FRONT_STORE_NONE)
    for r in rows:
        print(
            FRONT_STORE_LINE.format(id=r.id, case_no=r.case_no, kind=platform_kind(r.kind),
                                    state=FRONT_STORE_STATE[r.state], attempts=r.attempts,
                                    error=report_problem(r.last_error)).rstrip()
        )  # fmt: skip
    return EXIT_OK


def cmd_retry(args: argparse.Namespace) -> int:
    from counter.cli.common import retry_failed
    from counter.service.front_store import RETRY_FRONT_STORE
    from counter.words.front_store import FRONT_STORE_NOT_FAILED, FRONT_STORE_RETRIED

    return retry_failed(args, RETRY_FRONT_STORE, FRONT_STORE_NOT_FAILED, FRONT_STORE_RETRIED)


def cmd_settings(args: argparse.Namespace) -> int:
    """Shown as stored, or changed (in one transaction, on the settings as stored) when anything is given."""
    from counter.platform.front_store import FrontStoreRefused
    from counter.service.front_store import CHANGE_FRONT_STORE, READ_FRONT_STORE, ChangeFrontStore
    from counter.service.requests import Nothing
    from counter.words.front_store import FRONT_STORE_PROBLEM

    names = ("url", "data_source", "tenant_id", "org_id", "user_id", "area_code", "timeout",
             "attempts")  # fmt: skip
    changes: dict[str, Any] = {n: getattr(args, n) for n in names if getattr(args, n) is not None}
    if args.on or args.off:
        changes["enabled"] = bool(args.on)
    if args.password_from_env:
        changes["secret"] = os.environ.get(PASSWORD_ENV, "")
    service = open_service(args)
    by = desk()
    try:
        if changes:
            settings = service.call(CHANGE_FRONT_STORE, ChangeFrontStore(**changes), by)
        else:
            settings = service.call(READ_FRONT_STORE, Nothing(), by)
    except FrontStoreRefused as err:
        raise Reported("\n".join(FRONT_STORE_PROBLEM[p] for p in err.problems)) from err
    _show(settings, args.json)
    return EXIT_OK


def _show(settings: FrontStoreSettings, as_json: bool) -> None:
    from counter.words.front_store import (
        FRONT_STORE_OFF,
        FRONT_STORE_SECRET_SET,
        FRONT_STORE_SECRET_UNSET,
        FRONT_STORE_SETTINGS_LINE,
    )

    if as_json:
        print_json(
            {
                "enabled": settings.enabled, "url": settings.url, "password_set": bool(settings.secret),
                "data_source": settings.data_source, "tenant_id": settings.tenant_id, "org_id": settings.org_id,
                "user_id": settings.user_id, "area_code": settings.area_code, "timeout": settings.timeout,
                "attempts": settings.attempts,
            }
        )  # fmt: skip
        return
    if not settings.enabled:
        print(FRONT_STORE_OFF)
    if settings.url:
        print(
            FRONT_STORE_SETTINGS_LINE.format(
                url=settings.url, secret=FRONT_STORE_SECRET_SET if settings.secret else FRONT_STORE_SECRET_UNSET,
                data_source=settings.data_source or "-", area_code=settings.area_code or "-",
                timeout=f"{settings.timeout:g}", attempts=settings.attempts,
            )
        )  # fmt: skip
