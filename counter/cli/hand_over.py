"""``counter hand-over``: hand a case's results over at once (一窗出件) and print its 送达回证.

At the window the one who collects is named with their ID number; a posted result carries the carrier and its
tracking number; an electronic one the address it went to.  Every decided item not handed over yet goes out
together; ``--partial`` (with ``--items``, or for every item decided so far) only when the applicant asks.

``counter hand-over-signed`` records the day a posted hand-over's return receipt was signed: its day of service,
which its 送达回证 (``counter print --doc service``) carries from then on.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from counter.cli.arguments import add_case_no
from counter.cli.common import EXIT_OK, Reported, desk, free_text, open_service, parse_date
from counter.cli.documents import add_paper_options, deliver, paper_wanted
from counter.parties.text import TextField
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.cli.common import Commands

WAYS = ("pickup", "post", "electronic")  # counter.case.hand_over.HandOverWay, named here as the parser is built


def add_hand_over_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "hand-over", parents=[common], help=tr("统一出件：将办件已办结事项的结果一并送达，并出具送达回证")
    )
    add_case_no(p)
    p.add_argument("--way", required=True, choices=WAYS, help=tr("送达方式：窗口领取、邮寄送达或电子送达"))
    p.add_argument(
        "--recipient",
        default="",
        type=free_text(TextField.PERSON_NAME),
        metavar="NAME",
        help=tr("窗口领取：领取人姓名"),
    )
    p.add_argument("--id-no", default="", metavar="ID", help=tr("窗口领取：领取人身份证号码（核对后只保存打码的号码）"))
    p.add_argument("--carrier", default="", metavar="NAME", help=tr("邮寄送达：寄递单位"))
    p.add_argument("--tracking-no", default="", metavar="NO", help=tr("邮寄送达：邮件号码"))
    p.add_argument(
        "--address", default="", type=free_text(TextField.ADDRESS), metavar="TEXT", help=tr("电子送达：送达地址")
    )
    p.add_argument("--items", default="", metavar="CODE,…", help=tr("只送达这些事项（事项实施编码，逗号分隔）"))
    p.add_argument("--partial", action="store_true", help=tr("部分出件：申请人要求先取已办结的事项"))
    add_paper_options(p, tr("送达回证保存为 PDF"), tr("送达回证送打印机；不写名称用默认打印机"))
    p.set_defaults(func=cmd_hand_over)
    p = commands.add_parser("hand-over-signed", parents=[common], help=tr("登记邮寄送达回执的签收日期（即送达日期）"))
    add_case_no(p)
    p.add_argument("--hand-over", type=int, default=1, metavar="N", help=tr("第几次送达的（默认1）"))
    p.add_argument("--signed-on", required=True, metavar="DATE", help=tr("回执上的签收日期（YYYY-MM-DD）"))
    p.set_defaults(func=cmd_hand_over_signed)


def cmd_hand_over(args: argparse.Namespace) -> int:
    from counter.case.hand_over import HandOverRefused, HandOverRequest, HandOverWay
    from counter.cli.case import decision_faults
    from counter.service.cases import HAND_OVER, HandOverResults
    from counter.words.hand_over import HAND_OVER_WAY, hand_over_refused_text

    paper_wanted(args, tr("请用 --out FILE.pdf 保存送达回证，或用 --printer NAME 打印"))
    request = HandOverRequest(
        HandOverWay(args.way),
        recipient=args.recipient,
        id_no=args.id_no,
        carrier=args.carrier,
        tracking_no=args.tracking_no,
        address=args.address,
        items=tuple(code.strip() for code in args.items.split(",") if code.strip()),
        partial=args.partial,
    )
    service, by = open_service(args), desk()
    not_allowed = tr("办件 {case_no} 现在的状态是“{status}”，不能送达。")
    results = HandOverResults(args.case_no, request)
    try:
        done = decision_faults(args, lambda: service.call(HAND_OVER, results, by), not_allowed)
    except HandOverRefused as err:
        raise Reported(hand_over_refused_text(err.problems)) from err
    print(
        tr("办件 {case_no}：{way}，送达 {count} 项办理结果").format(
            case_no=args.case_no.upper(), way=HAND_OVER_WAY[done.hand_over.way], count=len(done.hand_over.items)
        )
    )
    return deliver(args, done.service_receipt, service)  # a printer that failed: said, exit 1, the number kept


def cmd_hand_over_signed(args: argparse.Namespace) -> int:
    from counter.case.hand_over import SignedReturnRefused
    from counter.cli.case import decision_faults
    from counter.service.cases import SIGNED_RETURN, SignedReturn
    from counter.words.hand_over import signed_return_refused_text

    signed_on = parse_date(args.signed_on)
    service, by = open_service(args), desk()
    not_allowed = tr("办件 {case_no} 现在的状态是“{status}”，不能登记送达回执。")
    signed = SignedReturn(args.case_no, args.hand_over, signed_on)
    try:
        decision_faults(args, lambda: service.call(SIGNED_RETURN, signed, by), not_allowed)
    except SignedReturnRefused as err:
        raise Reported(signed_return_refused_text(err.problems)) from err
    print(
        tr("办件 {case_no}：第{number}次送达的回执签收日期已登记为 {date}").format(
            case_no=args.case_no.upper(), number=args.hand_over, date=signed_on.isoformat()
        )
    )
    return EXIT_OK
