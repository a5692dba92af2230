"""The 帮您办 project's reads at the command line (``counter project show|list|queue|report|items``).

The reads are the project (``show``), the latest projects (``list``), the agent's day (``queue``, overdue first), the
monthly report a county sends the league by the 23rd (``report``, text, JSON or CSV) and the reference list
(``items``, which an administrator may also replace).  Kept apart from the moves: these only render what the actions
read, as tables of plain text or JSON in English snake_case keys.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter.cli.arguments import add_csv, add_json, add_project_no
from counter.cli.common import (
    EXIT_OK,
    Reported,
    UsageError,
    add_today,
    desk,
    moment_json,
    open_service,
    print_json,
    today,
)
from counter.cli.project_moves import project_number
from counter.projects.inputs import TEXT_FIELDS
from counter.projects.model import ProjectClass, ProjectState, ProjectView
from counter.projects.report import MonthlyReport, ReportRow
from counter.util.terminal_lines import columns
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.projects.queue import QueueRow


def add_project_views(project: Any, common: argparse.ArgumentParser) -> None:
    """Add the project's reads to the ``project`` group, after its moves."""
    p = project.add_parser("show", parents=[common], help=tr("项目的申请信息、代办员、状态、申报计划、协调记录和经过"))
    add_project_no(p)
    add_today(p)
    add_json(p)
    p.set_defaults(func=cmd_show)

    p = project.add_parser("list", parents=[common], help=tr("最近登记的项目"))
    add_today(p)
    add_json(p)
    p.set_defaults(func=cmd_list)

    p = project.add_parser("queue", parents=[common], help=tr("代办员的待办：未结束的项目和下一步，逾期的在前"))
    p.add_argument("--agent", default="", metavar="NAME", help=tr("只看该代办员的项目"))
    add_today(p)
    add_json(p)
    p.set_defaults(func=cmd_queue)

    p = project.add_parser(
        "report", parents=[common], help=tr("帮您办项目月报：按旗县市、阶段和状态（每月23日前报送）")
    )
    p.add_argument("--month", required=True, metavar="YYYY-MM", help=tr("月份"))
    p.add_argument("--county", default="", metavar="NAME", help=tr("只看该旗县市"))
    add_today(p)
    output = p.add_mutually_exclusive_group()
    add_json(output)
    add_csv(output)
    p.add_argument("--out", metavar="FILE", help=tr("写入文件（CSV 带 BOM，便于 Excel/WPS 打开）；默认输出到屏幕"))
    p.set_defaults(func=cmd_report)

    p = project.add_parser("items", parents=[common], help=tr("“帮您办”代办帮办服务事项参考目录（附件1）"))
    add_json(p)
    p.add_argument(
        "--import", dest="import_file", metavar="FILE", help=tr("以该文件（与随程序的目录同格式）替换本站点的目录")
    )
    p.set_defaults(func=cmd_items)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _dash(day: dt.date | None) -> str:
    return day.isoformat() if day else "—"


def project_json(view: ProjectView, day: dt.date) -> dict[str, Any]:
    """The project in English snake_case keys: facts, agents, state, plan with each step's state, overdue marked."""
    from counter.projects.schedule import next_steps

    f = view.facts
    facts = {key: getattr(f, key) for key in (*TEXT_FIELDS, "investment", "key_project", "government")}
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
        "mandate": list(view.mandate),  # the items the signed 授权委托书 lists
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
        "history": [
            {"at": moment_json(h.at), "event": h.event.value, "by": h.by, "note": h.note} for h in view.history
        ],
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
    from counter.case.moments import minute_text
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
        tr("类别：{classes}    重点项目：{key}    政府投资项目：{government}").format(
            classes=classes or "—",
            key=tr("是") if f.key_project else tr("否"),
            government=tr("是") if f.government else tr("否"),
        ),
        tr("申请代办事项：{requested}").format(requested=LIST_JOIN.join(str(n) for n in f.requested)),
        tr("授权委托书所列事项：{mandate}").format(mandate=LIST_JOIN.join(str(n) for n in view.mandate) or "—"),
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
        lines.append(tr("  {at}  {by}  {what}").format(at=minute_text(h.at), by=h.by, what=history_text(h)))
    return "\n".join(lines)


def cmd_show(args: argparse.Namespace) -> int:
    from counter.service.projects import READ_PROJECT, ProjectNo

    number, day = project_number(args), today(args)
    view = open_service(args).call(READ_PROJECT, ProjectNo(number))
    if args.json:
        print_json(project_json(view, day))
    else:
        print(project_text(view, day))
    return EXIT_OK


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(columns(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell + " " * (widths[i] - columns(cell)) for i, cell in enumerate(row)).rstrip() for row in rows]


def cmd_list(args: argparse.Namespace) -> int:
    from counter.service.projects import RECENT_PROJECTS, RecentProjects
    from counter.words.projects import PROJECT_STATE
    from counter.words.punctuation import LIST_JOIN

    views = open_service(args).call(RECENT_PROJECTS, RecentProjects())
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
    from counter.service.projects import READ_DAY, ReadDay
    from counter.words.projects import OVERDUE_STEPS, PROJECT_STATE, next_text
    from counter.words.punctuation import LIST_JOIN

    day, agent = today(args), args.agent.strip()
    rows = open_service(args).call(READ_DAY, ReadDay(agent)).rows
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
    from counter.projects.report import Month
    from counter.service.projects import READ_REPORT, ReadReport
    from counter.words.files import file_fault

    try:
        month = Month.parse(args.month)
    except ValueError as err:
        raise UsageError(tr("--month 应为 YYYY-MM 格式的月份，收到：{raw}").format(raw=args.month)) from err
    county = args.county.strip() or None
    report = open_service(args).call(READ_REPORT, ReadReport(month, county))
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
            raise Reported(tr("无法写入文件 {path}：{error}").format(path=args.out, error=file_fault(err))) from err
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_items(args: argparse.Namespace) -> int:
    from counter.projects.service_items import BadServiceList
    from counter.service.projects import IMPORT_SERVICE_LIST, READ_SERVICE_LIST, ImportServiceList
    from counter.service.requests import Nothing
    from counter.words.projects import BAD_SERVICE_LIST, STAGE, list_fault_text

    service = open_service(args)  # signs in --user: an import is the account's
    try:
        if args.import_file:
            text = _list_file(Path(args.import_file))
            items = service.call(IMPORT_SERVICE_LIST, ImportServiceList(text), desk())
        else:
            items = service.call(READ_SERVICE_LIST, Nothing())
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
    """The text of a list file to import; one that cannot be read is named with its cause (exit 1), a pipe or a
    device named refused unread and a file far larger than a list too (:func:`counter.cli.file_text.file_text`)."""
    from counter.cli.file_text import file_text
    from counter.util.bounded_read import LIST_FILE_LIMIT
    from counter.words.projects import LIST_FILE_UNREADABLE

    return file_text(path, LIST_FILE_LIMIT, LIST_FILE_UNREADABLE)
