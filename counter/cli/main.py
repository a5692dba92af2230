"""The command line: a face like the window, for scripts, support staff and checks.

``counter`` alone starts the desk app.  Every command takes ``--db URL``.  Exit
status: 0 success, 1 a reported problem (every problem listed), 2 misuse.  JSON
output uses English snake_case keys, documented in the README.  Heavy modules
are imported inside the command that needs them, so ``counter catalog list``
never loads Qt.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from typing import TypeAlias

    from sqlalchemy.orm import Session, sessionmaker

    from counter.access.roles import Actor
    from counter.actions.desk import Desk
    from counter.actions.documents import MadeDocument
    from counter.catalog.problems import Problem

EXIT_OK, EXIT_PROBLEM, EXIT_MISUSE = 0, 1, 2

if TYPE_CHECKING:
    Commands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]


class UsageError(Exception):
    """Misuse the user can fix by changing the command: exit 2 with the message."""


class Reported(Exception):
    """A problem already put into words for the user: exit 1 with the message."""


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def _open_db(args: argparse.Namespace) -> sessionmaker[Session]:
    from counter.cli.accounts import sign_in_for_run
    from counter.db.engine import make_engine, make_sessions, resolve_url
    from counter.db.migrate import SchemaTooNew, upgrade

    engine = make_engine(resolve_url(args.db))
    try:
        upgrade(engine)
    except SchemaTooNew as err:
        raise Reported(f"数据库由更新版本的程序写入（结构版本 {err.revision}），本程序不能打开，请升级程序。") from err
    sessions = make_sessions(engine)
    sign_in_for_run(args, sessions)  # as --user, once per run; the single desk without it
    return sessions


def _ensure_catalog(sessions: sessionmaker[Session]) -> None:
    """Load the bundled catalog on first use, as the window does at start-up."""
    from counter.actions.catalog import sync_bundled
    from counter.resources import bundled_catalog_dir

    result = sync_bundled(sessions, bundled_catalog_dir(), desk=_desk().identity)
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
    outcome = import_source(sessions, Path(args.path), desk=_desk())
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
            [{"code": e.bundle_code, "number": e.number, "name": e.name, "published": e.published} for e in entries]
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
        code = next((e.bundle_code for e in entries if wanted in (e.bundle_code, str(e.number), e.name)), None)
        if code is None:
            hits = SearchIndex(entries).search(wanted, limit=1)
            code = hits[0].bundle_code if hits else None
        stored = current_guide(session, code) if code else None
    if stored is None:
        print(f"未找到一件事：{wanted}", file=sys.stderr)
        return EXIT_PROBLEM
    if args.json:
        _print_json({"version_id": stored.version_id, "version": stored.version, **to_document(stored.bundle)})
    else:
        from counter.cli.guide_text import guide_as_text

        print(guide_as_text(stored.bundle, stored.version))
    return EXIT_OK


# --- cases -------------------------------------------------------------------------


def _today(args: argparse.Namespace) -> dt.date:
    raw = getattr(args, "today", None)
    if not raw:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(raw)
    except ValueError as err:
        raise UsageError(f"--today 应为 YYYY-MM-DD 格式的日期，收到：{raw}") from err


def _desk() -> Desk:
    from counter.actions.desk import Desk
    from counter.cli.accounts import run_actor
    from counter.host.desk_config import load_desk_config

    config = load_desk_config()
    actor = run_actor()  # the account signed in by --user: its name is the clerk's on every record
    return Desk(config.identity(), actor.name or config.clerk, actor)


def _may_see_whole_numbers(session: Session, actor: Actor) -> bool:
    """ID numbers and phones whole: for a signed-in clerk or supervisor, or the single desk."""
    from counter.access.roles import Permission
    from counter.actions.guard import NotPermitted, require

    try:
        require(session, actor, Permission.SEE_FULL_ID)
    except NotPermitted:
        return False
    return True


def cmd_case_show(args: argparse.Namespace) -> int:
    from counter.cli.case_text import case_as_text, case_json, masked_view
    from counter.db.case_store import case_view

    sessions = _open_db(args)
    with sessions() as session:
        view = case_view(session, args.case_no)
        whole = _may_see_whole_numbers(session, _desk().actor)
    if view is None:
        print(f"未找到办件：{args.case_no}", file=sys.stderr)
        return EXIT_PROBLEM
    if not whole:
        view = masked_view(view)
    if args.json:
        _print_json(case_json(view))
    else:
        print(case_as_text(view))
    return EXIT_OK


def cmd_case_list(args: argparse.Namespace) -> int:
    from counter.actions.calendar import office_calendar
    from counter.cli.case_text import row_json, row_line
    from counter.db.case_store import all_cases, deferrals_due_by

    sessions = _open_db(args)
    today = _today(args)
    with sessions() as session:
        if args.overdue:
            yesterday = today - dt.timedelta(days=1)
            rows = deferrals_due_by(session, yesterday)
        elif args.due_soon:
            horizon = office_calendar(session).add_working_days(today, 2).date
            rows = deferrals_due_by(session, horizon)
        else:
            rows = all_cases(session)
    if args.json:
        _print_json([row_json(r, today) for r in rows])
    else:
        for row in rows:
            print(row_line(row, today))
        print(f"共 {len(rows)} 件。", file=sys.stderr)
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from counter.actions.demo import DemoUnavailable, run_demo, write_documents
    from counter.cli.case_text import case_json
    from counter.db.case_store import case_view

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    sessions = _open_db(args)
    _ensure_catalog(sessions)
    desk, today = _desk(), _today(args)
    try:
        made = run_demo(sessions, desk, today)
    except DemoUnavailable as err:
        raise Reported(f"目录中没有可用于演示的已发布指南：{err}") from err
    documents = write_documents(sessions, desk, made, today, out)
    with sessions() as session:
        views = [case_view(session, c.case_no) for c in made]
    summary = [case_json(v) for v in views if v is not None]
    (out / "cases.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2, default=str), "utf-8")
    for case in made:
        print(f"{case.case_no}\t{case.label}")
    print(f"已生成 {len(documents)} 份文书：{out}", file=sys.stderr)
    return EXIT_OK


# --- documents ---------------------------------------------------------------------

CASE_DOCUMENTS = ("receipt", "deferral", "pledge", "correction", "refusal", "denial")
# the fields of counter.documents.data.OfficeSettings, named here so that building the
# parser (at every start of the app) does not import the documents package; a test keeps them equal
OFFICE_FIELDS = (
    "office_name", "seal_caption", "consult_phone", "complaint_phone", "address",
    "review_body", "court", "progress_url_base", "online_portal",
)  # fmt: skip


def _deliver(args: argparse.Namespace, made: MadeDocument, sessions: sessionmaker[Session]) -> int:
    """Write the PDF to --out and/or send it to --printer; every print is recorded."""
    from counter.actions.documents import record_print
    from counter.printing.cups import PrintFailed, submit
    from counter.texts import print_problem_text

    desk = _desk()
    outcome = EXIT_OK
    if args.out:
        out = Path(args.out)
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(made.pdf)
        except OSError as err:
            raise Reported(f"无法写入 {out}：{err.strerror or err}") from err
        with sessions.begin() as session:
            record_print(session, desk, made, f"file:{out}", ok=True)
        print(f"{made.doc_no}\t{out}")
    if args.printer is not None:
        try:
            job = submit(made.pdf, args.printer, made.title)
        except PrintFailed as err:
            with sessions.begin() as session:
                record_print(session, desk, made, f"printer:{err.printer or args.printer}", ok=False, error=str(err))
            print(print_problem_text(err.problem, err.printer or args.printer, err.detail), file=sys.stderr)
            outcome = EXIT_PROBLEM
        else:
            with sessions.begin() as session:
                record_print(session, desk, made, f"printer:{args.printer or 'default'}", ok=True)
            print(f"{made.doc_no}\t{job}")
    if made.check_dates:
        print("注意：文书上的日期超出节假日数据范围，按周六、周日休息推算，请核对。", file=sys.stderr)
    return outcome


def cmd_print(args: argparse.Namespace) -> int:
    from counter.actions.documents import make_document
    from counter.actions.intake import CaseNotFound
    from counter.documents.kinds import DocumentKind
    from counter.documents.model import DocumentNotPossible
    from counter.texts import DOC_PROBLEM

    if not args.out and args.printer is None:
        raise UsageError("请用 --out FILE.pdf 保存，或用 --printer NAME 打印（NAME 为空表示默认打印机）")
    sessions = _open_db(args)
    try:
        with sessions.begin() as session:
            made = make_document(session, _desk(), args.case_no, DocumentKind(args.doc), _today(args))
    except CaseNotFound as err:
        raise Reported(f"未找到办件：{err.case_no}") from err
    except DocumentNotPossible as err:
        reasons = "；".join(DOC_PROBLEM[p] for p in err.problems)
        raise Reported(f"办件 {args.case_no} 不能出具这种文书：{reasons}") from err
    return _deliver(args, made, sessions)


def cmd_guide_notice(args: argparse.Namespace) -> int:
    from counter.actions.documents import GuideNotFound, make_guide_notice

    sessions = _open_db(args)
    _ensure_catalog(sessions)
    try:
        with sessions.begin() as session:
            made = make_guide_notice(session, _desk(), args.bundle, _today(args))
    except GuideNotFound as err:
        raise Reported(f"一件事 {err.bundle_code} 不存在或指南未发布，不能出具一次性告知单") from err
    return _deliver(args, made, sessions)


def cmd_office(args: argparse.Namespace) -> int:
    from dataclasses import asdict, replace

    from counter.actions.documents import office_settings, save_office_settings

    sessions = _open_db(args)
    desk = _desk()
    site = desk.identity.site_code
    changes = {name: getattr(args, name) for name in OFFICE_FIELDS if getattr(args, name)}
    with sessions.begin() as session:
        settings = office_settings(session, site)
        if changes:
            settings = replace(settings, **changes)
            save_office_settings(session, site, settings, desk=desk)
    if args.json:
        _print_json({"site_code": site, **asdict(settings)})
    else:
        for key, value in asdict(settings).items():
            print(f"{key}: {value}")
    return EXIT_OK


# --- holidays and desk -------------------------------------------------------------


def cmd_holidays_import(args: argparse.Namespace) -> int:
    from counter.actions.calendar import import_schedule
    from counter.texts import schedule_problem_text

    path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise Reported(f"无法读取节假日安排文件 {path}：{err}") from err
    sessions = _open_db(args)
    with sessions.begin() as session:
        result = import_schedule(session, text, args.year, path.name, desk=_desk())
    if not result.ok:
        for problem in result.problems:
            print(schedule_problem_text(problem))
        print("未导入任何内容。", file=sys.stderr)
        return EXIT_PROBLEM
    print(f"已导入 {result.year} 年节假日安排：放假 {result.days_off} 天，调休上班 {result.working_days} 天。")
    return EXIT_OK


def cmd_holidays_set(args: argparse.Namespace) -> int:
    from counter.actions.calendar import set_holiday
    from counter.db.holiday_store import OFF, WORK

    day = _parse_date(args.date)
    kind = {"off": OFF, "work": WORK, "clear": None}[args.kind]
    sessions = _open_db(args)
    with sessions.begin() as session:
        set_holiday(session, day, kind, desk=_desk())
    print(f"{day.isoformat()}：{ {'off': '放假', 'work': '调休上班', 'clear': '恢复按星期计算'}[args.kind] }")
    return EXIT_OK


def cmd_holidays_list(args: argparse.Namespace) -> int:
    from counter.actions.calendar import office_calendar
    from counter.db.holiday_store import edited_days

    sessions = _open_db(args)
    with sessions() as session:
        days = edited_days(session)
        calendar = office_calendar(session)
    last = calendar.table.last_covered
    if args.json:
        _print_json(
            {
                "covered_until": last.isoformat() if last else None,
                "days": [{"date": d.isoformat(), "kind": k, "source": s} for d, k, s in days],
            }
        )
        return EXIT_OK
    print(f"节假日数据覆盖至：{last.isoformat() if last else '无'}")
    for day, kind, source in days:
        print(f"{day.isoformat()}  {'放假' if kind == 'off' else '调休上班'}  {source}")
    return EXIT_OK


def _parse_date(raw: str) -> dt.date:
    try:
        return dt.date.fromisoformat(raw)
    except ValueError as err:
        raise UsageError(f"日期应为 YYYY-MM-DD 格式，收到：{raw}") from err


def cmd_desk(args: argparse.Namespace) -> int:
    from dataclasses import asdict, replace

    from counter.case.numbers import BadIdentity
    from counter.host.desk_config import load_desk_config, save_desk_config

    config = load_desk_config()
    changes = {k: v for k, v in (("site_code", args.site), ("site_name", args.site_name),
                                 ("desk_no", args.desk), ("clerk", args.clerk)) if v}  # fmt: skip
    if changes:
        try:
            config = replace(config, **changes)
            save_desk_config(config)
        except BadIdentity as err:
            raise UsageError(f"窗口设置无效：站点编码应为2-12位大写字母或数字，窗口号应为1-4位数字（{err}）") from err
    if args.json:
        _print_json(asdict(config))
    else:
        print(f"站点：{config.site_code} {config.site_name}  窗口：{config.desk_no}号  工作人员：{config.clerk}")
    return EXIT_OK


# --- ratings -----------------------------------------------------------------------


def cmd_ratings_export(args: argparse.Namespace) -> int:
    from counter import texts
    from counter.actions.ratings import ratings_for_export, record_export
    from counter.host.desk_config import load_desk_config
    from counter.ratings.export import to_csv, to_json
    from counter.ratings.levels import Coding

    first, last = _parse_date(args.date_from), _parse_date(args.date_to)
    if last < first:
        raise UsageError(texts.RATINGS_EXPORT_BAD_RANGE)
    coding = Coding(args.coding)
    sessions = _open_db(args)
    actor = _desk().actor
    with sessions() as session:
        records = ratings_for_export(session, first, last, actor=actor)
    text = to_json(records, coding) if args.format == "json" else to_csv(records, coding)
    if args.out:
        try:  # a BOM lets Excel and WPS read the CSV as UTF-8
            Path(args.out).write_text(text, encoding="utf-8-sig" if args.format == "csv" else "utf-8", newline="")
        except OSError as err:
            raise Reported(texts.RATINGS_EXPORT_WRITE_FAILED.format(path=args.out, error=err)) from err
    else:
        sys.stdout.write(text)
    with sessions.begin() as session:
        target = f"file:{args.out}" if args.out else "stdout"
        record_export(session, first, last, len(records), target, actor=actor, desk=load_desk_config())
    print(texts.RATINGS_EXPORT_DONE.format(count=len(records), coding=texts.RATING_CODING[coding]), file=sys.stderr)
    return EXIT_OK


# --- database ----------------------------------------------------------------------


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from counter.db.migrate import HEAD

    _open_db(args)
    print(f"数据库结构已是最新（{HEAD}）。")
    return EXIT_OK


# --- the parser --------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="counter", description="一件事一次办 综合受理窗口（不带参数启动窗口程序）")
    parser.add_argument("--db", metavar="URL", help="数据库地址（默认：环境变量 COUNTER_DB_URL 或本机 SQLite）")
    parser.add_argument("--today", metavar="DATE", help="培训模式：以该日期为今天（YYYY-MM-DD）")
    parser.add_argument("--user", metavar="LOGIN", help="以该账号登录（已启用账号时必需；密码取自 COUNTER_PASSWORD）")
    parser.add_argument(
        "--exit-when-ready", action="store_true", help="完整启动窗口程序（目录已加载、主窗口已显示）后退出"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    # --db is accepted after the command too ("counter db upgrade --db URL")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="数据库地址")
    common.add_argument("--user", metavar="LOGIN", default=argparse.SUPPRESS, help="以该账号登录")
    _add_catalog_commands(commands, common)
    _add_case_commands(commands, common)
    _add_document_commands(commands, common)
    _add_admin_commands(commands, common)
    _add_ratings_commands(commands, common)
    from counter.cli.audit import add_audit_commands

    add_audit_commands(commands, common)
    from counter.cli.accounts import add_account_commands

    add_account_commands(commands, common)
    from counter.cli.site import add_site_commands

    add_site_commands(commands, common)
    from counter.cli.sync import add_sync_commands

    add_sync_commands(commands, common)
    from counter.cli.backup import add_backup_commands

    add_backup_commands(commands, common)
    return parser


def _add_catalog_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    catalog = commands.add_parser("catalog", parents=[common], help="事项目录：列表、查看、校验、导入").add_subparsers(
        dest="catalog_command", metavar="ACTION", required=True
    )
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
    p = catalog.add_parser("import", parents=[common], help="导入目录文件夹或 .xlsx 工作簿（先校验，全部成功才导入）")
    p.add_argument("path")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_catalog_import)
    p = catalog.add_parser("template", parents=[common], help="生成 .xlsx 导入模板（含示例行）")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_catalog_template)


def _add_case_commands(commands: Commands, common: argparse.ArgumentParser) -> None:

    case = commands.add_parser("case", parents=[common], help="办件：查看、列表").add_subparsers(
        dest="case_command", metavar="ACTION", required=True
    )
    p = case.add_parser("show", parents=[common], help="显示办件：状态、材料、期限、历史")
    p.add_argument("case_no")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_case_show)
    p = case.add_parser("list", parents=[common], help="办件列表")
    p.add_argument("--overdue", action="store_true", help="只列逾期未补齐的容缺办件")
    p.add_argument("--due-soon", action="store_true", help="只列两个工作日内到期及已逾期的容缺办件")
    p.add_argument("--today", metavar="DATE", default=argparse.SUPPRESS, help="以该日期为今天（培训、核对期限）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_case_list)
    from counter.cli.audit import add_void_command

    add_void_command(case, common)

    p = commands.add_parser("demo", parents=[common], help="培训演示：办理各种结果的示例办件")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--today", metavar="DATE", default=argparse.SUPPRESS)
    p.set_defaults(func=cmd_demo)


def _add_document_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser("print", parents=[common], help="出具或重打办件文书：保存为 PDF 或送打印机")
    p.add_argument("case_no")
    p.add_argument("--doc", required=True, choices=CASE_DOCUMENTS)
    p.add_argument("--out", metavar="FILE.pdf")
    p.add_argument("--printer", metavar="NAME", nargs="?", const="", help="打印机名称；不写名称用默认打印机")
    p.add_argument("--today", metavar="DATE", default=argparse.SUPPRESS)
    p.set_defaults(func=cmd_print)
    p = commands.add_parser("notice", parents=[common], help="一次性告知单：某一件事的办事指南，给只来咨询的群众")
    p.add_argument("bundle")
    p.add_argument("--out", metavar="FILE.pdf")
    p.add_argument("--printer", metavar="NAME", nargs="?", const="")
    p.add_argument("--today", metavar="DATE", default=argparse.SUPPRESS)
    p.set_defaults(func=cmd_guide_notice)
    p = commands.add_parser("office", parents=[common], help="本站点的单位信息（印在文书上）：查看或修改")
    for name in OFFICE_FIELDS:
        p.add_argument(f"--{name.replace('_', '-')}", dest=name, metavar="TEXT")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_office)


def _add_admin_commands(commands: Commands, common: argparse.ArgumentParser) -> None:

    holidays = commands.add_parser("holidays", parents=[common], help="节假日与调休").add_subparsers(
        dest="holidays_command", metavar="ACTION", required=True
    )
    p = holidays.add_parser("import", parents=[common], help="导入某年国务院节假日安排（文本）")
    p.add_argument("file")
    p.add_argument("--year", type=int, required=True)
    p.set_defaults(func=cmd_holidays_import)
    p = holidays.add_parser("set", parents=[common], help="设定某日放假、调休上班或恢复")
    p.add_argument("date")
    p.add_argument("kind", choices=["off", "work", "clear"])
    p.set_defaults(func=cmd_holidays_set)
    p = holidays.add_parser("list", parents=[common], help="列出本单位设定的日期和数据覆盖范围")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_holidays_list)

    p = commands.add_parser("desk", parents=[common], help="本机窗口：站点、窗口号、工作人员")
    p.add_argument("--site", help="站点编码（2-12位大写字母或数字）")
    p.add_argument("--site-name")
    p.add_argument("--desk", help="窗口号（1-4位数字）")
    p.add_argument("--clerk", help="工作人员姓名")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_desk)

    db = commands.add_parser("db", parents=[common], help="数据库").add_subparsers(
        dest="db_command", metavar="ACTION", required=True
    )
    p = db.add_parser("upgrade", parents=[common], help="升级数据库结构")
    p.set_defaults(func=cmd_db_upgrade)


def _add_ratings_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    ratings = commands.add_parser("ratings", parents=[common], help="好差评：导出评价").add_subparsers(
        dest="ratings_command", metavar="ACTION", required=True
    )
    p = ratings.add_parser("export", parents=[common], help="导出一段时间内的评价记录（按评价日期）")
    p.add_argument("--from", dest="date_from", required=True, metavar="DATE", help="起始日期 YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", required=True, metavar="DATE", help="截止日期 YYYY-MM-DD（含）")
    p.add_argument("--format", choices=["json", "csv"], required=True)
    p.add_argument(
        "--coding",
        choices=["gbt39046", "interface"],
        default="gbt39046",
        help="满意度数字编码：gbt39046 即 GB/T 39046（1 非常满意…5 非常不满意，默认）；"
        "interface 即好差评接口（1 非常不满意…5 非常满意）",
    )
    p.add_argument("--out", metavar="FILE", help="写入文件（CSV 带 BOM，便于 Excel/WPS 打开）；默认输出到屏幕")
    p.set_defaults(func=cmd_ratings_export)


def window_args(argv: Sequence[str]) -> argparse.Namespace | None:
    """The options of a window start, or None when ``argv`` names a command (or asks for help).

    A window start is the desk's every morning: it is told apart with a parser of
    four options instead of the forty commands' full parser.
    """
    parser = _QuietParser(prog="counter", add_help=False)
    parser.add_argument("--db")
    parser.add_argument("--today")
    parser.add_argument("--user")
    parser.add_argument("--exit-when-ready", action="store_true")
    try:
        args, rest = parser.parse_known_args(list(argv))
    except _NotAWindowStart:
        return None  # an option without its value: the full parser says so, once
    return None if rest else args


class _NotAWindowStart(Exception):
    pass


class _QuietParser(argparse.ArgumentParser):
    """A parser that leaves every complaint to the full one."""

    def error(self, message: str) -> NoReturn:
        raise _NotAWindowStart(message)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    return _run(args_list, window_args(args_list))


def _run(args_list: list[str], window: argparse.Namespace | None) -> int:
    """Run a command, or the window when ``window`` holds a window start's options."""
    from counter.host.logs import setup_logging

    if window is None:
        parser = build_parser()
        try:
            args = parser.parse_args(args_list)
        except SystemExit as exit_:
            return int(exit_.code or 0)
        if args.command is not None:
            setup_logging()
            return _dispatch(args)
        window = args
    setup_logging()
    from counter.ui.app import run

    try:
        today = _today(window) if window.today else None
    except UsageError as err:
        print(str(err), file=sys.stderr)
        return EXIT_MISUSE
    return run(window.db, window.exit_when_ready, [], today)


