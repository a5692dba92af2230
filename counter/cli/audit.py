"""The audit commands: ``counter audit verify`` and ``counter case void``.

``audit verify`` reads the whole trail, chain by chain, and reports every
problem it finds (exit 1), or one line saying the trail is whole (exit 0): a
support engineer or an auditor can run it on a copy of a hall's database.
``case void`` is the supervisor's correction of a case entered in error: the
case stays, marked void with the reason, in its history and in the trail.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from counter.cli.main import EXIT_OK, EXIT_PROBLEM, Reported, UsageError, _desk, _open_db, _print_json

if TYPE_CHECKING:
    from counter.audit.verify import AuditReport
    from counter.cli.main import Commands


def add_audit_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    audit = commands.add_parser("audit", parents=[common], help="审计日志：校验是否完整、未被篡改").add_subparsers(
        dest="audit_command", metavar="ACTION", required=True
    )
    p = audit.add_parser("verify", parents=[common], help="逐条校验审计日志的哈希链，列出每一个问题")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_audit_verify)


def add_void_command(case: Commands, common: argparse.ArgumentParser) -> None:
    """``case void``, added to the case commands."""
    p = case.add_parser("void", parents=[common], help="作废误录的办件（负责人；须写明原因）")
    p.add_argument("case_no")
    p.add_argument("--reason", required=True, metavar="TEXT", help="作废原因，例如：重复录入，正确的办件为……")
    p.set_defaults(func=cmd_case_void)


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from counter import texts
    from counter.actions.audit import verify_trail

    sessions = _open_db(args)
    with sessions() as session:
        report = verify_trail(session)
    if args.json:
        _print_json(_report_json(report))
    elif report.whole:
        print(texts.AUDIT_WHOLE.format(entries=report.entries, chains=report.chains))
    else:
        for problem in report.problems:
            print(texts.trail_problem_text(problem))
        print(
            texts.AUDIT_BROKEN.format(count=len(report.problems), entries=report.entries, chains=report.chains),
            file=sys.stderr,
        )
    return EXIT_OK if report.whole else EXIT_PROBLEM


def _report_json(report: AuditReport) -> dict[str, object]:
    from counter import texts

    problems = [
        {
            "code": p.code.value,
            "chain": p.chain,
            "seq": p.seq,
            "last_seq": p.last,
            "message": texts.trail_problem_text(p),
        }
        for p in report.problems
    ]
    return {"ok": report.whole, "entries": report.entries, "chains": report.chains, "problems": problems}


def cmd_case_void(args: argparse.Namespace) -> int:
    from counter import texts
    from counter.actions.guard import NotPermitted
    from counter.actions.intake import CaseNotFound, move_case
    from counter.case.status import CaseEvent, MoveNotAllowed

    reason = args.reason.strip()
    if not reason:
        raise UsageError(texts.CASE_VOID_REASON_REQUIRED)
    sessions = _open_db(args)
    try:
        with sessions.begin() as session:
            move_case(session, _desk(), args.case_no, CaseEvent.VOIDED, reason)
    except NotPermitted as err:
        raise Reported(texts.not_permitted(err.permission, err.signed_in)) from err
    except CaseNotFound as err:
        raise Reported(texts.CASE_NOT_FOUND.format(case_no=err.case_no)) from err
    except MoveNotAllowed as err:
        status = texts.CASE_STATUS[err.status]
        raise Reported(texts.CASE_VOID_NOT_ALLOWED.format(case_no=args.case_no, status=status)) from err
    print(texts.CASE_VOIDED_DONE.format(case_no=args.case_no, reason=reason))
    return EXIT_OK
