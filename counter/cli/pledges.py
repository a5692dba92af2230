"""告知承诺 from the command line: ``counter item pledge|check|recheck|hear|serve|revoke|pledges|pledge-paper``.

``item pledge`` grants an item the catalog marks for 告知承诺 on the applicant's signed promise, on the spot, by the
body that may decide it (the one rule, :mod:`counter.access.authority`), and keeps its 核查 date on the department's
list; ``item pledges`` is that list; ``item check`` records the check — a promise found false is ordered corrected
within working days of the order's service (``--correct-within``) where the item's law provides it, the order made
with it; ``item serve`` records a paper's service, from which its period runs; ``item recheck`` the 复查 of the
correction; ``item hear`` tells the applicant of the revocation intended and their right to be heard; ``item
revoke`` revokes the licence (行政许可法 第六十九条第二款) once that period ran out, with what the hearing gave;
``item pledge-paper`` writes the 告知承诺书, the 责令限期改正通知书 (``--correction``), the 陈述申辩告知书
(``--hearing``) or the 撤销决定书 (``--revocation``) again.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter.cli.arguments import PAPER_OUT_HELP, add_case_no, add_json
from counter.cli.common import (
    EXIT_OK,
    VALID_UNTIL_HELP,
    Reported,
    add_entry_options,
    add_today,
    desk,
    entered_of,
    free_text,
    open_service,
    parse_date,
    validity_of,
)
from counter.cli.paper_out import paper_out_ready, write_paper
from counter.parties.text import TextField
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.access.pledge_offers import PledgeRow

#: the 复查 findings as the command line says them back
RECHECK_WORDS = {
    "corrected": tr("改正合格"),
    "not_corrected": tr("期满未改正"),
    "still_not": tr("改正后仍不符合承诺内容"),
}


def add_pledge_commands(item: Any, common: argparse.ArgumentParser) -> None:
    """The 告知承诺 commands, under ``counter item``."""
    p = item.add_parser("pledge", parents=[common], help=tr("依申请人签署的告知承诺书当场许可，并记下核查期限"))
    add_case_no(p)
    p.add_argument("item", metavar="ITEM", help=tr("事项实施编码"))
    p.add_argument("--result-no", required=True, metavar="NO", help=tr("许可证件的编号，例如消防安全检查合格证号"))
    p.add_argument("--valid-until", default="", metavar="DATE", help=VALID_UNTIL_HELP)  # as any 准予 takes it
    add_entry_options(p)  # the department's grant, entered by the window for it: its 文号 and officer
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
    p.add_argument(
        "--correct-within", type=_days, metavar="DAYS",
        help=tr("承诺不实、依法应先责令限期改正的：改正期限，自通知书送达之日起的工作日数"),
    )  # fmt: skip
    add_entry_options(p)  # the department's step, entered by the window for it: its 文号 and officer
    add_today(p)
    p.set_defaults(func=cmd_item_check)
    add_false_steps(item, common)
    add_pledge_lists(item, common)


def add_false_steps(item: Any, common: argparse.ArgumentParser) -> None:
    """The steps after a promise found false, under ``counter item``: its 复查, the hearing, a paper's service and the
    revocation."""
    p = item.add_parser("recheck", parents=[common], help=tr("责令限期改正后的复查结果"))
    add_case_no(p)
    p.add_argument("item", metavar="ITEM", help=tr("事项实施编码"))
    found = p.add_mutually_exclusive_group(required=True)
    note = free_text(TextField.NOTE)
    found.add_argument("--corrected", type=note, metavar="TEXT", help=tr("改正合格：复查发现的情况"))
    found.add_argument("--lapsed", type=note, metavar="TEXT", help=tr("期满未改正：复查发现的情况"))
    found.add_argument("--still-not", type=note, metavar="TEXT", help=tr("改正后仍不符合承诺内容：复查发现的情况"))
    add_entry_options(p)  # the department's step, entered by the window for it: its 文号 and officer
    add_today(p)
    p.set_defaults(func=cmd_item_recheck)
    p = item.add_parser("hear", parents=[common], help=tr("承诺不实的，告知拟撤销许可和陈述、申辩的权利"))
    add_case_no(p)
    p.add_argument("item", metavar="ITEM", help=tr("事项实施编码"))
    p.add_argument(
        "--within", type=_days, required=True, metavar="DAYS", help=tr("陈述、申辩期限，自告知书送达之日起的工作日数")
    )
    add_entry_options(p)  # the department's step, entered by the window for it: its 文号 and officer
    add_today(p)
    p.set_defaults(func=cmd_item_hear)
    p = item.add_parser("serve", parents=[common], help=tr("记录承诺不实各文书的送达：直接送达、邮寄送达或窗口领取"))
    add_case_no(p)
    p.add_argument("item", metavar="ITEM", help=tr("事项实施编码"))
    paper = p.add_mutually_exclusive_group(required=True)
    paper.add_argument("--correction", action="store_true", help=tr("责令限期改正通知书"))
    paper.add_argument("--hearing", action="store_true", help=tr("撤销行政许可陈述申辩告知书"))
    paper.add_argument("--revocation", action="store_true", help=tr("撤销行政许可决定书"))
    way = p.add_mutually_exclusive_group(required=True)
    name = free_text(TextField.PERSON_NAME)
    way.add_argument("--hand", type=name, metavar="NAME", help=tr("直接送达：在送达回证上签收的人"))
    way.add_argument("--window", type=name, metavar="NAME", help=tr("窗口领取：在窗口签收的人"))
    way.add_argument("--post", type=free_text(TextField.NOTE), metavar="NO", help=tr("邮寄送达：邮件号"))
    p.add_argument("--on", required=True, metavar="DATE", help=tr("送达日期；邮寄的，为邮件签收之日"))
    add_today(p)
    p.set_defaults(func=cmd_item_serve)
    p = item.add_parser("revoke", parents=[common], help=tr("陈述、申辩期限届满后，撤销以不实承诺取得的许可"))
    add_case_no(p)
    p.add_argument("item", metavar="ITEM", help=tr("事项实施编码"))
    heard = p.add_mutually_exclusive_group(required=True)
    heard.add_argument("--unheard", action="store_true", help=tr("申请人在期限内未提出陈述、申辩意见"))
    heard.add_argument("--said", type=note, metavar="TEXT", help=tr("申请人陈述、申辩的要点"))
    p.add_argument("--answer", type=note, default="", metavar="TEXT", help=tr("对陈述、申辩的复核意见"))
    add_entry_options(p)  # the department's step, entered by the window for it: its 文号 and officer
    add_today(p)
    p.set_defaults(func=cmd_item_revoke)


def add_pledge_lists(item: Any, common: argparse.ArgumentParser) -> None:
    """The department's list of grants on a promise, and their papers, under ``counter item``."""
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
    step = PledgeStep(args.case_no, args.item, args.result_no.strip(), entered_of(args), validity_of(args.valid_until))
    _faults(args, lambda: service.call(GRANT_ON_PLEDGE, step, by))
    row = service.call(READ_PLEDGE, PledgeItem(args.case_no, args.item), by)
    assert row is not None  # just granted
    print(tr("办件 {case_no} 事项 {item}：已依告知承诺许可（{department}），核查期限 {due}").format(
        case_no=row.case_no, item=row.item_code, department=row.department, due=row.check_due.isoformat()))  # fmt: skip
    return EXIT_OK