def entry() -> None:
    """The ``counter`` program: :func:`main`, and after a window the process ends at once.

    Once the window has closed, the database is closed and the log written; the
    interpreter's own teardown (every module, every Qt wrapper) would then take
    longer than the desk's start-up work itself and save nothing.  Commands end the
    usual way: their database connections close politely.
    """
    argv = sys.argv[1:]
    window = window_args(argv)
    code = _run(argv, window)
    if window is not None:
        from counter.host.quick_exit import quick_exit

        quick_exit(code)
    raise SystemExit(code)


def _dispatch(args: argparse.Namespace) -> int:
    """Run the command; every failure becomes a message and an exit status, never a traceback."""
    try:
        return int(args.func(args))
    except UsageError as err:
        print(str(err), file=sys.stderr)
        return EXIT_MISUSE
    except Reported as err:
        print(str(err), file=sys.stderr)
        return EXIT_PROBLEM
    except BrokenPipeError:  # output piped into head or less, which stopped reading
        sys.stderr.close()
        return EXIT_OK
    except Exception as err:  # a traceback never reaches the user; the log keeps it
        from counter.actions.guard import NotPermitted
        from counter.host.errors import report_unexpected
        from counter.texts import not_permitted

        if isinstance(err, NotPermitted):  # the action refused the signed-in account, or nobody signed in
            print(not_permitted(err.permission, err.signed_in), file=sys.stderr)
            return EXIT_PROBLEM

        print(report_unexpected(err), file=sys.stderr)
        return EXIT_PROBLEM
