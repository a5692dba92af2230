"""Reports to the region's platform on the command line: ``counter platform send|list|retry|settings``.

``send`` delivers what is due and, without ``--once``, keeps doing so every ``--interval`` seconds: the form a
service runs, as ``counter messages send`` is run; several at once are safe, since an event is claimed before it
is sent.  ``list`` and ``retry`` are the supervisor's failed list; ``settings`` shows the site's connection or
changes what is given (the secret from the environment, kept in this machine's key folder).  JSON keys:
docs/command-line.md.
"""

from __future__ import annotations

import argparse
import logging
from typing import TYPE_CHECKING, Any

from counter.cli.arguments import add_json
from counter.cli.channel_settings import given_settings, settings_json
from counter.cli.common import (
    EXIT_OK,
    Reported,
    desk,
    moment_json,
    on_the_real_day,
    open_service,
    print_json,
)
from counter.words.punctuation import LIST_JOIN
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.platform.outbox import EventRow
    from counter.platform.settings import PlatformSettings

log = logging.getLogger(__name__)
SECRET_ENV = "COUNTER_PLATFORM_SECRET"  # the platform's secret, kept out of the shell's history and the process list
GATEWAY_SECRET_ENV = "COUNTER_PAPER_GATEWAY_SECRET"  # the secret shared with the platform's gateway, alike