def _days(raw: str) -> int:
    """A period in working days, as argparse takes it: a whole number."""
    try:
        return int(raw)
    except ValueError as err:
        raise argparse.ArgumentTypeError(tr("期限应为工作日数，收到：{raw}").format(raw=raw)) from err


def cmd_item_check(args: argparse.Namespace) -> int:
    from counter.service.pledges import RECORD_PLEDGE_CHECK, PledgeCheck

    service, by = open_service(args), desk()
    check = PledgeCheck(
        args.case_no, args.item, bool(args.kept), args.finding or "", args.correct_within, entered_of(args)
    )
    row = _faults(args, lambda: service.call(RECORD_PLEDGE_CHECK, check, by))
    if row.kept:
        line = tr("办件 {case_no} 事项 {item}：核查属实")
    elif row.correct_days is not None:
        line = tr(
            "办件 {case_no} 事项 {item}：承诺不实，已责令自通知书送达之日起 {days} 个工作日内改正（通知书 {doc_no}）；"
            "送达后请记录送达"
        )
    else:
        line = tr("办件 {case_no} 事项 {item}：承诺不实，撤销前须告知陈述、申辩的权利")
    print(line.format(case_no=row.case_no, item=row.item_code, days=row.correct_days, doc_no=row.correction_doc_no))
    return EXIT_OK


