"""电子送达 on the command line: ``counter case agree-e-service CASE_NO --means platform|sms`` records the applicant's
agreement (at intake or afterwards), and ``counter case serve-electronically CASE_NO`` sends the case's department
papers made and not served through the region's platform and records as served those it confirmed delivered."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from counter.cli.arguments import add_case_no
from counter.cli.common import EXIT_OK, Reported, add_today, desk, open_service
from counter.documents.e_service import ServiceMeans
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.access.desk import Desk
    from counter.cli.hall_desk import HallCommands
    from counter.service.local import InProcess

DONE_AGREED = tr("办件 {case_no}：已记录申请人同意电子送达（{means}，{day}）")
COUNTED = tr("{count}（{numbers}）")
DONE_SENT = tr("办件 {case_no}：已发送 {sent} 份，待平台确认 {waiting} 份，经平台确认送达 {served} 份")


def add_e_service_commands(case: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    """Under ``counter case``."""
    p = case.add_parser(
        "agree-e-service", parents=[common], help=tr("记录申请人同意电子送达：平台账户（platform）或短信链接（sms）")
    )
    add_case_no(p)
    p.add_argument(
        "--means",
        required=True,
        choices=[m.value for m in ServiceMeans],
        help=tr("platform：送达至申请人的政务服务平台账户；sms：短信发送经平台网关的下载链接"),
    )
    add_today(p)
    p.set_defaults(func=cmd_agree)
    p = case.add_parser(
        "serve-electronically",
        parents=[common],
        help=tr("经政务服务平台电子送达部门文书（补正、受理、不予受理通知书），平台确认后记录送达"),
    )
    add_case_no(p)
    add_today(p)
    p.set_defaults(func=cmd_serve)


def add_means_option(p: argparse.ArgumentParser) -> None:
    """``counter case take``'s ``--e-service``: the applicant agreed to electronic service at intake."""
    p.add_argument(
        "--e-service",
        choices=[m.value for m in ServiceMeans],
        default=None,
        help=tr("申请人在收件时同意电子送达：platform 平台账户，sms 短信链接"),
    )


def agree_at_intake(args: argparse.Namespace, service: InProcess | HallCommands, by: Desk, case_no: str) -> None:
    """Record the agreement given at intake on the case just taken, dated the intake's day."""
    from counter.service.e_service import AGREE_E_SERVICE, EServiceAgreed

    agreed = EServiceAgreed(case_no, ServiceMeans(args.e_service))
    _refusals(case_no, lambda: service.call(AGREE_E_SERVICE, agreed, by))


def _refusals(case_no: str, run: Any) -> Any:
    from counter.case.status import MoveNotAllowed
    from counter.documents.e_service import EServiceRefused
    from counter.words.cases import case_status_text
    from counter.words.e_service import REFUSED, refused_text

    try:
        return run()
    except EServiceRefused as err:
        raise Reported(refused_text(err.problem, err.case_no, err.doc_no)) from err
    except MoveNotAllowed as err:
        reason = case_status_text(err.status, err.only_received)
        raise Reported(REFUSED.format(case_no=case_no, reason=reason)) from err


def cmd_agree(args: argparse.Namespace) -> int:
    from counter.service.e_service import AGREE_E_SERVICE, EServiceAgreed
    from counter.words.e_service import MEANS

    service, agreed_to = open_service(args), EServiceAgreed(args.case_no, ServiceMeans(args.means))
    agreed = _refusals(args.case_no, lambda: service.call(AGREE_E_SERVICE, agreed_to, desk()))
    day = agreed.agreed_on.isoformat()
    print(DONE_AGREED.format(case_no=args.case_no, means=MEANS[agreed.means], day=day))
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from counter.service.e_service import SERVE_ONLINE
    from counter.service.requests import CaseNo
    from counter.words.e_service import unlinked_text, unsealed_sent_text
    from counter.words.punctuation import LIST_JOIN

    service = open_service(args)
    done = _refusals(args.case_no, lambda: service.call(SERVE_ONLINE, CaseNo(args.case_no), desk()))

    def listed(numbers: tuple[str, ...]) -> str:
        return COUNTED.format(count=len(numbers), numbers=LIST_JOIN.join(numbers)) if numbers else "0"

    print(DONE_SENT.format(
        case_no=args.case_no, sent=listed(done.sent), waiting=listed(done.waiting), served=listed(done.served)
    ))  # fmt: skip
    for doc_no, body in done.unsealed:
        print(unsealed_sent_text(doc_no, body), file=sys.stderr)
    for doc_no, body in done.unlinked:
        print(unlinked_text(doc_no, body), file=sys.stderr)
    return EXIT_OK
