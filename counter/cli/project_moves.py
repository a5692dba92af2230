"""The 帮您办 project's moves at the command line (``counter project register|accept|agents|…|terminate``).

A move opens the database, asks its operation (:mod:`counter.service.projects`), which runs in one unit of work,
and prints the project's state after it; a refusal lists every problem in Chinese on stderr (exit 1) and keeps
nothing.  The facts and the plan come from files, read by :mod:`counter.projects.inputs`; their problems are
listed the same way.  Dates are the real day, or with ``--today`` the training day; a training run's history is
dated on that day too.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from counter.cli.arguments import add_json, add_project_no
from counter.cli.common import (
    EXIT_OK,
    Reported,
    UsageError,
    add_today,
    desk,
    free_text,
    moment,
    open_service,
    parse_date,
    print_json,
    today,
)
from counter.parties.text import TextField
from counter.projects.inputs import InputRefused, parse_document, plan_from_list, read_facts, read_plan
from counter.projects.model import ProjectState, ProjectView, Satisfaction
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.service.operation import Operation

_DAY_HELP = tr("日期（YYYY-MM-DD），默认今天")

T = TypeVar("T")


def add_project_moves(project: Any, common: argparse.ArgumentParser) -> None:
    """Add the project's moves to the ``project`` group: register first, then in the order a project goes."""
    p = project.add_parser("register", parents=[common], help=tr("登记申请表，给出项目编号"))
    p.add_argument("--file", required=True, metavar="FACTS", help=tr("申请表的 JSON 或 TOML 文件"))
    add_json(p)
    add_today(p)
    p.set_defaults(func=cmd_register)
    _add_moves(project, common)


def _add_moves(project: Any, common: argparse.ArgumentParser) -> None:
    p = project.add_parser("accept", parents=[common], help=tr("受理：范围和条件已核，代办事项已商定"))
    add_project_no(p)
    add_today(p)
    p.set_defaults(func=cmd_accept)

    p = project.add_parser("agents", parents=[common], help=tr("确定代办员（第一位为主办），再次确定则替换"))
    add_project_no(p)
    p.add_argument(
        "names",
        metavar="NAME",
        nargs="+",
        type=free_text(TextField.PERSON_NAME),
        help=tr("代办员姓名，一位或多位，以空格分隔；第一位为主办"),
    )
    add_today(p)
    p.set_defaults(func=cmd_agents)

    p = project.add_parser(
        "sign", parents=[common], help=tr("签订授权委托书和承诺书，开始代办；代办中再次签订则换为新的授权委托书")
    )
    add_project_no(p)
    p.add_argument("--day", metavar="DATE", help=_DAY_HELP)
    p.add_argument(
        "--items",
        metavar="NOS",
        help=tr("授权委托书所列参考目录的序号，以逗号分隔，例如 2,7,16,10；默认为申请表所列事项"),
    )
    add_today(p)
    p.set_defaults(func=cmd_sign)

    p = project.add_parser("plan", parents=[common], help=tr("编制或调整申报计划（按立项、用地、规划、施工、竣工）"))
    add_project_no(p)
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--file", metavar="PLAN", help=tr("申报计划的 JSON 或 TOML 文件"))
    source.add_argument("--from-list", metavar="NOS", help=tr("参考目录的序号，以逗号分隔，例如 2,7,16,10"))
    p.add_argument("--start", metavar="DATE", help=tr("与 --from-list 一起：计划的起始日期，默认今天"))
    add_today(p)
    p.set_defaults(func=cmd_plan)

    p = project.add_parser("file", parents=[common], help=tr("记录计划中的一个审批事项已向部门申报"))
    add_project_no(p)
    p.add_argument("step", metavar="STEP", type=int, help=tr("步骤序号"))
    p.add_argument("--day", metavar="DATE", help=_DAY_HELP)
    p.add_argument("--case", default="", metavar="CASE_NO", help=tr("本大厅受理该事项的办件编号"))
    add_today(p)
    p.set_defaults(func=cmd_file)

    p = project.add_parser("done", parents=[common], help=tr("记录计划中的一个审批事项已办结"))
    add_project_no(p)
    p.add_argument("step", metavar="STEP", type=int, help=tr("步骤序号"))
    p.add_argument("--day", metavar="DATE", help=_DAY_HELP)
    p.add_argument("--result", default="", metavar="NO", help=tr("批复、证照或备案的编号"))
    add_today(p)
    p.set_defaults(func=cmd_done)

    p = project.add_parser("coordinate", parents=[common], help=tr("记录一次协调：与谁、协调什么、结果如何"))
    add_project_no(p)
    p.add_argument(
        "--with",
        dest="with_whom",
        required=True,
        type=free_text(TextField.NOTE),
        metavar="WHO",
        help=tr("协调对象（部门、单位或人员）"),
    )
    p.add_argument("--what", required=True, type=free_text(TextField.NOTE), metavar="TEXT", help=tr("协调事项"))
    p.add_argument("--outcome", required=True, type=free_text(TextField.NOTE), metavar="TEXT", help=tr("协调结果"))
    p.add_argument("--step", type=int, default=0, metavar="N", help=tr("所涉申报计划的步骤序号"))
    p.add_argument("--day", metavar="DATE", help=_DAY_HELP)
    add_today(p)
    p.set_defaults(func=cmd_coordinate)
    _add_ends(project, common)


