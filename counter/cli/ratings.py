"""The ratings command: ``counter ratings export --from DATE --to DATE --format json|csv``.

``--coding`` takes the codings by their order (:class:`counter.ratings.levels.Coding`); the names they had before,
``gbt39046`` and ``interface``, stay accepted for scripts written against them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from counter.cli.common import EXIT_OK, Reported, UsageError, desk, open_service, parse_date
from counter.ratings.levels import OLD_CODING_NAMES, Coding
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.cli.common import Commands


def add_ratings_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    ratings = commands.add_parser("ratings", parents=[common], help=tr("好差评：导出评价")).add_subparsers(
        dest="ratings_command", metavar="ACTION", required=True
    )
    p = ratings.add_parser("export", parents=[common], help=tr("导出一段时间内的评价记录（按评价日期）"))
    p.add_argument("--from", dest="date_from", required=True, metavar="DATE", help=tr("起始日期 YYYY-MM-DD"))
    p.add_argument("--to", dest="date_to", required=True, metavar="DATE", help=tr("截止日期 YYYY-MM-DD（含）"))
    p.add_argument("--format", choices=["json", "csv"], required=True)
    p.add_argument(
        "--coding",
        choices=[*(c.value for c in Coding), *OLD_CODING_NAMES],
        default=Coding.BEST_FIRST.value,
        help=tr(
            "满意度数字编码：best_first 为 1 非常满意…5 非常不满意（默认）；"
            "worst_first 为 1 非常不满意…5 非常满意（好差评星级数）。旧名 gbt39046、interface 仍可使用，分别同前两者"
        ),
    )
    p.add_argument("--out", metavar="FILE", help=tr("写入文件（CSV 带 BOM，便于 Excel/WPS 打开）；默认输出到屏幕"))
    p.set_defaults(func=cmd_ratings_export)


def cmd_ratings_export(args: argparse.Namespace) -> int:
    from counter.cli.phrases import (
        RATING_CODING,
        RATINGS_EXPORT_BAD_RANGE,
        RATINGS_EXPORT_DONE,
        RATINGS_EXPORT_WRITE_FAILED,
    )
    from counter.ratings.export import to_csv, to_json
    from counter.service.ratings import EXPORT_RECORDS, RECORD_EXPORT, ExportDone, Period

    first, last = parse_date(args.date_from), parse_date(args.date_to)
    if last < first:
        raise UsageError(RATINGS_EXPORT_BAD_RANGE)
    coding = Coding(args.coding)
    service = open_service(args)
    by = desk()
    records = service.call(EXPORT_RECORDS, Period(first, last), by)
    text = to_json(records, coding) if args.format == "json" else to_csv(records, coding)
    if args.out:
        try:  # a BOM lets Excel and WPS read the CSV as UTF-8
            Path(args.out).write_text(text, encoding="utf-8-sig" if args.format == "csv" else "utf-8", newline="")
        except OSError as err:
            raise Reported(RATINGS_EXPORT_WRITE_FAILED.format(path=args.out, error=err)) from err
    else:
        sys.stdout.write(text)
    target = f"file:{args.out}" if args.out else "stdout"
    service.call(RECORD_EXPORT, ExportDone(first, last, len(records), target), by)
    print(RATINGS_EXPORT_DONE.format(count=len(records), coding=RATING_CODING[coding]), file=sys.stderr)
    return EXIT_OK
