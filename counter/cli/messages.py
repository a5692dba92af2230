"""Messages to applicants on the command line: ``counter messages send|list|retry|remind`` and ``counter site sms``.

``send`` delivers what is due through the hall's gateway and, without ``--once``, keeps doing so every
``--interval`` seconds, queueing the day's 容缺 reminders once a day: the form a service (systemd, say) runs, one per
hall or several at once, since a message is claimed before it is sent.  ``list`` and ``retry`` are the supervisor's
failed list; ``site sms`` shows the gateway's settings or changes those given, as ``counter site rules`` does the
intake rules.  JSON keys: see the README.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

from counter.cli.arguments import add_json
from counter.cli.channel_settings import given_settings, settings_json
from counter.cli.common import (
    EXIT_OK,
    Reported,
    UsageError,
    desk,
    moment_json,
    on_the_real_day,
    open_service,
    print_json,
)
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.sms.gateway import GatewaySettings
    from counter.sms.outbox import MessageRow

log = logging.getLogger(__name__)

SECRET_ENV = "COUNTER_SMS_SECRET"  # the gateway's secret, kept out of the shell's history and the process list


def add_message_commands(commands: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    messages = commands.add_parser("messages", help=tr("告知申请人的短信：发送、失败列表、重新发送"))
    sub = messages.add_subparsers(dest="messages_command", metavar="COMMAND", required=True)
    p = sub.add_parser("send", parents=[common], help=tr("通过短信网关发送到期的短信（不带 --once 时持续运行）"))
    p.add_argument("--once", action="store_true", help=tr("只发送一轮后退出"))
    p.add_argument("--interval", type=float, default=10.0, metavar="SECONDS", help=tr("两轮之间的秒数（默认 10）"))
    p.set_defaults(func=cmd_send)
    p = sub.add_parser("list", parents=[common], help=tr("列出短信（最新的在前）"))
    p.add_argument("--failed", action="store_true", help=tr("只列发送失败、等待处理的短信"))
    add_json(p)
    p.set_defaults(func=cmd_list)
    p = sub.add_parser("retry", parents=[common], help=tr("把发送失败的短信重新排队"))
    p.add_argument("id", type=int, metavar="ID", help=tr("短信的编号：counter messages list --failed 每行的第一列"))
    p.set_defaults(func=cmd_retry)
    p = sub.add_parser("remind", parents=[common], help=tr("为两个工作日内到期的容缺材料加入提醒短信"))
    p.set_defaults(func=cmd_remind)


def add_gateway_command(site: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    """Under ``counter site``."""
    p = site.add_parser("sms", parents=[common], help=tr("本中心的短信网关（查看或修改）"))
    p.add_argument("--endpoint", metavar="URL", help=tr("短信网关地址（只接受 https://）"))
    p.add_argument("--account", help=tr("短信网关账号"))
    p.add_argument(
        "--secret-from-env",
        action="store_true",
        help=tr("密钥取自环境变量 COUNTER_SMS_SECRET，存在本机的站点密钥文件夹而不进数据库：须在发短信的电脑上设置"),
    )
    p.add_argument("--sign", help=tr("短信签名（默认：本中心名称）"))
    p.add_argument("--timeout", type=float, metavar="SECONDS", help=tr("每次请求的超时秒数（1-60）"))
    p.add_argument("--attempts", type=int, metavar="N", help=tr("最多尝试次数，之后列入发送失败（1-20）"))
    p.add_argument(
        "--template", action="append", default=[], metavar="KIND=ID", help=tr("某类短信的网关模板号，可重复")
    )
    p.add_argument("--off", action="store_true", help=tr("取消短信网关：不再加入新短信"))
    add_json(p)
    p.set_defaults(func=cmd_gateway)


def cmd_send(args: argparse.Namespace) -> int:
    from counter.cli.common import send_passes
    from counter.outbox.rules import SendRound
    from counter.service.outbox import QUEUE_REMINDERS, SEND_MESSAGES, SendPass
    from counter.service.requests import Nothing
    from counter.words.messages import MESSAGES_SENT, MESSAGES_STOPPING

    on_the_real_day(args)
    service = open_service(args)
    reminded: list[dt.date] = []

    def one_pass() -> SendRound:
        """The day's reminders queued at its first pass, then what is due sent.  The day is the service's, of which
        the reminders are queued: on a fixed ``--today`` it never turns over, and the machine's midnight asks
        nothing again."""
        day = service.clock.today()
        if day not in reminded:
            queued = service.call(QUEUE_REMINDERS, Nothing())
            log.info("deferral reminders queued: %d", queued)
            reminded[:] = [day]
        sent: SendRound = service.call(SEND_MESSAGES, SendPass())
        return sent

    done = send_passes(args, one_pass, MESSAGES_STOPPING)
    print(MESSAGES_SENT.format(sent=done.sent, waiting=done.waiting, failed=done.failed))
    return EXIT_OK


def cmd_remind(args: argparse.Namespace) -> int:
    from counter.service.outbox import QUEUE_REMINDERS
    from counter.service.requests import Nothing
    from counter.words.messages import MESSAGES_REMINDED

    on_the_real_day(args)
    count = open_service(args).call(QUEUE_REMINDERS, Nothing())
    print(MESSAGES_REMINDED.format(count=count))
    return EXIT_OK


def message_json(row: MessageRow) -> dict[str, Any]:
    """A message as ``list --json`` prints it: its reason as stored (``last_error``) and as the list words it."""
    from counter.words.channel_problems import channel_problem

    return {
        "id": row.id,
        "case_no": row.case_no,
        "kind": str(row.kind),
        "state": row.state.value,
        "phone": row.phone,
        "text": row.text,
        "attempts": row.attempts,
        "created_at": moment_json(row.created_at),
        "next_at": moment_json(row.next_at),
        "sent_at": moment_json(row.sent_at),
        "gateway_id": row.gateway_id,
        "last_error": row.last_error,
        "last_error_text": channel_problem(row.last_error),
    }


def cmd_list(args: argparse.Namespace) -> int:
    from counter.service.outbox import LIST_MESSAGES, ListOutbox
    from counter.words.channel_problems import channel_problem
    from counter.words.messages import MESSAGE_STATE, MESSAGES_LINE, MESSAGES_NONE, message_kind

    service = open_service(args)
    rows = service.call(LIST_MESSAGES, ListOutbox(failed_only=args.failed), desk())
    if args.json:
        print_json([message_json(row) for row in rows])
        return EXIT_OK
    if not rows:
        print(MESSAGES_NONE)
    for row in rows:
        state = MESSAGE_STATE[row.state]
        print(
            MESSAGES_LINE.format(
                id=row.id, case_no=row.case_no, kind=message_kind(row.kind), state=state, phone=row.phone,
                attempts=row.attempts, error=channel_problem(row.last_error),
            ).rstrip()
        )  # fmt: skip
    return EXIT_OK


def cmd_retry(args: argparse.Namespace) -> int:
    from counter.cli.common import retry_failed
    from counter.service.outbox import RETRY_MESSAGE
    from counter.words.messages import MESSAGES_NOT_FAILED, MESSAGES_RETRIED

    return retry_failed(args, RETRY_MESSAGE, MESSAGES_NOT_FAILED, MESSAGES_RETRIED)


def _templates(pairs: list[str]) -> dict[str, str]:
    from counter.sms.kinds import MessageKind
    from counter.words.messages import GATEWAY_BAD_TEMPLATE

    templates: dict[str, str] = {}
    for pair in pairs:
        kind, sep, template = pair.partition("=")
        if not sep or kind.strip() not in {k.value for k in MessageKind}:
            raise UsageError(GATEWAY_BAD_TEMPLATE.format(kinds=", ".join(k.value for k in MessageKind)))
        templates[kind.strip()] = template.strip()
    return templates


def cmd_gateway(args: argparse.Namespace) -> int:
    """Shown as stored, or changed (all in one transaction, on the settings as stored) when anything is given."""
    from counter.service.outbox import CHANGE_GATEWAY, READ_GATEWAY, ChangeGateway
    from counter.service.requests import Nothing
    from counter.sms.gateway_refused import GatewayRefused
    from counter.words.messages import GATEWAY_PROBLEM

    changes = given_settings(args, ("endpoint", "account", "sign", "timeout", "attempts"), SECRET_ENV)
    templates = _templates(args.template)

    service = open_service(args)
    by = desk()
    try:
        if args.off or changes or templates:
            settings = service.call(CHANGE_GATEWAY, ChangeGateway(args.off, **changes, templates=templates), by)
        else:
            settings = service.call(READ_GATEWAY, Nothing(), by)
    except GatewayRefused as err:
        raise Reported("\n".join(GATEWAY_PROBLEM[p] for p in err.problems)) from err
    _show_gateway(settings, args.json)
    return EXIT_OK


def _show_gateway(settings: GatewaySettings, as_json: bool) -> None:
    from counter.sms.kinds import MessageKind
    from counter.words.messages import GATEWAY_LINE, GATEWAY_NONE, GATEWAY_SIGN_DEFAULT, GATEWAY_TEMPLATE, MESSAGE_KIND

    if as_json:
        print_json(settings_json(settings, "configured"))
        return
    if not settings.configured:
        print(GATEWAY_NONE)
        return
    print(
        GATEWAY_LINE.format(
            endpoint=settings.endpoint, account=settings.account, sign=settings.sign or GATEWAY_SIGN_DEFAULT,
            timeout=f"{settings.timeout:g}", attempts=settings.attempts,
        )
    )  # fmt: skip
    for kind, template in sorted(settings.templates.items()):
        print(GATEWAY_TEMPLATE.format(kind=kind, name=MESSAGE_KIND[MessageKind(kind)], template=template))
