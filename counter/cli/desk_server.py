"""``counter desk --server … --ca … --desk-key-file …``: the way a hall's desk machine reaches its server.

The address and the hall's CA certificate are desk settings like the others (the machine's file may set them for
every user); the desk key ``counter serve add-desk`` printed is not: it is read from a file or standard input, never
from the command line (a process list shows that to every user), and kept in a file of its own, 0600
(:mod:`counter.host.desk_key`).  Neither touches the database, so no administrator's sign-in is asked for them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from counter.cli.common import UsageError
from counter.words.translate import tr

SERVER_FIELD = {"server": tr("大厅服务器地址"), "server_ca": tr("大厅 CA 证书")}
SERVER_REFUSED = tr("大厅服务器地址应为 https://主机:端口（只用加密连接），不是 {server}")
CA_REFUSED = tr("读不出大厅 CA 证书 {path}：文件不存在、无权读取，或不是 PEM 格式的证书")
KEY_UNREADABLE = tr("读不出窗口密钥文件 {path}")
KEY_REFUSED = tr("给出的不是窗口密钥：应是 counter serve add-desk 输出的最后一行")
KEY_KEPT = tr("窗口密钥已保存在 {path}（只有本用户能读）")


def add_server_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--server", help=tr("大厅服务器地址（https://主机:端口）；空字符串表示本机用自己的数据库"))
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
        parts = urlsplit(args.server)
        if args.server and (parts.scheme != "https" or not parts.hostname or parts.path not in ("", "/")):
            raise UsageError(SERVER_REFUSED.format(server=args.server))
        changes["server"] = args.server.rstrip("/")
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
    from counter.host.desk_key import BadDeskKey, keep_desk_key

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
