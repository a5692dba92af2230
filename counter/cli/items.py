"""The item commands: ``counter item list|route`` at the window, and a department's steps of an item.

``item route`` sends every item of an accepted case to its deciding department (分发).  The department's staff then
take its steps: ``sign`` (签收), ``correct`` (补正) or ``refuse`` (不予受理), ``review`` (审查), ``pause`` and
``resume`` (暂停计时, 行政许可法 第四十五条), ``extend`` (延期, 第四十二条), ``approve`` (准予, with the result's
number) and ``deny`` (不予批准, with reasons).
Where the hall only received the item, the department answers in 第三十二条's order: ``sign`` is its 受理 and issues
its 受理通知书; ``correct`` tells its 补正 first, once, with all to correct, and issues its 补正材料通知书 (a ``sign``
once the 补正 is complete is then the 受理, dated that day); ``refuse`` is its 不予受理 on its ground (第一项, 第二项
naming the body with power, or another) and issues its 不予受理通知书 (each ``--out``, ``--printer``).  After the
受理 only 第四十五条's pauses stop the clock: ``pause`` offers no 补正.  ``item paper`` makes any of them again, or
the department's 不予批准决定书, at the department's own desk.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Any

from counter.cli.arguments import add_case_no, add_json
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
    print_json,
    validity_of,
)
from counter.cli.documents import add_paper_options, deliver, paper_faults, paper_wanted
from counter.cli.paper_out import paper_out_ready
from counter.cli.pledges import add_pledge_commands
from counter.parties.text import TextField
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.case.item_queue import QueueRow
    from counter.case.item_standing import ItemStanding
    from counter.cli.common import Commands
    from counter.service.local import Service

# a department's 不予批准 of a licence under 行政许可法 第七十八条: its own decision carries the bar
FALSE_MATERIALS_HELP = tr("申请人隐瞒有关情况或者提供虚假材料（行政许可法第七十八条；仅限行政许可事项）")
#: a department's 不予受理 by its ground (counter.case.refusal_basis): 第一项, 第二项, or another, in its reasons
OTHER_GROUND = "other"
REFUSE_GROUNDS = ("no_licence_needed", "not_in_remit", OTHER_GROUND)
GROUND_HELP = tr(
    "不予受理的依据：no_licence_needed 依法不需要取得行政许可（第三十二条第一款第一项），not_in_remit 不属于本机关"
    "职权范围（第二项，须写 --authority），other 其他理由（须写 --reason）"
)
#: each step's command: the event, and the options it needs (added below)
STEPS = {
    "sign": "item_signed",
    "correct": "item_correction",
    "refuse": "item_refused",
    "review": "item_review",
    "pause": "item_paused",
    "resume": "item_resumed",
    "extend": "item_extended",
    "approve": "item_approved",
    "deny": "item_denied",
}
#: the steps that are the department's acts toward the applicant (counter.case.item_path.ENTERED_STEPS): entered by
#: the window for the department, each names the department's 文号 and officer
ENTERED_COMMANDS = frozenset({"correct", "refuse", "approve", "deny"})
#: the department's own papers of an item (counter.actions.cases.item_papers.DEPARTMENT_PAPERS)
ITEM_PAPERS = ("acceptance", "supplement", "item_refusal", "denial")
ITEM_PAPER_HELP = tr(
    "哪一种文书：acceptance 受理通知书，supplement 补正材料通知书，item_refusal 不予受理通知书，denial 不予批准决定书"
)
_HELP = {
    "sign": tr("部门签收分发来的事项；窗口仅收件的，签收即受理（补正齐全后签收，即于当日受理）"),
    "correct": tr("部门对窗口仅收件的事项在受理前一次告知补正的全部内容（出具本部门的补正材料通知书）"),
    "refuse": tr("部门对窗口仅收件的事项不予受理，写明依据和理由（出具本部门的不予受理通知书）"),
    "review": tr("开始审查"),
    "pause": tr("受理后暂停计时：听证、招标拍卖、检验检测检疫、鉴定、专家评审的时间不计入办理期限"),
    "resume": tr("恢复计时"),
    "extend": tr("延长办理期限（至多10个工作日，须经负责人批准，并将理由告知申请人）"),
    "approve": tr("准予，并填写办理结果的编号"),
    "deny": tr("不予批准，并写明理由"),
}


def add_item_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    item = commands.add_parser(
        "item", parents=[common], help=tr("办件的各事项：分发、部门签收、审查和决定")
    ).add_subparsers(dest="item_command", metavar="ACTION", required=True)
    p = item.add_parser("list", parents=[common], help=tr("办件各事项的实施部门、状态和期限"))
    add_case_no(p)
    add_today(p)
    add_json(p)
    p.set_defaults(func=cmd_item_list)
    p = item.add_parser("queue", parents=[common], help=tr("部门待办：分发给该部门、尚未决定的事项，先到期的在前"))
    p.add_argument("--department", default="", metavar="NAME", help=tr("实施部门全称；不写则列出各部门的待办数"))
    p.add_argument("--site", default="", metavar="CODE", help=tr("只看该站点的办件"))
    add_today(p)
    add_json(p)
    p.set_defaults(func=cmd_item_queue)
    p = item.add_parser("due", parents=[common], help=tr("下一个工作日到期、今日到期和已逾期的事项（督办）"))
    p.add_argument("--site", default="", metavar="CODE", help=tr("只看该站点的办件"))
    add_today(p)
    add_json(p)
    p.set_defaults(func=cmd_item_due)
    p = item.add_parser("route", parents=[common], help=tr("将已受理办件的各事项分发至实施部门"))
    add_case_no(p)
    p.set_defaults(func=cmd_item_route)
    for name in STEPS:
        p = item.add_parser(name, parents=[common], help=_HELP[name])
        add_case_no(p)
        p.add_argument("item", metavar="ITEM", help=tr("事项实施编码"))
        _add_step_options(p, name)
        p.set_defaults(func=cmd_item_step, step=name)
    p = item.add_parser(
        "paper",
        parents=[common],
        help=tr("实施部门出具或重打本部门的事项文书（受理通知书、补正材料通知书、不予受理通知书、不予批准决定书）"),
    )
    add_case_no(p)
    p.add_argument("item", metavar="ITEM", help=tr("事项实施编码"))
    p.add_argument("--doc", required=True, choices=ITEM_PAPERS, metavar="KIND", help=ITEM_PAPER_HELP)
    add_paper_options(p)
    add_today(p)
    p.set_defaults(func=cmd_item_paper)
    add_pledge_commands(item, common)  # 告知承诺: granted on a promise, checked, revoked (counter.cli.pledges)


def _add_step_options(p: argparse.ArgumentParser, name: str) -> None:
    """What the step ``name`` asks of the command line, besides the case and the item."""
    if name == "sign":  # the department's 受理 where the hall only received: its 受理通知书
        add_paper_options(p, tr("仅收件的事项：将部门的受理通知书保存为 PDF"), tr("打印部门的受理通知书"))
    if name == "correct":  # the department's 补正 where the hall only received: its 补正材料通知书
        p.add_argument(
            "--what",
            required=True,
            type=free_text(TextField.NOTE),
            metavar="TEXT",
            help=tr("需要补正的全部内容（逐项写明，印在补正材料通知书上）"),
        )
        add_paper_options(p, tr("将部门的补正材料通知书保存为 PDF"), tr("打印部门的补正材料通知书"))
    if name == "refuse":  # the department's 不予受理 where the hall only received: its 不予受理通知书
        p.add_argument("--ground", default=OTHER_GROUND, choices=REFUSE_GROUNDS, metavar="GROUND", help=GROUND_HELP)
        p.add_argument(
            "--authority",
            default="",
            type=free_text(TextField.ORGANISATION_NAME),
            metavar="NAME",
            help=tr("not_in_remit：有权机关的全称（告知申请人向其申请）"),
        )
        p.add_argument(
            "--reason",
            default="",
            type=free_text(TextField.NOTE),
            metavar="TEXT",
            help=tr("不予受理的理由（依据为 other 时必填）"),
        )
        add_paper_options(p, tr("将部门的不予受理通知书保存为 PDF"), tr("打印部门的不予受理通知书"))
    if name == "pause":
        from counter.case.item_path import PAUSES

        p.add_argument("--why", required=True, choices=[r.value for r in PAUSES], help=tr("暂停的原因"))
        p.add_argument("--note", default="", type=free_text(TextField.NOTE), metavar="TEXT", help=tr("补充说明"))
    if name == "extend":
        p.add_argument("--days", required=True, type=int, help=tr("延长的工作日数（1至10）"))
        p.add_argument(
            "--approved-by",
            required=True,
            type=free_text(TextField.PERSON_NAME),
            metavar="NAME",
            help=tr("批准延期的负责人"),
        )
        p.add_argument(
            "--reason",
            required=True,
            type=free_text(TextField.NOTE),
            metavar="TEXT",
            help=tr("延期的理由（告知申请人）"),
        )
    if name == "approve":
        p.add_argument("--result-no", required=True, metavar="NO", help=tr("办理结果的编号，例如许可证编号"))
        p.add_argument(
            "--valid-until",
            default="",
            metavar="DATE",
            help=VALID_UNTIL_HELP,
        )
    if name == "deny":
        p.add_argument(
            "--reason", required=True, type=free_text(TextField.NOTE), metavar="TEXT", help=tr("不予批准的理由")
        )
        p.add_argument("--false-materials", action="store_true", help=FALSE_MATERIALS_HELP)
    if name in ENTERED_COMMANDS:  # the department's act, entered by the window for it: its 文号 and officer
        add_entry_options(p)


def cmd_item_list(args: argparse.Namespace) -> int:
    from counter.service.department_items import ITEM_STANDINGS
    from counter.service.requests import CaseNo

    service = open_service(args)
    standings = _faults(args, lambda: service.call(ITEM_STANDINGS, CaseNo(args.case_no), desk()))
    if args.json:
        print_json([_standing_json(i) for i in standings])
    else:
        for standing in standings:
            print(_standing_line(standing))
    return EXIT_OK


def cmd_item_queue(args: argparse.Namespace) -> int:
    from counter.service.department_items import DEPARTMENT_LOADS, DEPARTMENT_QUEUE, SiteDepartment
    from counter.service.requests import SiteCode

    service = open_service(args)
    if not args.department.strip():
        loads = service.call(DEPARTMENT_LOADS, SiteCode(args.site.strip().upper()), desk())
        if args.json:
            print_json([{"department": d.department, "items": d.items, "overdue": d.overdue} for d in loads])
        for load in () if args.json else loads:
            print(tr("{department}  待办 {items} 项  已逾期 {overdue} 项").format(
                department=load.department, items=load.items, overdue=load.overdue))  # fmt: skip
        return EXIT_OK
    department, site = args.department.strip(), args.site.strip().upper()
    rows = service.call(DEPARTMENT_QUEUE, SiteDepartment(department, site), desk())
    _print_rows(rows, as_json=args.json)
    return EXIT_OK


def cmd_item_due(args: argparse.Namespace) -> int:
    from counter.service.department_items import COMING_DUE
    from counter.service.requests import SiteCode

    service, site = open_service(args), args.site.strip().upper()
    _print_rows(service.call(COMING_DUE, SiteCode(site), desk()), as_json=args.json)
    return EXIT_OK


def _print_rows(rows: tuple[QueueRow, ...], *, as_json: bool) -> None:
    from counter.case.item_path import ItemState
    from counter.words.items import DUE_ALERT, ITEM_STATE

    if as_json:
        print_json([_row_json(r) for r in rows])
        return
    for r in rows:
        due = r.due_on.isoformat() if r.due_on else tr("未计时") if r.state is ItemState.CORRECTING else tr("暂停计时")
        alert = tr("  【{alert}】").format(alert=DUE_ALERT[r.alert]) if r.alert else ""
        print(tr("{case_no}  {item}  {department}  {state}  {due}{alert}  {applicant}").format(
            case_no=r.case_no, item=r.item_name, department=r.department, state=ITEM_STATE[r.state], due=due,
            alert=alert, applicant=r.applicant_name))  # fmt: skip


def _row_json(r: QueueRow) -> dict[str, Any]:
    def day(value: dt.date | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "case_no": r.case_no,
        "item": r.item_code,
        "item_name": r.item_name,
        "department": r.department,
        "state": r.state.value,
        "routed_on": r.routed_on.isoformat(),
        "due_on": day(r.due_on),
        "legal_due": day(r.legal_due),
        "promised_due": day(r.promised_due),
        "paused_since": day(r.paused_since),
        "alert": r.alert.value if r.alert else None,
    }


def cmd_item_route(args: argparse.Namespace) -> int:
    from counter.service.cases import ROUTE_ITEMS
    from counter.service.requests import CaseNo
    from counter.words.punctuation import LIST_JOIN

    service, by = open_service(args), desk()
    routed = _faults(args, lambda: service.call(ROUTE_ITEMS, CaseNo(args.case_no), by))
    if routed:
        print(tr("办件 {case_no}：已分发 {items}").format(case_no=args.case_no.upper(), items=LIST_JOIN.join(routed)))
    else:
        print(tr("办件 {case_no}：各事项均已分发或已决定，无需再分发。").format(case_no=args.case_no.upper()))
    return EXIT_OK


def cmd_item_step(args: argparse.Namespace) -> int:
    from counter.case.item_path import ItemEvent, PauseReason
    from counter.case.item_step_request import StepRequest
    from counter.intake.outcome import RefusalGround
    from counter.service.department_items import ITEM_STEP, ItemStep
    from counter.words.items import ITEM_STATE

    options: dict[str, Any] = {}
    if args.step == "pause":
        options = {"pause": PauseReason(args.why), "reason": args.note}
    elif args.step == "extend":
        options = {"days": args.days, "approved_by": args.approved_by, "reason": args.reason}
    elif args.step == "approve":
        options = {"result_no": args.result_no, "validity": validity_of(args.valid_until)}
    elif args.step == "deny":
        options = {"reason": args.reason, "false_materials": args.false_materials}
    elif args.step == "refuse":
        ground = None if args.ground == OTHER_GROUND else RefusalGround(args.ground)
        options = {"reason": args.reason, "ground": ground, "authority": args.authority}
    elif args.step == "correct":
        options = {"reason": args.what}
    if args.step in ENTERED_COMMANDS:
        options["entered"] = entered_of(args)
    request = StepRequest(ItemEvent(STEPS[args.step]), **options)
    paper_out_ready(getattr(args, "out", None))  # sign, correct, refuse: a --out that cannot take it refuses the step
    service, by = open_service(args), desk()
    step = ItemStep(args.case_no, args.item, request)
    # a step whose paper cannot be made is not taken: said as the paper's refusal is
    state = paper_faults(
        lambda: _faults(args, lambda: service.call(ITEM_STEP, step, by)), args.case_no.upper(), args.item
    )
    print(tr("办件 {case_no} 事项 {item}：{state}").format(
        case_no=args.case_no.upper(), item=args.item, state=ITEM_STATE[state]))  # fmt: skip
    paper = {"sign": "acceptance", "correct": "supplement", "refuse": "item_refusal"}.get(args.step)
    if paper is not None and (args.out or args.printer is not None):
        return _paper(args, service, paper)
    return EXIT_OK


def cmd_item_paper(args: argparse.Namespace) -> int:
    paper_wanted(args)
    return _paper(args, open_service(args), args.doc)


def _paper(args: argparse.Namespace, service: Service, doc: str) -> int:
    """The department's paper of the item, made (or made again) at its desk, saved or printed."""
    from counter.documents.kinds import DocumentKind
    from counter.service.documents import MAKE_ITEM_PAPER, ItemPaper

    request = ItemPaper(args.case_no, args.item.strip(), DocumentKind(doc))
    made = paper_faults(
        lambda: _faults(args, lambda: service.call(MAKE_ITEM_PAPER, request, desk())), args.case_no.upper(), args.item
    )
    return deliver(args, made, service)


