"""The desk command: ``counter desk`` shows or sets this machine's site, desk number and clerk.

The setting is the machine's own file (:mod:`counter.host.desk_config`), not the database: no store is opened.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from counter.cli.common import EXIT_OK, UsageError, print_json
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.cli.common import Commands


def add_desk_command(commands: Commands, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser("desk", parents=[common], help=tr("本机窗口：站点、窗口号、工作人员"))
    p.add_argument("--site", help=tr("站点编码（2-12位大写字母或数字）"))
    p.add_argument("--site-name")
    p.add_argument("--desk", help=tr("窗口号（1-4位数字）"))
    p.add_argument("--clerk", help=tr("工作人员姓名"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_desk)


def cmd_desk(args: argparse.Namespace) -> int:
    from dataclasses import asdict, replace

    from counter.case.numbers import BadIdentity
    from counter.host.desk_config import load_desk_config, save_desk_config

    config = load_desk_config()
    changes = {k: v for k, v in (("site_code", args.site), ("site_name", args.site_name),
                                 ("desk_no", args.desk), ("clerk", args.clerk)) if v}  # fmt: skip
    if changes:
        try:
            config = replace(config, **changes)
            save_desk_config(config)
        except BadIdentity as err:
            raise UsageError(
                tr("窗口设置无效：站点编码应为2-12位大写字母或数字，窗口号应为1-4位数字（{err}）").format(err=err)
            ) from err
    if args.json:
        print_json(asdict(config))
    else:
        print(
            tr("站点：{site_code} {site_name}  窗口：{desk_no}号  工作人员：{clerk}").format(
                site_code=config.site_code, site_name=config.site_name, desk_no=config.desk_no, clerk=config.clerk
            )
        )
    return EXIT_OK