def _add_ends(project: Any, common: argparse.ArgumentParser) -> None:

    p = project.add_parser("complete", parents=[common], help=tr("办结：审批均已办结，材料已退还"))
    add_project_no(p)
    p.add_argument("--day", metavar="DATE", help=_DAY_HELP)
    add_today(p)
    p.set_defaults(func=cmd_complete)

    p = project.add_parser("evaluate", parents=[common], help=tr("填写评价表：非常满意、满意或不满意"))
    add_project_no(p)
    p.add_argument(
        "satisfaction",
        choices=[s.value for s in Satisfaction],
        metavar="RESULT",
        help=tr("评价表上勾选的：very_satisfied 非常满意，satisfied 满意，dissatisfied 不满意"),
    )
    p.add_argument("--note", default="", type=free_text(TextField.NOTE), metavar="TEXT", help=tr("意见及建议"))
    add_today(p)
    p.set_defaults(func=cmd_evaluate)

    p = project.add_parser("terminate", parents=[common], help=tr("终止代办，写明原因"))
    add_project_no(p)
    p.add_argument("--reason", required=True, type=free_text(TextField.NOTE), metavar="TEXT", help=tr("终止的原因"))
    p.add_argument("--day", metavar="DATE", help=_DAY_HELP)
    add_today(p)
    p.set_defaults(func=cmd_terminate)


# --- running a move ----------------------------------------------------------------------


def _day(args: argparse.Namespace) -> dt.date:
    return parse_date(args.day) if getattr(args, "day", None) else today(args)


def project_number(args: argparse.Namespace) -> str:
    """The project's number as given: spaces trimmed, upper-cased as the numbers are written."""
    return str(args.project_no).strip().upper()


#: a move, given the day and the moment the command acts on: its operation and request
Move = Callable[[dt.date, dt.datetime], "tuple[Operation[Any, Any], Any]"]


def _run(args: argparse.Namespace, move: Move) -> Any:
    """Run ``move``'s operation; a refusal as Chinese sentences (exit 1), as a missing project is (failure_text)."""
    from counter.projects.rules import ProjectRefused
    from counter.words.projects import problems_text

    day, now = today(args), moment(args)
    service = open_service(args)
    op, request = move(day, now)
    try:
        return service.call(op, request, desk())
    except ProjectRefused as err:
        state = _state_of(args, getattr(args, "project_no", ""))
        raise Reported("\n".join(problems_text(err.problems, state))) from err


