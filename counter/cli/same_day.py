"""即办件 on the command line: ``counter case same-day CASE_NO`` and ``counter case figures --month YYYY-MM``.

The same-day step is the window's 当场办结并送达 (``cases.finish_same_day``); the figures are the 24-point
table's 即办件 share and 承诺时限压减率 (:mod:`counter.case.promise_figures`), as text or as JSON with English keys.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from counter.case.promise_figures import REDUCTION_GOAL, SAME_DAY_SHARE_GOAL, FigureGroup, PromiseFigures
from counter.cli.arguments import add_case_no, add_json
from counter.cli.common import EXIT_OK, Reported, UsageError, add_today, desk, open_service, print_json
from counter.words.ratings import percent_text
from counter.words.translate import tr

if TYPE_CHECKING:
    from fractions import Fraction

    from counter.case.month_figures import MonthFigures


def add_same_day_commands(case: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    """Under ``counter case``."""
    p = case.add_parser("same-day", parents=[common], help=tr("即办件当场办结并在窗口送达（当天受理的即办件）"))
    add_case_no(p)
    add_today(p)
    p.set_defaults(func=cmd_same_day)
    p = case.add_parser("figures", parents=[common], help=tr("即办件占比与承诺时限压减率，按月、按窗口或一件事"))
    p.add_argument("--month", required=True, metavar="YYYY-MM", help=tr("统计该月受理的办件，如 2026-11"))
    p.add_argument(
        "--by",
        choices=[g.value for g in FigureGroup],
        default=FigureGroup.DESK.value,
        help=tr("分行：desk 每个窗口一行（默认），bundle 每个一件事一行"),
    )
    add_json(p)
    p.set_defaults(func=cmd_figures)


def cmd_same_day(args: argparse.Namespace) -> int:
    from counter.case.same_day_refused import SameDayNotPossible
    from counter.case.status import MoveNotAllowed
    from counter.service.cases import FINISH_SAME_DAY
    from counter.service.requests import CaseNo
    from counter.words.cases import case_status_text
    from counter.words.punctuation import CLAUSE_JOIN
    from counter.words.same_day import SAME_DAY_DONE, SAME_DAY_PROBLEM, SAME_DAY_REFUSED

    service = open_service(args)
    try:
        service.call(FINISH_SAME_DAY, CaseNo(args.case_no), desk())
    except SameDayNotPossible as err:
        reasons = CLAUSE_JOIN.join(SAME_DAY_PROBLEM[p] for p in err.problems)
        raise Reported(SAME_DAY_REFUSED.format(case_no=args.case_no, reasons=reasons)) from err
    except MoveNotAllowed as err:  # another desk moved the case between the check and the move
        reasons = case_status_text(err.status, err.only_received)  # as the case's page names it
        raise Reported(SAME_DAY_REFUSED.format(case_no=args.case_no, reasons=reasons)) from err
    print(SAME_DAY_DONE.format(case_no=args.case_no))
    return EXIT_OK


def cmd_figures(args: argparse.Namespace) -> int:
    from counter.case.promise_figures import month_days
    from counter.service.intake import MONTH_FIGURES, FiguresOfMonth
    from counter.words.same_day import FIGURES_BAD_MONTH

    try:
        month_days(args.month)
    except ValueError as err:
        raise UsageError(FIGURES_BAD_MONTH.format(month=args.month)) from err
    service = open_service(args)
    figures = service.call(MONTH_FIGURES, FiguresOfMonth(args.month, FigureGroup(args.by)), desk())
    if args.json:
        print_json(figures_json(figures))
    else:
        print(figures_text(figures))
    return EXIT_OK


def _rate(value: Fraction | None) -> float | None:
    return None if value is None else round(float(value), 4)


def line_json(line: PromiseFigures, group: FigureGroup) -> dict[str, Any]:
    """One line's counts and figures; the rates are fractions (0.2 is 20 %), null where nothing was counted."""
    if not line.key:
        place: dict[str, Any] = {}
    elif group is FigureGroup.DESK:
        place = {"site_code": line.key[0], "desk_no": line.key[1]}
    else:
        place = {"bundle_code": line.key[0], "bundle_name": line.label}
    return place | {
        "cases": line.cases,
        "same_day_cases": line.same_day_cases,
        "item_cases": line.item_cases,
        "same_day_item_cases": line.same_day_item_cases,
        "measured_item_cases": line.measured_item_cases,
        "unmeasured_item_cases": line.unmeasured_item_cases,
        "same_day_share": _rate(line.same_day_share),
        "same_day_case_share": _rate(line.same_day_case_share),
        "promise_reduction": _rate(line.mean_reduction),
    }


def figures_json(figures: MonthFigures) -> dict[str, Any]:
    return {
        "month": figures.month,
        "by": figures.group.value,
        "same_day_share_goal": float(SAME_DAY_SHARE_GOAL),
        # what a 即办件 is here: an item decided on the day its case was taken (counter.case.promise_figures)
        "same_day_counted_as": "decided_on_the_day_taken",
        "promise_reduction_goal": float(REDUCTION_GOAL),
        "lines": [line_json(line, figures.group) for line in figures.lines],
        "total": line_json(figures.total, figures.group),
    }


def figures_text(figures: MonthFigures) -> str:
    from counter.words.same_day import (
        FIGURES_GROUP,
        FIGURES_LINE,
        FIGURES_NONE,
        FIGURES_RULES,
        FIGURES_TITLE,
        figure_place,
        goals_text,
    )

    if not figures.lines:
        return FIGURES_NONE.format(month=figures.month)
    out = [FIGURES_TITLE.format(month=figures.month, group=FIGURES_GROUP[figures.group]), goals_text()]
    for line in (*figures.lines, figures.total):
        out.append(
            FIGURES_LINE.format(
                place=figure_place(line, figures.group),
                cases=line.cases,
                share=percent_text(line.same_day_share),
                share_goal=percent_text(SAME_DAY_SHARE_GOAL),
                case_share=percent_text(line.same_day_case_share),
                reduction=percent_text(line.mean_reduction),
                reduction_goal=percent_text(REDUCTION_GOAL),
                unmeasured=line.unmeasured_item_cases,
            )
        )
    out.append(FIGURES_RULES)
    return "\n".join(out)