def cmd_item_recheck(args: argparse.Namespace) -> int:
    from counter.case.pledge_steps import Recheck
    from counter.service.pledges import RECHECK_PLEDGE, PledgeRecheck

    service, by = open_service(args), desk()
    found, finding = (
        (Recheck.CORRECTED, args.corrected) if args.corrected is not None
        else (Recheck.NOT_CORRECTED, args.lapsed) if args.lapsed is not None
        else (Recheck.STILL_NOT, args.still_not)
    )  # fmt: skip
    recheck = PledgeRecheck(args.case_no, args.item, found, finding, entered_of(args))
    row = _faults(args, lambda: service.call(RECHECK_PLEDGE, recheck, by))
    print(tr("办件 {case_no} 事项 {item}：已记录复查结果（{found}）").format(
        case_no=row.case_no, item=row.item_code, found=RECHECK_WORDS[found]))  # fmt: skip
    return EXIT_OK


def cmd_item_hear(args: argparse.Namespace) -> int:
    from counter.service.pledges import HEAR_PLEDGE, FalsePledgeStep

    service, by = open_service(args), desk()
    step = FalsePledgeStep(args.case_no, args.item, args.within, entered=entered_of(args))
    row = _faults(args, lambda: service.call(HEAR_PLEDGE, step, by))
    print(tr(
        "办件 {case_no} 事项 {item}：已告知陈述、申辩的权利，期限为告知书（{doc_no}）送达之日起 {days} 个工作日；"
        "送达后请记录送达"
    ).format(case_no=row.case_no, item=row.item_code, days=row.hear_days, doc_no=row.hearing_doc_no))  # fmt: skip
    return EXIT_OK


def cmd_item_serve(args: argparse.Namespace) -> int:
    from counter.case.pledge_checks import PledgeNotice
    from counter.case.served import ServiceWay
    from counter.service.pledges import SERVE_PLEDGE_PAPER, PledgeService

    service, by = open_service(args), desk()
    paper = PledgeNotice.CORRECTION if args.correction else PledgeNotice.HEARING if args.hearing else None
    paper = paper or PledgeNotice.REVOCATION
    way, recipient, tracking = (
        (ServiceWay.HAND, args.hand, "") if args.hand is not None
        else (ServiceWay.WINDOW, args.window, "") if args.window is not None
        else (ServiceWay.POST, "", args.post)
    )  # fmt: skip
    served = PledgeService(args.case_no, args.item, paper, way, parse_date(args.on), recipient, tracking)
    row = _faults(args, lambda: service.call(SERVE_PLEDGE_PAPER, served, by))
    last = row.correct_by if paper == "correction" else row.hear_by if paper == "hearing" else None
    line = tr("办件 {case_no} 事项 {item}：已记录 {day} 送达")
    if last is not None:
        line += tr("，期限至 {last}")
    print(line.format(case_no=row.case_no, item=row.item_code, day=args.on, last=last))
    return EXIT_OK


def cmd_item_revoke(args: argparse.Namespace) -> int:
    from counter.service.pledges import REVOKE_PLEDGE, FalsePledgeStep

    service, by = open_service(args), desk()
    step = FalsePledgeStep(args.case_no, args.item, said=args.said or "", answer=args.answer, entered=entered_of(args))
    row = _faults(args, lambda: service.call(REVOKE_PLEDGE, step, by))
    print(tr("办件 {case_no} 事项 {item}：承诺不实，许可已撤销（决定书 {doc_no}）").format(
        case_no=row.case_no, item=row.item_code, doc_no=row.revocation_doc_no))  # fmt: skip
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
        "correction_served": r.correction_served.isoformat() if r.correction_served else None,
        "recheck": r.recheck or None,
        "rechecked_on": r.rechecked_on.isoformat() if r.rechecked_on else None,
        "hear_by": r.hear_by.isoformat() if r.hear_by else None,
        "hearing_served": r.hearing_served.isoformat() if r.hearing_served else None,
        "revoked_on": r.revoked_on.isoformat() if r.revoked_on else None,
    }


def _faults(args: argparse.Namespace, run: Any) -> Any:
    """Run a 告知承诺 action; its refusals, and a decision's (the one rule), as the window words them."""
    from counter.case.pledge_checks import PledgeRefused
    from counter.case.served import ServiceRefused
    from counter.cli.case import decision_faults
    from counter.cli.documents import paper_faults
    from counter.words.pledges import pledge_refused_text
    from counter.words.served import service_refused_text

    try:
        return paper_faults(lambda: decision_faults(args, run), args.case_no, args.item.strip())
    except PledgeRefused as err:
        raise Reported(pledge_refused_text(err.problem, err.case_no, err.item_code, err.floor)) from err
    except ServiceRefused as err:
        raise Reported(service_refused_text(err.problems, err.case_no, err.doc_no)) from err