def _read(args: argparse.Namespace, number: str) -> ProjectView:
    from counter.service.projects import READ_PROJECT, ProjectNo

    found: ProjectView = open_service(args).call(READ_PROJECT, ProjectNo(number))
    return found


def _state_of(args: argparse.Namespace, number: str) -> ProjectState | None:
    from counter.projects.not_found import NoSuchProject

    if not number:
        return None
    try:
        return _read(args, number.strip().upper()).state
    except NoSuchProject:
        return None


def _moved(args: argparse.Namespace, what: str) -> int:
    """After a move: the project, what was done, and its state now."""
    from counter.words.projects import PROJECT_STATE

    number = project_number(args)
    view = _read(args, number)
    print(tr("项目 {project_no}：{what}。当前状态：{state}").format(
        project_no=number, what=what, state=PROJECT_STATE[view.state]))  # fmt: skip
    return EXIT_OK


def cmd_register(args: argparse.Namespace) -> int:
    from counter.service.projects import REGISTER_PROJECT, RegisterProject

    today(args)  # a wrong --today is misuse, before the file is looked at
    facts = _read_file(Path(args.file), read_facts)
    number = _run(args, lambda _day, now: (REGISTER_PROJECT, RegisterProject(facts)))
    if args.json:
        print_json({"project_no": number})
    else:
        print(tr("项目编号：{project_no}").format(project_no=number))
    return EXIT_OK


def cmd_accept(args: argparse.Namespace) -> int:
    from counter.projects.model import ProjectEvent
    from counter.service.projects import ACCEPT_PROJECT, ProjectNo
    from counter.words.projects import PROJECT_EVENT

    number = project_number(args)
    _run(args, lambda day, now: (ACCEPT_PROJECT, ProjectNo(number)))
    return _moved(args, PROJECT_EVENT[ProjectEvent.ACCEPTED])


def cmd_agents(args: argparse.Namespace) -> int:
    from counter.service.projects import ASSIGN_AGENTS, AssignAgents
    from counter.words.punctuation import LIST_JOIN

    number, names = project_number(args), tuple(args.names)
    _run(args, lambda _day, now: (ASSIGN_AGENTS, AssignAgents(number, names)))
    kept = LIST_JOIN.join(dict.fromkeys(n.strip() for n in names if n.strip()))
    return _moved(args, tr("代办员为{agents}").format(agents=kept))


def cmd_sign(args: argparse.Namespace) -> int:
    from counter.projects.model import ProjectEvent
    from counter.service.projects import SIGN_PROJECT, SignProject
    from counter.words.projects import PROJECT_EVENT

    number, on = project_number(args), _day(args)
    items = _list_numbers(args.items, "--items") if args.items is not None else None
    _run(args, lambda day, now: (SIGN_PROJECT, SignProject(number, on, items)))
    return _moved(args, PROJECT_EVENT[ProjectEvent.SIGNED])


def cmd_plan(args: argparse.Namespace) -> int:
    from counter.service.projects import PLAN_PROJECT, READ_SERVICE_LIST, PlanProject
    from counter.service.requests import Nothing

    number = project_number(args)
    items = open_service(args).call(READ_SERVICE_LIST, Nothing())  # the site's own list, where one was imported
    if args.from_list:
        start = parse_date(args.start) if args.start else today(args)
        numbers = _list_numbers(args.from_list, "--from-list")
        steps = _refused_as_reported(lambda: plan_from_list(items, numbers, start))
    else:
        if args.start:
            raise UsageError(tr("--start 只能与 --from-list 一起使用。"))
        steps = _read_file(Path(args.file), lambda data: read_plan(data, items))
    _run(args, lambda _day, now: (PLAN_PROJECT, PlanProject(number, steps)))
    return _moved(args, tr("申报计划共 {count} 个审批事项").format(count=len(steps)))


