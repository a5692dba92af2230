"""``counter pad``: a hall's review pads (评价器) as devices of their own.

``pair`` and ``retire`` are a supervisor's acts (the 好差评 standing), recorded in the audit trail: a pad paired to a
desk answers that desk's rating requests, under its own key, and the desk's session can no longer answer them.
The pad itself is registered at the server by its administrator (``counter serve add-pad NAME``).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from counter.access.pads import PadRefused
from counter.cli.arguments import add_json
from counter.cli.common import EXIT_OK, Reported, UsageError, desk, open_service, print_json
from counter.words.command_parser import CommandParser
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


START_HELP = tr("评价器程序：在评价器电脑上全屏显示本窗口的评价请求，申请人的评价用评价器密钥直接发给大厅服务器")
KEY_UNREADABLE = tr("读不出评价器密钥文件 {path}")
KEY_REFUSED = tr("给出的不是评价器密钥：应是 counter serve add-pad 输出的最后一行")
NO_KEY = tr("本机还没有评价器密钥：请用 --key-file 给出 counter serve add-pad 输出的密钥")
NOT_AN_ADDRESS = tr("大厅服务器地址应为 https://主机:端口（只用加密连接），不是 {server}")
CA_UNREADABLE = tr("读不出大厅 CA 证书 {path}：文件不存在、无权读取，或不是 PEM 格式的证书")
START_ALONE = tr("counter pad start 的前面不能有其他参数")


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
    p = pads.add_parser("start", help=START_HELP)
    add_pad_start_options(p)
    p.set_defaults(func=cmd_pad_start)


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


# --- the pad device's program (its window is counter.ui.pad.device, started by counter/__main__.py) ---------------


def add_pad_start_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--server", required=True, help=tr("大厅服务器地址（https://主机:端口）"))
    p.add_argument("--ca", required=True, help=tr("大厅 CA 证书文件：只信任它签发的服务器证书"))
    p.add_argument("--key-file",
                   help=tr("counter serve add-pad 给本评价器的密钥所在的文件（- 表示从标准输入读）；"
                           "另存为只有本用户能读的文件，以后启动不必再给"))  # fmt: skip
    p.add_argument("--language", choices=("zh", "mn"), default="zh", help=tr("评价器的文字：zh 中文，mn 蒙古文"))
    p.add_argument("--window", action="store_true", help=tr("在普通窗口中显示，不全屏"))


@dataclass(frozen=True)
class PadStart:
    """What the pad device's program starts with: the server, the hall's CA, the pad's key (kept 0600), its words."""

    server: str
    ca: Path
    key: str
    language: str
    windowed: bool


def pad_start_settings(argv: list[str]) -> PadStart:
    """``counter pad start``'s options read, the key file kept (0600) and the key read back; :class:`UsageError`
    for an address, a CA file or a key the program cannot use, said before its window opens."""
    import ssl
    from urllib.parse import urlsplit

    from counter.host.keys.desk_key import BadDeskKey
    from counter.host.keys.pad_key import keep_pad_key, read_pad_key

    parser = CommandParser(prog="counter pad start", description=START_HELP)
    add_pad_start_options(parser)
    args = parser.parse_args(argv)
    parts = urlsplit(args.server)
    if parts.scheme != "https" or not parts.hostname:
        raise UsageError(NOT_AN_ADDRESS.format(server=args.server))
    try:
        ssl.create_default_context(cafile=args.ca)
    except (OSError, ssl.SSLError) as err:
        raise UsageError(CA_UNREADABLE.format(path=args.ca)) from err
    if args.key_file is not None:
        try:
            text = sys.stdin.read() if args.key_file == "-" else Path(args.key_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise UsageError(KEY_UNREADABLE.format(path=args.key_file)) from err
        try:
            keep_pad_key(text)
        except BadDeskKey as err:
            raise UsageError(KEY_REFUSED) from err
    key = read_pad_key()
    if not key:
        raise UsageError(NO_KEY)
    return PadStart(args.server, Path(args.ca), key, args.language, args.window)


def cmd_pad_start(args: argparse.Namespace) -> int:
    """Reached only when ``counter pad start`` follows other options: the program starts from its own first words."""
    raise UsageError(START_ALONE)
