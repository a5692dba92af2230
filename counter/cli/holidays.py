"""The holiday commands: ``counter holidays import|set|list`` — the office's own table of days off and make-up
working days, beside the official data."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from counter.cli.arguments import add_json
from counter.cli.common import EXIT_OK, EXIT_PROBLEM, desk, open_service, parse_date, print_json
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.cli.common import Commands
    from counter.service.local import Service

#: a day's kind (counter.calendar.office_days.OFF, WORK), or its edit cleared, as the list and ``holidays set`` say it
DAY_KIND = {"off": tr("放假"), "work": tr("调休上班"), "clear": tr("恢复按星期计算")}


def add_holiday_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    holidays = commands.add_parser("holidays", parents=[common], help=tr("节假日与调休")).add_subparsers(
        dest="holidays_command", metavar="ACTION", required=True
    )
    p = holidays.add_parser("import", parents=[common], help=tr("导入某年国务院节假日安排（文本）"))
    p.add_argument(
        "file",
        metavar="FILE",
        help=tr("国务院办公厅节假日安排通知的原文（UTF-8 文本），或每行一日，如 2027-01-01,off、2027-02-07,work"),
    )
    p.add_argument(
        "--year",
        type=int,
        required=True,
        metavar="YEAR",
        help=tr("安排所属的年份，如 2027：通知中不写年份的日期按此年"),
    )
    p.set_defaults(func=cmd_holidays_import)
    p = holidays.add_parser("set", parents=[common], help=tr("设定某日放假、调休上班或恢复"))
    p.add_argument("date", metavar="DATE", help=tr("日期（YYYY-MM-DD）"))
    p.add_argument(
        "kind",
        choices=["off", "work", "clear"],
        metavar="KIND",
        help=tr("off 放假，work 调休上班，clear 取消本单位对这一天的设定（按随程序的节假日数据和星期计算）"),
    )
    p.set_defaults(func=cmd_holidays_set)
    p = holidays.add_parser("list", parents=[common], help=tr("列出本单位设定的日期和数据覆盖范围"))
    add_json(p)
    p.set_defaults(func=cmd_holidays_list)
    p = holidays.add_parser(
        "early-lapses", parents=[common], help=tr("列出逾期处理早于按公布安排重算的期限、待实施部门自行纠正的办件")
    )
    add_json(p)
    p.set_defaults(func=cmd_holidays_early_lapses)


def cmd_holidays_import(args: argparse.Namespace) -> int:
    from counter.cli.file_text import file_text
    from counter.service.calendar import IMPORT_SCHEDULE, ImportSchedule
    from counter.util.bounded_read import HOLIDAY_NOTICE_LIMIT
    from counter.words.workdays import schedule_problem_text

    path = Path(args.file)
    # a pipe or a device named is refused unread, as a missing file is
    text = file_text(path, HOLIDAY_NOTICE_LIMIT, tr("无法读取节假日安排文件 {path}：{error}"), encoding="utf-8")
    service = open_service(args)
    result = service.call(IMPORT_SCHEDULE, ImportSchedule(text, args.year, path.name), desk())
    if not result.ok:
        for problem in result.problems:
            print(schedule_problem_text(problem))
        print(tr("未导入任何内容。"), file=sys.stderr)
        return EXIT_PROBLEM
    print(
        tr("已导入 {year} 年节假日安排：放假 {days_off} 天，调休上班 {working_days} 天。").format(
            year=result.year, days_off=result.days_off, working_days=result.working_days
        )
    )
    _say_moved(result.moved)
    _say_early(service)
    return EXIT_OK


def _say_moved(cases: tuple[str, ...]) -> None:
    """The open cases whose dates the change moved later, each by its number: the page and the SMS say the rest."""
    if cases:
        print(tr("按新的节假日安排重新计算，{count} 件办件的期限顺延（以较晚的日期为准）：").format(count=len(cases)))
        for number in cases:
            print(f"  {number}")


def _say_early(service: Service) -> None:
    """How many lapses wait for their bodies' correction, now that the days changed (the list says which)."""
    from counter.service.calendar import EARLY_LAPSES
    from counter.service.requests import Nothing

    rows = service.call(EARLY_LAPSES, Nothing())
    if rows:
        print(
            tr("有 {count} 项逾期处理早于按公布的安排重算的期限，已列入待实施部门自行纠正的清单。").format(
                count=len(rows)
            )
        )


def cmd_holidays_early_lapses(args: argparse.Namespace) -> int:
    """Each lapse found early, with its dates, the items it took down with their deciding bodies, and what to do."""
    from counter.service.calendar import EARLY_LAPSES
    from counter.service.requests import Nothing
    from counter.words.lapses import CORRECTION_PATH

    rows = open_service(args).call(EARLY_LAPSES, Nothing())
    if args.json:
        print_json(
            [
                {
                    "case_no": row.case_no,
                    "what": row.lapse.what,
                    "lapsed_on": row.lapse.lapsed_on.isoformat(),
                    "due": row.lapse.due.isoformat(),
                    "first_day": row.lapse.first_day.isoformat(),
                    "items": [{"code": code, "name": name, "deciding": body} for code, name, body in row.items],
                }
                for row in rows
            ]
        )
        return EXIT_OK
    if not rows:
        print(tr("没有逾期处理早于期限的办件。"))
        return EXIT_OK
    for row in rows:
        print(
            tr("{case_no}：{lapsed}作出逾期处理，按公布的安排期限为{due}，{first}起才可按逾期处理").format(
                case_no=row.case_no,
                lapsed=row.lapse.lapsed_on.isoformat(),
                due=row.lapse.due.isoformat(),
                first=row.lapse.first_day.isoformat(),
            )
        )
        for _, name, body in row.items:
            print(tr("  {name}：{body}").format(name=name, body=body))
    print(CORRECTION_PATH)
    return EXIT_OK


def cmd_holidays_set(args: argparse.Namespace) -> int:
    from counter.calendar.office_days import OFF, WORK
    from counter.service.calendar import SET_HOLIDAY, SetHoliday

    day = parse_date(args.date)
    kind = {"off": OFF, "work": WORK, "clear": None}[args.kind]
    service = open_service(args)
    moved = service.call(SET_HOLIDAY, SetHoliday(day, kind), desk())
    print(tr("{day}：{kind}").format(day=day.isoformat(), kind=DAY_KIND[args.kind]))
    _say_moved(moved)
    _say_early(service)
    return EXIT_OK


def cmd_holidays_list(args: argparse.Namespace) -> int:
    from counter.service.calendar import HOLIDAY_OVERVIEW
    from counter.service.requests import Nothing

    overview = open_service(args).call(HOLIDAY_OVERVIEW, Nothing())
    last = overview.covered_until
    if args.json:
        print_json(
            {
                "covered_until": last.isoformat() if last else None,
                "days": [{"date": d.day.isoformat(), "kind": d.kind, "source": d.source} for d in overview.days],
            }
        )
        return EXIT_OK
    print(tr("节假日数据覆盖至：{last}").format(last=last.isoformat() if last else tr("无")))
    for d in overview.days:
        print(f"{d.day.isoformat()}  {DAY_KIND[d.kind]}  {d.source}")
    return EXIT_OK
