"""The site commands: ``counter site show|init|card|register|peers``, the hall's intake ``rules`` and its SMS
gateway (``sms``).

A hall and a township centre each set their identity once (``site init``),
swap site cards (``site card`` on one side, ``site register`` on the other)
and check the fingerprint the register command prints with the other side by
phone.  ``site show`` makes the identity on first use, from this machine's desk,
as the window and the sync commands do.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from counter.case.moments import minute_text
from counter.cli.arguments import add_json
from counter.cli.authority import add_authority_command
from counter.cli.common import EXIT_OK, Reported, desk, moment_json, open_service, print_json
from counter.cli.intake_rules import add_intake_rule_commands
from counter.cli.key_rotation import add_rotate_key_command
from counter.cli.licences import add_licence_command
from counter.cli.messages import add_gateway_command
from counter.cli.paper import add_seal_command
from counter.cli.seal_anchors import add_seal_anchor_command
from counter.cli.site_suite import add_suite_command
from counter.words.catalog_problems import problem_text
from counter.words.files import file_fault
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.cli.common import Commands
    from counter.sync.site_faults import SiteRefused
    from counter.sync.sites import SiteIdentity

SITE_KINDS = ("hall", "township", "league")


def add_site_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    site = commands.add_parser(
        "site",
        parents=[common],
        help=tr("本站点身份与签名密钥、对方站点（政务服务中心与苏木乡镇便民服务中心互传数据）"),
    ).add_subparsers(dest="site_command", metavar="ACTION", required=True)
    p = site.add_parser("show", parents=[common], help=tr("显示本站点：编码、名称、类型、公钥及指纹（首次使用时生成）"))
    add_json(p)
    p.set_defaults(func=cmd_site_show)
    p = site.add_parser("init", parents=[common], help=tr("设定或修改本站点的编码、名称和类型（系统管理员）"))
    p.add_argument("--code", required=True, help=tr("站点编码（2-12位大写字母或数字）"))
    p.add_argument("--name", required=True, help=tr("站点名称"))
    p.add_argument(
        "--kind",
        required=True,
        choices=SITE_KINDS,
        help=tr("hall 政务服务中心；township 苏木乡镇便民服务中心；league 盟级政务服务中心"),
    )
    p.set_defaults(func=cmd_site_init)
    p = site.add_parser("card", parents=[common], help=tr("写出本站点名片（JSON），交给对方站点登记"))
    p.add_argument(
        "--out", required=True, metavar="FILE", help=tr("名片写入的文件（JSON），如 /media/usb/XAM01.site.json")
    )
    p.set_defaults(func=cmd_site_card)
    p = site.add_parser("register", parents=[common], help=tr("读入对方站点的名片并登记（系统管理员；先核对指纹）"))
    p.add_argument("file", metavar="FILE", help=tr("对方站点的名片文件（对方用 counter site card 写出的 JSON）"))
    p.add_argument(
        "--fingerprint", metavar="TEXT", help=tr("对方电话告知的公钥指纹；与名片不符则不登记（空格和大小写不计）")
    )
    p.add_argument(
        "--county", default="", metavar="CODE", help=tr("盟级中心登记政务服务中心时：其所在旗县市区的6位行政区划代码")
    )
    p.set_defaults(func=cmd_site_register)
    p = site.add_parser("peers", parents=[common], help=tr("列出已登记的对方站点"))
    add_json(p)
    p.set_defaults(func=cmd_site_peers)
    add_intake_rule_commands(site, common)
    add_gateway_command(site, common)
    add_licence_command(site, common)
    add_authority_command(site, common)
    add_rotate_key_command(site, common)
    add_suite_command(site, common)
    add_seal_command(site, common)
    add_seal_anchor_command(site, common)


def cmd_site_show(args: argparse.Namespace) -> int:
    from counter.cli.phrases import SITE_KEY_ELSEWHERE, SITE_KEY_HERE
    from counter.service.requests import Nothing
    from counter.service.site import SHOWN
    from counter.sync.site_view import SiteKeys, retired_fingerprint
    from counter.words.sites import STORED_KEYS_CHANGED

    shown = open_service(args).call(SHOWN, Nothing(), desk())  # the identity is made on first use
    key_here, changed = shown.keys is SiteKeys.HERE, shown.keys is SiteKeys.CHANGED
    retired = [
        {
            "fingerprint": retired_fingerprint(key),
            "until": moment_json(key.until),
            "revoked_since": moment_json(key.revoked_since),
        }
        for key in shown.retired
    ]
    if args.json:
        key_file = {"key_file": str(shown.key_path), "key_here": key_here, "stored_keys_changed": changed}
        print_json({**_identity_json(shown.identity), **key_file, "retired_keys": retired})
        return EXIT_OK
    print(_identity_text(shown.identity))
    for key in shown.retired:
        line = tr("已更换的旧签名密钥 {fingerprint}：签署封签至 {until}").format(
            fingerprint=retired_fingerprint(key), until=minute_text(key.until)
        )
        if key.revoked_since is not None:
            line += tr("，自 {revoked_since} 起吊销").format(revoked_since=minute_text(key.revoked_since))
        print(line)
    if changed:
        print(STORED_KEYS_CHANGED.format(path=shown.key_path), file=sys.stderr)
    elif key_here:
        print(SITE_KEY_HERE)
    else:
        print(SITE_KEY_ELSEWHERE.format(path=shown.key_path))
    return EXIT_OK


def cmd_site_init(args: argparse.Namespace) -> int:
    from counter.cli.phrases import (
        SITE_CATALOG_LOADED,
        SITE_DESK_SET,
        SITE_INIT_DONE,
        SITE_KEY_NOTE,
        SITE_SETUP_WRITE_FAILED,
    )
    from counter.host.machine.paths import site_key_path
    from counter.resources import bundled_catalog_dir
    from counter.service.site import SET_UP, SetUpSite
    from counter.sync.site_faults import SiteFileFailed, SiteRefused
    from counter.sync.sites import SiteKind
    from counter.words.office import paper_blanks_lines

    request = SetUpSite(args.code, args.name, SiteKind(args.kind), bundled_catalog_dir())
    try:
        done = open_service(args).call(SET_UP, request, desk())
    except SiteRefused as err:
        raise _refused(err, args.code) from err
    except SiteFileFailed as err:  # the desk's settings or the key file: the identity was rolled back
        raise Reported(SITE_SETUP_WRITE_FAILED.format(path=err.path, error=file_fault(err.os_error()))) from err
    print(SITE_INIT_DONE)
    print(_identity_text(done.identity))
    print(SITE_DESK_SET.format(code=done.identity.code, name=done.identity.name, path=done.desk_file))
    if done.catalog_loaded:
        print(SITE_CATALOG_LOADED.format(count=len(done.catalog_versions)))
        for problem in done.catalog_problems:
            print(tr("警告：{problem}").format(problem=problem_text(problem)), file=sys.stderr)
    print(SITE_KEY_NOTE.format(path=site_key_path()))
    for line in paper_blanks_lines(done.blanks):  # what the papers would print blank, by name
        print(line, file=sys.stderr)
    return EXIT_OK


def cmd_site_card(args: argparse.Namespace) -> int:
    from counter.cli.phrases import SITE_CARD_WRITTEN, WRITE_FAILED
    from counter.service.requests import Nothing
    from counter.service.site import CARD
    from counter.sync.site_faults import StoredKeysChanged
    from counter.sync.sites import write_card_file
    from counter.words.sites import CARD_REFUSED_KEYS_CHANGED, CARD_SUITE

    try:
        identity = open_service(args).call(CARD, Nothing(), desk())  # the keys from this machine's key files
    except StoredKeysChanged as err:
        raise Reported(CARD_REFUSED_KEYS_CHANGED.format(path=err.path)) from err
    out = Path(args.out)
    try:
        write_card_file(out, identity)
    except OSError as err:
        raise Reported(WRITE_FAILED.format(path=out, error=file_fault(err))) from err
    print(SITE_CARD_WRITTEN.format(path=out, fingerprint=identity.fingerprint))
    print(CARD_SUITE[identity.suite])
    return EXIT_OK


def cmd_site_register(args: argparse.Namespace) -> int:
    from counter.cli.phrases import READ_FAILED, SITE_CARD_REFUSED, SITE_REGISTER_CHECK
    from counter.service.site import REGISTER_CARD, RegisterCard
    from counter.sync.site_faults import PeerRefused
    from counter.sync.sites import read_card_file, same_fingerprint
    from counter.words.files import file_fault
    from counter.words.punctuation import LIST_JOIN
    from counter.words.sites import FINGERPRINT_DIFFERS, peer_change_text, site_problem_text

    path = Path(args.file)
    try:
        card, problems = read_card_file(path)
    except OSError as err:
        raise Reported(READ_FAILED.format(path=path, error=file_fault(err))) from err
    if card is None:
        lines = [site_problem_text(problem) for problem in problems]
        raise Reported("\n".join([SITE_CARD_REFUSED.format(path=path), *lines]))
    print(SITE_REGISTER_CHECK.format(**_identity_words(card)))
    if card.retired:  # a site that replaced its key: the one this site holds for it should be among these
        print(
            tr("该站点更换过密钥，已停用的旧签名密钥指纹：{fingerprints}").format(
                fingerprints=LIST_JOIN.join(card.retired)
            )
        )
    if args.fingerprint is not None and not same_fingerprint(args.fingerprint, card.fingerprint):
        raise Reported(FINGERPRINT_DIFFERS.format(given=args.fingerprint, fingerprint=card.fingerprint))
    service = open_service(args)
    try:
        done = service.call(REGISTER_CARD, RegisterCard(card, args.county), desk())
    except PeerRefused as err:
        raise _refused(err, card.code) from err
    print(peer_change_text(done.change, done.code, done.old_fingerprint))
    return EXIT_OK


def cmd_site_peers(args: argparse.Namespace) -> int:
    from counter.cli.phrases import SITE_NO_PEERS, SITE_PEER_COUNT, SITE_PEER_LINE
    from counter.service.requests import Nothing
    from counter.service.site import PEERS
    from counter.words.sites import SITE_KIND

    found = open_service(args).call(PEERS, Nothing(), desk())
    if args.json:
        print_json(
            [
                {
                    "code": p.code,
                    "name": p.name,
                    "kind": p.kind.value,
                    "public_key": p.public_key,
                    "encryption_key": p.encryption_key,
                    "fingerprint": p.fingerprint,
                    "registered_at": moment_json(p.registered_at),
                    "county": p.county,  # a hall's county at its league; "" for every other peer
                }
                for p in found
            ]
        )
        return EXIT_OK
    if not found:
        print(SITE_NO_PEERS)
        return EXIT_OK
    for p in found:
        at = minute_text(p.registered_at)
        print(
            SITE_PEER_LINE.format(
                code=p.code, name=p.name, kind=SITE_KIND[p.kind], fingerprint=p.fingerprint, registered_at=at
            )
        )
    print(SITE_PEER_COUNT.format(count=len(found)), file=sys.stderr)
    return EXIT_OK


def _identity_json(identity: SiteIdentity) -> dict[str, str]:
    return {
        "code": identity.code,
        "name": identity.name,
        "kind": identity.kind.value,
        "public_key": identity.public_key,
        "encryption_key": identity.encryption_key,
        "fingerprint": identity.fingerprint,
    }


def _identity_words(identity: SiteIdentity) -> dict[str, str]:
    from counter.words.sites import SITE_KIND

    return {**_identity_json(identity), "kind": SITE_KIND[identity.kind]}


def _identity_text(identity: SiteIdentity) -> str:
    from counter.cli.phrases import SITE_SHOW

    return SITE_SHOW.format(**_identity_words(identity))


def _refused(err: SiteRefused, code: str) -> Reported:
    from counter.words.sites import site_problem_text

    return Reported("\n".join(site_problem_text(problem, code) for problem in err.codes))
