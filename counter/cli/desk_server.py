"""``counter desk --server … --ca … --desk-key-file …``: the way a hall's desk machine reaches its server.

The address and the hall's CA certificate are desk settings like the others (the machine's file may set them for
every user); the desk key ``counter serve add-desk`` printed is not: it is read from a file or standard input, never
from the command line (a process list shows that to every user), and kept in a file of its own, 0600
(:mod:`counter.host.keys.desk_key`).  Neither touches the database, so no administrator's sign-in is asked for them.

A hall that cannot stop runs two servers on one database: ``--server`` given twice names both, kept in the one
setting with a space between (:func:`counter.service.remote.server_roots`); the desk asks the other when one stops.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from counter.cli.common import UsageError
from counter.words.translate import tr

SERVER_FIELD = {"server": tr("大厅服务器地址"), "server_ca": tr("大厅 CA 证书")}
SERVER_REFUSED = tr("大厅服务器地址应为 https://主机:端口（只用加密连接），不是 {server}")
CA_REFUSED = tr("读不出大厅 CA 证书 {path}：文件不存在、无权读取，或不是 PEM 格式的证书")
KEY_UNREADABLE = tr("读不出窗口密钥文件 {path}")
KEY_REFUSED = tr("给出的不是窗口密钥：应是 counter serve add-desk 输出的最后一行")
KEY_KEPT = tr("窗口密钥已保存在 {path}（只有本用户能读）")
#: the one try of the server after its settings changed (counter.service.hall_server_check)
REACHED = tr("大厅服务器 {server}：连得上")
NOT_REACHED = tr("大厅服务器 {server}：连不上。请核对地址和端口，以及服务器和网络是否开着")
TRUSTED = tr("服务器的证书由大厅 CA 签发：可信")
NOT_TRUSTED = tr(
    "服务器出示的证书不是所给的大厅 CA 签发的，或与地址里的服务器名不符：窗口不会连接它，也没有把窗口密钥发给它。"
    "请核对 --ca 给的证书和地址里的服务器名"
)
KEY_ACCEPTED = tr("{desk}号窗口的密钥：服务器认可")
KEY_NOT_ACCEPTED = tr(
    "{desk}号窗口的密钥：服务器不认可（不是本窗口号的密钥，或本窗口已重新登记过）。"
    "请在服务器上用 counter serve add-desk --desk {desk} 重新登记，再用 --desk-key-file 给本机"
)
KEY_NOT_ASKED = tr("{desk}号窗口的密钥：服务器没有给出能读懂的答复，没能核对；详情已记入日志")
NO_CA = tr("还没有给出大厅 CA 证书（--ca）：窗口只信任它签发的服务器证书，没有它不连接服务器")
NO_KEY = tr("本机还没有窗口密钥：请用 --desk-key-file 给出 counter serve add-desk 输出的密钥")


def add_server_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--server", action="append",
                   help=tr("大厅服务器地址（https://主机:端口）；大厅有两台服务器时给两次，一台停了窗口就用另一台；"
                           "空字符串表示本机用自己的数据库"))  # fmt: skip
    p.add_argument("--ca", help=tr("大厅 CA 证书文件：只信任它签发的服务器证书"))
    p.add_argument("--desk-key-file",
                   help=tr("counter serve add-desk 给本机的窗口密钥所在的文件（- 表示从标准输入读）；"
                           "密钥另存为只有本用户能读的文件，不进设置文件"))  # fmt: skip


def server_changes(args: argparse.Namespace) -> dict[str, str]:
    """The hall server's address and CA certificate as given, checked: an address that is no ``https://host[:port]``,
    or a CA file that cannot be read, is refused (exit 2) now rather than found at the window's next start."""
    from urllib.parse import urlsplit

    changes: dict[str, str] = {}
    if args.server is not None:
        named = [root for given in args.server for root in given.replace(",", " ").split()]
        for root in named:
            parts = urlsplit(root)
            if parts.scheme != "https" or not parts.hostname or parts.path not in ("", "/"):
                raise UsageError(SERVER_REFUSED.format(server=root))
        changes["server"] = " ".join(dict.fromkeys(root.rstrip("/") for root in named))
    if args.ca is not None:
        ca = Path(args.ca).expanduser().absolute() if args.ca else None
        if ca is not None and not _readable_certificate(ca):
            raise UsageError(CA_REFUSED.format(path=args.ca))
        changes["server_ca"] = str(ca) if ca is not None else ""
    return changes


def _readable_certificate(path: Path) -> bool:
    import ssl

    try:
        ssl.create_default_context(cafile=str(path))
    except (OSError, ssl.SSLError):
        return False
    return True


def keep_key(source: str) -> None:
    """The desk key from ``source`` (a file, ``-`` standard input) kept in the machine's key file."""
    from counter.host.keys.desk_key import BadDeskKey, keep_desk_key

    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except OSError as err:
        raise UsageError(KEY_UNREADABLE.format(path=source)) from err
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    try:
        kept = keep_desk_key(lines[-1] if lines else "")  # add-desk's output whole: the key is its last line
    except BadDeskKey as err:
        raise UsageError(KEY_REFUSED) from err
    print(KEY_KEPT.format(path=kept))


def try_server(server: str, ca: str, desk_no: str, out: TextIO) -> bool:
    """Each server of the desk's settings tried once (reached, its certificate trusted, the machine's key accepted),
    each finding printed to ``out``; whether all passed at every one.  A CA certificate that can no longer be read is
    said once, and nothing tried: each try would fail before it reached a server, and read as a wrong address."""
    from counter.host.keys.desk_key import read_desk_key
    from counter.service.remote import server_roots

    if not ca:
        print(NO_CA, file=out)
        return False
    if not _readable_certificate(Path(ca)):  # lost or spoilt since it was set: no try could reach a server
        print(CA_REFUSED.format(path=ca), file=out)
        return False
    key = read_desk_key()
    found = [_try_one(root, ca, desk_no, key, out) for root in server_roots(server)]  # every one tried and said
    return all(found)


def _try_one(server: str, ca: str, desk_no: str, key: str, out: TextIO) -> bool:
    import logging

    from counter.service.hall_server_check import check_server

    found = check_server(server, Path(ca), desk_no, key)
    if found.detail:
        logging.getLogger(__name__).warning("trying the hall server %s: %s", server, found.detail)
    lines = [(REACHED if found.reached else NOT_REACHED).format(server=server)]  # the error's own words: the log
    if found.trusted is not None:
        lines.append(TRUSTED if found.trusted else NOT_TRUSTED)
    if found.trusted and not key:
        lines.append(NO_KEY)
    elif found.trusted and found.key_accepted is None:
        lines.append(KEY_NOT_ASKED.format(desk=desk_no))
    elif found.key_accepted is not None:
        lines.append((KEY_ACCEPTED if found.key_accepted else KEY_NOT_ACCEPTED).format(desk=desk_no))
    print("\n".join(lines), file=out)
    return bool(found.reached and found.trusted and key and found.key_accepted)