def _faults(args: argparse.Namespace, run: Any) -> Any:
    """Run an item's action; its refusals as the sentences the window shows too (:func:`decision_faults`)."""
    from counter.case.item_path import StepRefused
    from counter.cli.case import decision_faults
    from counter.words.items import step_refused_text

    try:
        return decision_faults(args, run, tr("办件 {case_no} 现在的状态是“{status}”，其事项不能办理这一步。"))
    except StepRefused as err:
        raise Reported(step_refused_text(err, args.item)) from err


def _standing_line(i: ItemStanding) -> str:
    from counter.words.items import DUE_ALERT, ITEM_NOT_ROUTED, ITEM_STATE
    from counter.words.pledges import PLEDGE_REVOKED

    state = ITEM_NOT_ROUTED if i.state is None else ITEM_STATE[i.state]
    if i.revoked_on is not None:  # the 准予 stands in the path; the licence does not (as the case page shows it)
        state = tr("{state}（{day}）").format(state=PLEDGE_REVOKED, day=i.revoked_on.isoformat())
    if i.paused_since is not None:
        state = tr("{state}（自 {day} 起）").format(state=state, day=i.paused_since.isoformat())
    legal = i.legal_due.date.isoformat() if i.legal_due else "—"
    promised = i.promised_due.date.isoformat() if i.promised_due else "—"
    alert = tr("  【{alert}】").format(alert=DUE_ALERT[i.alert]) if i.alert else ""
    return tr("{code}  {name}  {department}  {state}  承诺 {promised}  法定 {legal}{alert}").format(
        code=i.code, name=i.name, department=i.department, state=state, promised=promised, legal=legal, alert=alert
    )


def _standing_json(i: ItemStanding) -> dict[str, Any]:
    return {
        "code": i.code,
        "name": i.name,
        "department": i.department,
        "state": i.state.value if i.state else None,
        "legal_due": i.legal_due.date.isoformat() if i.legal_due else None,
        "legal_due_provisional": bool(i.legal_due and i.legal_due.beyond_data),
        "promised_due": i.promised_due.date.isoformat() if i.promised_due else None,
        "paused_since": i.paused_since.isoformat() if i.paused_since else None,
        "alert": i.alert.value if i.alert else None,
        "revoked_on": i.revoked_on.isoformat() if i.revoked_on else None,
    }
