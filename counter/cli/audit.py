"""The audit command: ``counter audit verify``.

``audit verify`` reads the whole trail, chain by chain, and reports every
problem it finds (exit 1), or one line saying the trail is whole (exit 0): a
support engineer or an auditor can run it on a copy of a hall's database.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from counter.cli.common import EXIT_OK, EXIT_PROBLEM, open_store, print_json
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.audit.verify import AuditReport
    from counter.cli.common import Commands


def add_audit_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    audit = commands.add_parser("audit", parents=[common], help=tr("审计日志：校验是否完整、未被篡改")).add_subparsers(
        dest="audit_command", metavar="ACTION", required=True
    )
    p = audit.add_parser("verify", parents=[common], help=tr("逐条校验审计日志的哈希链，列出每一个问题"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_audit_verify)


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from counter.actions.audit import verify_trail
    from counter.cli.phrases import AUDIT_BROKEN, AUDIT_WHOLE
    from counter.words.audit import trail_problem_text

    report = open_store(args).read(verify_trail)
    if args.json:
        print_json(_report_json(report))
    elif report.whole:
        print(AUDIT_WHOLE.format(entries=report.entries, chains=report.chains))
    else:
        for problem in report.problems:
            print(trail_problem_text(problem))
        print(
            AUDIT_BROKEN.format(count=len(report.problems), entries=report.entries, chains=report.chains),
            file=sys.stderr,
        )
    return EXIT_OK if report.whole else EXIT_PROBLEM


def _report_json(report: AuditReport) -> dict[str, object]:
    from counter.words.audit import trail_problem_text

    problems = [
        {
            "code": p.code.value,
            "chain": p.chain,
            "seq": p.seq,
            "last_seq": p.last,
            "message": trail_problem_text(p),
        }
        for p in report.problems
    ]
    return {"ok": report.whole, "entries": report.entries, "chains": report.chains, "problems": problems}
