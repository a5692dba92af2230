"""``counter site rotate-key``: new keys for this site, the old key's seals still verifiable (and, revoked, refused
from the moment given).  Run by an administrator on the machine that holds the key files."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from counter.case.moments import minute_text
from counter.cli.arguments import add_json
from counter.cli.common import EXIT_OK, Reported, desk, open_service, print_json
from counter.words.translate import tr


def add_rotate_key_command(site: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    """Under ``counter site``."""
    p = site.add_parser(
        "rotate-key",
        parents=[common],
        help=tr("更换本站点的签名和加密密钥，旧密钥的封签仍可校验（系统管理员，在保存密钥的电脑上）"),
    )
    p.add_argument(
        "--revoked-since",
        metavar="TIME",
        help=tr("旧密钥可能已泄露：从这一时刻（如 2026-11-20T08:00+08:00）起旧密钥签署的封签一律不采信"),
    )
    add_json(p)
    p.set_defaults(func=cmd_site_rotate_key)


def _moment(text: str, now: dt.datetime) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError as err:
        raise Reported(tr("--revoked-since 不是时刻：{text}（例如 2026-11-20T08:00+08:00）").format(text=text)) from err
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone(dt.timedelta(hours=8)))  # the desks' own time, 北京时间
    if moment > now:
        raise Reported(tr("--revoked-since 晚于现在：{text}").format(text=text))
    return moment.astimezone(dt.UTC)


def cmd_site_rotate_key(args: argparse.Namespace) -> int:
    from counter.host.machine.paths import site_key_path
    from counter.service.site import ROTATE_KEY, RotateKey
    from counter.sync.keys import install_next_keys

    now = dt.datetime.now(dt.UTC)
    revoked = None if args.revoked_since is None else _moment(args.revoked_since, now)
    done = open_service(args).call(ROTATE_KEY, RotateKey(revoked), desk())
    install_next_keys(site_key_path())  # the new key files in place once the rotation is committed
    if args.json:
        print_json(
            {
                "old_fingerprint": done.old_fingerprint,
                "new_fingerprint": done.new_fingerprint,
                "last_old_seal": done.last_old_seal,
                "first_new_seal": done.first_new_seal,
                "revoked_since": None if revoked is None else revoked.isoformat(),
            }
        )
        return EXIT_OK
    print(tr("站点密钥已更换。旧公钥指纹：{old}").format(old=done.old_fingerprint))
    print(tr("新公钥指纹：{new}").format(new=done.new_fingerprint))
    if revoked is not None:
        print(tr("旧密钥已吊销：{at} 起它签署的封签不再采信。").format(at=minute_text(revoked)))
    elif done.last_old_seal is None:
        print(tr("本机没有旧密钥文件：旧密钥此后不再签署任何封签。"))
    else:  # the old key announced the new ones (counter.sync.key_change): the peers register them as they take in
        print(tr("此后发出的数据包带着由旧密钥签署的新公钥，对方站点收下后自动改登记，旧密钥签署的数据包不再被接收。"))
        return EXIT_OK
    print(tr("请导出新的站点名片（counter site card），交给每个对方站点重新登记，并电话核对新指纹。"))
    return EXIT_OK
