"""The audit command: ``counter audit verify``.

``audit verify`` reads the whole trail, chain by chain, and reports every
problem it finds (exit 1), or one line saying the trail is whole (exit 0): a
support engineer or an auditor can run it on a copy of a hall's database.
``audit seal`` signs the chains' heads with the site's key, on the machine
that holds it (see :mod:`counter.audit.seal`).  ``audit reads`` lists each
answer that gave an account a person's ID number whole (a supervisor's):
who, at which desk, of which case, when; never the number.  ``audit set-aside-seal``, at a
hall, sets aside a township seal row the township never signed
(:mod:`counter.audit.peer_seals`).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
from typing import TYPE_CHECKING

from counter.case.moments import second_text
from counter.cli.arguments import add_json
from counter.cli.common import EXIT_OK, EXIT_PROBLEM, desk, moment_json, open_service, print_json
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.audit.verify import AuditReport
    from counter.cli.common import Commands


def add_audit_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    audit = commands.add_parser("audit", parents=[common], help=tr("审计日志：校验是否完整、未被篡改")).add_subparsers(
        dest="audit_command", metavar="ACTION", required=True
    )
    p = audit.add_parser("verify", parents=[common], help=tr("逐条校验审计日志的哈希链，列出每一个问题"))
    add_json(p)
    p.set_defaults(func=cmd_audit_verify)
    seal_help = tr("用本站点的签名密钥封存每条链的当前末尾（须在保存密钥的电脑上）")
    p = audit.add_parser("seal", parents=[common], help=seal_help)
    add_json(p)
    p.set_defaults(func=cmd_audit_seal)
    p = audit.add_parser(
        "reads", parents=[common], help=tr("列出每一次完整查看身份证号的记录：谁、哪个窗口、哪个办件、何时（须负责人）")
    )
    p.add_argument("--login", default="", help=tr("只列这个账号的"))
    p.add_argument("--case", dest="case_no", default="", help=tr("只列这个办件的"))
    p.add_argument("--since", type=_day, default=None, help=tr("只列这一天（YYYY-MM-DD）以来的"))
    add_json(p)
    p.set_defaults(func=cmd_audit_reads)
    aside_help = tr("搁置大厅保存的一行乡镇封签：该乡镇从未签名的那一行（须管理员）")
    p = audit.add_parser("set-aside-seal", parents=[common], help=aside_help)
    p.add_argument("site", metavar="SITE", help=tr("乡镇站点代码"))
    p.add_argument("no", type=int, metavar="NO", help=tr("封签号"))
    p.add_argument("digest", metavar="DIGEST", help=tr("这一行的摘要（校验结果 --json 中的 digest）"))
    p.set_defaults(func=cmd_audit_set_aside_seal)


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from counter.cli.phrases import AUDIT_BROKEN, AUDIT_WHOLE
    from counter.service.requests import Nothing
    from counter.service.site import VERIFY_TRAIL
    from counter.words.audit import (
        PEER_RESTORE_NOTE,
        alg_spans_text,
        mismatch_text,
        restore_note_text,
        seal_state_text,
        trail_problem_text,
        unmarked_rows_text,
    )

    report = open_service(args).call(VERIFY_TRAIL, Nothing(), desk())
    if args.json:
        print_json(_report_json(report))
        return EXIT_OK if report.whole else EXIT_PROBLEM
    for note in report.restores:
        print(restore_note_text(note))
    for site, no in report.peer_restores:
        print(PEER_RESTORE_NOTE.format(site=site, no=no))
    if report.whole:
        print(AUDIT_WHOLE.format(entries=report.entries, chains=report.chains))
    else:
        for problem in report.problems:
            print(trail_problem_text(problem))
        for mismatch in report.mismatches:
            print(mismatch_text(mismatch))
        count = len(report.problems) + len(report.mismatches)
        print(AUDIT_BROKEN.format(count=count, entries=report.entries, chains=report.chains), file=sys.stderr)
    print(seal_state_text(report.seals, report.unsealed, report.seal_key))
    for line in alg_spans_text(report.spans, report.unchecked):
        print(line)
    if (unmarked := unmarked_rows_text(report.unmarked_rows)) is not None:
        print(unmarked)
    return EXIT_OK if report.whole else EXIT_PROBLEM


def cmd_audit_seal(args: argparse.Namespace) -> int:
    """The seal made; exit 1, the file named, where the seal before it could not be anchored (a problem to fix)."""
    from counter.cli.phrases import AUDIT_NOT_ANCHORED, AUDIT_SEALED
    from counter.service.requests import Nothing
    from counter.service.site import SEAL_TRAIL

    made = open_service(args).call(SEAL_TRAIL, Nothing(), desk())
    if args.json:
        print_json(
            {"no": made.no, "chains": made.chains, "entries": made.entries, "digest": made.digest}
            | ({"unanchored": made.unanchored} if made.unanchored else {})
        )
    else:
        print(AUDIT_SEALED.format(no=made.no, chains=made.chains, entries=made.entries, digest=made.digest[:16]))
    if made.unanchored:
        print(AUDIT_NOT_ANCHORED.format(no=made.no - 1, path=made.unanchored), file=sys.stderr)
        return EXIT_PROBLEM
    return EXIT_OK


def cmd_audit_reads(args: argparse.Namespace) -> int:
    from counter.access.read_record import ReadsAsked
    from counter.cli.phrases import AUDIT_READ_COUNT, AUDIT_READ_LINE, AUDIT_READ_NO_CASE
    from counter.service.reads import LIST_READS
    from counter.words.reads import read_by_text

    asked = ReadsAsked(login=args.login, case_no=args.case_no, since=args.since)
    rows = open_service(args).call(LIST_READS, asked, desk())
    if args.json:
        print_json([dataclasses.asdict(row) | {"at": moment_json(row.at)} for row in rows])
        return EXIT_OK
    for row in rows:
        at, case_no = second_text(row.at), row.case_no or AUDIT_READ_NO_CASE
        print(AUDIT_READ_LINE.format(at=at, login=row.login, name=row.name, site=row.site_code, desk=row.desk_no,
                                     case_no=case_no, operation=read_by_text(row.operation)))  # fmt: skip
    print(AUDIT_READ_COUNT.format(count=len(rows)), file=sys.stderr)
    return EXIT_OK


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(tr("日期应为 YYYY-MM-DD")) from err


def cmd_audit_set_aside_seal(args: argparse.Namespace) -> int:
    from counter.audit.peer_seals import NotSetAside
    from counter.cli.common import Reported
    from counter.service.site import SET_ASIDE_SEAL, SetAsideSeal
    from counter.words.audit import SEAL_ALREADY_ASIDE, SEAL_NOT_HELD, SEAL_SET_ASIDE, SEAL_SIGNED_KEPT

    try:
        done = open_service(args).call(SET_ASIDE_SEAL, SetAsideSeal(args.site, args.no, args.digest), desk())
    except NotSetAside as err:
        raise Reported(SEAL_SIGNED_KEPT if err.signed else SEAL_NOT_HELD) from err
    print((SEAL_SET_ASIDE if done else SEAL_ALREADY_ASIDE).format(site=args.site, no=args.no))
    return EXIT_OK


def _report_json(report: AuditReport) -> dict[str, object]:
    from counter.words.audit import ALG_NAME, mismatch_text, restore_note_text, trail_problem_text

    problems = [
        {
            "code": p.code.value,
            "chain": p.chain,
            "seq": p.seq,
            "last_seq": p.last,
            **({"digest": p.digest} if p.digest else {}),
            "message": trail_problem_text(p),
        }
        for p in report.problems
    ]
    mismatches = [
        {"code": m.code.value, "kind": m.kind.value, "key": m.key, "message": mismatch_text(m)}
        for m in report.mismatches
    ]
    return {
        "ok": report.whole,
        "entries": report.entries,
        "chains": report.chains,
        "problems": problems,
        "mismatches": mismatches,
        "seals": report.seals,
        "unsealed": report.unsealed,
        "seal_key_fingerprint": report.seal_key,
        "spans": [{"chain": s.chain, "alg": ALG_NAME[s.alg], "first": s.first, "last": s.last} for s in report.spans],
        "unchecked": report.unchecked,
        "unmarked_rows": report.unmarked_rows,
        "peer_restores": [{"site": site, "no": no} for site, no in report.peer_restores],
        "restores": [
            {"back_to": r.back_to, "first": r.first, "last": r.last, "message": restore_note_text(r)}
            for r in report.restores
        ],
    }
