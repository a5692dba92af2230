"""``counter site seal --body NAME``: a body's electronic seal, made by the site's seal CA (GB/T 38540)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from counter.cli.common import EXIT_OK, Reported
from counter.words.files import file_fault
from counter.words.translate import tr


def add_seal_command(site: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    """``counter site seal --body NAME``: under ``counter site``."""
    p = site.add_parser(
        "seal",
        parents=[common],
        help=tr("为一个出具文书的单位制作电子印章（GB/T 38540），其 OFD 文书从此加盖电子印章（系统管理员）"),
    )
    p.add_argument("--body", required=True, help=tr("单位名称，与文书盖章处印出的名称一字不差"))
    p.add_argument("--image", metavar="FILE.png", help=tr("该单位印章的登记图像（PNG）；不给则按名称绘制"))
    p.set_defaults(func=cmd_site_seal)


def cmd_site_seal(args: argparse.Namespace) -> int:
    from counter.case.moments import minute_text
    from counter.cli.common import desk, open_service
    from counter.service.paper_seals import MAKE_SEAL, MakeSeal

    picture = b""
    if args.image:
        image = Path(args.image)
        try:
            picture = image.read_bytes()
        except OSError as err:
            raise Reported(tr("无法读取文件 {path}：{error}").format(path=image, error=file_fault(err))) from err
        if not picture.startswith(b"\x89PNG\r\n\x1a\n"):
            raise Reported(tr("印章图像须是 PNG 图片：{path}").format(path=image))
    made = open_service(args).call(MAKE_SEAL, MakeSeal(args.body, picture), desk())
    print(tr("已为{body}制作电子印章，有效至 {until}。").format(body=made.body, until=minute_text(made.valid_until)))
    print(tr("印章证书摘要（SM3）：{digest}").format(digest=made.certificate_digest))
    kept = tr("印章保存在出具文书的电脑（或本窗口连接的服务器）上，只有那里出具的{body} OFD 文书加盖此印章；")
    print(kept.format(body=made.body) + tr("印章文件不要复制到不为该单位出具文书的电脑上。"))
    return EXIT_OK
