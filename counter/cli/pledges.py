"""告知承诺 from the command line: ``counter item pledge|check|pledges|pledge-paper``.

``item pledge`` grants an item the catalog marks for 告知承诺 on the applicant's signed promise, on the spot, by the
body that may decide it (the one rule, :mod:`counter.access.authority`), and keeps its 核查 date on the department's
list; ``item pledges`` is that list; ``item check`` records the check — a promise found false is ordered corrected by
a day (``--correct-by``) where the item's law provides it; ``item hear`` tells the applicant of the revocation intended
and their right to be heard; ``item revoke`` revokes the licence (行政许可法 第六十九条第二款) once that period ran out;
``item pledge-paper`` writes the 告知承诺书, the 责令限期改正通知书 (``--correction``), the 陈述申辩告知书
(``--hearing``) or the 撤销决定书 (``--revocation``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter.cli.arguments import PAPER_OUT_HELP, add_case_no, add_json
from counter.cli.common import (
    EXIT_OK,
    Reported,
    add_today,
    desk,
    free_text,
    open_service,
    parse_date,
)
from counter.cli.paper_out import paper_out_ready, write_paper
from counter.parties.text import TextField
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.access.pledge_offers import PledgeRow


def add_pledge_commands(item: Any, common: argparse.ArgumentParser) -> None:
    """The 告知承诺 commands, under ``counter item``."""
    p = item.add_parser("pledge", parents=[common], help=tr("依申请人签署的告知承诺书当场许可，并记下核查期限"))
    add_case_no(p)
    p.add_argument("item", metavar="ITEM", help=tr("事项实施编码"))
    p.add_argument("--result-no", required=True, metavar="NO", help=tr("许可证件的编号，例如消防安全检查合格证号"))
    add_today(p)
    p.set_defaults(func=cmd_item_pledge)
    p = item.add_parser("check", parents=[common], help=tr("记录告知承诺的核查结果；承诺不实的，撤销许可"))
    add_case_no(p)
    p.add_argument("item", metavar="ITEM", help=tr("事项实施编码"))
    found = p.add_mutually_exclusive_group(required=True)
    found.add_argument("--kept", action="store_true", help=tr("核查属实"))
    found.add_argument(
        "--false", dest="finding", type=free_text(TextField.NOTE), metavar="TEXT", help=tr("承诺不实：核查发现的情况")
    )
    p.add_argument("--correct-by", metavar="DATE", help=tr("承诺不实、依法应先责令限期改正的：改正期限的最后一天"))
    add_today(p)
    p.set_defaults(func=cmd_item_check)
    p = item.add_parser("hear", parents=[common], help=tr("承诺不实的，告知拟撤销许可和陈述、申辩的权利"))
    add_case_no(p)
    p.add_argument("item", metavar="ITEM", help=tr("事项实施编码"))
    p.add_argument("--by", dest="hear_by", required=True, metavar="DATE", help=tr("陈述、申辩期限的最后一天"))
    add_today(p)
    p.set_defaults(func=cmd_item_hear)
    p = item.add_parser("revoke", parents=[common], help=tr("陈述、申辩期限届满后，撤销以不实承诺取得的许可"))
    add_case_no(p)
    p.add_argument("item", metavar="ITEM", help=tr("事项实施编码"))
    add_today(p)
    p.set_defaults(func=cmd_item_revoke)
    p = item.add_parser("pledges", parents=[common], help=tr("各部门待核查的告知承诺许可，先到期的在前"))
    p.add_argument("--department", default="", metavar="NAME", help=tr("实施部门全称；不写则列出全部"))
    p.add_argument("--all", action="store_true", help=tr("连同已核查的"))
    add_json(p)
    p.set_defaults(func=cmd_item_pledges)
    p = item.add_parser("pledge-paper", parents=[common], help=tr("告知承诺书，或承诺不实的撤销行政许可决定书"))
    add_case_no(p)
    p.add_argument("item", metavar="ITEM", help=tr("事项实施编码"))
    which = p.add_mutually_exclusive_group()
    which.add_argument("--correction", action="store_true", help=tr("责令限期改正通知书"))
    which.add_argument("--hearing", action="store_true", help=tr("撤销行政许可陈述申辩告知书"))
    which.add_argument("--revocation", action="store_true", help=tr("撤销行政许可决定书"))
    p.add_argument("--out", metavar="FILE.pdf", required=True, help=PAPER_OUT_HELP)
    add_today(p)
    p.set_defaults(func=cmd_item_pledge_paper)


def cmd_item_pledge(args: argparse.Namespace) -> int:
    from counter.service.pledges import GRANT_ON_PLEDGE, READ_PLEDGE, PledgeItem, PledgeStep

    service, by = open_service(args), desk()
    step = PledgeStep(args.case_no, args.item, args.result_no.strip())
    _faults(args, lambda: service.call(GRANT_ON_PLEDGE, step, by))
    row = service.call(READ_PLEDGE, PledgeItem(args.case_no, args.item), by)
    assert row is not None  # just granted
    print(tr("办件 {case_no} 事项 {item}：已依告知承诺许可（{department}），核查期限 {due}").format(
        case_no=row.case_no, item=row.item_code, department=row.department, due=row.check_due.isoformat()))  # fmt: skip
    return EXIT_OK


def cmd_item_check(args: argparse.Namespace) -> int:
    from counter.service.pledges import RECORD_PLEDGE_CHECK, PledgeCheck

    service, by = open_service(args), desk()
    correct_by = parse_date(args.correct_by) if args.correct_by else None
    check = PledgeCheck(args.case_no, args.item, bool(args.kept), args.finding or "", correct_by)
    row = _faults(args, lambda: service.call(RECORD_PLEDGE_CHECK, check, by))
    if row.kept:
        line = tr("办件 {case_no} 事项 {item}：核查属实")
    elif row.correct_by is not None:
        line = tr("办件 {case_no} 事项 {item}：承诺不实，已责令于 {date} 前改正")
    else:
        line = tr("办件 {case_no} 事项 {item}：承诺不实，撤销前须告知陈述、申辩的权利")
    print(line.format(case_no=row.case_no, item=row.item_code, date=row.correct_by))
    return EXIT_OK


def cmd_item_hear(args: argparse.Namespace) -> int:
    from counter.service.pledges import HEAR_PLEDGE, FalsePledgeStep

    service, by = open_service(args), desk()
    step = FalsePledgeStep(args.case_no, args.item, parse_date(args.hear_by))
    row = _faults(args, lambda: service.call(HEAR_PLEDGE, step, by))
    print(tr("办件 {case_no} 事项 {item}：已告知陈述、申辩的权利，期限至 {date}").format(
        case_no=row.case_no, item=row.item_code, date=row.hear_by))  # fmt: skip
    return EXIT_OK


def cmd_item_revoke(args: argparse.Namespace) -> int:
    from counter.service.pledges import REVOKE_PLEDGE, FalsePledgeStep

    service, by = open_service(args), desk()
    row = _faults(args, lambda: service.call(REVOKE_PLEDGE, FalsePledgeStep(args.case_no, args.item), by))
    print(tr("办件 {case_no} 事项 {item}：承诺不实，许可已撤销").format(case_no=row.case_no, item=row.item_code))
    return EXIT_OK


def cmd_item_pledges(args: argparse.Namespace) -> int:
    from counter.cli.common import print_json
    from counter.service.pledges import PLEDGE_CHECKS, PledgeChecks

    rows = open_service(args).call(PLEDGE_CHECKS, PledgeChecks(args.department.strip(), open_only=not args.all), desk())
    if args.json:
        print_json([_row_json(r) for r in rows])
        return EXIT_OK
    for r in rows:
        print(tr("{due}  {department}  {case_no}  {item}  {name}  许可 {granted}{checked}").format(
            due=r.check_due.isoformat(), department=r.department, case_no=r.case_no, item=r.item_code,
            name=r.item_name, granted=r.granted_on.isoformat(), checked=_checked(r)))  # fmt: skip
    return EXIT_OK


def cmd_item_pledge_paper(args: argparse.Namespace) -> int:
    from counter.case.pledge_checks import PledgeNotice
    from counter.service.pledges import PLEDGE_PAPER, PledgePaper

    paper_out_ready(args.out)  # before the paper is made: a paper written nowhere takes no number
    service, by = open_service(args), desk()
    notice = PledgeNotice.CORRECTION if args.correction else PledgeNotice.HEARING if args.hearing else None
    paper = PledgePaper(args.case_no, args.item, bool(args.revocation), notice)
    pdf = _faults(args, lambda: service.call(PLEDGE_PAPER, paper, by))
    write_paper(Path(args.out), pdf)
    return EXIT_OK


def _checked(r: PledgeRow) -> str:
    if r.checked_on is None:
        return ""
    state = tr("属实") if r.kept else tr("不实，已撤销") if r.revoked_on else tr("不实")
    return tr("  {day} 核查{state}").format(day=r.checked_on.isoformat(), state=state)


def _row_json(r: PledgeRow) -> dict[str, Any]:
    return {
        "case_no": r.case_no,
        "item": r.item_code,
        "name": r.item_name,
        "department": r.department,
        "granted_on": r.granted_on.isoformat(),
        "check_due": r.check_due.isoformat(),
        "checked_on": r.checked_on.isoformat() if r.checked_on else None,
        "kept": r.kept,
        "finding": r.finding,
        "correct_by": r.correct_by.isoformat() if r.correct_by else None,
        "hear_by": r.hear_by.isoformat() if r.hear_by else None,
        "revoked_on": r.revoked_on.isoformat() if r.revoked_on else None,
    }


def _faults(args: argparse.Namespace, run: Any) -> Any:
    """Run a 告知承诺 action; its refusals, and a decision's (the one rule), as the window words them."""
    from counter.case.pledge_checks import PledgeRefused
    from counter.cli.case import decision_faults
    from counter.cli.documents import paper_faults
    from counter.words.pledges import pledge_refused_text

    try:
        return paper_faults(lambda: decision_faults(args, run), args.case_no, args.item.strip())
    except PledgeRefused as err:
        raise Reported(pledge_refused_text(err.problem, err.case_no, err.item_code)) from err
