"""``counter figures --from DATE --to DATE --by day|desk|clerk|bundle|site|county|hall [--json|--csv]``: what a county
sends the league each month, and what the league reads of its halls.

The read is ``ratings.period_figures``, the supervision window's queries; a league server on PostgreSQL, holding the
halls' and townships' cases received by sync, answers ``--by site`` across them, and a league site
(``ratings.league_figures``) ``--by county`` and ``--by hall``.  The
terminal gets a table with Chinese headings; ``--json`` stable English keys (rates as fractions, 0.2 is 20 %, null
where nothing was counted); ``--csv`` the same keys as columns, every text cell neutralised against spreadsheet
formulas as the ratings export does.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from typing import TYPE_CHECKING, Any

from counter.case.league_figures import LeagueGroup
from counter.cli.arguments import add_csv, add_json
from counter.cli.common import EXIT_OK, UsageError, desk, open_service, parse_date
from counter.projects.evaluations import EvaluationCounts
from counter.ratings.figures import Grouping
from counter.util.terminal_lines import columns
from counter.words.translate import tr

if TYPE_CHECKING:
    from fractions import Fraction

    from counter.case.period_figures import PeriodLine
    from counter.cli.common import Commands
    from counter.projects.period_figures import PeriodFigures


def add_figures_command(commands: Commands, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "figures", parents=[common], help=tr("一段时间的好差评、办件结果、即办件、容缺逾期与整改统计（报盟）")
    )
    p.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD", help=tr("起始日期（含）"))
    p.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD", help=tr("截止日期（含）"))
    by = [*(g.value for g in Grouping), *(g.value for g in LeagueGroup)]
    p.add_argument(
        "--by", choices=by, default=Grouping.DAY.value, help=tr("分组，默认按日；盟级中心按旗县市区或政务服务中心")
    )
    # not --today, which makes any command a training run on the training database
    p.add_argument("--as-of", dest="as_of", metavar="YYYY-MM-DD", help=tr("以该日期判断是否逾期（默认今天）"))
    output = p.add_mutually_exclusive_group()
    add_json(output)
    add_csv(output)
    p.set_defaults(func=cmd_figures)


def cmd_figures(args: argparse.Namespace) -> int:
    from counter.service.ratings import LEAGUE_FIGURES, PERIOD_FIGURES, LeagueAsked, PeriodAsked
    from counter.words.period_figures import PERIOD_BAD_RANGE

    first, last = parse_date(args.date_from), parse_date(args.date_to)
    if last < first:
        raise UsageError(PERIOD_BAD_RANGE.format(first=first.isoformat(), last=last.isoformat()))
    as_of = parse_date(args.as_of) if args.as_of else None  # else the run's day (--today on a training run)
    service = open_service(args)
    by = desk()
    grouping: Grouping | LeagueGroup
    if args.by in {g.value for g in LeagueGroup}:
        grouping = LeagueGroup(args.by)
        figures = service.call(LEAGUE_FIGURES, LeagueAsked(first, last, grouping, as_of), by)
    else:
        grouping = Grouping(args.by)
        figures = service.call(PERIOD_FIGURES, PeriodAsked(first, last, grouping, as_of), by)
    if args.json:
        from counter.cli.common import print_json

        print_json(figures_json(figures, grouping))
    elif args.csv:
        sys.stdout.write(figures_csv(figures, grouping))
    else:
        print(figures_text(figures, grouping))
    return EXIT_OK


def _rate(value: Fraction | None) -> float | None:
    return None if value is None else round(float(value), 4)


def _place(line: PeriodLine, grouping: Grouping | LeagueGroup) -> dict[str, str]:
    """What the line is, in its own keys; empty for the total."""
    if not line.key:
        return {}
    if isinstance(grouping, LeagueGroup):
        return _league_place(line, grouping)
    if grouping is Grouping.DAY:
        return {"day": line.key}
    if grouping is Grouping.DESK:
        return {"site_code": line.key.split("/")[0], "desk_no": line.label}
    if grouping is Grouping.CLERK:
        return {"clerk": line.label}
    bundle = grouping is Grouping.BUNDLE
    return {"bundle_code": line.key, "bundle_name": line.label} if bundle else {"site_code": line.key}


def _league_place(line: PeriodLine, grouping: LeagueGroup) -> dict[str, str]:
    if grouping is LeagueGroup.COUNTY:
        return {"county_code": line.key, "county_name": line.label}
    county, _, site = line.key.partition("/")
    return {"county_code": county, "site_code": site, "hall_name": line.label}


def line_json(line: PeriodLine, grouping: Grouping | LeagueGroup) -> dict[str, Any]:
    r, c, p, x = line.ratings, line.cases, line.promise, line.rectifications
    return _place(line, grouping) | {
        "services": r.services,
        "accepted": c.accepted,
        "deferred": c.deferred,
        "correction": c.correction,
        "refused": c.refused,
        "withdrawn": c.withdrawn,
        "overdue_deferrals": c.overdue_deferrals,
        "items_open": c.items_open,
        "items_overdue": c.items_overdue,
        "mean_wait_minutes": c.mean_wait_minutes(),
        "rated": r.rated,
        "good": r.good,
        "bad": r.bad,
        "unrated": r.unrated + r.not_sent,
        "pending": r.pending,
        "excluded": r.excluded,
        "appealing": r.appealing,
        "rectified": r.rectified,
        "good_rate": _rate(r.good_rate),
        "bad_rate": _rate(r.bad_rate),
        "unrated_rate": _rate(r.unrated_rate),
        "rectification_rate": _rate(r.rectification_rate),
        "accepted_cases": p.cases,
        "same_day_share": _rate(p.same_day_share),
        "same_day_case_share": _rate(p.same_day_case_share),
        "promise_reduction": _rate(p.mean_reduction),
        "rectifications_opened": x.opened,
        "rectifications_open": x.open,
        "rectifications_overdue": x.overdue,
        "rectifications_closed": x.closed,
        "rectifications_voided": x.voided,
    }


def figures_json(figures: PeriodFigures, grouping: Grouping | LeagueGroup | None = None) -> dict[str, Any]:
    """The figures as JSON; ``grouping`` is the lines' own where they were folded after reading (a league's)."""
    grouping = figures.grouping if grouping is None else grouping
    return {
        "from": figures.first.isoformat(),
        "to": figures.last.isoformat(),
        "by": grouping.value,
        "today": figures.today.isoformat(),
        "lines": [line_json(line, grouping) for line in figures.lines],
        "total": line_json(figures.total, grouping),
        "agent_service": agent_service_json(figures.agent_service),
        "channels": {c.channel.value: c.ratings for c in figures.channels},  # first ratings by channel
        "quick_answers": figures.quick_answers,  # pad answers sooner than the question can be read
        # per clerk, the requests shown on a pad in the period and how many were answered there (quick: of them, how
        # many sooner than the question can be read) or lapsed
        "requests": [
            {"clerk": s.clerk, "sent": s.sent, "answered": s.answered, "lapsed": s.lapsed, "quick": s.quick}
            for s in figures.requests
        ],
    }


def agent_service_json(counts: EvaluationCounts) -> dict[str, Any]:
    """The 帮您办 channel: the 评价表s given in the period, by answer (counter.projects.evaluations)."""
    rate = counts.satisfied_rate
    return {
        "evaluations": counts.total,
        "very_satisfied": counts.very_satisfied,
        "satisfied": counts.satisfied,
        "dissatisfied": counts.dissatisfied,
        "satisfied_rate": None if rate is None else round(rate, 4),
    }


def figures_csv(figures: PeriodFigures, grouping: Grouping | LeagueGroup | None = None) -> str:
    """One row per line and the total last (its place columns empty), the JSON's keys as the header."""
    grouping = figures.grouping if grouping is None else grouping
    rows = [line_json(line, grouping) for line in (*figures.lines, figures.total)]
    place = list(_place(figures.lines[0], grouping)) if figures.lines else []
    header = place + [key for key in line_json(figures.total, grouping) if key not in place]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(row.get(key)) for key in header])
    return out.getvalue()


