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
import datetime as dt
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from counter.cli.common import EXIT_OK, Reported, open_store, print_json, signed_in
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.actions.site.store import Unit
    from counter.actions.sync.packages import ExportResult
    from counter.cli.common import Commands


def add_sync_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    sync = commands.add_parser(
        "sync", parents=[common], help=tr("乡镇便民服务中心与政务服务中心之间交换数据包")
    ).add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    p = sync.add_parser("export", parents=[common], help=tr("导出数据包：乡镇导出办件，中心导出更新（须 --to）"))
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--to", dest="to_site", metavar="SITE", help=tr("接收站点编码（中心导出时必填）"))
    p.set_defaults(func=cmd_sync_export)
    p = sync.add_parser("import", parents=[common], help=tr("导入数据包：先整体校验，不合格则全部不导入"))
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sync_import)
    p = sync.add_parser("status", parents=[common], help=tr("同步状态：待上报办件、最近导出导入、待核对记录"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sync_status)
    p = sync.add_parser("review", parents=[common], help=tr("列出暂未导入、等待核对的记录"))
    p.add_argument("--all", action="store_true", help=tr("包括已处理的记录"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sync_review)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def cmd_sync_export(args: argparse.Namespace) -> int:
    from counter.actions.sync.sync_files import export_to_files
    from counter.cli.phrases import SYNC_KEY_UNUSABLE, SYNC_WRITE_FAILED
    from counter.sync.exchange import SyncNotPossible
    from counter.sync.keys import KeyUnreadable
    from counter.words.sync import SENT_SEAL_CHANGED, exported_text, sync_not_possible

    out = Path(args.out)
    store, by = signed_in(args)

    def export(session: Unit) -> tuple[ExportResult, list[Path]]:
        # the files are written inside the transaction: files that cannot be written record no export
        return export_to_files(session, by, _now(), out, to_site=args.to_site)

    try:
        result, paths = store.write(export)
    except SyncNotPossible as err:
        raise Reported(sync_not_possible(err.problem.value, err.site)) from err
    except KeyUnreadable as err:
        raise Reported(SYNC_KEY_UNUSABLE.format(path=err.path)) from err
    except OSError as err:
        raise Reported(SYNC_WRITE_FAILED.format(path=out, error=err)) from err
    count = len(result.packages)
    print(exported_text(result.export_no, count, result.to_site, result.records, [str(p) for p in paths]))
    if result.sent_seal_changed is not None:
        print(SENT_SEAL_CHANGED.format(no=result.sent_seal_changed), file=sys.stderr)
    return EXIT_OK


def cmd_sync_import(args: argparse.Namespace) -> int:
    from counter.actions.sync.packages import PackageRejected, import_package, package_summary
    from counter.cli.phrases import SYNC_READ_FAILED
    from counter.sync.keys import KeyUnreadable
    from counter.sync.package import read_package_file
    from counter.words.files import file_fault
    from counter.words.sites import key_problem_text
    from counter.words.sync import SYNC_IMPORTED, SYNC_REPLAYED, package_rejected

    path = Path(args.file)
    try:
        data = read_package_file(path)  # a file beyond the limit is refused before it is read
    except OSError as err:
        raise Reported(SYNC_READ_FAILED.format(path=path, error=file_fault(err))) from err
    except PackageRejected as err:
        raise Reported(package_rejected(err.code.value, err.earlier)) from err
    store, by = signed_in(args)
    try:
        report = store.write(lambda session: import_package(session, by, data, _now()))
    except PackageRejected as err:
        raise Reported(package_rejected(err.code.value, err.earlier)) from err
    except KeyUnreadable as err:  # the package is good, but this machine does not hold the key that opens it
        raise Reported(key_problem_text(err.reason, err.path, err.encryption)) from err
    if args.json:
        print_json({"ok": True, **package_summary(report)})
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
    from counter.actions.sync.sync_status import held_at_hall, sync_status
    from counter.cli.phrases import held_at_hall_text, sync_status_text
    from counter.words.sync import hold_reason

    status, held = open_store(args).write(lambda session: (sync_status(session), held_at_hall(session)))
    if args.json:
        told = [{**asdict(h), "message": hold_reason(h.reason)} for h in held]
        print_json({**asdict(status), "held_at_hall_records": told})
        return EXIT_OK
    print(sync_status_text(status))
    if held:
        print(held_at_hall_text(held))
    return EXIT_OK


def cmd_sync_review(args: argparse.Namespace) -> int:
    from counter.actions.sync.sync_status import review_items
    from counter.cli.phrases import SYNC_REVIEW_COUNT, review_line
    from counter.words.sync import hold_reason

    items = open_store(args).read(lambda session: review_items(session, open_only=not args.all))
    if args.json:
        print_json([{**asdict(item), "message": hold_reason(item.reason)} for item in items])
        return EXIT_OK
    for item in items:
        print(review_line(item))
    print(SYNC_REVIEW_COUNT.format(count=len(items)))
    return EXIT_OK
