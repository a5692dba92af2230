"""``counter site authority``: which items this site decides itself, and which a department entrusted to its window.

Without either, the window decides no item (:mod:`counter.access.authority`): the departments do, at their own
desks.  The administrator records a department's written 授权 (``--entrust CODE=文书``) or the site's own power
(``--hold CODE``), and takes either back (``--release CODE``); with no option the command shows the setting.
"""

from __future__ import annotations

import argparse
from typing import Any

from counter.cli.common import EXIT_OK, Reported, desk, open_service, print_json
from counter.parties.text import TextField, check_text
from counter.words.translate import tr


def add_authority_command(site: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    """Under ``counter site``."""
    p = site.add_parser(
        "authority", parents=[common], help=tr("本中心自行决定的事项，及部门书面授权窗口代为录入的事项（系统管理员）")
    )
    p.add_argument(
        "--hold", action="append", default=[], metavar="CODE", help=tr("本中心自行作出决定的事项实施编码，可重复")
    )
    p.add_argument(
        "--entrust",
        action="append",
        default=[],
        metavar="CODE=TEXT",
        help=tr("部门书面授权窗口代为录入的事项：实施编码=授权文书（文号、日期），可重复"),
    )
    p.add_argument("--release", action="append", default=[], metavar="CODE", help=tr("取消以上两项，可重复"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_site_authority)


def cmd_site_authority(args: argparse.Namespace) -> int:
    from counter.service.cases import CHANGE_AUTHORITY, SITE_AUTHORITY, ChangeAuthority, SiteCode

    service, by = open_service(args), desk()
    site = by.identity.site_code
    entrusted = []
    for line in args.entrust:
        code, sep, text = line.partition("=")
        if not sep or not code.strip() or not text.strip():
            raise Reported(tr("--entrust 应写作“实施编码=授权文书”：{line}").format(line=line))
        checked = check_text(text, TextField.NOTE)
        if not checked.ok:
            raise Reported(tr("授权文书含有不能录入的字符或超过长度：{line}").format(line=line[:60]))
        entrusted.append((code.strip(), checked.value))

    if args.hold or entrusted or args.release:
        hold, release = tuple(c.strip() for c in args.hold), tuple(c.strip() for c in args.release)
        held = service.call(CHANGE_AUTHORITY, ChangeAuthority(site, hold, tuple(entrusted), release), by)
    else:
        held = service.call(SITE_AUTHORITY, SiteCode(site), by)
    if args.json:
        print_json({"site": site, "site_items": sorted(held.site_items), "entrusted": held.entrusted})
        return EXIT_OK
    for code in sorted(held.site_items):
        print(tr("{code}  本中心自行决定").format(code=code))
    for code, text in sorted(held.entrusted.items()):
        print(tr("{code}  部门授权窗口代为录入：{text}").format(code=code, text=text))
    if not held.site_items and not held.entrusted:
        print(tr("本中心没有自行决定或受部门授权代为录入的事项：各事项均由实施部门在本系统作出决定。"))
    return EXIT_OK
