"""``counter pad``: a hall's review pads (评价器) as devices of their own.

``pair`` and ``retire`` are a supervisor's acts (the 好差评 standing), recorded in the audit trail: a pad paired to a
desk answers that desk's rating requests, under its own key, and the desk's session can no longer answer them.
The pad itself is registered at the server by its administrator (``counter serve add-pad NAME``).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from counter.access.pads import PadRefused
from counter.cli.arguments import add_json
from counter.cli.common import EXIT_OK, Reported, desk, open_service, print_json
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.cli.common import Commands

#: why a pad's pairing or retirement was refused, by :class:`counter.access.pads.PadProblem`
PAD_REFUSAL = {
    "bad_name": tr("评价器名称 {pad} 不可用：只用字母、汉字、数字、- 或 _，最多32个字"),
    "no_pad": tr("没有登记名为 {pad} 的评价器：请先在服务器上登记"),
    "retired": tr("评价器 {pad} 已停用：重新登记后才能再配对"),
    "no_desk": tr("{desk}号窗口没有在服务器上登记，不能配对评价器"),
}


def add_pad_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    pads = commands.add_parser("pad", parents=[common], help=tr("评价器（独立设备）：配对、停用、列出")).add_subparsers(
        dest="pad_command", metavar="ACTION", required=True
    )
    p = pads.add_parser(
        "pair", parents=[common], help=tr("把评价器配对到一个窗口（替换该窗口原来的评价器；负责人操作）")
    )
    p.add_argument("name", metavar="NAME", help=tr("评价器名称"))
    p.add_argument("--desk", required=True, help=tr("窗口号"))
    p.set_defaults(func=cmd_pad_pair)
    p = pads.add_parser(
        "retire", parents=[common], help=tr("停用评价器：其密钥不再有效，窗口不再有评价器（负责人操作）")
    )
    p.add_argument("name", metavar="NAME", help=tr("评价器名称"))
    p.set_defaults(func=cmd_pad_retire)
    p = pads.add_parser("list", parents=[common], help=tr("列出已登记的评价器及其配对的窗口"))
    add_json(p)
    p.set_defaults(func=cmd_pad_list)


def _refused(err: PadRefused) -> Reported:
    return Reported(PAD_REFUSAL[err.code.value].format(pad=err.pad, desk=err.desk_no))


def cmd_pad_pair(args: argparse.Namespace) -> int:
    from counter.service.pads import PAIR_PAD, PairPad

    try:
        open_service(args).call(PAIR_PAD, PairPad(args.name, args.desk), desk())
    except PadRefused as err:
        raise _refused(err) from err
    print(tr("评价器 {pad} 已配对到{desk}号窗口").format(pad=args.name, desk=args.desk))
    return EXIT_OK


def cmd_pad_retire(args: argparse.Namespace) -> int:
    from counter.service.pads import RETIRE_PAD, PadName

    try:
        open_service(args).call(RETIRE_PAD, PadName(args.name), desk())
    except PadRefused as err:
        raise _refused(err) from err
    print(tr("评价器 {pad} 已停用").format(pad=args.name))
    return EXIT_OK


def cmd_pad_list(args: argparse.Namespace) -> int:
    from counter.service.pads import LIST_PADS
    from counter.service.requests import Nothing

    pads = open_service(args).call(LIST_PADS, Nothing(), desk())
    if args.json:
        print_json([{"name": p.name, "desk_no": p.desk_no or None, "retired": p.retired} for p in pads])
        return EXIT_OK
    for p in pads:
        where = tr("已停用") if p.retired else tr("{desk}号窗口").format(desk=p.desk_no) if p.desk_no else tr("未配对")
        print(f"{p.name}\t{where}")
    return EXIT_OK
