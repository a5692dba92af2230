"""The sync commands: ``counter sync export|import|status|review``.

A township writes its cases to a file for the hall (``export --out``); the hall
writes updates for one township (``export --to SITE --out``).  ``import``
checks the file whole before anything is written: a refused package names the
reason in Chinese and exits 1 with nothing imported.  ``status`` and
``review`` show where the site stands and what waits on the review list
(``--json``: the keys of :class:`counter.sync.status.SyncStatus` and
:class:`counter.sync.status.ReviewItem`).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from counter.case.moments import minute_text
from counter.cli.arguments import add_json
from counter.cli.common import EXIT_OK, Reported, desk, open_service, print_json
from counter.words.translate import tr

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from counter.cli.common import Commands
    from counter.sync.exchange import ImportReport
    from counter.sync.status import HeldAtHall, ReviewItem, SyncStatus


def add_sync_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    sync = commands.add_parser(
        "sync", parents=[common], help=tr("乡镇便民服务中心与政务服务中心之间交换数据包")
    ).add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    p = sync.add_parser("export", parents=[common], help=tr("导出数据包：乡镇导出办件，中心导出更新（须 --to）"))
    p.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help=tr("数据包写入的文件（签名并加密），如 /media/usb/ARX01-to-hall.counter"),
    )
    p.add_argument("--to", dest="to_site", metavar="SITE", help=tr("接收站点编码（中心导出时必填）"))
    p.set_defaults(func=cmd_sync_export)
    p = sync.add_parser("import", parents=[common], help=tr("导入数据包：先整体校验，不合格则全部不导入"))
    p.add_argument("file", metavar="FILE", help=tr("对方用 counter sync export 写出的数据包文件"))
    add_json(p)
    p.set_defaults(func=cmd_sync_import)
    p = sync.add_parser("status", parents=[common], help=tr("同步状态：待上报办件、最近导出导入、待核对记录"))
    add_json(p)
    p.set_defaults(func=cmd_sync_status)
    p = sync.add_parser("review", parents=[common], help=tr("列出暂未导入、等待核对的记录"))
    p.add_argument("--all", action="store_true", help=tr("包括已处理的记录"))
    add_json(p)
    p.set_defaults(func=cmd_sync_review)


def cmd_sync_export(args: argparse.Namespace) -> int:
    from counter.cli.phrases import SYNC_KEY_UNUSABLE, SYNC_WRITE_FAILED
    from counter.service.sync import EXPORT_PACKAGE, ExportPackage
    from counter.sync.exchange import PackageFileFailed, SyncNotPossible
    from counter.sync.keys import KeyUnreadable
    from counter.words.files import file_fault
    from counter.words.sync import SENT_SEAL_CHANGED, exported_text, sync_not_possible

    out = Path(args.out)
    service = open_service(args)
    try:
        # the files are written inside the transaction: files that cannot be written record no export
        result = service.call(EXPORT_PACKAGE, ExportPackage(out, args.to_site), desk())
    except SyncNotPossible as err:
        raise Reported(sync_not_possible(err.problem.value, err.site)) from err
    except KeyUnreadable as err:
        raise Reported(SYNC_KEY_UNUSABLE.format(path=err.path)) from err
    except PackageFileFailed as err:
        raise Reported(SYNC_WRITE_FAILED.format(path=out, error=file_fault(err.os_error()))) from err
    paths = [str(p) for p in result.paths]
    print(exported_text(result.export_no, result.count, result.to_site, result.records, paths))
    if result.sent_seal_changed is not None:
        print(SENT_SEAL_CHANGED.format(no=result.sent_seal_changed), file=sys.stderr)
    return EXIT_OK


def cmd_sync_import(args: argparse.Namespace) -> int:
    from counter.cli.phrases import READ_FAILED
    from counter.service.sync import IMPORT_PACKAGE, ImportPackage
    from counter.sync.package import PackageRejected, read_package_file
    from counter.words.files import file_fault
    from counter.words.sync import SYNC_IMPORTED, SYNC_REPLAYED, package_rejected

    path = Path(args.file)
    try:
        data = read_package_file(path)  # a file beyond the limit is refused before it is read
    except OSError as err:
        raise Reported(READ_FAILED.format(path=path, error=file_fault(err))) from err
    except PackageRejected as err:
        raise Reported(package_rejected(err.code.value, err.earlier)) from err
    service = open_service(args)
    try:
        report = service.call(IMPORT_PACKAGE, ImportPackage(data), desk())
    except PackageRejected as err:
        raise Reported(package_rejected(err.code.value, err.earlier)) from err
    # KeyUnreadable: the package is good, but this machine does not hold the key that opens it (failure_text)
    if args.json:
        print_json({"ok": True, **_summary(report)})
    elif report.replayed:
        print(SYNC_REPLAYED.format(from_site=report.from_site, export_no=report.export_no))
    else:
        print(
            SYNC_IMPORTED.format(
                from_site=report.from_site, export_no=report.export_no, applied=report.applied,
                unchanged=report.unchanged, held=report.held,
            )
        )  # fmt: skip
    return EXIT_OK


def cmd_sync_status(args: argparse.Namespace) -> int:
    """Where sync stands; at a township, also which of its records the hall did not take in, and why."""
    from counter.service.requests import Nothing
    from counter.service.sync import READ_STATUS
    from counter.words.sync import hold_reason

    read = open_service(args).call(READ_STATUS, Nothing(), desk())
    status, held = read.status, list(read.held)
    if args.json:
        told = [{**asdict(h), "message": hold_reason(h.reason)} for h in held]
        print_json({**asdict(status), "held_at_hall_records": told})
        return EXIT_OK
    print(sync_status_text(status))
    if held:
        print(held_at_hall_text(held))
    return EXIT_OK


def cmd_sync_review(args: argparse.Namespace) -> int:
    from counter.cli.phrases import SYNC_REVIEW_COUNT
    from counter.service.sync import REVIEW_ITEMS, ReviewList
    from counter.words.sync import hold_reason

    items = open_service(args).call(REVIEW_ITEMS, ReviewList(open_only=not args.all), desk())
    if args.json:
        print_json([{**asdict(item), "message": hold_reason(item.reason)} for item in items])
        return EXIT_OK
    for item in items:
        print(review_line(item))
    print(SYNC_REVIEW_COUNT.format(count=len(items)))
    return EXIT_OK


def _summary(report: ImportReport) -> dict[str, object]:
    """The report as the command's JSON output names it."""
    return {
        "from_site": report.from_site,
        "kind": report.kind,
        "export_no": report.export_no,
        "applied": report.applied,
        "unchanged": report.unchanged,
        "held": report.held,
        "replayed": report.replayed,
    }


