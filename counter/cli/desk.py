"""The desk command: ``counter desk`` shows or sets this machine's site, desk number and clerk.

The setting is in files (:mod:`counter.host.machine.desk_config`), not the database; a change opens the database only to
ask whether it has accounts (then an administrator must be signed in, ``--user``) and to record the change.  It
shows where each value comes from — the machine's file, the user's, the default — because a value that will not
change when the user sets it is usually one the machine's file sets for everyone, or one the user's file still holds.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from counter.cli import phrases
from counter.cli.arguments import add_json
from counter.cli.common import EXIT_OK, EXIT_PROBLEM, UsageError, print_json
from counter.cli.desk_server import SERVER_FIELD, add_server_options, keep_key, server_changes, try_server
from counter.words.punctuation import CLAUSE_JOIN
from counter.words.translate import tr

if TYPE_CHECKING:
    from collections.abc import Callable

    from counter.case.desk_name_checks import DeskNameProblem
    from counter.case.numbers import BadIdentity
    from counter.cli.common import Commands
    from counter.host.machine.desk_config import DeskSettings
    from counter.host.machine.machine_config import MachineProblem


def add_desk_command(commands: Commands, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser("desk", parents=[common], help=tr("本机窗口：站点、窗口号、工作人员"))
    p.add_argument("--site", help=tr("站点编码（2-12位大写字母或数字）"))
    p.add_argument(
        "--site-name", metavar="NAME", help=tr("站点名称（至多 64 字），显示在登录页和评价器上，记入好差评的受理部门")
    )
    p.add_argument("--desk", help=tr("窗口号（1至9999的整数，不以0开头）"))
    p.add_argument("--clerk", help=tr("工作人员姓名"))
    p.add_argument("--pad-mode", choices=("auto", "on_request", "strip"),
                   help=tr("评价器方式：auto 有第二块屏幕时全屏显示在上面，只有一块屏幕时同 on_request；"
                           "on_request 只在请申请人评价时出现在本屏幕上，避开工作窗口；"
                           "strip 同 on_request，平时在屏幕边上显示一条评价提示条"))  # fmt: skip
    p.add_argument("--pad-keyboard", choices=("yes", "no"),
                   help=tr("评价器旁有没有给申请人用的键盘：yes 差评时可输入文字评价，no 只点选原因"))  # fmt: skip
    p.add_argument("--pad-language", choices=("zh", "mn"),
                   help=tr("评价器的文字：zh 汉文，mn 蒙古文（工作窗口始终是汉文）"))  # fmt: skip
    p.add_argument("--pad-voice", choices=("yes", "no"),
                   help=tr("评价器是否用语音读出提示（需要 espeak-ng）"))  # fmt: skip
    add_server_options(p)
    add_json(p)
    p.set_defaults(func=cmd_desk)


def cmd_desk(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from counter.case.numbers import BadIdentity, check_given_desk_no
    from counter.host.machine.desk_config import load_desk_settings, save_desk_config

    changes = {k: v for k, v in (("site_code", args.site), ("site_name", args.site_name),
                                 ("desk_no", args.desk), ("clerk", args.clerk),
                                 ("pad_mode", args.pad_mode), ("pad_keyboard", args.pad_keyboard),
                                 ("pad_language", args.pad_language), ("pad_voice", args.pad_voice)) if v}  # fmt: skip
    if "desk_no" in changes:
        try:
            check_given_desk_no(changes["desk_no"])  # before anything is kept: "08" would be a desk apart from 8
        except BadIdentity as err:
            raise _invalid(err) from err
    server = server_changes(args)
    if args.desk_key_file:
        keep_key(args.desk_key_file)
    if server and not changes:  # the machine's way to its server: no account's business, nothing in the database
        save_desk_config(replace(load_desk_settings().config, **server))
    elif server:
        changes |= server
    if changes:
        record = _authorise(args, changes)
        try:
            save_desk_config(replace(load_desk_settings().config, **changes))
        except BadIdentity as err:
            raise _invalid(err) from err
        record()
    settings = load_desk_settings()
    tried = True
    if (args.server or args.desk_key_file) and settings.config.server:
        out = sys.stderr if args.json else sys.stdout  # the JSON alone on standard output
        tried = try_server(settings.config.server, settings.config.server_ca, settings.config.desk_no, out)
    for problem in settings.machine.problems:
        print(phrases.DESK_MACHINE_PROBLEM.format(path=settings.machine.path, problem=problem_text(problem)),
              file=sys.stderr)  # fmt: skip
    if args.json:
        print_json(desk_json(settings))
    else:
        print("\n".join(desk_lines(settings)))
    return EXIT_OK if tried else EXIT_PROBLEM  # the settings are kept: the try's findings say what to put right


def _invalid(err: BadIdentity) -> UsageError:
    rule = (
        tr("站点编码应为2-12位大写字母或数字") if err.field == "site_code" else tr("窗口号应为1至9999的整数，不以0开头")
    )
    return UsageError(tr("窗口设置无效：{rule}，收到：{value}").format(rule=rule, value=err.value))


def _authorise(args: argparse.Namespace, changes: dict[str, str]) -> Callable[[], None]:
    """Refuse bad names (exit 2), and anyone but an administrator where the database has accounts (exit 1); what
    records the change in the audit trail once it is saved.

    A database that does not exist yet has no accounts: the desk is set up before its first start without making one.
    """
    from counter.case.desk_name_checks import desk_name_problems
    from counter.cli.common import desk, open_service, store_url
    from counter.host.database.database_choice import sqlite_path
    from counter.service.requests import DeskChanges
    from counter.service.site import MAY_CHANGE_DESK, RECORD_DESK_CHANGE, DeskClerk

    clerk, site_name = changes.get("clerk"), changes.get("site_name")
    _refuse(desk_name_problems(clerk, site_name))
    path = sqlite_path(store_url(args))
    if path is not None and not path.exists():
        return lambda: None
    service = open_service(args)
    by = desk()
    _refuse(service.call(MAY_CHANGE_DESK, DeskClerk(clerk), by))
    return lambda: service.call(RECORD_DESK_CHANGE, DeskChanges(changes), by)


def _refuse(problems: tuple[DeskNameProblem, ...]) -> None:
    from counter.case.desk_names import CLERK_NAME_MAX, SITE_NAME_MAX
    from counter.words.desks import DESK_NAME_PROBLEM

    if not problems:
        return
    limits = {"clerk": CLERK_NAME_MAX, "site_name": SITE_NAME_MAX}
    named = CLAUSE_JOIN.join(
        DESK_NAME_PROBLEM[p.problem.value].format(field=phrases.DESK_FIELD[p.field], limit=limits.get(p.field, 0))
        for p in problems
    )
    raise UsageError(phrases.DESK_NAME_REFUSED.format(problems=named))


def desk_lines(settings: DeskSettings) -> list[str]:
    from dataclasses import asdict

    config = asdict(settings.config)
    machine = settings.machine
    where = phrases.DESK_MACHINE_FILE if machine.found else phrases.DESK_MACHINE_FILE_ABSENT
    summary = phrases.DESK_SUMMARY.format(**(config | {"clerk": config["clerk"] or phrases.DESK_VALUE_EMPTY}))
    if any(settings.sources[name].value == "default" for name in ("site_code", "site_name")):
        summary += phrases.DESK_SUMMARY_DEFAULT_SITE
    return [
        summary,
        *(
            phrases.DESK_VALUE_LINE.format(
                field=(phrases.DESK_FIELD | SERVER_FIELD)[name],
                value=config[name] or phrases.DESK_VALUE_EMPTY,
                source=_source(source.value, bool(config[name])),
            )
            for name, source in settings.sources.items()
        ),
        where.format(path=machine.path),
        phrases.DESK_USER_FILE.format(path=settings.user_path),
    ]


def _source(source: str, has_value: bool) -> str:
    """Where a value comes from; a default with a value (the site XAM01, the area 152200) is said to be unset, so a
    technician does not take the shipped example for the hall's own."""
    if source == "default" and has_value:
        return phrases.DESK_SOURCE_DEFAULT_UNSET
    return phrases.DESK_SOURCE[source]


def desk_json(settings: DeskSettings) -> dict[str, object]:
    from dataclasses import asdict

    return {
        **asdict(settings.config),
        "sources": {name: source.value for name, source in settings.sources.items()},
        "machine_file": str(settings.machine.path),
        "user_file": str(settings.user_path),
        "machine_problems": [
            {"problem": p.fault.value, "field": p.field, "detail": p.detail, "message": problem_text(p)}
            for p in settings.machine.problems
        ],
    }


def problem_text(problem: MachineProblem) -> str:
    return phrases.MACHINE_PROBLEM[problem.fault.value].format(field=problem.field, detail=problem.detail)
