"""The desk command: ``counter desk`` shows or sets this machine's site, desk number and clerk.

The setting is the machine's own file (:mod:`counter.host.desk_config`), not the database: no store is opened.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from counter.cli.common import EXIT_OK, UsageError, print_json

if TYPE_CHECKING:
    from counter.cli.common import Commands


def add_desk_command(commands: Commands, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser("desk", parents=[common], help="本机窗口：站点、窗口号、工作人员")
    p.add_argument("--site", help="站点编码（2-12位大写字母或数字）")
    p.add_argument("--site-name")
    p.add_argument("--desk", help="窗口号（1-4位数字）")
    p.add_argument("--clerk", help="工作人员姓名")
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
            raise UsageError(f"窗口设置无效：站点编码应为2-12位大写字母或数字，窗口号应为1-4位数字（{err}）") from err
    if args.json:
        print_json(asdict(config))
    else:
        print(f"站点：{config.site_code} {config.site_name}  窗口：{config.desk_no}号  工作人员：{config.clerk}")
    return EXIT_OK
