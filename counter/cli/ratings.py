"""The ratings command: ``counter ratings export --from DATE --to DATE --format json|csv``.

The records are coded in the codings the site's integrator chose of the platform's code lists (``counter platform
settings --coding``), the same the platform's reports are sent in: the export refuses, naming the list, until the
level's and the channel's are chosen.  ``--coding`` still names the level's coding for one file (``gbt39046``:
GB/T 39046 A.8, 1 非常满意 …; ``hcp``: the 好差评 interfaces, 1 非常不满意 …); the names it took before,
``best_first``, ``worst_first`` and ``interface``, stay accepted for scripts written against them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from counter.cli.arguments import add_case_no
from counter.cli.common import (
    EXIT_OK,
    Reported,
    UsageError,
    desk,
    open_service,
    parse_date,
)
from counter.cli.paper_out import paper_out_ready, write_paper
from counter.ratings.levels import Level
from counter.words.files import file_fault
from counter.words.punctuation import CLAUSE_JOIN, LIST_JOIN
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.cli.common import Commands
    from counter.platform.region_ratings import AskFailure

#: ``--coding``'s names → the level list's preset (``[lists.level]``); the order-names it took before are kept
LEVEL_PRESETS = {"gbt39046": "gbt39046", "hcp": "hcp", "best_first": "gbt39046", "worst_first": "hcp",
                 "interface": "hcp"}  # fmt: skip


def add_ratings_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    ratings = commands.add_parser("ratings", parents=[common], help=tr("好差评：导出评价")).add_subparsers(
        dest="ratings_command", metavar="ACTION", required=True
    )
    p = ratings.add_parser("export", parents=[common], help=tr("导出一段时间内的评价记录（按评价日期）"))
    p.add_argument("--from", dest="date_from", required=True, metavar="DATE", help=tr("起始日期 YYYY-MM-DD"))
    p.add_argument("--to", dest="date_to", required=True, metavar="DATE", help=tr("截止日期 YYYY-MM-DD（含）"))
    p.add_argument(
        "--format",
        choices=["json", "csv"],
        required=True,
        help=tr("json 每条评价一个对象的列表（英文键名）；csv 每条评价一行，首行为列名"),
    )
    p.add_argument(
        "--coding",
        choices=sorted(LEVEL_PRESETS),
        help=tr(
            "本次导出的满意度编码（默认：本站点选定的编码）：gbt39046 为 1 非常满意…5 非常不满意"
            "（GB/T 39046 附录 A.8）；hcp 为 1 非常不满意…5 非常满意（好差评接口）。"
            "旧名 best_first、worst_first、interface 仍可使用"
        ),
    )
    p.add_argument("--out", metavar="FILE", help=tr("写入文件（CSV 带 BOM，便于 Excel/WPS 打开）；默认输出到屏幕"))
    p.set_defaults(func=cmd_ratings_export)
    p = ratings.add_parser("sheet", parents=[common], help=tr("打印一件办件的书面评价表（无评价器的窗口用）"))
    add_case_no(p)
    p.add_argument("--out", metavar="FILE", required=True, help=tr("评价表 PDF 写入的文件"))
    p.set_defaults(func=cmd_ratings_sheet)
    p = ratings.add_parser("key-in", parents=[common], help=tr("录入申请人填写的书面评价表（渠道：书面评价）"))
    add_case_no(p)
    p.add_argument("--level", required=True, choices=[level.value for level in Level], help=tr("所勾选的评价等级"))
    p.add_argument("--date", required=True, metavar="DATE", help=tr("评价表上的日期 YYYY-MM-DD"))
    p.add_argument("--reason", action="append", default=[], metavar="CODE", help=tr("所勾选的测评内容代码（可多次）"))
    p.add_argument("--comment", default="", help=tr("评价表上的意见建议"))
    p.set_defaults(func=cmd_ratings_key_in)
    p = ratings.add_parser(
        "pull",
        parents=[common],
        help=tr("取回近期未评价办件在自治区好差评系统的补充评价（二维码），并按本地规定给予默认评价"),
    )
    p.set_defaults(func=cmd_ratings_pull)


def cmd_ratings_export(args: argparse.Namespace) -> int:
    from counter.cli.phrases import RATINGS_EXPORT_BAD_RANGE, RATINGS_EXPORT_DONE, WRITE_FAILED
    from counter.platform.code_lists import NoCode
    from counter.platform.mapping import MappingError, load_mapping, mapping_file
    from counter.platform.settings import PlatformProblem
    from counter.ratings.export import EXPORT_LISTS, to_csv, to_json
    from counter.service.outbox import READ_PLATFORM
    from counter.service.ratings import EXPORT_RECORDS, RECORD_EXPORT, ExportDone, Period
    from counter.service.requests import Nothing
    from counter.words.platform import (
        PLATFORM_PROBLEM,
        RATINGS_EXPORT_CODINGS,
        RATINGS_EXPORT_UNCHOSEN,
        export_no_code_text,
    )

    first, last = parse_date(args.date_from), parse_date(args.date_to)
    if last < first:
        raise UsageError(RATINGS_EXPORT_BAD_RANGE)
    service = open_service(args)
    by = desk()
    site = service.call(READ_PLATFORM, Nothing(), by)
    try:
        mapping = load_mapping(mapping_file(site.mapping))
    except MappingError as err:
        raise Reported(PLATFORM_PROBLEM[PlatformProblem.BAD_MAPPING]) from err
    chosen = site.codings | ({"level": LEVEL_PRESETS[args.coding]} if args.coding else {})
    codings = mapping.codings(chosen)
    records = service.call(EXPORT_RECORDS, Period(first, last), by)
    unchosen = [cl.title for cl in codings.unchosen() if cl.name in EXPORT_LISTS]
    if unchosen:  # refused before a line is written, whether there are records or not, naming every list at once
        raise Reported(RATINGS_EXPORT_UNCHOSEN.format(lists=LIST_JOIN.join(unchosen)))
    try:  # every list the export codes is chosen (above): a value its preset has no code for is all that is left
        text = to_json(records, codings) if args.format == "json" else to_csv(records, codings)
    except NoCode as err:
        title = mapping.lists[err.list_name].title
        raise Reported(export_no_code_text(title, err.preset, err.list_name, err.value)) from err
    if args.out:
        try:  # a BOM lets Excel and WPS read the CSV as UTF-8
            Path(args.out).write_text(text, encoding="utf-8-sig" if args.format == "csv" else "utf-8", newline="")
        except OSError as err:
            raise Reported(WRITE_FAILED.format(path=args.out, error=file_fault(err))) from err
    else:
        sys.stdout.write(text)
    target = f"file:{args.out}" if args.out else "stdout"
    service.call(RECORD_EXPORT, ExportDone(first, last, len(records), target), by)
    used = RATINGS_EXPORT_CODINGS.format(codings=codings.used_text(*EXPORT_LISTS))
    print(RATINGS_EXPORT_DONE.format(count=len(records), coding=used), file=sys.stderr)
    return EXIT_OK


def cmd_ratings_sheet(args: argparse.Namespace) -> int:
    """The paper 评价表 of a service, for a desk with no pad: the applicant fills it in, the desk keys it in later."""

    from counter.ratings.refusals import RatingRefused
    from counter.service.ratings import RATING_SHEET
    from counter.service.requests import CaseNo
    from counter.words.ratings import RATING_REFUSAL

    paper_out_ready(args.out)
    service = open_service(args)
    try:
        pdf = service.call(RATING_SHEET, CaseNo(args.case_no), desk())
    except RatingRefused as err:
        raise Reported(RATING_REFUSAL[err.code].format(case_no=err.case_no or args.case_no)) from err
    write_paper(Path(args.out), pdf)
    print(tr("评价表已写入 {path}").format(path=args.out), file=sys.stderr)
    return EXIT_OK


def cmd_ratings_key_in(args: argparse.Namespace) -> int:
    """A filled 评价表 keyed in: the service's one rating, by channel 书面评价, dated as the paper is."""

    from counter.ratings.paper import PaperRating
    from counter.ratings.refusals import ChoiceRefused, RatingRefused
    from counter.service.ratings import KEY_IN_SHEET, KeyInSheet
    from counter.words.ratings import CHOICE_PROBLEM, RATING_LEVEL, RATING_REFUSAL

    paper = PaperRating(Level(args.level), tuple(args.reason), args.comment, parse_date(args.date))
    service = open_service(args)
    try:
        service.call(KEY_IN_SHEET, KeyInSheet(args.case_no, paper), desk())
    except RatingRefused as err:
        raise Reported(RATING_REFUSAL[err.code].format(case_no=err.case_no or args.case_no)) from err
    except ChoiceRefused as err:
        raise Reported(CLAUSE_JOIN.join(CHOICE_PROBLEM[problem] for problem in err.problems)) from err
    print(tr("已录入办件 {case_no} 的书面评价：{level}").format(case_no=args.case_no, level=RATING_LEVEL[args.level]))
    return EXIT_OK


