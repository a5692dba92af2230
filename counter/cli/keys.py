"""``counter keys``: the site's data keys, what personal data is sealed under at rest (GB/T 39786-2021 8.4 e)).

Run by an administrator on the machine that holds the key files (the hall server's, a township laptop).  A rotation
run in this process prints each batch on stderr as it ends (done/total), as ``counter db upgrade`` prints each
migration: a hall's millions of values take long enough that a silent command looks hung.  Where the work ran
elsewhere (a service over the hall server) no batch reaches this process; the command then says so and gives the
answer's summary alone (the batches are in the server's log).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from counter.cli.arguments import add_json
from counter.cli.common import EXIT_OK, desk, open_service, print_json
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.cli.common import Commands
    from counter.host.database.migration_step import Step


def add_keys_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    keys = commands.add_parser("keys", parents=[common], help=tr("本站点的数据密钥")).add_subparsers(
        dest="keys_command", metavar="ACTION", required=True
    )
    p = keys.add_parser(
        "rotate-data",
        parents=[common],
        help=tr("更换个人信息加密密钥：全部个人信息分批用新密钥重新加密，中断后再次运行即接着完成"),
    )
    add_json(p)
    p.set_defaults(func=cmd_keys_rotate_data)


def cmd_keys_rotate_data(args: argparse.Namespace) -> int:
    from counter.host.database.step_listener import told_of_steps
    from counter.service.keys import ROTATE_DATA_KEY
    from counter.service.requests import Nothing

    service = open_service(args)
    batches: list[Step] = []

    def print_batch(step: Step) -> None:
        batches.append(step)
        line = tr("重新加密个人信息：已完成 {number}/{count} 批，本批用时 {seconds:.1f} 秒")
        print(
            line.format(number=step.number, count=step.count, seconds=step.seconds or 0.0), file=sys.stderr, flush=True
        )

    with told_of_steps(print_batch):
        done = service.call(ROTATE_DATA_KEY, Nothing(), desk())
    if not batches:  # the work ran in another process: only its answer came back
        print(
            tr("重新加密在服务器上分批进行，本机收不到逐批进度，以下仅为结果汇总；逐批记录见服务器日志。"),
            file=sys.stderr,
        )
    if args.json:
        print_json({"key_id": done.key_id, "sealed": done.sealed, "unreadable": done.unreadable})
        return EXIT_OK
    print(
        tr("个人信息加密密钥已更换为第 {key_id} 把，重新加密 {sealed} 项。").format(
            key_id=done.key_id, sealed=done.sealed
        )
    )
    if done.unreadable:
        print(tr("有 {count} 项的密钥不在本机，未能重新加密，旧密钥仍保留。").format(count=done.unreadable))
    return EXIT_OK
