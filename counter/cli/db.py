"""The database command: ``counter db upgrade`` migrates the schema to this program's revision.

Opening the database migrates it (:func:`counter.cli.common.open_service`), each migration printed as it runs; the
command then asks where it stands (``site.schema_revision``).
It is also the explicit step that makes a new SQLite database: no other command makes one where a configured file
is missing (:mod:`counter.host.database.database_choice`).
A hall's desks no longer connect to its PostgreSQL: they ask the hall server (``counter serve``), whose role owns
the tables, so there is no desk role to grant.  ``counter db grant-desk`` and ``db upgrade --desk-role``, which made
one, are kept only to say so and where the 运维手册 retires a hall's old desk role; they change nothing.
"""

from __future__ import annotations

import argparse
import logging
import sys
from typing import TYPE_CHECKING, NoReturn

from counter.cli.common import EXIT_OK, desk, open_service
from counter.host.database.migration_wait import LOCK_TIMEOUT_S
from counter.words.translate import tr

if TYPE_CHECKING:
    import datetime as dt

    from counter.access.desk import Desk
    from counter.cli.common import Commands
    from counter.host.database.migration_step import Step
    from counter.service.local import Service

log = logging.getLogger(__name__)


def add_db_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    db = commands.add_parser("db", parents=[common], help=tr("数据库")).add_subparsers(
        dest="db_command", metavar="ACTION", required=True
    )
    p = db.add_parser("upgrade", parents=[common], help=tr("升级数据库结构"))
    p.add_argument("--desk-role", metavar="ROLE", help=tr("已停用：大厅不再有窗口连接数据库用的角色"))
    p.add_argument(
        "--lock-timeout",
        type=_seconds,
        default=LOCK_TIMEOUT_S,
        metavar="SECONDS",
        help=tr(
            "PostgreSQL：要修改的表被其他连接占用时最多等多少秒，"
            "超时则放弃升级、不做任何改动（默认 {seconds:g}；0 表示一直等）"
        ).format(seconds=LOCK_TIMEOUT_S),
    )
    p.set_defaults(func=cmd_db_upgrade)
    p = db.add_parser("grant-desk", parents=[common], help=tr("已停用：大厅不再有窗口连接数据库用的角色"))
    p.add_argument("role", metavar="ROLE", help=tr("已停用：窗口连接数据库用的角色名"))
    p.add_argument("--password-stdin", action="store_true", help=tr("已停用"))
    p.set_defaults(func=cmd_db_grant_desk)
    p = db.add_parser("numbers", parents=[common], help=tr("检查本窗口的编号是否会与已发出的编号重复"))
    p.add_argument(
        "--skip-issued",
        action="store_true",
        help=tr("恢复备份后：从本机记录的最后一个已发出编号之后继续编号（须管理员）"),
    )
    p.add_argument(
        "--check", action="store_true", help=tr("说明本机的编号记录在哪里、是否完好、与数据库是否一致，以及怎样处理")
    )
    p.add_argument(
        "--renote",
        action="store_true",
        help=tr("本机的编号记录丢失或损坏时：核对数据库没有缺少已发出的编号后，按数据库重建记录（须管理员）"),
    )
    p.set_defaults(func=cmd_db_numbers)


def cmd_db_numbers(args: argparse.Namespace) -> int:
    """Whether the desk may number intakes; with ``--skip-issued``, number on above what it issued before."""

    from counter.case.number_faults import NumbersBehind
    from counter.cli.common import EXIT_PROBLEM, today
    from counter.service.requests import Nothing
    from counter.service.site import CHECK_NUMBERS, RENOTE, SKIP_ISSUED, NumbersAsked
    from counter.words.at_command_line import numbers_behind_text

    service = open_service(args)
    by: Desk = desk()
    day: dt.date = today(args)
    if args.renote:
        made = service.call(RENOTE, Nothing(), by)
        if made.aside:
            print(tr("原来的编号记录已改名保留：{path}").format(path=made.aside))
        print(
            tr("已按数据库重建本机的编号记录：{path}（本窗口最后的办件编号：{number}）").format(
                path=made.path, number=made.noted or tr("无")
            )
        )
    if args.check:
        return _numbers_check(service, by, day)
    if args.skip_issued:
        skipped = service.call(SKIP_ISSUED, Nothing(), by)
        if skipped is not None:
            print(tr("本窗口将从 {number} 之后继续编号；该编号及之前的编号不会再次发出。").format(number=skipped))
    try:
        service.call(CHECK_NUMBERS, NumbersAsked(), by)
    except NumbersBehind as err:
        print(numbers_behind_text(err.last_issued, err.where, err.note), file=sys.stderr)
        return EXIT_PROBLEM
    print(tr("编号正常：本窗口下一个编号不会与已发出的编号重复。"))
    return EXIT_OK