def review_line(item: ReviewItem) -> str:
    """One review-list item as a line."""
    from counter.cli.phrases import SYNC_REVIEW_LINE
    from counter.words.sync import hold_reason, record_type_text
    from counter.words.sync_details import held_detail

    return SYNC_REVIEW_LINE.format(
        id=item.id, from_site=item.from_site, export_no=item.export_no, record_type=record_type_text(item.record_type),
        record_key=item.record_key, reason=hold_reason(item.reason), detail=held_detail(item.reason, item.detail),
    )  # fmt: skip


def _when(value: dt.datetime | None) -> str:
    from counter.cli.phrases import SYNC_NEVER

    return SYNC_NEVER if value is None else minute_text(value)


def held_at_hall_text(held: Sequence[HeldAtHall]) -> str:
    """A township's records its hall did not take in, why, one a line."""
    from counter.cli.phrases import SYNC_HELD_AT_HALL, SYNC_HELD_AT_HALL_LINE
    from counter.words.sync import hold_reason
    from counter.words.sync_details import held_detail

    lines = [SYNC_HELD_AT_HALL.format(count=len(held))]
    lines += [
        SYNC_HELD_AT_HALL_LINE.format(number=h.number, reason=hold_reason(h.reason),
                                      detail=held_detail(h.reason, h.detail), hall=h.hall, at=_when(h.held_at))
        for h in held
    ]  # fmt: skip
    return "\n".join(lines)


def sync_status_text(status: SyncStatus) -> str:
    """Where sync stands, as lines."""
    from counter.cli.phrases import SYNC_STATUS_LINES
    from counter.words.sites import SITE_KIND

    since = status.pending_since
    return SYNC_STATUS_LINES.format(
        site_code=status.site_code,
        kind=SITE_KIND.get(status.site_kind, status.site_kind),
        pending=status.pending_cases,
        projects=status.pending_projects,
        since="" if since is None else tr("（最早 {since}）").format(since=_when(since)),
        exported=_when(status.last_export_at),
        imported=_when(status.last_import_at),
        review=status.review_open,
    )