def _cell(value: object) -> str:
    from counter.ratings.export import neutralised

    if value is None:
        return ""
    if isinstance(value, int | float):
        return str(value)  # a number is written as itself: -0.5 is never a formula
    return neutralised(str(value))


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * (width - columns(text))
    return gap + text if right else text + gap


def figures_text(figures: PeriodFigures, grouping: Grouping | LeagueGroup | None = None) -> str:
    from counter.words.period_figures import (
        PERIOD_COLUMNS,
        PERIOD_DESK,
        PERIOD_GROUP_HEADING,
        PERIOD_NO_COUNTY,
        PERIOD_NONE,
        PERIOD_RATING_SUM,
        PERIOD_RULES,
        PERIOD_TITLE,
        PERIOD_TOTAL,
        agent_service_line,
    )
    from counter.words.ratings import channels_line, percent_text, request_shares_line

    dates = {"first": figures.first.isoformat(), "last": figures.last.isoformat()}
    if not figures.lines:
        return PERIOD_NONE.format(**dates)
    grouping = figures.grouping if grouping is None else grouping

    def label(line: PeriodLine) -> str:
        if not line.key:
            return PERIOD_TOTAL
        if grouping is Grouping.DESK:
            return PERIOD_DESK.format(site_code=line.key.split("/")[0], desk_no=line.label)
        if grouping is LeagueGroup.COUNTY:
            return line.label or PERIOD_NO_COUNTY
        return line.label

    def cell(value: object) -> str:
        return percent_text(value) if isinstance(value, float) or value is None else str(value)

    rows = [[PERIOD_GROUP_HEADING[grouping], *(heading for _, heading in PERIOD_COLUMNS)]]
    for line in (*figures.lines, figures.total):
        values = line_json(line, grouping)
        rows.append([label(line), *(cell(values[key]) for key, _ in PERIOD_COLUMNS)])
    widths = [max(columns(row[i]) for row in rows) for i in range(len(rows[0]))]
    title = PERIOD_TITLE.format(**dates, group=PERIOD_GROUP_HEADING[grouping], today=figures.today.isoformat())
    table = ["  ".join(_pad(text, widths[i], right=i > 0) for i, text in enumerate(row)).rstrip() for row in rows]
    channels = channels_line(figures.channels, figures.quick_answers)
    lines = [title, *table, channels, request_shares_line(figures.requests), agent_service_line(figures.agent_service)]
    return "\n".join([*lines, PERIOD_RATING_SUM, PERIOD_RULES])