def _numbers_check(service: Service, by: Desk, day: dt.date) -> int:
    """``--check``: where this machine's note of issued numbers is, its state, what it and the database say."""
    from counter.cli.common import EXIT_PROBLEM
    from counter.service.requests import Nothing
    from counter.service.site import NOTE_REPORT
    from counter.words.at_command_line import numbers_behind_text
    from counter.words.database import NOTE_FAULT

    report = service.call(NOTE_REPORT, Nothing(), by)
    state = NOTE_FAULT[report.fault] if report.fault else tr("完好")
    print(tr("本机的编号记录：{path}").format(path=report.path))
    print(tr("记录状态：{state}").format(state=state))
    if report.detail:  # the system's own words, in English: support reads them in the log, the technician the state
        log.warning("note of issued numbers %s %s: %s", report.path, report.fault, report.detail)
    print(tr("记录中本窗口最后的办件编号：{number}").format(number=report.noted or tr("无")))
    print(tr("数据库中本窗口最后的办件编号：{number}").format(number=report.recorded or tr("无")))
    if report.problem is not None:
        problem = report.problem
        print(numbers_behind_text(problem.last_issued, problem.where, problem.note), file=sys.stderr)
        return EXIT_PROBLEM
    print(tr("编号正常：本窗口下一个编号不会与已发出的编号重复。"))
    return EXIT_OK


def _seconds(given: str) -> float:
    """``--lock-timeout``: seconds, 0 or more."""
    try:
        seconds = float(given)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= 3600:
        raise argparse.ArgumentTypeError(tr("应为 0 到 3600 之间的秒数：{given}").format(given=given))
    return seconds


def _print_step(step: Step) -> None:
    """Each migration as it starts and ends: a long one (a big table rewritten) is seen working."""
    if step.seconds is None:
        line = tr("升级数据库结构 {number}/{count}：{revision} ……")
    else:
        line = tr("完成 {number}/{count}：{revision}，用时 {seconds:.1f} 秒")
    print(line.format(number=step.number, count=step.count, revision=step.revision, seconds=step.seconds), flush=True)


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    """Open the database, which migrates it, each step printed as it runs; then say where it stands."""
    from counter.service.requests import Nothing
    from counter.service.site import OTHER_LOGINS, SCHEMA_REVISION
    from counter.words.database import DESK_ROLES_LEFT
    from counter.words.punctuation import LIST_JOIN

    if args.desk_role:
        _desk_role_retired()  # before anything is opened: the hall's technician is mid-way through the old manual
    # the set-up step: the one command that makes a missing database
    service = open_service(args, create=True, lock_timeout_s=args.lock_timeout, on_step=_print_step)
    revision = service.call(SCHEMA_REVISION, Nothing(), desk())
    print(tr("数据库结构已是最新（{revision}）。").format(revision=revision))
    left = service.call(OTHER_LOGINS, Nothing(), desk())
    if left:  # upgraded all the same: the role is the hall's to retire, as the manual says
        print(DESK_ROLES_LEFT.format(roles=LIST_JOIN.join(left)), file=sys.stderr)
    return EXIT_OK


def cmd_db_grant_desk(args: argparse.Namespace) -> int:
    _desk_role_retired()


def _desk_role_retired() -> NoReturn:
    """The old options refused, with what to do instead: no role is granted, nothing is opened."""
    from counter.cli.common import UsageError
    from counter.words.database import DESK_ROLE_RETIRED

    raise UsageError(DESK_ROLE_RETIRED)