def add_platform_commands(commands: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    platform = commands.add_parser("platform", help=tr("向一体化政务服务平台上报办件和评价：发送、失败列表、设置"))
    sub = platform.add_subparsers(dest="platform_command", metavar="COMMAND", required=True)
    p = sub.add_parser("send", parents=[common], help=tr("上报到期的事件（不带 --once 时持续运行）"))
    p.add_argument("--once", action="store_true", help=tr("只上报一轮后退出"))
    p.add_argument("--interval", type=float, default=10.0, metavar="SECONDS", help=tr("两轮之间的秒数（默认 10）"))
    p.set_defaults(func=cmd_send)
    p = sub.add_parser("list", parents=[common], help=tr("列出上报事件（最新的在前）"))
    p.add_argument("--failed", action="store_true", help=tr("只列上报失败、等待处理的事件"))
    add_json(p)
    p.set_defaults(func=cmd_list)
    p = sub.add_parser("retry", parents=[common], help=tr("把上报失败的事件重新排队"))
    p.add_argument("id", type=int, metavar="ID", help=tr("事件的编号：counter platform list --failed 每行的第一列"))
    p.set_defaults(func=cmd_retry)
    p = sub.add_parser("settings", parents=[common], help=tr("本站点的平台对接（查看或修改）"))
    p.add_argument("--on", action="store_true", help=tr("开始上报：此后每个环节都加入上报队列"))
    p.add_argument("--off", action="store_true", help=tr("停止上报：不再加入新事件"))
    p.add_argument("--endpoint", metavar="URL", help=tr("平台接口地址（只接受 https://；空：经服务中心上报）"))
    p.add_argument("--account", help=tr("平台接入账号"))
    p.add_argument(
        "--secret-from-env",
        action="store_true",
        help=tr("密钥取自环境变量 COUNTER_PLATFORM_SECRET，存在本机的站点密钥文件夹而不进数据库：须在上报的电脑上设置"),
    )
    p.add_argument("--timeout", type=float, metavar="SECONDS", help=tr("每次请求的超时秒数（1-60）"))
    p.add_argument("--attempts", type=int, metavar="N", help=tr("平台答复失败的最多次数，之后列入上报失败（1-30）"))
    p.add_argument("--mapping", metavar="NAME", help=tr("数据项对照文件名（counter/resources/platform/NAME.toml）"))
    p.add_argument("--ca-file", metavar="PATH", help=tr("平台自己的 CA 证书文件（PEM），空：本机信任的 CA"))
    p.add_argument(
        "--download-base",
        metavar="URL",
        help=tr("短信送达的文书下载地址：平台网关在本中心服务端前的地址（https://）；空：不以短信链接送达"),
    )
    p.add_argument(
        "--gateway-secret-from-env",
        action="store_true",
        help=tr(
            "平台网关与本中心共用的密钥（网关转来的文书下载请求以它签名）取自环境变量 COUNTER_PAPER_GATEWAY_SECRET，"
            "存在本机的站点密钥文件夹而不进数据库：须在提供下载的服务端电脑上设置；变量为空则删除密钥"
        ),
    )
    p.add_argument(
        "--coding",
        action="append",
        default=[],
        metavar="LIST=PRESET",
        help=tr("选定一个代码表的编码（可多次给出；PRESET 为空则取消选定）；各代码表及其出处见对照文件和平台对接说明"),
    )
    p.add_argument(
        "--org-code",
        action="append",
        default=[],
        metavar="NAME=CODE",
        help=tr(
            "本中心或颁证部门（全称）的统一社会信用代码，上报受理单位和发证单位代码用（可多次给出；CODE 为空则删除）"
        ),
    )
    add_json(p)
    p.set_defaults(func=cmd_settings)


def cmd_send(args: argparse.Namespace) -> int:
    from counter.cli.common import send_passes
    from counter.outbox.rules import SendRound
    from counter.service.outbox import SEND_REPORTS, SendPass
    from counter.words.platform import PLATFORM_SENT, PLATFORM_STOPPING

    on_the_real_day(args)
    service = open_service(args)
    _refuse_unchosen(service)

    def one_pass() -> SendRound:
        sent: SendRound = service.call(SEND_REPORTS, SendPass())
        return sent

    done = send_passes(args, one_pass, PLATFORM_STOPPING)
    print(PLATFORM_SENT.format(sent=done.sent, waiting=done.waiting, failed=done.failed))
    return EXIT_OK


def _refuse_unchosen(service: Any) -> None:
    """A site that reports with a code list whose coding was not chosen, or under a mapping file that cannot be read,
    sends nothing: said here, naming the lists or the file, rather than by a pass that sends nothing."""
    from counter.platform.mapping import MappingError, load_mapping, mapping_file
    from counter.platform.settings import PlatformProblem
    from counter.service.outbox import READ_PLATFORM
    from counter.service.requests import Nothing
    from counter.words.platform import MAPPING_UNREAD, platform_problem

    settings = service.call(READ_PLATFORM, Nothing())
    if not settings.enabled:
        return
    try:
        unchosen = load_mapping(mapping_file(settings.mapping)).codings(settings.codings).unchosen()
    except MappingError as err:
        log.error("platform mapping %s unusable: %s", settings.mapping, err)
        raise Reported(MAPPING_UNREAD.format(mapping=settings.mapping)) from err
    if unchosen:
        raise Reported(platform_problem(PlatformProblem.UNCHOSEN_CODING, tuple(cl.title for cl in unchosen)))


def event_json(row: EventRow, receipt: str = "platform_id") -> dict[str, Any]:
    """A platform event as ``list --json`` prints it; ``receipt``: the name of what the receiving end gave back (the
    platform's id, the 前置库's batch), both kept in ``platform_id``; its reason as stored (``last_error``) and as
    the list words it."""
    from counter.words.platform import report_problem

    return {
        "id": row.id, "case_no": row.case_no, "kind": str(row.kind), "state": row.state.value,
        "attempts": row.attempts, "created_at": moment_json(row.created_at), "next_at": moment_json(row.next_at),
        "sent_at": moment_json(row.sent_at), receipt: row.platform_id,
        "last_error": row.last_error, "last_error_text": report_problem(row.last_error),
    }  # fmt: skip


def cmd_list(args: argparse.Namespace) -> int:
    from counter.service.outbox import LIST_REPORTS, ListOutbox
    from counter.words.platform import PLATFORM_LINE, PLATFORM_NONE, PLATFORM_STATE, platform_kind, report_problem

    service = open_service(args)
    rows = service.call(LIST_REPORTS, ListOutbox(failed_only=args.failed), desk())
    if args.json:
        print_json([event_json(r) for r in rows])
        return EXIT_OK
    if not rows:
        print(PLATFORM_NONE)
    for r in rows:
        print(
            PLATFORM_LINE.format(id=r.id, case_no=r.case_no, kind=platform_kind(r.kind), state=PLATFORM_STATE[r.state],
                                 attempts=r.attempts, error=report_problem(r.last_error)).rstrip()
        )  # fmt: skip
    return EXIT_OK


def cmd_retry(args: argparse.Namespace) -> int:
    from counter.cli.common import retry_failed
    from counter.service.outbox import RETRY_REPORT
    from counter.words.platform import PLATFORM_NOT_FAILED, PLATFORM_RETRIED

    return retry_failed(args, RETRY_REPORT, PLATFORM_NOT_FAILED, PLATFORM_RETRIED)


def cmd_settings(args: argparse.Namespace) -> int:
    """Shown as stored, or changed (all in one transaction, on the settings as stored) when anything is given."""
    from counter.platform.settings_refused import PlatformRefused
    from counter.service.outbox import CHANGE_PLATFORM, READ_PLATFORM, ChangePlatform
    from counter.service.requests import Nothing
    from counter.words.platform import platform_problem

    names = ("endpoint", "account", "timeout", "attempts", "mapping", "ca_file", "download_base")
    changes = given_settings(args, names, SECRET_ENV)
    if args.on or args.off:
        changes["enabled"] = bool(args.on)
    if args.coding:
        changes["codings"] = dict(_coding(text) for text in args.coding)
    if args.org_code:
        changes["org_codes"] = dict(_coding(text) for text in args.org_code)
    if args.gateway_secret_from_env:
        changes["gateway_secret"] = _gateway_secret()

    service = open_service(args)
    by = desk()
    try:
        if changes:
            settings = service.call(CHANGE_PLATFORM, ChangePlatform(**changes), by)
        else:
            settings = service.call(READ_PLATFORM, Nothing(), by)
    except PlatformRefused as err:
        raise Reported("\n".join(platform_problem(p, err.lists, err.bad) for p in err.problems)) from err
    _show(settings, args.json)
    return EXIT_OK


def _gateway_secret() -> str:
    """The gateway's secret from the environment; refused where the variable is not there at all, which is a
    variable forgotten (or misspelt), never a wish to remove the secret: that is the variable set empty."""
    import os

    from counter.words.platform import GATEWAY_SECRET_UNSET

    secret = os.environ.get(GATEWAY_SECRET_ENV)
    if secret is None:
        raise Reported(GATEWAY_SECRET_UNSET)
    return secret.strip()


def _coding(text: str) -> tuple[str, str]:
    from counter.cli.common import UsageError
    from counter.words.platform import CODING_BAD_ARGUMENT

    name, sep, preset = text.partition("=")
    if not sep or not name.strip():
        raise UsageError(CODING_BAD_ARGUMENT.format(text=text))
    return name.strip(), preset.strip()


def _codings_lines(settings: PlatformSettings) -> list[str]:
    """Each code list the field codes in more than one way: the coding chosen, or that it is not, and the choices.
    A mapping file that cannot be read (removed or spoiled after it was chosen) is said in their place: without a
    word, the site would look as if it had no list to choose."""
    from counter.platform.mapping import MappingError, load_mapping, mapping_file
    from counter.words.platform import CODING_LINE, CODING_UNCHOSEN, CODINGS_UNREAD

    try:
        mapping = load_mapping(mapping_file(settings.mapping))
    except MappingError as err:
        log.warning("platform settings: mapping %s unreadable: %s", settings.mapping, err)
        return [CODINGS_UNREAD.format(mapping=settings.mapping)]
    used = mapping.codings(settings.codings).used()
    return [
        CODING_LINE.format(title=cl.title, name=cl.name, chosen=used.get(cl.name) or CODING_UNCHOSEN,
                           presets=LIST_JOIN.join(cl.presets))
        for cl in mapping.lists.values()
        if cl.needs_choice
    ]  # fmt: skip


def _show(settings: PlatformSettings, as_json: bool) -> None:
    from counter.words.platform import PLATFORM_OFF, PLATFORM_SETTINGS_LINE, PLATFORM_VIA_HALL, download_line

    if as_json:
        print_json(settings_json(settings, "enabled", "sends"))
        return
    if not settings.enabled:
        print(PLATFORM_OFF)
    elif not settings.sends:
        print(PLATFORM_VIA_HALL)
    if settings.endpoint:
        print(
            PLATFORM_SETTINGS_LINE.format(endpoint=settings.endpoint, account=settings.account,
                                          timeout=f"{settings.timeout:g}", attempts=settings.attempts,
                                          mapping=settings.mapping, ca_file=settings.ca_file or "-")
        )  # fmt: skip
    print(download_line(settings.download_base, bool(settings.gateway_secret)))
    for line in _codings_lines(settings):
        print(line)
