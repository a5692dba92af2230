"""``counter site seal-anchor --add FILE | --list | --remove NAME``: the certificates whose seals the site trusts.

The province's seal CA (before ``counter site seal --province``) and a former or neighbouring site's CA are
certificates handed to the administrator; the command reads one (PEM or DER), refuses what no seal could lead to
(no certificate, not SM2, not a CA, expired) with every reason in Chinese, shows its subject and SHA-256
fingerprint to compare with the issuer's, and keeps it where the service runs (:mod:`counter.seals.anchors`).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter.cli.arguments import add_json
from counter.cli.common import EXIT_OK, Reported, desk, open_service, print_json
from counter.words.files import file_fault
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.seals.anchors import Anchor

#: a certificate is a few hundred bytes: a larger file is read no further than this, and refused as no certificate
READ_LIMIT = 64 * 1024


def add_seal_anchor_command(site: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    p = site.add_parser(
        "seal-anchor",
        parents=[common],
        help=tr("信任证书：加入、列出或删除本站点信任的制章机构根证书（如省电子印章系统的制章 CA；系统管理员）"),
    )
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--add", metavar="FILE", help=tr("加入一份制章机构的 CA 证书（PEM 或 DER 格式）"))
    what.add_argument("--list", action="store_true", help=tr("列出信任证书及其 SHA-256 指纹"))
    what.add_argument("--remove", metavar="NAME", help=tr("删除一份信任证书：NAME 为 --list 所列的名称"))
    add_json(p)
    p.set_defaults(func=cmd_seal_anchor)


def anchor_json(anchor: Anchor) -> dict[str, Any]:
    return {
        "name": anchor.name, "subject": anchor.subject, "organisation": anchor.organisation, "issuer": anchor.issuer,
        "not_before": anchor.not_before.isoformat(), "not_after": anchor.not_after.isoformat(),
        "sha256": anchor.fingerprint, "own": anchor.own,
    }  # fmt: skip


def cmd_seal_anchor(args: argparse.Namespace) -> int:
    from counter.seals.anchors import AnchorRefused
    from counter.service.paper_seals import ADD_ANCHOR, LIST_ANCHORS, REMOVE_ANCHOR, AddAnchor, RemoveAnchor
    from counter.service.requests import Nothing
    from counter.words.seal_anchors import ANCHOR_ADDED, ANCHOR_HERE, ANCHOR_REMOVED, anchor_lines, refused_text

    service = open_service(args)
    try:
        if args.list:
            return _list(service.call(LIST_ANCHORS, Nothing(), desk()), args.json)
        if args.remove is not None:
            name = service.call(REMOVE_ANCHOR, RemoveAnchor(args.remove), desk())
            print_json({"removed": name}) if args.json else print(ANCHOR_REMOVED.format(name=name))
            return EXIT_OK
        path = Path(args.add)
        try:
            with path.open("rb") as given:
                data = given.read(READ_LIMIT + 1)
        except OSError as err:
            raise Reported(tr("无法读取文件 {path}：{error}").format(path=path, error=file_fault(err))) from err
        added = service.call(ADD_ANCHOR, AddAnchor(data if len(data) <= READ_LIMIT else b""), desk())
    except AnchorRefused as err:
        raise Reported(refused_text(err.problems)) from err
    if args.json:
        print_json(anchor_json(added))
        return EXIT_OK
    print(ANCHOR_ADDED.format(name=added.name))
    for line in anchor_lines(added):
        print(line)
    print(ANCHOR_HERE)
    return EXIT_OK


def _list(found: Any, as_json: bool) -> int:
    from counter.words.seal_anchors import ANCHOR_NONE, ANCHOR_UNREAD, anchor_lines

    if as_json:
        print_json({"anchors": [anchor_json(a) for a in found.anchors], "unread": list(found.unread)})
        return EXIT_OK
    if not found.anchors and not found.unread:
        print(ANCHOR_NONE)
    for anchor in found.anchors:
        for line in anchor_lines(anchor):
            print(line)
    for name in found.unread:
        print(ANCHOR_UNREAD.format(name=name))
    return EXIT_OK
