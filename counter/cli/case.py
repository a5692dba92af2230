"""The case commands: ``counter case show|take|list|void|decide|lapse|correction-lapse``, and ``counter demo``.

``case same-day`` and ``case figures`` (即办件) are in :mod:`counter.cli.same_day`.

``case void`` is the supervisor's correction of a case entered in error: the
case stays, marked void with the reason, in its history and in the audit trail.
``case lapse`` is the supervisor's record that a correction notice went
unanswered past its deadline (视为放弃申请); the action refuses it earlier.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from counter.cli.arguments import add_case_no, add_json
from counter.cli.case_take import add_take_command
from counter.cli.common import (
    EXIT_OK,
    EXIT_PROBLEM,
    VALID_UNTIL_HELP,
    Reported,
    UsageError,
    add_entry_options,
    add_today,
    desk,
    entered_of,
    free_text,
    json_text,
    open_service,
    print_json_items,
    today,
    validity_of,
)
from counter.cli.e_service import add_e_service_commands
from counter.cli.paper_out import own_out_folder
from counter.cli.same_day import add_same_day_commands
from counter.parties.text import TextField
from counter.words.translate import tr

if TYPE_CHECKING:
    from collections.abc import Callable

    from counter.cli.common import Commands

T = TypeVar("T")


def add_case_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    case = commands.add_parser("case", parents=[common], help=tr("办件：查看、列表")).add_subparsers(
        dest="case_command", metavar="ACTION", required=True
    )
    p = case.add_parser("show", parents=[common], help=tr("显示办件：状态、材料、期限、历史"))
    add_case_no(p)
    add_json(p)
    p.set_defaults(func=cmd_case_show)
    add_take_command(case, common)
    p = case.add_parser("list", parents=[common], help=tr("办件列表"))
    p.add_argument("--overdue", action="store_true", help=tr("只列逾期未补齐的容缺办件和逾期未补正的办件"))
    p.add_argument("--due-soon", action="store_true", help=tr("只列两个工作日内到期及已逾期的容缺办件"))
    add_today(p)
    add_json(p)
    p.set_defaults(func=cmd_case_list)
    p = case.add_parser("void", parents=[common], help=tr("作废误录的办件（负责人；须写明原因）"))
    add_case_no(p)
    p.add_argument(
        "--reason",
        required=True,
        type=free_text(TextField.NOTE),
        metavar="TEXT",
        help=tr("作废原因，例如：重复录入，正确的办件为……"),
    )
    add_today(p)
    p.set_defaults(func=cmd_case_void)
    add_same_day_commands(case, common)
    add_e_service_commands(case, common)
    p = case.add_parser("decide", parents=[common], help=tr("事项的决定：准予或不予批准（不予批准须写明理由）"))
    add_case_no(p)
    p.add_argument("--item", required=True, metavar="CODE", help=tr("事项实施编码"))
    way = p.add_mutually_exclusive_group(required=True)
    way.add_argument("--approve", action="store_true", help=tr("准予"))
    way.add_argument("--deny", action="store_true", help=tr("不予批准（负责人）"))
    p.add_argument("--reason", default="", type=free_text(TextField.NOTE), metavar="TEXT", help=tr("不予批准的理由"))
    p.add_argument("--result-no", default="", metavar="NO", help=tr("办理结果的编号，例如许可证编号"))
    p.add_argument(
        "--valid-until",
        default="",
        metavar="DATE",
        help=VALID_UNTIL_HELP,
    )
    p.add_argument(
        "--false-materials",
        action="store_true",
        help=tr("不予批准：申请人隐瞒有关情况或者提供虚假材料（行政许可法第七十八条；仅限行政许可事项）"),
    )
    add_entry_options(p)
    add_today(p)
    p.set_defaults(func=cmd_case_decide)
    lapsed = tr("容缺材料逾期未补交：记录逾期；本中心可决定的相关事项不予批准（负责人），其余由实施部门决定")
    p = case.add_parser("lapse", parents=[common], help=lapsed)
    add_case_no(p)
    p.add_argument(
        "--reason",
        default="",
        type=free_text(TextField.NOTE),
        metavar="TEXT",
        help=tr("补充说明，印在不予批准决定书的理由中"),
    )
    add_today(p)
    p.set_defaults(func=cmd_case_lapse)
    p = case.add_parser(
        "correction-lapse", parents=[common], help=tr("补正期限已过、申请人未补正：视为放弃申请（负责人）")
    )
    add_case_no(p)
    p.add_argument(
        "--note", default="", type=free_text(TextField.NOTE), metavar="TEXT", help=tr("备注，例如：电话联系未果")
    )
    add_today(p)
    p.set_defaults(func=cmd_case_correction_lapse)

    p = commands.add_parser("demo", parents=[common], help=tr("培训演示：办理各种结果的示例办件"))
    p.add_argument(
        "--out",
        required=True,
        metavar="DIR",
        help=tr("示例文书（PDF）和办件清单 cases.json 写入的文件夹；不存在则新建（其上一级须已存在）"),
    )
    add_today(p)
    p.set_defaults(func=cmd_demo, training=True)  # always in the training database (cli.common.store_url)


def cmd_case_show(args: argparse.Namespace) -> int:
    from counter.cli.case_text import print_case

    if not print_case(open_service(args), desk(), args.case_no, as_json=args.json):
        print(tr("未找到办件：{case_no}").format(case_no=args.case_no), file=sys.stderr)
        return EXIT_PROBLEM
    return EXIT_OK


def cmd_case_list(args: argparse.Namespace) -> int:
    from counter.cli.case_text import row_json, row_line
    from counter.service.cases import LIST_CASES, ListCases

    service = open_service(args)
    day = today(args)
    rows = service.call(LIST_CASES, ListCases(args.overdue, args.due_soon), desk())
    if args.json:
        count = print_json_items(row_json(r, day) for r in rows)
    else:
        for row in rows:
            print(row_line(row, day))
        count = len(rows)
    if not args.json:
        print(tr("共 {count} 件。").format(count=count), file=sys.stderr)
    return EXIT_OK


def _move_refusals(args: argparse.Namespace, run: Callable[[], T], not_allowed: str) -> T:
    """Run a move of the case; a status that does not allow the move as a sentence (no such case: failure_text)."""
    from counter.case.status import MoveNotAllowed
    from counter.words.cases import case_status_text

    try:
        return run()
    except MoveNotAllowed as err:
        status = case_status_text(err.status, err.only_received)  # as the case's page names it
        raise Reported(not_allowed.format(case_no=args.case_no, status=status)) from err


def cmd_case_void(args: argparse.Namespace) -> int:
    from counter.case.status import CaseEvent
    from counter.cli.phrases import CASE_VOID_NOT_ALLOWED, CASE_VOID_REASON_REQUIRED, CASE_VOIDED_DONE
    from counter.service.cases import MOVE_CASE, MoveCase

    reason = args.reason.strip()
    if not reason:
        raise UsageError(CASE_VOID_REASON_REQUIRED)
    service, by = open_service(args), desk()
    void = MoveCase(args.case_no, CaseEvent.VOIDED, reason)
    _move_refusals(args, lambda: service.call(MOVE_CASE, void, by), CASE_VOID_NOT_ALLOWED)
    print(CASE_VOIDED_DONE.format(case_no=args.case_no, reason=reason))
    return EXIT_OK


def cmd_case_correction_lapse(args: argparse.Namespace) -> int:
    from counter.case.correction_lapse import CorrectionNotDue
    from counter.cli.phrases import (
        CASE_CORRECTION_LAPSE_NOT_ALLOWED,
        CASE_CORRECTION_LAPSE_NOT_DUE,
        CASE_CORRECTION_LAPSED_DONE,
    )
    from counter.service.cases import LAPSE_CORRECTION, LapseCorrection

    service, by = open_service(args), desk()
    lapse = LapseCorrection(args.case_no, args.note.strip())
    try:  # a provisional date too
        decision_faults(args, lambda: service.call(LAPSE_CORRECTION, lapse, by), CASE_CORRECTION_LAPSE_NOT_ALLOWED)
    except CorrectionNotDue as err:
        due = err.due.isoformat() if err.due else ""
        first = err.first_day.isoformat() if err.first_day else ""
        raise Reported(CASE_CORRECTION_LAPSE_NOT_DUE.format(case_no=args.case_no, due=due, first_day=first)) from err
    print(CASE_CORRECTION_LAPSED_DONE.format(case_no=args.case_no))
    return EXIT_OK


def decision_faults(args: argparse.Namespace, run: Callable[[], T], not_allowed: str | None = None) -> T:
    """Run a decision; its refusals as the sentences the window shows too.  ``not_allowed``: the sentence for a
    case whose status does not allow it (a decision's, unless given)."""
    from counter.case.decisions import DecisionRefused
    from counter.cli.phrases import CASE_DECIDE_NOT_ALLOWED
    from counter.words.cases import decision_refused_text

    try:
        return _move_refusals(args, run, not_allowed or CASE_DECIDE_NOT_ALLOWED)
    except DecisionRefused as err:
        raise Reported(decision_refused_text(err)) from err


def cmd_case_decide(args: argparse.Namespace) -> int:
    from counter.cli.phrases import CASE_ITEM_APPROVED, CASE_ITEM_DECIDED, CASE_ITEM_DENIED
    from counter.service.cases import DECIDE_ITEM, DecideItem
    from counter.words.cases import case_status_text

    service, by = open_service(args), desk()
    text = args.result_no if args.approve else args.reason
    validity = validity_of(args.valid_until) if args.approve else None
    decide = DecideItem(
        args.case_no, args.item, args.approve, text, false_materials=args.false_materials, validity=validity,
        entered=entered_of(args),
    )  # fmt: skip
    decided = decision_faults(args, lambda: service.call(DECIDE_ITEM, decide, by))
    decision = CASE_ITEM_APPROVED if args.approve else CASE_ITEM_DENIED
    status = case_status_text(decided.status, decided.only_received)  # as the case's page names it
    print(CASE_ITEM_DECIDED.format(case_no=args.case_no.upper(), item=args.item, decision=decision, status=status))
    return EXIT_OK


def cmd_case_lapse(args: argparse.Namespace) -> int:
    from counter.cli.phrases import CASE_LAPSED_DONE, CASE_LAPSED_NONE
    from counter.service.cases import DENY_LAPSED, DenyLapsed
    from counter.words.cases import case_status_text
    from counter.words.punctuation import LIST_JOIN

    service, by = open_service(args), desk()
    deny = DenyLapsed(args.case_no, args.reason)
    lapse = decision_faults(args, lambda: service.call(DENY_LAPSED, deny, by))
    print(
        CASE_LAPSED_DONE.format(
            case_no=args.case_no.upper(),
            materials=LIST_JOIN.join(lapse.materials),
            items=LIST_JOIN.join(lapse.items) or CASE_LAPSED_NONE,
            referred=LIST_JOIN.join(lapse.referred) or CASE_LAPSED_NONE,
            status=case_status_text(lapse.status, lapse.only_received),  # as the case's page names it
        )
    )
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from counter.case.demo_cases import DemoUnavailable
    from counter.cli.case_text import case_json
    from counter.service.cases import RUN_DEMO
    from counter.service.requests import Nothing

    out = Path(args.out)
    own_out_folder(out)
    service = open_service(args, catalog=True)
    by, day = desk(), today(args)
    try:
        run = service.call(RUN_DEMO, Nothing(), by)
    except DemoUnavailable as err:
        raise Reported(tr("目录中没有可用于演示的已发布指南：{bundle}").format(bundle=err.bundle_code)) from err
    made = run.cases
    taken_on = made[0].on if made else None
    if taken_on is not None and taken_on != day:
        said = tr("{day} 不是工作日：演示办件按下一个工作日 {taken_on} 办理。")
        print(said.format(day=day.isoformat(), taken_on=taken_on.isoformat()), file=sys.stderr)
    for paper in run.papers:  # written on this desk, whichever the run's database
        (out / paper.name).write_bytes(paper.pdf)
    summary = [case_json(v, v.case_no in run.received) for v in run.views]
    (out / "cases.json").write_text(json_text(summary), "utf-8")
    for case in made:
        print(f"{case.case_no}\t{case.label}")
    print(tr("已生成 {count} 份文书：{out}").format(count=len(run.papers), out=out), file=sys.stderr)
    return EXIT_OK
