"""``counter site licences``: the hall's 电子证照库, shown or changed as ``counter site sms`` does the gateway.

The secret comes from the environment (``COUNTER_LICENCE_SECRET``), kept out of the shell's history and the process
list, and goes to this machine's key folder, not the database: set it on every desk that asks the library.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from counter.cli.arguments import add_json
from counter.cli.channel_settings import given_settings, settings_json
from counter.cli.common import EXIT_OK, Reported, desk, open_service, print_json
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.intake.licences import LibrarySettings

SECRET_ENV = "COUNTER_LICENCE_SECRET"


def add_licence_command(site: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    """Under ``counter site``."""
    p = site.add_parser("licences", parents=[common], help=tr("本中心的电子证照库（查看或修改）"))
    p.add_argument("--endpoint", metavar="URL", help=tr("证照库查询地址（只接受 https://）"))
    p.add_argument("--account", help=tr("证照库账号"))
    p.add_argument(
        "--secret-from-env",
        action="store_true",
        help=tr(
            "密钥取自环境变量 COUNTER_LICENCE_SECRET，存在本机的站点密钥文件夹而不进数据库：每台查询的电脑都须设置"
        ),
    )
    p.add_argument("--timeout", type=float, metavar="SECONDS", help=tr("每次查询的超时秒数（1-30）"))
    p.add_argument(
        "--format", dest="format_file", metavar="FILE", help=tr("按本省接口改写的格式文件（默认：随程序提供的格式）")
    )
    p.add_argument("--off", action="store_true", help=tr("取消证照库：受理时不再查询"))
    add_json(p)
    p.set_defaults(func=cmd_licences)


def cmd_licences(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from counter.intake.licences import LibraryRefused, LibrarySettings
    from counter.service.intake import READ_LIBRARY, SAVE_LIBRARY, SaveLibrary
    from counter.service.requests import Nothing
    from counter.words.licences import LIBRARY_PROBLEM

    changes = given_settings(args, ("endpoint", "account", "timeout", "format_file"), SECRET_ENV)

    service = open_service(args)
    by = desk()
    settings = service.call(READ_LIBRARY, Nothing(), by)
    try:
        if args.off or changes:
            settings = LibrarySettings() if args.off else replace(settings, **changes)
            service.call(SAVE_LIBRARY, SaveLibrary(settings), by)
    except LibraryRefused as err:
        raise Reported("\n".join(LIBRARY_PROBLEM[p] for p in err.problems)) from err
    _show(settings, args.json)
    return EXIT_OK


def _show(settings: LibrarySettings, as_json: bool) -> None:
    from counter.words.licences import LIBRARY_FORMAT_SHIPPED, LIBRARY_LINE, LIBRARY_NONE

    if as_json:
        print_json(settings_json(settings, "configured"))
        return
    if not settings.configured:
        print(LIBRARY_NONE)
        return
    print(
        LIBRARY_LINE.format(
            endpoint=settings.endpoint, account=settings.account, timeout=f"{settings.timeout:g}",
            format=settings.format_file or LIBRARY_FORMAT_SHIPPED,
        )
    )  # fmt: skip
