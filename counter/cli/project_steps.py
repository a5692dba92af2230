"""The 帮您办 project's moves and reads at the command line (``counter project register|accept|…``).

A move opens the database, runs its action (:mod:`counter.actions.projects`) in one unit of work and prints the
project's state after it; a refusal lists every problem in Chinese on stderr (exit 1) and keeps nothing.  The reads
are the project (``show``), the latest projects (``list``), the agent's day (``queue``, overdue first), the monthly
report a county sends the league by the 23rd (``report``, text, JSON or CSV) and the reference list (``items``).
Dates are the real day, or with ``--today`` the training day; a training run's history is dated on that day too.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import sys
import tomllib
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter.cli.common import EXIT_OK, Reported, UsageError, desk, open_store, parse_date, print_json, today
from counter.projects.model import (
    PlanStep,
    ProjectClass,
    ProjectFacts,
    ProjectState,
    ProjectView,
    Satisfaction,
    Stage,
)
from counter.projects.report import MonthlyReport, ReportRow
from counter.projects.service_items import STAGE_WORD, ServiceList
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.actions.desk import Desk
    from counter.actions.project_reads import QueueRow
    from counter.actions.store import Unit

_TODAY_HELP = tr("以该日期为今天（培训、核对期限）")
_DAY_HELP = tr("日期（YYYY-MM-DD），默认今天")
STAGE_SPAN_DAYS = 20  # --from-list: each later stage expected this many days after the one before


def add_project_steps(project: Any, common: argparse.ArgumentParser) -> None:
    """Add the project's move and read subcommands to the ``project`` group."""
    p = project.add_parser("register", parents=[common], help=tr("登记申请表，给出项目编号"))
    p.add_argument("--file", required=True, metavar="FACTS", help=tr("申请表的 JSON 或 TOML 文件"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_register)
    _add_moves(project, common)
    _add_reads(project, common)


def _add_moves(project: Any, common: argparse.ArgumentParser) -> None:
    p = project.add_parser("accept", parents=[common], help=tr("受理：范围和条件已核，代办事项已商定"))
    p.add_argument("project_no", metavar="NO")
    p.set_defaults(func=cmd_accept)

    p = project.add_parser("agents", parents=[common], help=tr("确定代办员（第一位为主办），再次确定则替换"))
    p.add_argument("project_no", metavar="NO")
    p.add_argument("names", metavar="NAME", nargs="+")
    p.set_defaults(func=cmd_agents)

    p = project.add_parser("sign", parents=[common], help=tr("签订授权委托书和承诺书，开始代办"))
    p.add_argument("project_no", metavar="NO")
    p.add_argument("--day", metavar="DATE", help=_DAY_HELP)
    p.set_defaults(func=cmd_sign)

    p = project.add_parser("plan", parents=[common], help=tr("编制或调整申报计划（按立项、用地、规划、施工、竣工）"))
    p.add_argument("project_no", metavar="NO")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--file", metavar="PLAN", help=tr("申报计划的 JSON 或 TOML 文件"))
    source.add_argument("--from-list", metavar="NOS", help=tr("参考目录的序号，以逗号分隔，例如 2,7,16,10"))
    p.add_argument("--start", metavar="DATE", help=tr("与 --from-list 一起：计划的起始日期，默认今天"))
    p.set_defaults(func=cmd_plan)

    p = project.add_parser("file", parents=[common], help=tr("记录计划中的一个审批事项已向部门申报"))
    p.add_argument("project_no", metavar="NO")
    p.add_argument("step", metavar="STEP", type=int, help=tr("步骤序号"))
    p.add_argument("--day", metavar="DATE", help=_DAY_HELP)
    p.add_argument("--case", default="", metavar="CASE_NO", help=tr("本大厅受理该事项的办件编号"))
    p.set_defaults(func=cmd_file)

    p = project.add_parser("done", parents=[common], help=tr("记录计划中的一个审批事项已办结"))
    p.add_argument("project_no", metavar="NO")
    p.add_argument("step", metavar="STEP", type=int, help=tr("步骤序号"))
    p.add_argument("--day", metavar="DATE", help=_DAY_HELP)
    p.add_argument("--result", default="", metavar="NO", help=tr("批复、证照或备案的编号"))
    p.set_defaults(func=cmd_done)

    p = project.add_parser("coordinate", parents=[common], help=tr("记录一次协调：与谁、协调什么、结果如何"))
    p.add_argument("project_no", metavar="NO")
    p.add_argument("--with", dest="with_whom", required=True, metavar="WHO", help=tr("协调对象（部门、单位或人员）"))
    p.add_argument("--what", required=True, metavar="TEXT", help=tr("协调事项"))
    p.add_argument("--outcome", required=True, metavar="TEXT", help=tr("协调结果"))
    p.add_argument("--step", type=int, default=0, metavar="N", help=tr("所涉申报计划的步骤序号"))
    p.add_argument("--day", metavar="DATE", help=_DAY_HELP)
    p.set_defaults(func=cmd_coordinate)
    _add_ends(project, common)


def _add_ends(project: Any, common: argparse.ArgumentParser) -> None:

    p = project.add_parser("complete", parents=[common], help=tr("办结：审批均已办结，材料已退还"))
    p.add_argument("project_no", metavar="NO")
    p.add_argument("--day", metavar="DATE", help=_DAY_HELP)
    p.set_defaults(func=cmd_complete)

    p = project.add_parser("evaluate", parents=[common], help=tr("填写评价表：非常满意、满意或不满意"))
    p.add_argument("project_no", metavar="NO")
    p.add_argument("satisfaction", choices=[s.value for s in Satisfaction])
    p.add_argument("--note", default="", metavar="TEXT", help=tr("意见及建议"))
    p.set_defaults(func=cmd_evaluate)

    p = project.add_parser("terminate", parents=[common], help=tr("终止代办，写明原因"))
    p.add_argument("project_no", metavar="NO")
    p.add_argument("--reason", required=True, metavar="TEXT", help=tr("终止的原因"))
    p.add_argument("--day", metavar="DATE", help=_DAY_HELP)
    p.set_defaults(func=cmd_terminate)


def _add_reads(project: Any, common: argparse.ArgumentParser) -> None:
    p = project.add_parser("show", parents=[common], help=tr("项目的申请信息、代办员、状态、申报计划、协调记录和经过"))
    p.add_argument("project_no", metavar="NO")
    p.add_argument("--today", metavar="DATE", default=argparse.SUPPRESS, help=_TODAY_HELP)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = project.add_parser("list", parents=[common], help=tr("最近登记的项目"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = project.add_parser("queue", parents=[common], help=tr("代办员的待办：未结束的项目和下一步，逾期的在前"))
    p.add_argument("--agent", default="", metavar="NAME", help=tr("只看该代办员的项目"))
    p.add_argument("--today", metavar="DATE", default=argparse.SUPPRESS, help=_TODAY_HELP)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_queue)

    p = project.add_parser(
        "report", parents=[common], help=tr("帮您办项目月报：按旗县市、阶段和状态（每月23日前报送）")
    )
    p.add_argument("--month", required=True, metavar="YYYY-MM", help=tr("月份"))
    p.add_argument("--county", default="", metavar="NAME", help=tr("只看该旗县市"))
    p.add_argument("--today", metavar="DATE", default=argparse.SUPPRESS, help=_TODAY_HELP)
    output = p.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true")
    output.add_argument("--csv", action="store_true")
    p.add_argument("--out", metavar="FILE", help=tr("写入文件（CSV 带 BOM，便于 Excel/WPS 打开）；默认输出到屏幕"))
    p.set_defaults(func=cmd_report)

    p = project.add_parser("items", parents=[common], help=tr("“帮您办”代办帮办服务事项参考目录（附件1）"))
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--import", dest="import_file", metavar="FILE", help=tr("以该文件（与随程序的目录同格式）替换本站点的目录")
    )
    p.set_defaults(func=cmd_items)


# --- running a move ----------------------------------------------------------------------


def _now(args: argparse.Namespace) -> dt.datetime:
    """The moment of a move: the real one; in training, the training day at the real time of day."""
    real = dt.datetime.now(dt.UTC)
    if getattr(args, "today", None):
        return dt.datetime.combine(today(args), real.time(), tzinfo=dt.UTC)
    return real


def _day(args: argparse.Namespace) -> dt.date:
    return parse_date(args.day) if getattr(args, "day", None) else today(args)


def _number(args: argparse.Namespace) -> str:
    return str(args.project_no).strip().upper()


Move = Callable[["Unit", "Desk", dt.date, dt.datetime], Any]


def _run(args: argparse.Namespace, move: Move) -> Any:
    """Run ``move`` in one unit of work; a refusal or a missing project as Chinese sentences (exit 1)."""
    from counter.actions.projects import NoSuchProject
    from counter.projects.rules import ProjectRefused
    from counter.words.projects import NO_SUCH_PROJECT, problems_text

    day, now = today(args), _now(args)
    store = open_store(args)  # signs in --user: the desk acts as that account from here
    by = desk()
    try:
        return store.write(lambda unit: move(unit, by, day, now))
    except NoSuchProject as err:
        raise Reported(NO_SUCH_PROJECT.format(project_no=err.args[0])) from err
    except ProjectRefused as err:
        state = _state_of(args, getattr(args, "project_no", ""))
        raise Reported("\n".join(problems_text(err.problems, state))) from err


def _state_of(args: argparse.Namespace, number: str) -> ProjectState | None:
    from counter.actions.projects import NoSuchProject, read_project

    if not number:
        return None
    try:
        return open_store(args).read(lambda unit: read_project(unit, number.strip().upper())).state
    except NoSuchProject:
        return None


def _moved(args: argparse.Namespace, what: str) -> int:
    """After a move: the project, what was done, and its state now."""
    from counter.actions.projects import read_project
    from counter.words.projects import PROJECT_STATE

    number = _number(args)
    view = open_store(args).read(lambda unit: read_project(unit, number))
    print(tr("项目 {project_no}：{what}。当前状态：{state}").format(
        project_no=number, what=what, state=PROJECT_STATE[view.state]))  # fmt: skip
    return EXIT_OK


def cmd_register(args: argparse.Namespace) -> int:
    from counter.actions.projects import register_project

    day = today(args)  # a wrong --today is misuse, before the file is looked at
    facts = read_facts(Path(args.file))
    number = _run(args, lambda unit, by, _day, now: register_project(unit, by, facts, day, now))
    if args.json:
        print_json({"project_no": number})
    else:
        print(tr("项目编号：{project_no}").format(project_no=number))
    return EXIT_OK


def cmd_accept(args: argparse.Namespace) -> int:
    from counter.actions.projects import accept_project
    from counter.projects.model import ProjectEvent
    from counter.words.projects import PROJECT_EVENT

    number = _number(args)
    _run(args, lambda unit, by, day, now: accept_project(unit, by, number, day, now))
    return _moved(args, PROJECT_EVENT[ProjectEvent.ACCEPTED])


def cmd_agents(args: argparse.Namespace) -> int:
    from counter.actions.projects import assign_agents
    from counter.words.punctuation import LIST_JOIN

    number, names = _number(args), tuple(args.names)
    _run(args, lambda unit, by, _day, now: assign_agents(unit, by, number, names, now))
    kept = LIST_JOIN.join(dict.fromkeys(n.strip() for n in names if n.strip()))
    return _moved(args, tr("代办员为{agents}").format(agents=kept))


def cmd_sign(args: argparse.Namespace) -> int:
    from counter.actions.projects import sign_project
    from counter.projects.model import ProjectEvent
    from counter.words.projects import PROJECT_EVENT

    number, on = _number(args), _day(args)
    _run(args, lambda unit, by, day, now: sign_project(unit, by, number, on, day, now))
    return _moved(args, PROJECT_EVENT[ProjectEvent.SIGNED])


def cmd_plan(args: argparse.Namespace) -> int:
    from counter.actions.projects import plan_project, service_list

    number = _number(args)
    items = open_store(args).read(service_list)  # the site's own list, where one was imported
    if args.from_list:
        start = parse_date(args.start) if args.start else today(args)
        steps = plan_from_list(items, _list_numbers(args.from_list), start)
    else:
        if args.start:
            raise UsageError(tr("--start 只能与 --from-list 一起使用。"))
        steps = read_plan(Path(args.file), items)
    _run(args, lambda unit, by, _day, now: plan_project(unit, by, number, steps, now))
    return _moved(args, tr("申报计划共 {count} 个审批事项").format(count=len(steps)))


def cmd_file(args: argparse.Namespace) -> int:
    from counter.actions.projects import file_step

    number, on, step, case = _number(args), _day(args), args.step, args.case
    _run(args, lambda unit, by, day, now: file_step(unit, by, number, step, on, day, now, case_no=case))
    return _moved(args, tr("第 {step} 步已申报").format(step=step))


def cmd_done(args: argparse.Namespace) -> int:
    from counter.actions.projects import step_done

    number, on, step, result = _number(args), _day(args), args.step, args.result
    _run(args, lambda unit, by, day, now: step_done(unit, by, number, step, on, day, now, result_no=result))
    return _moved(args, tr("第 {step} 步已办结").format(step=step))


def cmd_coordinate(args: argparse.Namespace) -> int:
    from counter.actions.projects import record_coordination
    from counter.projects.model import Coordination

    number = _number(args)
    c = Coordination(_day(args), args.with_whom, args.what, args.outcome, agent="", step_no=args.step)
    _run(args, lambda unit, by, day, now: record_coordination(unit, by, number, c, day, now))
    return _moved(args, tr("已记录与{with_whom}的协调").format(with_whom=args.with_whom.strip()))


def cmd_complete(args: argparse.Namespace) -> int:
    from counter.actions.projects import complete_project
    from counter.projects.model import ProjectEvent
    from counter.words.projects import PROJECT_EVENT

    number, on = _number(args), _day(args)
    _run(args, lambda unit, by, day, now: complete_project(unit, by, number, on, day, now))
    return _moved(args, PROJECT_EVENT[ProjectEvent.COMPLETED])


def cmd_evaluate(args: argparse.Namespace) -> int:
    from counter.actions.projects import evaluate_project
    from counter.words.projects import SATISFACTION

    number, answer, note = _number(args), Satisfaction(args.satisfaction), args.note
    _run(args, lambda unit, by, day, now: evaluate_project(unit, by, number, answer, note, day, now))
    return _moved(args, tr("评价为“{answer}”").format(answer=SATISFACTION[answer]))


def cmd_terminate(args: argparse.Namespace) -> int:
    from counter.actions.projects import terminate_project
    from counter.projects.model import ProjectEvent
    from counter.words.projects import PROJECT_EVENT

    number, on, reason = _number(args), _day(args), args.reason
    _run(args, lambda unit, by, day, now: terminate_project(unit, by, number, reason, on, day, now))
    return _moved(args, PROJECT_EVENT[ProjectEvent.TERMINATED])


# --- reading the files ---------------------------------------------------------------------

_TEXT_FIELDS = ("name", "investor", "location", "county", "investor_address", "investor_head", "postcode", "phone",
                "contact", "contact_id_no", "code", "funding", "land", "purpose", "progress", "industry")  # fmt: skip
_STEP_FIELDS = ("name", "department", "stage", "expected_on", "item_no", "joint")
_KIND_TEXT = tr("文字")
_KIND_WHOLE = tr("整数")
_KIND_YES_NO = tr("是或否（true 或 false）")
_KIND_LIST = tr("列表")


def _load(path: Path) -> Any:
    """A JSON or TOML file's content (by its ending; a file of neither tries JSON), or Reported."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise Reported(tr("无法读取文件 {path}：{error}").format(path=path, error=err)) from err
    try:
        if path.suffix.lower() == ".toml":
            return tomllib.loads(text)
        return json.loads(text)
    except (ValueError, tomllib.TOMLDecodeError) as err:
        raise Reported(tr("文件 {path} 不是有效的 JSON 或 TOML：{error}").format(path=path, error=err)) from err


def _wrong_type(field: str, kind: str) -> str:
    return tr("字段“{field}”应为{kind}。").format(field=field, kind=kind)


def read_facts(path: Path) -> ProjectFacts:
    """The 申请表 of ``path``; Reported with every problem of the file (the facts' own problems are the action's)."""
    data = _load(path)
    if not isinstance(data, dict):
        raise Reported(tr("文件 {path} 的内容应为一个对象（字段和值）。").format(path=path))
    problems: list[str] = []
    known = {*_TEXT_FIELDS, "investment", "key_project", "classes", "requested"}
    problems.extend(tr("未知字段“{field}”。").format(field=k) for k in data if k not in known)
    texts: dict[str, str] = {}
    for key in _TEXT_FIELDS:
        value = data.get(key, "")
        if isinstance(value, str):
            texts[key] = value.strip()
        else:
            problems.append(_wrong_type(key, _KIND_TEXT))
    investment = data.get("investment", 0)
    if isinstance(investment, bool) or not isinstance(investment, int):
        problems.append(_wrong_type("investment", _KIND_WHOLE))
        investment = 0
    key_project = data.get("key_project", False)
    if not isinstance(key_project, bool):
        problems.append(_wrong_type("key_project", _KIND_YES_NO))
        key_project = False
    classes = _listed(data, "classes", problems, _class_of)
    requested = _listed(data, "requested", problems, _item_no_of)
    if problems:
        raise Reported("\n".join(problems))
    return ProjectFacts(
        **texts,
        investment=investment,
        key_project=key_project,
        classes=frozenset(c for c in classes if c is not None),
        requested=tuple(n for n in requested if n is not None),
    )


def _class_of(value: object) -> tuple[ProjectClass | None, str]:
    if isinstance(value, str) and value in tuple(ProjectClass):
        return ProjectClass(value), ""
    return None, tr("项目类别“{value}”应为 key、investment、innovation、encouraged 之一。").format(value=value)


def _item_no_of(value: object) -> tuple[int | None, str]:
    if isinstance(value, int) and not isinstance(value, bool):
        return value, ""
    return None, tr("申请代办的事项“{value}”应为参考目录的序号（整数）。").format(value=value)


def _listed(
    data: dict[str, Any], key: str, problems: list[str], read: Callable[[object], tuple[Any, str]]
) -> list[Any]:
    """The values of the list ``key``, each read by ``read``; its problems added to ``problems``."""
    raw = data.get(key, [])
    if not isinstance(raw, list):
        problems.append(_wrong_type(key, _KIND_LIST))
        return []
    values = []
    for value in raw:
        found, problem = read(value)
        if problem:
            problems.append(problem)
        values.append(found)
    return values


def _stage(value: object) -> Stage | None:
    if isinstance(value, str):
        word = value.strip()
        if word in tuple(Stage):
            return Stage(word)
        return next((s for s, w in STAGE_WORD.items() if w == word), None)
    return None


def read_plan(path: Path, items: ServiceList) -> tuple[PlanStep, ...]:
    """The plan of ``path``: ``{"steps": [...]}`` (TOML: ``[[steps]]``) or, in JSON, the list itself.

    A step on the reference list (``item_no``) takes its name, department and stage from the list where the file
    leaves them out.  Reported with every problem of every step.
    """
    data = _load(path)
    raw = data.get("steps") if isinstance(data, dict) else data
    if not isinstance(raw, list):
        raise Reported(tr("文件 {path} 应列出申报计划的步骤（steps）。").format(path=path))
    problems: list[str] = []
    steps: list[PlanStep] = []
    for no, entry in enumerate(raw, 1):
        step, faults = _plan_step(no, entry, items)
        problems.extend(tr("第 {no} 步：{problem}").format(no=no, problem=f) for f in faults)
        if step is not None:
            steps.append(step)
    if problems:
        raise Reported("\n".join(problems))
    return tuple(steps)


def _plan_step(no: int, entry: object, items: ServiceList) -> tuple[PlanStep | None, list[str]]:
    if not isinstance(entry, dict):
        return None, [tr("应为一个对象（字段和值）。")]
    faults = [tr("未知字段“{field}”。").format(field=k) for k in entry if k not in _STEP_FIELDS]
    item_no = entry.get("item_no", 0)
    if isinstance(item_no, bool) or not isinstance(item_no, int):
        faults.append(_wrong_type("item_no", _KIND_WHOLE))
        item_no = 0
    item = items.item(item_no) if item_no else None
    if item_no and item is None:
        faults.append(tr("参考目录中没有第 {item} 项。").format(item=item_no))
    texts = {}
    for key in ("name", "department", "joint"):
        value = entry.get(key, "")
        if not isinstance(value, str):
            faults.append(_wrong_type(key, _KIND_TEXT))
            value = ""
        texts[key] = value.strip()
    name = texts["name"] or (item.name if item else "")
    department = texts["department"] or (item.department if item else "")
    raw_stage = entry.get("stage")
    stage = _stage(raw_stage) if raw_stage is not None else (item.stage if item else None)
    if stage is None:
        faults.append(tr("阶段“{value}”应为立项、用地、规划、施工、竣工之一。").format(value=raw_stage or ""))
    raw_day = entry.get("expected_on")
    expected: dt.date | None = raw_day if isinstance(raw_day, dt.date) else None
    if isinstance(raw_day, str):
        try:
            expected = dt.date.fromisoformat(raw_day.strip())
        except ValueError:
            expected = None
    if expected is None or isinstance(expected, dt.datetime):
        faults.append(tr("预计办结日期“{value}”应为 YYYY-MM-DD 格式的日期。").format(value=raw_day or ""))
    if faults or stage is None or expected is None:
        return None, faults
    return PlanStep(0, name, department, stage, expected, item_no=item_no, joint=texts["joint"]), []


def _list_numbers(text: str) -> tuple[int, ...]:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts or not all(p.isdigit() for p in parts):
        raise UsageError(
            tr("--from-list 应为参考目录的序号，以逗号分隔，例如 2,7,16,10；收到：{text}").format(text=text)
        )
    return tuple(int(p) for p in parts)


def plan_from_list(items: ServiceList, numbers: tuple[int, ...], start: dt.date) -> tuple[PlanStep, ...]:
    """A plan of the reference list's items ``numbers``, in the order of their stages, with their departments.

    The n-th stage the plan has is expected :data:`STAGE_SPAN_DAYS` × n days after ``start``: the steps of one stage
    run in parallel and share their date.  A number not on the list is Reported.
    """
    from counter.projects.model import STAGE_ORDER

    missing = [n for n in numbers if items.item(n) is None]
    if missing:
        raise Reported("\n".join(tr("参考目录中没有第 {item} 项。").format(item=n) for n in dict.fromkeys(missing)))
    chosen = [i for n in dict.fromkeys(numbers) if (i := items.item(n)) is not None]
    stages = sorted({i.stage for i in chosen}, key=STAGE_ORDER.index)
    chosen.sort(key=lambda i: STAGE_ORDER.index(i.stage))  # stable: the order given within a stage
    return tuple(
        PlanStep(
            no,
            item.name,
            item.department,
            item.stage,
            start + dt.timedelta(days=STAGE_SPAN_DAYS * (stages.index(item.stage) + 1)),
            item_no=item.no,
        )
        for no, item in enumerate(chosen, 1)
    )


# --- the reads -----------------------------------------------------------------------------


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _dash(day: dt.date | None) -> str:
    return day.isoformat() if day else "—"


def project_json(view: ProjectView, day: dt.date) -> dict[str, Any]:
    """The project in English snake_case keys: facts, agents, state, plan with each step's state, overdue marked."""
    from counter.projects.schedule import next_steps

    f = view.facts
    facts = {key: getattr(f, key) for key in (*_TEXT_FIELDS, "investment", "key_project")}
    facts["classes"] = sorted(c.value for c in f.classes)
    facts["requested"] = list(f.requested)
    open_ = view.state is ProjectState.IN_SERVICE
    return {
        "project_no": view.project_no,
        "site_code": view.site_code,
        "state": view.state.value,
        "facts": facts,
        "agents": list(view.agents),
        "applied_on": _iso(view.applied_on),
        "accepted_on": _iso(view.accepted_on),
        "signed_on": _iso(view.signed_on),
        "ended_on": _iso(view.ended_on),
        "end_reason": view.end_reason,
        "satisfaction": view.satisfaction.value if view.satisfaction else None,
        "evaluation_note": view.evaluation_note,
        "evaluated_on": _iso(view.evaluated_on),
        "steps": [
            {
                "no": s.no,
                "name": s.name,
                "department": s.department,
                "stage": s.stage.value,
                "state": s.state.value,
                "expected_on": _iso(s.expected_on),
                "filed_on": _iso(s.filed_on),
                "done_on": _iso(s.done_on),
                "item_no": s.item_no,
                "case_no": s.case_no,
                "result_no": s.result_no,
                "joint": s.joint,
                "overdue": open_ and s.done_on is None and s.expected_on < day,
            }
            for s in view.steps
        ],
        "coordinations": [
            {
                "day": _iso(c.day),
                "with": c.with_whom,
                "what": c.what,
                "outcome": c.outcome,
                "agent": c.agent,
                "step_no": c.step_no,
            }
            for c in view.coordinations
        ],
        "next": [
            {
                "kind": n.kind.value,
                "step_no": n.step.no if n.step else None,
                "due_on": _iso(n.due_on),
                "overdue": open_ and n.overdue(day),
            }
            for n in next_steps(view)
        ],
        "history": [{"at": h.at.isoformat(), "event": h.event.value, "by": h.by, "note": h.note} for h in view.history],
    }


def _plan_lines(view: ProjectView, day: dt.date) -> list[str]:
    """The plan by stage: each step's state, its dates, its case and result, overdue marked."""
    from counter.projects.model import STAGE_ORDER
    from counter.words.projects import OVERDUE, STAGE, STEP_STATE
    from counter.words.punctuation import LIST_JOIN

    open_ = view.state is ProjectState.IN_SERVICE
    lines = []
    lines.append(tr("申报计划："))
    if not view.steps:
        lines.append(tr("  （尚未编制）"))
    for stage in STAGE_ORDER:
        steps = [s for s in view.steps if s.stage is stage]
        if not steps:
            continue
        lines.append(tr("  【{stage}】").format(stage=STAGE[stage]))
        for s in steps:
            late = open_ and s.done_on is None and s.expected_on < day
            mark = tr("  【{overdue}】").format(overdue=OVERDUE) if late else ""
            extra = []
            if s.case_no:
                extra.append(tr("办件 {case_no}").format(case_no=s.case_no))
            if s.result_no:
                extra.append(tr("文号 {result_no}").format(result_no=s.result_no))
            if s.joint:
                extra.append(s.joint)
            lines.append(
                tr(
                    "    {no}. {name}  {department}  {state}  预计 {expected}  申报 {filed}  办结 {done}{extra}{mark}"
                ).format(
                    no=s.no,
                    name=s.name,
                    department=s.department,
                    state=STEP_STATE[s.state],
                    expected=_dash(s.expected_on),
                    filed=_dash(s.filed_on),
                    done=_dash(s.done_on),
                    extra="  " + LIST_JOIN.join(extra) if extra else "",
                    mark=mark,
                )
            )
    return lines


def project_text(view: ProjectView, day: dt.date) -> str:
    from counter.case.moments import local_moment
    from counter.projects.schedule import next_steps
    from counter.words.projects import (
        PROJECT_CLASS,
        PROJECT_STATE,
        SATISFACTION,
        history_text,
        next_text,
    )
    from counter.words.punctuation import LIST_JOIN

    f = view.facts
    classes = LIST_JOIN.join(PROJECT_CLASS[c] for c in ProjectClass if c in f.classes)
    lines = [
        tr("项目编号：{project_no}    状态：{state}").format(
            project_no=view.project_no, state=PROJECT_STATE[view.state]
        ),
        tr("项目名称：{name}").format(name=f.name),
        tr("项目单位：{investor}（负责人 {head}，经办人 {contact}，电话 {phone}）").format(
            investor=f.investor, head=f.investor_head or "—", contact=f.contact or "—", phone=f.phone or "—"
        ),
        tr("项目地址：{location}    旗县市：{county}").format(location=f.location, county=f.county),
        tr("投资总额：{investment} 万元    项目编码：{code}").format(investment=f.investment, code=f.code or "—"),
        tr("类别：{classes}    重点项目：{key}").format(
            classes=classes or "—", key=tr("是") if f.key_project else tr("否")
        ),
        tr("申请代办事项：{requested}").format(requested=LIST_JOIN.join(str(n) for n in f.requested)),
        tr("代办员：{agents}").format(agents=LIST_JOIN.join(view.agents) or "—"),
        tr("申请 {applied}    受理 {accepted}    签订 {signed}    结束 {ended}").format(
            applied=_dash(view.applied_on),
            accepted=_dash(view.accepted_on),
            signed=_dash(view.signed_on),
            ended=_dash(view.ended_on),
        ),
    ]
    if view.end_reason:
        lines.append(tr("终止原因：{reason}").format(reason=view.end_reason))
    if view.satisfaction is not None:
        answer, on = SATISFACTION[view.satisfaction], _dash(view.evaluated_on)
        lines.append(tr("评价：{answer}（{day}）{note}").format(answer=answer, day=on, note=view.evaluation_note))
    waiting = [next_text(n) for n in next_steps(view)]
    if waiting:
        lines.append(tr("下一步：{next}").format(next=LIST_JOIN.join(waiting)))
    lines.extend(_plan_lines(view, day))
    if view.coordinations:
        lines.append(tr("协调记录："))
        for c in view.coordinations:
            step = tr("（第 {step} 步）").format(step=c.step_no) if c.step_no else ""
            lines.append(tr("  {day}  {agent} 与{with_whom}{step}：{what}；结果：{outcome}").format(
                day=c.day.isoformat(), agent=c.agent, with_whom=c.with_whom, step=step, what=c.what,
                outcome=c.outcome))  # fmt: skip
    lines.append(tr("经过："))
    for h in view.history:
        at = local_moment(h.at)
        lines.append(tr("  {at}  {by}  {what}").format(at=f"{at:%Y-%m-%d %H:%M}", by=h.by, what=history_text(h)))
    return "\n".join(lines)


def cmd_show(args: argparse.Namespace) -> int:
    from counter.actions.projects import NoSuchProject, read_project
    from counter.words.projects import NO_SUCH_PROJECT

    number, day = _number(args), today(args)
    try:
        view = open_store(args).read(lambda unit: read_project(unit, number))
    except NoSuchProject as err:
        raise Reported(NO_SUCH_PROJECT.format(project_no=number)) from err
    if args.json:
        print_json(project_json(view, day))
    else:
        print(project_text(view, day))
    return EXIT_OK


def _width(text: str) -> int:
    """Columns on a terminal: a hanzi takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row)).rstrip() for row in rows]


def cmd_list(args: argparse.Namespace) -> int:
    from counter.actions.project_reads import recent_projects
    from counter.words.projects import PROJECT_STATE
    from counter.words.punctuation import LIST_JOIN

    views = open_store(args).read(recent_projects)
    if args.json:
        print_json([
            {"project_no": v.project_no, "state": v.state.value, "county": v.facts.county, "name": v.facts.name,
             "investor": v.facts.investor, "investment": v.facts.investment, "agents": list(v.agents),
             "applied_on": _iso(v.applied_on), "ended_on": _iso(v.ended_on)}
            for v in views
        ])  # fmt: skip
        return EXIT_OK
    if not views:
        print(tr("还没有登记帮您办项目。"))
        return EXIT_OK
    rows = [[tr("项目编号"), tr("状态"), tr("旗县市"), tr("项目名称"), tr("申请日期"), tr("代办员")]]
    rows.extend(
        [v.project_no, PROJECT_STATE[v.state], v.facts.county, v.facts.name, v.applied_on.isoformat(),
         LIST_JOIN.join(v.agents) or "—"]
        for v in views
    )  # fmt: skip
    print("\n".join(_table(rows)))
    return EXIT_OK


def _queue_json(r: QueueRow, day: dt.date) -> dict[str, Any]:
    n = r.next
    return {
        "project_no": r.project.project_no,
        "name": r.project.facts.name,
        "county": r.project.facts.county,
        "state": r.project.state.value,
        "agents": list(r.project.agents),
        "next": n.kind.value if n else None,
        "step_no": n.step.no if n and n.step else None,
        "step_name": n.step.name if n and n.step else None,
        "due_on": _iso(r.due_on),
        "overdue_steps": r.overdue,
        "overdue": r.overdue > 0 or bool(n and n.overdue(day)),
    }


def cmd_queue(args: argparse.Namespace) -> int:
    from counter.actions.project_reads import agent_queue
    from counter.words.projects import OVERDUE_STEPS, PROJECT_STATE, next_text
    from counter.words.punctuation import LIST_JOIN

    day, agent = today(args), args.agent.strip()
    rows = open_store(args).read(lambda unit: agent_queue(unit, day, agent))
    if args.json:
        print_json([_queue_json(r, day) for r in rows])
        return EXIT_OK
    if not rows:
        print(tr("{agent}没有待办的帮您办项目。").format(agent=agent or tr("目前")))
        return EXIT_OK
    table = [[tr("逾期"), tr("项目编号"), tr("项目名称"), tr("旗县市"), tr("状态"), tr("下一步"), tr("期限"),
              tr("代办员")]]  # fmt: skip
    for r in rows:
        late = OVERDUE_STEPS.format(count=r.overdue) if r.overdue else ""
        table.append([late, r.project.project_no, r.project.facts.name, r.project.facts.county,
                      PROJECT_STATE[r.project.state], next_text(r.next), _dash(r.due_on),
                      LIST_JOIN.join(r.project.agents) or "—"])  # fmt: skip
    print(tr("{day} 帮您办待办（逾期的在前）").format(day=day.isoformat()))
    print("\n".join(_table(table)))
    return EXIT_OK


# --- the monthly report ----------------------------------------------------------------------

REPORT_COLUMNS = ("county", "project_no", "name", "investor", "investment", "state", "stage", "steps_done",
                  "steps_total", "steps_overdue", "agents", "applied_on", "ended_on", "satisfaction")  # fmt: skip


def row_json(r: ReportRow) -> dict[str, Any]:
    return {
        "county": r.county,
        "project_no": r.project_no,
        "name": r.name,
        "investor": r.investor,
        "investment": r.investment,
        "state": r.state.value,
        "stage": r.stage,
        "steps_done": r.steps_done,
        "steps_total": r.steps_total,
        "steps_overdue": r.steps_overdue,
        "agents": list(r.agents),
        "applied_on": _iso(r.applied_on),
        "ended_on": _iso(r.ended_on),
        "satisfaction": r.satisfaction.value if r.satisfaction else None,
    }


def report_json(report: MonthlyReport) -> dict[str, Any]:
    return {
        "month": str(report.month),
        "as_of": report.as_of.isoformat(),
        "due_on": report.due_on.isoformat(),
        "rows": [row_json(r) for r in report.rows],
        "by_state": [{"county": c, "state": s.value, "count": n} for c, s, n in report.by_state],
        "by_stage": [{"county": c, "stage": s, "count": n} for c, s, n in report.by_stage],
    }


def report_csv(report: MonthlyReport) -> str:
    """The rows, the JSON's keys as the header; agents joined by ``;``; every text cell neutralised."""
    from counter.ratings.export import neutralised

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(REPORT_COLUMNS)
    for r in report.rows:
        data = row_json(r)
        data["agents"] = ";".join(r.agents)
        writer.writerow(
            ["" if data[k] is None else str(data[k]) if isinstance(data[k], int) else neutralised(str(data[k]))
             for k in REPORT_COLUMNS]
        )  # fmt: skip
    return out.getvalue()


def report_text(report: MonthlyReport) -> str:
    from counter.projects.model import STAGE_ORDER
    from counter.projects.report import NO_STAGE
    from counter.words.projects import PROJECT_STATE, SATISFACTION, stage_text
    from counter.words.punctuation import LIST_JOIN

    title = tr("{month} 帮您办项目月报（截至 {as_of}；报送期限 {due_on}）").format(
        month=str(report.month), as_of=report.as_of.isoformat(), due_on=report.due_on.isoformat()
    )
    if not report.rows:
        return "\n".join([title, tr("本月没有在办或办结、终止的帮您办项目。")])
    rows = [[tr("旗县市"), tr("项目编号"), tr("项目名称"), tr("投资（万元）"), tr("状态"), tr("阶段"),
             tr("审批办结"), tr("逾期"), tr("代办员"), tr("评价")]]  # fmt: skip
    for r in report.rows:
        rows.append([r.county, r.project_no, r.name, str(r.investment), PROJECT_STATE[r.state], stage_text(r.stage),
                     f"{r.steps_done}/{r.steps_total}", str(r.steps_overdue) if r.steps_overdue else "",
                     LIST_JOIN.join(r.agents) or "—",
                     SATISFACTION[r.satisfaction] if r.satisfaction else ""])  # fmt: skip
    counties = list(dict.fromkeys(r.county for r in report.rows))
    states = {(c, s): n for c, s, n in report.by_state}
    stages = {(c, s): n for c, s, n in report.by_stage}
    stage_keys = [NO_STAGE, *(s.value for s in STAGE_ORDER)]
    by_state = [[tr("旗县市"), *(PROJECT_STATE[s] for s in ProjectState), tr("合计")]]
    by_stage = [[tr("旗县市"), *(stage_text(s) for s in stage_keys)]]
    for c in counties:
        counts = [states.get((c, s), 0) for s in ProjectState]
        by_state.append([c, *(str(n) for n in counts), str(sum(counts))])
        by_stage.append([c, *(str(stages.get((c, s), 0)) for s in stage_keys)])
    return "\n".join([
        title, *_table(rows), "", tr("按旗县市、状态："), *_table(by_state), "", tr("按旗县市、阶段："),
        *_table(by_stage),
    ])  # fmt: skip


def cmd_report(args: argparse.Namespace) -> int:
    from counter.actions.project_reads import projects_report
    from counter.projects.report import Month

    try:
        month = Month.parse(args.month)
    except ValueError as err:
        raise UsageError(tr("--month 应为 YYYY-MM 格式的月份，收到：{raw}").format(raw=args.month)) from err
    day, county = today(args), args.county.strip() or None
    report = open_store(args).read(lambda unit: projects_report(unit, month, day, county))
    if args.json:
        text = json.dumps(report_json(report), ensure_ascii=False, indent=2) + "\n"
    elif args.csv:
        text = "\ufeff" + report_csv(report)  # a BOM lets Excel and WPS read the CSV as UTF-8
    else:
        text = report_text(report) + "\n"
    if args.out:
        try:
            Path(args.out).write_text(text, encoding="utf-8", newline="")
        except OSError as err:
            raise Reported(tr("无法写入文件 {path}：{error}").format(path=args.out, error=err)) from err
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_items(args: argparse.Namespace) -> int:
    from counter.actions.projects import import_service_list, service_list
    from counter.projects.service_items import BadServiceList
    from counter.words.projects import BAD_SERVICE_LIST, STAGE, list_fault_text

    store = open_store(args)  # signs in --user: an import is the account's
    try:
        if args.import_file:
            text = _list_file(Path(args.import_file))
            by = desk()
            items = store.write(lambda unit: import_service_list(unit, by, text))
        else:
            items = store.read(service_list)
    except BadServiceList as err:
        raise Reported("\n".join([BAD_SERVICE_LIST, *(list_fault_text(f) for f in err.faults)])) from err
    if args.json:
        print_json([
            {"no": i.no, "department": i.department, "name": i.name, "kind": i.kind, "stage": i.stage.value}
            for i in items.items
        ])  # fmt: skip
        return EXIT_OK
    rows = [[tr("序号"), tr("承办部门"), tr("事项名称"), tr("事项类型"), tr("阶段")]]
    rows.extend([str(i.no), i.department, i.name, i.kind, STAGE[i.stage]] for i in items.items)
    print("\n".join(_table(rows)))
    return EXIT_OK


def _list_file(path: Path) -> str:
    """The text of a list file to import; one that cannot be read is named (exit 1)."""
    from counter.words.projects import LIST_FILE_UNREADABLE

    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise Reported(LIST_FILE_UNREADABLE.format(path=path)) from err
