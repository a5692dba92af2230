"""The account commands: ``counter user add|list|disable|password``.

Signing in a command-line run (``--user``) is shared by every command: :func:`counter.cli.common.sign_in_for_run`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from counter.access.roles import Role
from counter.case.moments import minute_text
from counter.cli.arguments import add_json
from counter.cli.common import (
    EXIT_OK,
    EXIT_PROBLEM,
    Reported,
    UsageError,
    ask,
    desk,
    moment_json,
    open_service,
    print_json,
)
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.access.account_views import AccountInfo, Problem
    from counter.cli.common import Commands


def _new_password(args: argparse.Namespace) -> str:
    from counter.cli.phrases import (
        ACCOUNT_NEW_PASSWORD_PROMPT,
        ACCOUNT_PASSWORD_STDIN_EMPTY,
        ACCOUNT_PASSWORDS_DIFFER,
        ACCOUNT_REPEAT_PASSWORD_PROMPT,
    )

    if args.password_stdin:
        line = sys.stdin.readline()
        if not line:
            raise UsageError(ACCOUNT_PASSWORD_STDIN_EMPTY)
        return line.rstrip("\r\n")
    first = ask(ACCOUNT_NEW_PASSWORD_PROMPT.format(login=args.login))
    again = ask(ACCOUNT_REPEAT_PASSWORD_PROMPT)
    if first != again:
        raise Reported(ACCOUNT_PASSWORDS_DIFFER)
    return first


def _report(problems: Sequence[Problem], login: str) -> int:
    from counter.words.access import account_problem_text

    for problem in problems:
        print(account_problem_text(problem.value, login), file=sys.stderr)
    return EXIT_PROBLEM


def cmd_user_add(args: argparse.Namespace) -> int:
    from counter.access.account_views import NewAccount
    from counter.cli.phrases import ACCOUNT_ADDED
    from counter.service.admin import ADD_ACCOUNT

    service = open_service(args)
    password = _new_password(args)
    roles = frozenset(Role(r) for r in args.role)
    new = NewAccount(args.login, args.name, roles, password, args.staff_no, args.department)
    problems = service.call(ADD_ACCOUNT, new, desk())
    if problems:
        return _report(problems, args.login)
    print(ACCOUNT_ADDED.format(login=args.login.strip().lower()))
    return EXIT_OK


def cmd_user_list(args: argparse.Namespace) -> int:
    from counter.cli.phrases import ACCOUNT_COUNT
    from counter.service.admin import LIST_ACCOUNTS
    from counter.service.requests import Nothing

    service = open_service(args)
    accounts = service.call(LIST_ACCOUNTS, Nothing(), desk())
    if args.json:
        print_json([_account_json(a) for a in accounts])
        return EXIT_OK
    for account in accounts:
        print(_account_line(account))
    print(ACCOUNT_COUNT.format(count=len(accounts)), file=sys.stderr)
    return EXIT_OK


def _account_line(account: AccountInfo) -> str:
    from counter.cli.phrases import (
        ACCOUNT_LINE,
        ACCOUNT_NEVER,
        ACCOUNT_ROLE_DEPARTMENT,
        ACCOUNT_ROLE_JOIN,
        ACCOUNT_STATE_DISABLED,
        ACCOUNT_STATE_ENABLED,
        ACCOUNT_STATE_LOCKED,
    )
    from counter.words.access import ROLE

    def local(moment: dt.datetime | None) -> str:
        return minute_text(moment) if moment else ACCOUNT_NEVER

    if account.disabled:
        state = ACCOUNT_STATE_DISABLED
    elif account.locked_until:
        state = ACCOUNT_STATE_LOCKED.format(until=local(account.locked_until))
    else:
        state = ACCOUNT_STATE_ENABLED
    roles = ACCOUNT_ROLE_JOIN.join(ROLE[role] for role in Role if role in account.roles)
    if account.department:
        roles = ACCOUNT_ROLE_DEPARTMENT.format(roles=roles, department=account.department)
    return ACCOUNT_LINE.format(
        login=account.login,
        name=account.name,
        staff_no=account.staff_no or ACCOUNT_NEVER,
        roles=roles,
        state=state,
        last_login=local(account.last_login_at),
    )


def _account_json(account: AccountInfo) -> dict[str, object]:
    return {
        "login": account.login,
        "name": account.name,
        "staff_no": account.staff_no,
        "roles": [role.value for role in Role if role in account.roles],
        "disabled": account.disabled,
        "locked_until": moment_json(account.locked_until),
        "last_login_at": moment_json(account.last_login_at),
        "department": account.department,
    }


def cmd_user_disable(args: argparse.Namespace) -> int:
    from counter.cli.phrases import ACCOUNT_DISABLED
    from counter.service.admin import DISABLE_ACCOUNT, AccountLogin

    service = open_service(args)
    problems = service.call(DISABLE_ACCOUNT, AccountLogin(args.login), desk())
    if problems:
        return _report(problems, args.login)
    print(ACCOUNT_DISABLED.format(login=args.login.strip().lower()))
    return EXIT_OK


def cmd_user_password(args: argparse.Namespace) -> int:
    from counter.cli.phrases import ACCOUNT_PASSWORD_SET
    from counter.service.admin import SET_PASSWORD, NewPassword

    service = open_service(args)
    password = _new_password(args)
    problems = service.call(SET_PASSWORD, NewPassword(args.login, password), desk())
    if problems:
        return _report(problems, args.login)
    print(ACCOUNT_PASSWORD_SET.format(login=args.login.strip().lower()))
    return EXIT_OK


LOGIN_HELP = tr("账号的登录名（counter user list 所列）")


def add_account_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    user = commands.add_parser("user", parents=[common], help=tr("账号：添加、列表、停用、重设密码")).add_subparsers(
        dest="user_command", metavar="ACTION", required=True
    )
    roles = [role.value for role in Role]
    p = user.add_parser("add", parents=[common], help=tr("添加账号（第一个账号必须是系统管理员 admin）"))
    p.add_argument("login", metavar="LOGIN", help=tr("登录名：小写英文字母、数字和 . _ -，2-40 位"))
    p.add_argument("--name", required=True, help=tr("姓名（印在文书上）"))
    roles_help = tr("角色，可重复：clerk supervisor admin department")
    p.add_argument("--role", action="append", required=True, choices=roles, help=roles_help)
    p.add_argument("--staff-no", default="", help=tr("工号"))
    p.add_argument(
        "--department", default="", metavar="NAME",
        help=tr("部门工作人员所属的实施部门全称（与 counter item queue 所列一致）：只能办理该部门的事项"),
    )  # fmt: skip
    p.add_argument("--password-stdin", action="store_true", help=tr("从标准输入读取一行作为密码（不提示）"))
    p.set_defaults(func=cmd_user_add)
    p = user.add_parser("list", parents=[common], help=tr("列出全部账号"))
    add_json(p)
    p.set_defaults(func=cmd_user_list)
    p = user.add_parser("disable", parents=[common], help=tr("停用账号（保留记录，不删除）"))
    p.add_argument("login", metavar="LOGIN", help=LOGIN_HELP)
    p.set_defaults(func=cmd_user_disable)
    p = user.add_parser("password", parents=[common], help=tr("重设账号密码（同时解除锁定）"))
    p.add_argument("login", metavar="LOGIN", help=LOGIN_HELP)
    p.add_argument("--password-stdin", action="store_true", help=tr("从标准输入读取一行作为密码（不提示）"))
    p.set_defaults(func=cmd_user_password)