def cmd_file(args: argparse.Namespace) -> int:
    from counter.service.projects import FILE_STEP, FileStep

    number, on, step, case = project_number(args), _day(args), args.step, args.case
    _run(args, lambda day, now: (FILE_STEP, FileStep(number, step, on, case)))
    return _moved(args, tr("第 {step} 步已申报").format(step=step))


def cmd_done(args: argparse.Namespace) -> int:
    from counter.service.projects import STEP_DONE, StepDone

    number, on, step, result = project_number(args), _day(args), args.step, args.result
    _run(args, lambda day, now: (STEP_DONE, StepDone(number, step, on, result)))
    return _moved(args, tr("第 {step} 步已办结").format(step=step))


def cmd_coordinate(args: argparse.Namespace) -> int:
    from counter.projects.model import Coordination
    from counter.service.projects import RECORD_COORDINATION, RecordCoordination

    number = project_number(args)
    c = Coordination(_day(args), args.with_whom, args.what, args.outcome, agent="", step_no=args.step)
    _run(args, lambda day, now: (RECORD_COORDINATION, RecordCoordination(number, c)))
    return _moved(args, tr("已记录与{with_whom}的协调").format(with_whom=args.with_whom.strip()))


def cmd_complete(args: argparse.Namespace) -> int:
    from counter.projects.model import ProjectEvent
    from counter.service.projects import COMPLETE_PROJECT, CompleteProject
    from counter.words.projects import PROJECT_EVENT

    number, on = project_number(args), _day(args)
    _run(args, lambda day, now: (COMPLETE_PROJECT, CompleteProject(number, on)))
    return _moved(args, PROJECT_EVENT[ProjectEvent.COMPLETED])


def cmd_evaluate(args: argparse.Namespace) -> int:
    from counter.service.projects import EVALUATE_PROJECT, EvaluateProject
    from counter.words.projects import SATISFACTION

    number, answer, note = project_number(args), Satisfaction(args.satisfaction), args.note
    _run(args, lambda day, now: (EVALUATE_PROJECT, EvaluateProject(number, answer, note, day)))
    return _moved(args, tr("评价为“{answer}”").format(answer=SATISFACTION[answer]))


def cmd_terminate(args: argparse.Namespace) -> int:
    from counter.projects.model import ProjectEvent
    from counter.service.projects import TERMINATE_PROJECT, TerminateProject
    from counter.words.projects import PROJECT_EVENT

    number, on, reason = project_number(args), _day(args), args.reason
    _run(args, lambda day, now: (TERMINATE_PROJECT, TerminateProject(number, reason, on)))
    return _moved(args, PROJECT_EVENT[ProjectEvent.TERMINATED])


# --- the files and lists a move takes ----------------------------------------------------------


def _refused_as_reported(read: Callable[[], T], path: Path | str = "") -> T:
    """``read()``; its every problem as a Chinese sentence (exit 1)."""
    from counter.words.project_inputs import input_problems_text

    try:
        return read()
    except InputRefused as err:
        raise Reported("\n".join(input_problems_text(err.problems, path))) from err


def _read_file(path: Path, read: Callable[[Any], T]) -> T:
    """What ``read`` makes of the JSON or TOML file ``path`` (by its ending; a file of neither tries JSON), read as
    every file named on the command line is: a regular file, bounded (:mod:`counter.util.bounded_read`)."""
    from counter.cli.file_text import file_text
    from counter.util.bounded_read import PROJECT_FILE_LIMIT

    text = file_text(path, PROJECT_FILE_LIMIT, tr("无法读取文件 {path}：{error}"))
    return _refused_as_reported(lambda: read(parse_document(text, toml=path.suffix.lower() == ".toml")), path)


def _list_numbers(text: str, option: str) -> tuple[int, ...]:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts or not all(p.isdigit() for p in parts):
        raise UsageError(
            tr("{option} 应为参考目录的序号，以逗号分隔，例如 2,7,16,10；收到：{text}").format(option=option, text=text)
        )
    return tuple(int(p) for p in parts)