def cmd_ratings_pull(args: argparse.Namespace) -> int:
    """One pass of the hall's own 好差评 work: the region's ratings of its unrated cases, then the site's default."""

    from counter.service.ratings import PULL_REGION
    from counter.service.requests import Nothing

    service = open_service(args)
    done = service.call(PULL_REGION, Nothing(), desk())
    print(
        tr("询问办件 {asked} 件，取回补充评价 {taken} 条，给予默认评价 {defaulted} 条").format(
            asked=done.asked, taken=done.taken, defaulted=done.defaulted
        )
    )
    if done.unread:
        print(tr("未能读取或记录的评价（办件编号）：{cases}").format(cases=LIST_JOIN.join(done.unread)))
    if done.failed is not None:
        raise Reported(tr("没有取到补充评价：{why}。").format(why=_failure_text(done.failed, done.status)))
    return EXIT_OK


def _failure_text(failure: AskFailure, status: int) -> str:
    """Why the platform gave no ratings, in words: the log has what exactly went wrong, for support."""
    from counter.platform.region_ratings import AskFailure

    return {
        AskFailure.NOT_HTTPS: tr("补充评价的查询地址须以 https:// 开头，未发出请求"),
        AskFailure.REFUSED: tr("自治区好差评系统拒绝了请求，答复码 {status}").format(status=status),
        AskFailure.UNTRUSTED: tr("对方的证书不是自治区好差评系统的，未发出请求"),
        AskFailure.UNREACHABLE: tr("连不上自治区好差评系统"),
        AskFailure.TIMEOUT: tr("自治区好差评系统在设定的时限内没有答复"),
        AskFailure.TOO_LARGE: tr("自治区好差评系统的答复过大"),
        AskFailure.UNREADABLE: tr("自治区好差评系统的答复无法读取"),
    }[failure]
