"""``counter site suite``: the algorithms this site writes its packages in, today's or the national ones.

Run by an administrator on the machine that holds the key files.  Choosing the national suite (SM2, SM3, SM4) makes
the site's SM2 key and changes its card and fingerprint: the site hands its peers the new card, and each reads the
new fingerprint over the phone before registering it.  Every site reads both suites whatever it chose.
"""

from __future__ import annotations

import argparse
from typing import Any

from counter.cli.arguments import add_json
from counter.cli.common import EXIT_OK, desk, open_service, print_json
from counter.words.translate import tr

_CHOICES = {"national": True, "standard": False}


def add_suite_command(site: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    """Under ``counter site``."""
    p = site.add_parser(
        "suite",
        parents=[common],
        help=tr("选择本站点数据包使用的密码算法：national 为国密（SM2、SM3、SM4），standard 为现有算法（系统管理员）"),
    )
    p.add_argument("choice", choices=sorted(_CHOICES), metavar="SUITE", help=tr("national 或 standard"))
    add_json(p)
    p.set_defaults(func=cmd_site_suite)


def cmd_site_suite(args: argparse.Namespace) -> int:
    from counter.service.site import CHOOSE_SUITE, ChooseSuite

    national = _CHOICES[args.choice]
    identity = open_service(args).call(CHOOSE_SUITE, ChooseSuite(national), desk())
    if args.json:
        print_json({"national": national, "fingerprint": identity.fingerprint, "sm2_key": identity.sm2_key})
        return EXIT_OK
    if national:
        print(tr("本站点此后以国密算法（SM2、SM3、SM4）签名和加密数据包。"))
        print(tr("站点名片已加入SM2公钥，公钥指纹：{fingerprint}").format(fingerprint=identity.fingerprint))
        print(tr("请导出新的站点名片（counter site card），交给每个对方站点重新登记，并电话核对新指纹。"))
    else:
        print(tr("本站点此后以现有算法签名和加密数据包；对方站点发来的国密数据包照常接收。"))
    return EXIT_OK
