"""``counter paper verify FILE``: whether a sealed OFD paper is what its body sealed, said in Chinese.

Anyone may run it on any desk: it needs no database and no account, only the site's trust anchors in this
machine's key folder (the site's seal CA, and former or other sites' CAs placed beside it).  The check itself is
:func:`counter.seals.verify.verify_paper`, the one the hall server uses.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter.cli.arguments import add_json
from counter.cli.common import EXIT_OK, EXIT_PROBLEM, Reported, print_json
from counter.words.files import file_fault
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.cli.common import Commands

SEAL_SECRET_ENV = "COUNTER_SEAL_SECRET"


def add_paper_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    paper = commands.add_parser("paper", parents=[common], help=tr("电子文书：校验 OFD 文书的电子印章")).add_subparsers(
        dest="paper_command", metavar="ACTION", required=True
    )
    p = paper.add_parser(
        "verify",
        parents=[common],
        help=tr("校验 OFD 文书的电子印章（GB/T 38540）：印章、证书链、内容是否一字未改，并说明由谁何时盖章"),
    )
    p.add_argument("file", metavar="FILE", help=tr("要校验的 OFD 文件"))
    add_json(p)
    p.set_defaults(func=cmd_paper_verify)


def add_seal_command(site: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    """``counter site seal --body NAME``: under ``counter site``."""
    p = site.add_parser(
        "seal",
        parents=[common],
        help=tr("为一个出具文书的单位制作电子印章（GB/T 38540），其 OFD 文书从此加盖电子印章（系统管理员）"),
    )
    p.add_argument("--body", required=True, help=tr("单位名称，与文书盖章处印出的名称一字不差"))
    p.add_argument("--image", metavar="FILE.png", help=tr("该单位印章的登记图像（PNG）；不给则按名称绘制"))
    p.add_argument(
        "--province",
        metavar="CODE",
        help=tr(
            "不在本站点制作，而从省电子印章系统取用该单位的印章：CODE 为单位的统一社会信用代码或印章编码；"
            "签章私钥留在省里，每份文书由省系统签名"
        ),
    )
    p.add_argument("--endpoint", metavar="URL", help=tr("省电子印章系统的接口地址（只接受 https://）"))
    p.add_argument("--account", help=tr("省电子印章系统分配给本中心的账号"))
    p.add_argument(
        "--secret-from-env",
        action="store_true",
        help=tr("密钥取自环境变量 COUNTER_SEAL_SECRET，存在本机的站点密钥文件夹而不进数据库：每台盖章的电脑都须设置"),
    )
    p.add_argument("--timeout", type=float, metavar="SECONDS", help=tr("每次请求省电子印章系统的超时秒数（1-30）"))
    p.set_defaults(func=cmd_site_seal)


def cmd_site_seal(args: argparse.Namespace) -> int:
    from counter.case.moments import minute_text
    from counter.cli.channel_settings import given_settings
    from counter.cli.common import desk, open_service
    from counter.seals.province import ProvinceRefused, SealNotTaken
    from counter.service.paper_seals import MAKE_SEAL, MakeSeal
    from counter.words.paper_seals import PROVINCE_PROBLEM, seal_not_taken_text

    picture = b""
    if args.image:
        image = Path(args.image)
        try:
            picture = image.read_bytes()
        except OSError as err:
            raise Reported(tr("无法读取文件 {path}：{error}").format(path=image, error=file_fault(err))) from err
        if not picture.startswith(b"\x89PNG\r\n\x1a\n"):
            raise Reported(tr("印章图像须是 PNG 图片：{path}").format(path=image))
    changes = given_settings(args, ("endpoint", "account", "timeout"), SEAL_SECRET_ENV)
    if changes and not args.province:
        raise Reported(tr("接口地址、账号、密钥和超时只在从省电子印章系统取用印章时使用。"))
    request = MakeSeal(args.body, picture, args.province or "", **changes)
    try:
        made = open_service(args).call(MAKE_SEAL, request, desk())
    except ProvinceRefused as err:
        raise Reported("\n".join(PROVINCE_PROBLEM[p] for p in err.problems)) from err
    except SealNotTaken as err:
        raise Reported(seal_not_taken_text(err.fault, args.body)) from err
    done = (
        tr("已从省电子印章系统取用{body}的电子印章，有效至 {until}。")
        if args.province
        else tr("已为{body}制作电子印章，有效至 {until}。")
    )
    print(done.format(body=made.body, until=minute_text(made.valid_until)))
    print(tr("印章证书摘要（SM3）：{digest}").format(digest=made.certificate_digest))
    kept = tr("印章保存在出具文书的电脑（或本窗口连接的服务器）上，只有那里出具的{body} OFD 文书加盖此印章；")
    print(kept.format(body=made.body) + tr("印章文件不要复制到不为该单位出具文书的电脑上。"))
    return EXIT_OK


def cmd_paper_verify(args: argparse.Namespace) -> int:
    from counter.host.machine.paths import site_key_path
    from counter.seals.store import anchors, seals_dir
    from counter.seals.verify import verify_paper
    from counter.words.paper_seals import paper_check_lines

    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise Reported(tr("无法读取文件 {path}：{error}").format(path=path, error=file_fault(err))) from err
    check = verify_paper(data, anchors(seals_dir(site_key_path())))
    if args.json:
        print_json(
            {
                "good": check.good,
                "verdict": check.verdict.value,
                "body": check.body,
                "signer": check.signer,
                "sealed_at": check.sealed_at.isoformat() if check.sealed_at else None,
                "title": check.title,
                "doc_id": check.doc_id,
                "files": list(check.files),
            }
        )
    else:
        for line in paper_check_lines(check):
            if line:
                print(line)
    return EXIT_OK if check.good else EXIT_PROBLEM
