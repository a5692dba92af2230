"""The command line: a face like the window, for scripts, support staff and checks.

``counter`` alone starts the desk app.  Every command takes ``--db URL``.  Exit
status: 0 success, 1 a reported problem (every problem listed), 2 misuse.  JSON
output uses English snake_case keys, documented in the README.  Heavy modules
are imported inside the command that needs them, so ``counter catalog list``
never loads Qt.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from counter.catalog.problems import Problem

EXIT_OK, EXIT_PROBLEM, EXIT_MISUSE = 0, 1, 2


class UsageError(Exception):
    """Misuse the user can fix by changing the command: exit 2 with the message."""


class Reported(Exception):
    """A problem already put into words for the user: exit 1 with the message."""


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def _open_db(args: argparse.Namespace) -> sessionmaker[Session]:
    from counter.db.engine import make_engine, make_sessions, resolve_url
    from counter.db.migrate import SchemaTooNew, upgrade

    engine = make_engine(resolve_url(args.db))
    try:
        upgrade(engine)
    except SchemaTooNew as err:
        raise Reported(
            f"数据库由更新版本的程序写入（结构版本 {err.revision}），本程序不能打开，请升级程序。"
        ) from err
    return make_sessions(engine)


def _ensure_catalog(sessions: sessionmaker[Session]) -> None:
    """Load the bundled catalog on first use, as the window does at start-up."""
    from counter.actions.catalog import sync_bundled
    from counter.paths import bundled_catalog_dir

    result = sync_bundled(sessions, bundled_catalog_dir())
    for problem in result.problems:
        print(f"警告：{_problem_line(problem)}", file=sys.stderr)


def _problem_line(problem: Problem) -> str:
    from counter.texts import problem_text

    return problem_text(problem)


def _problem_json(problem: Problem) -> dict[str, str]:
    return {
        "rule": problem.rule.value,
        "file": problem.file,
        "bundle": problem.bundle,
        "item": problem.item,
        "material": problem.material,
        "field": problem.field,
        "detail": problem.detail,
        "message": _problem_line(problem),
    }


def _report_problems(problems: Sequence[Problem], as_json: bool) -> None:
    if as_json:
        _print_json({"ok": False, "problems": [_problem_json(p) for p in problems]})
        return
    for problem in problems:
        print(_problem_line(problem))
    print(f"共 {len(problems)} 个问题。", file=sys.stderr)


# --- catalog -----------------------------------------------------------------------


def cmd_catalog_validate(args: argparse.Namespace) -> int:
    from counter.actions.catalog import check_source

    result = check_source(Path(args.path))
    if result.problems:
        _report_problems(result.problems, args.json)
        return EXIT_PROBLEM
    if args.json:
        _print_json({"ok": True, "bundles": len(result.bundles), "problems": []})
    else:
        print(f"通过：{len(result.bundles)} 个一件事，未发现问题。")
    return EXIT_OK


def cmd_catalog_import(args: argparse.Namespace) -> int:
    from counter.actions.catalog import import_source

    sessions = _open_db(args)
    outcome = import_source(sessions, Path(args.path))
    if outcome.report is None:
        _report_problems(outcome.problems, args.json)
        print("未导入任何内容。", file=sys.stderr)
        return EXIT_PROBLEM
    report = outcome.report
    if args.json:
        _print_json(
            {
                "ok": True,
                "import_id": report.import_id,
                "new_versions": list(report.new_versions),
                "unchanged": report.unchanged,
            }
        )
    else:
        print(f"导入完成：{len(report.new_versions)} 个一件事生成新版本指南，{report.unchanged} 个未变化。")
    return EXIT_OK


def cmd_catalog_template(args: argparse.Namespace) -> int:
    from counter.catalog.workbook import write_template

    out = Path(args.out)
    try:
        write_template(out)
    except OSError as err:
        print(f"无法写入 {out}：{err.strerror or err}", file=sys.stderr)
        return EXIT_PROBLEM
    print(f"已生成导入模板：{out}")
    return EXIT_OK


def cmd_catalog_list(args: argparse.Namespace) -> int:
    from counter.db.catalog_store import search_entries
    from counter.texts import UNPUBLISHED

    sessions = _open_db(args)
    _ensure_catalog(sessions)
    with sessions() as session:
        entries = search_entries(session)
    if args.json:
        _print_json(
            [
                {"code": e.bundle_code, "number": e.number, "name": e.name, "published": e.published}
                for e in entries
            ]
        )
    else:
        for e in entries:
            mark = "" if e.published else f"  （{UNPUBLISHED}）"
            print(f"{e.number:>3}  {e.bundle_code}  {e.name}{mark}")
    return EXIT_OK


def cmd_catalog_show(args: argparse.Namespace) -> int:
    from counter.catalog.document import to_document
    from counter.db.catalog_store import current_guide, search_entries
    from counter.search import SearchIndex

    sessions = _open_db(args)
    _ensure_catalog(sessions)
    with sessions() as session:
        entries = search_entries(session)
        wanted = args.bundle.strip()
        code = next(
            (e.bundle_code for e in entries if wanted in (e.bundle_code, str(e.number), e.name)), None
        )
        if code is None:
            hits = SearchIndex(entries).search(wanted, limit=1)
            code = hits[0].bundle_code if hits else None
        stored = current_guide(session, code) if code else None
    if stored is None:
        print(f"未找到一件事：{wanted}", file=sys.stderr)
        return EXIT_PROBLEM
    if args.json:
        _print_json(
            {"version_id": stored.version_id, "version": stored.version, **to_document(stored.bundle)}
        )
    else:
        from counter.guide_text import guide_as_text

        print(guide_as_text(stored.bundle, stored.version))
    return EXIT_OK


# --- database ----------------------------------------------------------------------


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from counter.db.migrate import HEAD

    _open_db(args)
    print(f"数据库结构已是最新（{HEAD}）。")
    return EXIT_OK


# --- the parser --------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="counter", description="一件事一次办 综合受理窗口（不带参数启动窗口程序）"
    )
    parser.add_argument(
        "--db", metavar="URL", help="数据库地址（默认：环境变量 COUNTER_DB_URL 或本机 SQLite）"
    )
    parser.add_argument(
        "--exit-when-ready", action="store_true", help="完整启动窗口程序（目录已加载、主窗口已显示）后退出"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    # --db is accepted after the command too ("counter db upgrade --db URL")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="数据库地址")

    catalog = commands.add_parser(
        "catalog", parents=[common], help="事项目录：列表、查看、校验、导入"
    ).add_subparsers(dest="catalog_command", metavar="ACTION", required=True)
    p = catalog.add_parser("list", parents=[common], help="列出全部一件事")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_catalog_list)
    p = catalog.add_parser("show", parents=[common], help="显示一件事的办事指南（编码、序号、名称或拼音）")
    p.add_argument("bundle")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_catalog_show)
    p = catalog.add_parser("validate", parents=[common], help="按第九条、第十条和24项清单校验目录")
    p.add_argument("path")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_catalog_validate)
    p = catalog.add_parser(
        "import", parents=[common], help="导入目录文件夹或 .xlsx 工作簿（先校验，全部成功才导入）"
    )
    p.add_argument("path")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_catalog_import)
    p = catalog.add_parser("template", parents=[common], help="生成 .xlsx 导入模板（含示例行）")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_catalog_template)

    db = commands.add_parser("db", parents=[common], help="数据库").add_subparsers(
        dest="db_command", metavar="ACTION", required=True
    )
    p = db.add_parser("upgrade", parents=[common], help="升级数据库结构")
    p.set_defaults(func=cmd_db_upgrade)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    from counter.logs import setup_logging

    setup_logging()
    if args.command is None:
        from counter.ui.app import run

        return run(args.db, args.exit_when_ready, [sys.argv[0]])
    try:
        return int(args.func(args))
    except UsageError as err:
        print(str(err), file=sys.stderr)
        return EXIT_MISUSE
    except Reported as err:
        print(str(err), file=sys.stderr)
        return EXIT_PROBLEM
    except Exception as err:  # a traceback never reaches the user; the log keeps it
        from counter.errors import report_unexpected

        print(report_unexpected(err), file=sys.stderr)
        return EXIT_PROBLEM
