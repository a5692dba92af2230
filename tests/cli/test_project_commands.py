"""``counter project …``: the 帮您办 service at the command line, on a real SQLite database, in this process.

The issue's story: the food factory from its application through a three-stage plan with four approvals (the two of
the land stage in parallel) to 办结 and its evaluation, the wind farm ended with 终止; the monthly report shows both,
as text, JSON and CSV.  Every refusal is listed in Chinese on stderr with exit 1, and keeps nothing.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

from counter.cli.main import main
from counter.projects.model import PlanStep, ProjectFacts
from counter.projects.rules import ProjectProblem
from counter.util.bounded_read import LIST_FILE_LIMIT, PROJECT_FILE_LIMIT
from counter.words.projects import PROJECT_PROBLEM
from tests.conftest import made_database
from tests.projects.samples import APPLIED, FACTS, OTHER, plan
from tests.test_cli_items import accepted_case

FOOD = "XAM01-20260901-P01-0001"
WIND = "XAM01-20260903-P01-0001"


def run(capsys: pytest.CaptureFixture[str], db: str, day: str, *args: str) -> tuple[int, str, str]:
    code = main(["--db", db, "--today", day, "project", *args])
    out, err = capsys.readouterr()
    return code, out, err


def ok(capsys: pytest.CaptureFixture[str], db: str, day: str, *args: str) -> str:
    code, out, err = run(capsys, db, day, *args)
    assert (code, err) == (0, ""), err
    return out


def refused(capsys: pytest.CaptureFixture[str], db: str, day: str, *args: str) -> list[str]:
    code, out, err = run(capsys, db, day, *args)
    assert (code, out) == (1, "")
    return err.splitlines()


@pytest.fixture
def db(tmp_path: Path) -> str:
    return made_database(tmp_path / "projects.sqlite3")


def facts_file(tmp_path: Path, facts: ProjectFacts | dict[str, Any], name: str = "facts.json") -> str:
    data = facts if isinstance(facts, dict) else dataclasses.asdict(facts)
    if not isinstance(facts, dict):
        data["classes"] = sorted(c.value for c in facts.classes)
        data["requested"] = list(facts.requested)
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def plan_file(tmp_path: Path, steps: tuple[PlanStep, ...]) -> str:
    rows = [
        {"name": s.name, "department": s.department, "stage": s.stage.value, "expected_on": s.expected_on.isoformat(),
         "item_no": s.item_no, "joint": s.joint}
        for s in steps
    ]  # fmt: skip
    path = tmp_path / "plan.json"
    path.write_text(json.dumps({"steps": rows}, ensure_ascii=False), encoding="utf-8")
    return str(path)


def show(capsys: pytest.CaptureFixture[str], db: str, day: str, number: str) -> dict[str, Any]:
    shown: dict[str, Any] = json.loads(ok(capsys, db, day, "show", number, "--json"))
    return shown


def registered(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path, day: str, facts: ProjectFacts) -> str:
    out = ok(capsys, db, day, "register", "--file", facts_file(tmp_path, facts))
    assert out.startswith("项目编号：")
    return out.strip().split("：", 1)[1]


@pytest.mark.slow
def test_the_food_factory_to_its_evaluation_and_the_wind_farm_to_its_end(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    number = registered(capsys, db, tmp_path, "2026-09-01", FACTS)
    assert number == FOOD
    assert ok(capsys, db, "2026-09-01", "accept", FOOD) == f"项目 {FOOD}：受理。当前状态：受理\n"
    assert refused(capsys, db, "2026-09-01", "sign", FOOD) == ["请先确定代办员，再签订授权委托书和承诺书。"]
    ok(capsys, db, "2026-09-01", "agents", FOOD, "乌兰", "张敏")
    assert ok(capsys, db, "2026-09-02", "sign", FOOD).endswith("当前状态：代办中\n")
    ok(capsys, db, "2026-09-02", "plan", FOOD, "--file", plan_file(tmp_path, plan(APPLIED)))
    # the land stage waits for 立项; a step done before it is filed is refused
    assert refused(capsys, db, "2026-09-02", "file", FOOD, "2") == [
        "前一阶段的审批事项尚未全部办结，须按立项、用地、规划、施工、竣工的顺序申报。"
    ]
    assert refused(capsys, db, "2026-09-02", "done", FOOD, "1") == ["这个审批事项还没有申报，不能记为办结。"]
    ok(capsys, db, "2026-09-02", "file", FOOD, "1")
    ok(capsys, db, "2026-09-05", "done", FOOD, "1", "--result", "2026-152201-14-03-046812")
    # the two of the land stage in parallel, on one day
    ok(capsys, db, "2026-09-08", "file", FOOD, "2")
    ok(capsys, db, "2026-09-08", "file", FOOD, "3", "--day", "2026-09-08")
    ok(capsys, db, "2026-09-12", "coordinate", FOOD, "--with", "盟水务局", "--what", "水土保持方案技术审查",
       "--outcome", "同意并联审查，9月25日前出具批复", "--step", "3")  # fmt: skip
    ok(capsys, db, "2026-09-20", "done", FOOD, "2")
    assert refused(capsys, db, "2026-09-20", "complete", FOOD) == ["申报计划中还有审批事项未办结，不能办结项目。"]
    ok(capsys, db, "2026-09-25", "done", FOOD, "3")
    assert refused(capsys, db, "2026-09-26", "file", FOOD, "4", "--case", "XAM01-20260926-08-0099") == [
        PROJECT_PROBLEM[ProjectProblem.NO_SUCH_CASE]
    ]  # a number this hall never took
    building = accepted_case(db, dt.date(2026, 9, 26))  # an intake this hall took (a restaurant's will do)
    ok(capsys, db, "2026-09-26", "file", FOOD, "4", "--case", building.lower())

    wind = registered(capsys, db, tmp_path, "2026-09-03", OTHER)
    assert wind == WIND
    ok(capsys, db, "2026-09-04", "accept", WIND)
    assert refused(capsys, db, "2026-09-15", "terminate", WIND, "--reason", " ") == ["终止代办须写明原因。"]
    ok(capsys, db, "2026-09-15", "terminate", WIND, "--reason", "项目单位决定暂缓建设")
    assert refused(capsys, db, "2026-09-16", "accept", WIND) == ["项目现在是“终止”，不能办理这一步。"]

    ok(capsys, db, "2026-10-20", "done", FOOD, "4", "--result", "152201202610200101")
    ok(capsys, db, "2026-10-21", "complete", FOOD)
    assert ok(capsys, db, "2026-10-22", "evaluate", FOOD, "very_satisfied", "--note", "代办员全程帮办，省心") == (
        f"项目 {FOOD}：评价为“非常满意”。当前状态：办结\n"
    )
    assert refused(capsys, db, "2026-10-22", "evaluate", FOOD, "satisfied") == ["该项目已经评价过，评价只能填写一次。"]

    food = show(capsys, db, "2026-11-01", FOOD)
    assert (food["state"], food["satisfaction"], food["ended_on"]) == ("completed", "very_satisfied", "2026-10-21")
    assert food["agents"] == ["乌兰", "张敏"]
    assert [(s["no"], s["stage"], s["state"], s["filed_on"], s["done_on"]) for s in food["steps"]] == [
        (1, "initiation", "done", "2026-09-02", "2026-09-05"),
        (2, "land", "done", "2026-09-08", "2026-09-20"),
        (3, "land", "done", "2026-09-08", "2026-09-25"),
        (4, "construction", "done", "2026-09-26", "2026-10-20"),
    ]
    assert food["steps"][0]["result_no"] == "2026-152201-14-03-046812"
    assert food["steps"][2]["joint"] == "多评合一"
    assert food["coordinations"] == [
        {"day": "2026-09-12", "with": "盟水务局", "what": "水土保持方案技术审查",
         "outcome": "同意并联审查，9月25日前出具批复", "agent": "", "step_no": 3}
    ]  # fmt: skip
    assert [h["event"] for h in food["history"]] == [
        "applied", "accepted", "agent_assigned", "signed", "planned", "step_filed", "step_done", "step_filed",
        "step_filed", "coordinated", "step_done", "step_done", "step_filed", "step_done", "completed", "evaluated",
    ]  # fmt: skip
    text = ok(capsys, db, "2026-11-01", "show", FOOD)
    assert "状态：办结" in text
    assert "评价：非常满意（2026-10-22）代办员全程帮办，省心" in text
    assert "  【用地】" in text
    assert "2. 建设项目用地预审与选址意见书核发  自然资源部门  已办结  预计 2026-09-26  申报 2026-09-08" in text
    assert "与盟水务局（第 3 步）：水土保持方案技术审查；结果：同意并联审查" in text  # no clerk named: none printed
    assert "确定代办员：乌兰、张敏" in text
    assert "逾期" not in text
    (step_4,) = [line for line in text.splitlines() if line.startswith("    4. ")]
    assert step_4.endswith(f"  办件 {building}、文号 152201202610200101")  # the intake it was filed by
    wind_shown = show(capsys, db, "2026-11-01", WIND)
    assert (wind_shown["state"], wind_shown["end_reason"]) == ("terminated", "项目单位决定暂缓建设")
    assert "终止原因：项目单位决定暂缓建设" in ok(capsys, db, "2026-11-01", "show", WIND)

    # September's report, made on its due day: the food factory at the construction stage, the wind farm ended
    report = json.loads(ok(capsys, db, "2026-10-25", "report", "--month", "2026-09", "--json"))
    assert (report["month"], report["as_of"], report["due_on"]) == ("2026-09", "2026-09-30", "2026-09-23")
    assert [(r["county"], r["project_no"], r["state"], r["stage"], r["steps_done"], r["steps_total"])
            for r in report["rows"]] == [
        ("乌兰浩特市", FOOD, "in_service", "construction", 3, 4),
        ("科尔沁右翼前旗", WIND, "terminated", "none", 0, 0),
    ]  # fmt: skip
    assert report["by_state"] == [
        {"county": "乌兰浩特市", "state": "in_service", "count": 1},
        {"county": "科尔沁右翼前旗", "state": "terminated", "count": 1},
    ]
    assert report["by_stage"] == [
        {"county": "乌兰浩特市", "stage": "construction", "count": 1},
        {"county": "科尔沁右翼前旗", "stage": "none", "count": 1},
    ]
    raw = ok(capsys, db, "2026-10-25", "report", "--month", "2026-09", "--csv")
    assert raw.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(raw.removeprefix("\ufeff"))))
    assert [(r["county"], r["project_no"], r["state"], r["stage"], r["agents"], r["ended_on"]) for r in rows] == [
        ("乌兰浩特市", FOOD, "in_service", "construction", "乌兰;张敏", ""),
        ("科尔沁右翼前旗", WIND, "terminated", "none", "", "2026-09-15"),
    ]
    assert raw.splitlines()[0] == (
        "\ufeffcounty,project_no,name,investor,investment,state,stage,steps_done,steps_total,steps_overdue,agents,"
        "applied_on,ended_on,satisfaction"
    )
    # October: the food factory completed and evaluated; the wind farm ended in September is not in it
    october = json.loads(ok(capsys, db, "2026-11-05", "report", "--month", "2026-10", "--json"))
    assert [(r["project_no"], r["state"], r["satisfaction"]) for r in october["rows"]] == [
        (FOOD, "completed", "very_satisfied")
    ]
    text = ok(capsys, db, "2026-10-25", "report", "--month", "2026-09")
    assert text.splitlines()[0] == "2026-09 帮您办项目月报（截至 2026-09-30；报送期限 2026-09-23）"
    assert "乌兰浩特市  1     0     0     1     0     2" not in text  # two counties, one project each
    assert "科尔沁右翼前旗  0     0     0       0     1     1" in text
    one = json.loads(ok(capsys, db, "2026-10-25", "report", "--month", "2026-09", "--county", "科尔沁右翼前旗",
                        "--json"))  # fmt: skip
    assert [r["project_no"] for r in one["rows"]] == [WIND]

    listed = json.loads(ok(capsys, db, "2026-11-01", "list", "--json"))
    assert {(p["project_no"], p["state"]) for p in listed} == {(FOOD, "completed"), (WIND, "terminated")}
    header, *lines = ok(capsys, db, "2026-11-01", "list").splitlines()
    assert header.split() == ["项目编号", "状态", "旗县市", "项目名称", "申请日期", "代办员"]
    assert sorted(line.split()[:3] + line.split()[-1:] for line in lines) == [
        [FOOD, "办结", "乌兰浩特市", "乌兰、张敏"],
        [WIND, "终止", "科尔沁右翼前旗", "—"],
    ]  # in words, a project with no agent named by a dash
    assert json.loads(ok(capsys, db, "2026-11-01", "queue", "--json")) == []


@pytest.mark.slow
def test_the_agents_day_puts_the_overdue_first_and_marks_them(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    food = registered(capsys, db, tmp_path, "2026-09-01", FACTS)
    wind = registered(capsys, db, tmp_path, "2026-09-01", OTHER)
    for number in (food, wind):
        ok(capsys, db, "2026-09-01", "accept", number)
    ok(capsys, db, "2026-09-01", "agents", food, "乌兰")
    ok(capsys, db, "2026-09-01", "sign", food)
    ok(capsys, db, "2026-09-01", "plan", food, "--file", plan_file(tmp_path, plan(APPLIED)))
    ok(capsys, db, "2026-09-01", "file", food, "1")
    # 09-10: the 备案 was expected on 09-06
    queue = json.loads(ok(capsys, db, "2026-09-10", "queue", "--json"))
    assert [(q["project_no"], q["next"], q["step_no"], q["due_on"], q["overdue_steps"], q["overdue"])
            for q in queue] == [
        (food, "await", 1, "2026-09-06", 1, True),
        (wind, "sign", None, None, 0, False),
    ]  # fmt: skip
    lines = ok(capsys, db, "2026-09-10", "queue").splitlines()
    assert lines[0] == "2026-09-10 帮您办待办（逾期的在前）"
    assert lines[1].split()[0] == "逾期"
    assert lines[2].startswith("逾期 1 项  " + food)
    assert "待部门办结（第 1 步 企业投资项目备案）  2026-09-06" in lines[2]
    assert lines[3].startswith(" ")
    assert lines[3].split()[0] == wind
    assert "待签订授权委托书、承诺书" in lines[3]
    mine = json.loads(ok(capsys, db, "2026-09-10", "queue", "--agent", "乌兰", "--json"))
    assert [q["project_no"] for q in mine] == [food]
    assert ok(capsys, db, "2026-09-10", "queue", "--agent", "张敏") == "张敏没有待办的帮您办项目。\n"
    shown = show(capsys, db, "2026-09-10", food)
    assert [s["overdue"] for s in shown["steps"]] == [True, False, False, False]
    assert "【逾期】" in ok(capsys, db, "2026-09-10", "show", food)


def test_a_plan_from_the_reference_list_takes_departments_and_stages_and_spaces_the_stages(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    number = registered(capsys, db, tmp_path, "2026-09-01", FACTS)
    ok(capsys, db, "2026-09-01", "accept", number)
    ok(capsys, db, "2026-09-01", "agents", number, "乌兰")
    ok(capsys, db, "2026-09-01", "sign", number)
    out = ok(capsys, db, "2026-09-01", "plan", number, "--from-list", "10,2,7,16", "--start", "2026-09-02")
    assert out == f"项目 {number}：申报计划共 4 个审批事项。当前状态：代办中\n"
    steps = show(capsys, db, "2026-09-01", number)["steps"]
    assert [(s["no"], s["item_no"], s["department"], s["stage"], s["expected_on"]) for s in steps] == [
        (1, 2, "发改部门", "initiation", "2026-09-22"),
        (2, 7, "自然资源部门", "land", "2026-10-12"),
        (3, 16, "水务部门", "land", "2026-10-12"),
        (4, 10, "住建部门", "construction", "2026-11-01"),
    ]
    assert steps[3]["name"] == "建筑工程施工许可证核发"
    assert refused(capsys, db, "2026-09-01", "plan", number, "--from-list", "2,99") == ["参考目录中没有第 99 项。"]
    code, _, err = run(capsys, db, "2026-09-01", "plan", number, "--from-list", "二")
    assert code == 2
    assert "--from-list 应为参考目录的序号" in err
    plan = tmp_path / "plan.toml"
    plan.write_text("[[steps]]\nitem_no = 2\nexpected_on = 2026-09-10\n", encoding="utf-8")
    code, out, err = run(capsys, db, "2026-09-01", "plan", number, "--file", str(plan), "--start", "2026-09-02")
    assert (code, out) == (2, "")  # a file's steps carry their own days: a start for them is misuse, said
    assert "--start 只能与 --from-list 一起使用。" in err
    big = tmp_path / "big.toml"
    big.write_bytes(b"#" * (PROJECT_FILE_LIMIT + 1))
    code, out, err = run(capsys, db, "2026-09-01", "plan", number, "--file", str(big))
    assert (code, out) == (1, "")
    assert str(big) in err
    assert [s["item_no"] for s in show(capsys, db, "2026-09-01", number)["steps"]] == [2, 7, 16, 10]  # unchanged


def test_a_plan_file_in_toml_names_stages_in_chinese_and_takes_the_lists_names(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    number = registered(capsys, db, tmp_path, "2026-09-01", FACTS)
    for step in (("accept", number), ("agents", number, "乌兰"), ("sign", number)):
        ok(capsys, db, "2026-09-01", *step)
    path = tmp_path / "plan.toml"
    path.write_text(
        "[[steps]]\nitem_no = 2\nexpected_on = 2026-09-10\n\n"
        '[[steps]]\nname = "环境影响评价审批"\ndepartment = "生态环境部门"\n'
        'stage = "用地"\nexpected_on = "2026-10-01"\n',
        encoding="utf-8",
    )
    ok(capsys, db, "2026-09-01", "plan", number, "--file", str(path))
    steps = show(capsys, db, "2026-09-01", number)["steps"]
    assert [(s["name"], s["department"], s["stage"], s["expected_on"], s["item_no"]) for s in steps] == [
        ("企业投资项目备案", "发改部门", "initiation", "2026-09-10", 2),
        ("环境影响评价审批", "生态环境部门", "land", "2026-10-01", 0),
    ]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"steps": [
        {"name": "甲", "department": "乙", "stage": "验收", "expected_on": "2026-13-01"},
        {"item_no": 99, "expected_on": "2026-10-01", "colour": "red"},
        {"name": "丙", "department": "丁", "stage": "land", "expected_on": "2026-08-01"},
    ]}, ensure_ascii=False), encoding="utf-8")  # fmt: skip
    assert refused(capsys, db, "2026-09-01", "plan", number, "--file", str(bad)) == [
        "第 1 步：阶段“验收”应为立项、用地、规划、施工、竣工之一。",
        "第 1 步：预计办结日期“2026-13-01”应为 YYYY-MM-DD 格式的日期。",
        "第 2 步：未知字段“colour”。",
        "第 2 步：参考目录中没有第 99 项。",
        "第 2 步：阶段“”应为立项、用地、规划、施工、竣工之一。",
    ]
    loose = tmp_path / "loose.json"  # a step written as a line of text, not as its fields
    loose.write_text(json.dumps({"steps": [{"item_no": 2, "expected_on": "2026-09-10"}, "环境影响评价审批"]},
                                ensure_ascii=False), encoding="utf-8")  # fmt: skip
    assert refused(capsys, db, "2026-09-01", "plan", number, "--file", str(loose)) == [
        "第 2 步：应为一个对象（字段和值）。"
    ]
    early = tmp_path / "early.json"
    early.write_text(json.dumps([{"name": "丙", "department": "丁", "stage": "land", "expected_on": "2026-08-01"}],
                                ensure_ascii=False), encoding="utf-8")  # fmt: skip
    assert refused(capsys, db, "2026-09-01", "plan", number, "--file", str(early)) == [
        "审批事项的预计办结日期不能早于项目受理日期。"
    ]
    assert len(show(capsys, db, "2026-09-01", number)["steps"]) == 2  # nothing kept


def test_a_bad_application_lists_every_problem_and_keeps_nothing(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    wrong_types = {"name": 7, "investment": "38000", "key_project": "是", "classes": ["key", "tourism"],
                   "requested": [2, "七"], "colour": "red"}  # fmt: skip
    assert refused(capsys, db, "2026-09-01", "register", "--file", facts_file(tmp_path, wrong_types)) == [
        "未知字段“colour”。",
        "字段“name”应为文字。",
        "字段“investment”应为整数。",
        "字段“key_project”应为是或否（true 或 false）。",
        "项目类别“tourism”应为 key、investment、innovation、encouraged 之一。",
        "申请代办的事项“七”应为参考目录的序号（整数）。",
    ]
    empty = {"name": "", "investor": "", "location": "", "county": "", "investment": 0, "requested": [99]}
    assert refused(capsys, db, "2026-09-01", "register", "--file", facts_file(tmp_path, empty)) == [
        "请填写项目名称。",
        "请填写项目单位名称。",
        "请填写项目地址。",
        "请填写服务该项目的旗县市。",
        "投资总额应为大于零的整数，单位为万元，请核对是否误填为元。",
        "项目须属于重点投资建设项目、招商引资重大项目、科技创新类或国家鼓励类之一，才能享受代办帮办服务。",
        "所填事项序号不在“帮您办”代办帮办服务事项参考目录中。",
    ]
    broken = tmp_path / "broken.json"
    broken.write_text("{name: 1", encoding="utf-8")
    (line,) = refused(capsys, db, "2026-09-01", "register", "--file", str(broken))
    assert line.startswith(f"文件 {broken} 不是有效的 JSON 或 TOML：")
    (line,) = refused(capsys, db, "2026-09-01", "register", "--file", str(tmp_path / "missing.json"))
    assert line.startswith(f"无法读取文件 {tmp_path / 'missing.json'}：")
    toml = tmp_path / "facts.toml"
    toml.write_text('name = "甲"\ninvestor = "乙"\nlocation = "丙"\ncounty = "阿尔山市"\ninvestment = 500\n'
                    'classes = ["encouraged"]\nrequested = [1]\n', encoding="utf-8")  # fmt: skip
    assert json.loads(ok(capsys, db, "2026-09-01", "register", "--file", str(toml), "--json")) == {
        "project_no": "XAM01-20260901-P01-0001"
    }
    assert [p["county"] for p in json.loads(ok(capsys, db, "2026-09-01", "list", "--json"))] == ["阿尔山市"]


def test_the_refusals_of_the_actions_are_worded_and_keep_nothing(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    assert refused(capsys, db, "2026-09-01", "accept", "XAM01-20260901-P01-0009") == [
        "没有编号为 XAM01-20260901-P01-0009 的帮您办项目。"
    ]
    assert refused(capsys, db, "2026-09-01", "show", "xam01-20260901-p01-0009") == [
        "没有编号为 XAM01-20260901-P01-0009 的帮您办项目。"
    ]
    number = registered(capsys, db, tmp_path, "2026-09-01", FACTS)
    assert refused(
        capsys,
        db,
        "2026-09-01",
        "coordinate",
        number,
        "--with",
        "盟发改委",
        "--what",
        " ",
        "--outcome",
        "同意",
        "--day",
        "2026-09-02",
    ) == ["项目现在是“申请”，不能办理这一步。"]
    ok(capsys, db, "2026-09-01", "accept", number.lower())
    assert refused(
        capsys,
        db,
        "2026-09-01",
        "coordinate",
        number,
        "--with",
        "盟发改委",
        "--what",
        " ",
        "--outcome",
        "同意",
        "--day",
        "2026-09-02",
        "--step",
        "5",
    ) == [
        "协调记录须写明协调对象、协调事项和协调结果。",
        "日期不能晚于今天。",
        "申报计划中没有这个步骤，请核对步骤序号。",
    ]
    ok(capsys, db, "2026-09-01", "agents", number, "乌兰")
    ok(capsys, db, "2026-09-01", "sign", number)
    ok(capsys, db, "2026-09-01", "plan", number, "--file", plan_file(tmp_path, plan(APPLIED)))
    assert refused(capsys, db, "2026-09-01", "file", number, "1", "--case", "XAM01-20260901-01-0001") == [
        "本数据库中没有所填的办件编号，请核对受理凭证上的编号。"
    ]
    assert refused(capsys, db, "2026-09-01", "file", number, "1", "--day", "2026-09-03") == ["日期不能晚于今天。"]
    shown = show(capsys, db, "2026-09-01", number)
    assert shown["coordinations"] == []
    assert [s["state"] for s in shown["steps"]] == ["planned"] * 4
    assert [h["event"] for h in shown["history"]] == ["applied", "accepted", "agent_assigned", "signed", "planned"]


def test_every_problem_code_has_its_words() -> None:
    from counter.projects.model import ProjectState
    from counter.projects.rules import ProjectProblem
    from counter.words.projects import PROJECT_PROBLEM, PROJECT_STATE, problem_text

    assert set(PROJECT_PROBLEM) == set(ProjectProblem)
    assert set(PROJECT_STATE) == set(ProjectState)
    assert problem_text(ProjectProblem.NOT_NOW, ProjectState.COMPLETED) == "项目现在是“办结”，不能办理这一步。"


def test_the_reference_list_is_printed_whole(capsys: pytest.CaptureFixture[str], db: str) -> None:
    items = json.loads(ok(capsys, db, "2026-09-01", "items", "--json"))
    assert len(items) == 22
    assert items[6] == {"no": 7, "department": "自然资源部门", "name": "建设项目用地预审与选址意见书核发",
                        "kind": "行政许可", "stage": "land"}  # fmt: skip
    lines = ok(capsys, db, "2026-09-01", "items").splitlines()
    assert len(lines) == 23
    assert lines[0].split() == ["序号", "承办部门", "事项名称", "事项类型", "阶段"]
    assert lines[10].split() == ["10", "住建部门", "建筑工程施工许可证核发", "行政许可", "施工"]


def test_a_month_that_is_not_one_is_misuse(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, err = run(capsys, db, "2026-09-01", "report", "--month", "2026-9x")
    assert (code, out) == (2, "")
    assert err == "--month 应为 YYYY-MM 格式的月份，收到：2026-9x\n"


def test_an_account_without_the_agent_service_is_refused_and_nothing_is_kept(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db: str, tmp_path: Path
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Xam-2026-guanli\n"))
    code = main(["user", "add", "batu", "--name", "巴图", "--role", "admin", "--db", db, "--password-stdin"])
    assert code == 0
    capsys.readouterr()
    facts = facts_file(tmp_path, FACTS)
    assert refused(capsys, db, "2026-09-01", "register", "--file", facts) == [
        "本数据库已启用账号，请先登录再“帮您办项目的登记、代办和办结”。本次操作未执行。",
        "命令行请加 --user 登录名（密码取自环境变量 COUNTER_PASSWORD，或按提示输入）。",
    ]
    monkeypatch.setenv("COUNTER_PASSWORD", "Xam-2026-guanli")
    code = main(["--user", "batu", "--db", db, "--today", "2026-09-01", "project", "register", "--file", facts])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert (
        err == "您的账号没有“帮您办项目的登记、代办和办结”的权限，本次操作未执行。如需办理，请找负责人或系统管理员。\n"
    )
    assert json.loads(ok(capsys, db, "2026-09-01", "list", "--json")) == []


def test_a_site_imports_its_own_list_and_a_broken_one_changes_nothing(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    from counter.projects.service_items import shipped_list_path

    own = tmp_path / "own.tsv"
    own.write_text(
        shipped_list_path().read_text(encoding="utf-8") + "23\t林草部门\t使用林地审核同意书核发\t行政许可\t用地\n",
        encoding="utf-8",
    )
    broken = tmp_path / "broken.tsv"
    broken.write_text("1\t发改部门\t企业投资项目核准\t许可\t立项\n1\t发改部门\t企业投资项目备案\t其他行政权力\t动工\n")
    assert len(json.loads(ok(capsys, db, "2026-09-01", "items", "--json"))) == 22
    lines = refused(capsys, db, "2026-09-01", "items", "--import", str(broken))
    assert lines[0] == "“帮您办”代办帮办服务事项参考目录有误，不能使用："
    assert len(lines) == 4  # the kind of line 1; the number repeated and the stage of line 2
    ok(capsys, db, "2026-09-01", "items", "--import", str(own))
    listed = json.loads(ok(capsys, db, "2026-09-01", "items", "--json"))
    assert listed[-1] == {"no": 23, "department": "林草部门", "name": "使用林地审核同意书核发", "kind": "行政许可",
                          "stage": "land"}  # fmt: skip
    assert refused(capsys, db, "2026-09-01", "items", "--import", str(tmp_path / "none.tsv")) == [
        f"目录文件 {tmp_path / 'none.tsv'} 无法读取：找不到这个文件或文件夹。本站点的目录未作改动。"
    ]
    assert len(json.loads(ok(capsys, db, "2026-09-01", "items", "--json"))) == 23
    number = registered(capsys, db, tmp_path, "2026-09-01", FACTS)
    ok(capsys, db, "2026-09-01", "accept", number)
    ok(capsys, db, "2026-09-01", "agents", number, "乌兰")
    ok(capsys, db, "2026-09-01", "sign", number)
    assert refused(capsys, db, "2026-09-01", "plan", number, "--from-list", "2,23") == [
        "该事项不在已签订的授权委托书所列代办事项中，须先与项目单位签订新的授权委托书。"
    ]
    ok(capsys, db, "2026-09-01", "sign", number, "--items", "2,7,16,10,23")  # a new 授权委托书
    ok(capsys, db, "2026-09-01", "plan", number, "--from-list", "2,23")  # the site's own item, from its list
    assert [s["name"] for s in show(capsys, db, "2026-09-01", number)["steps"]] == ["企业投资项目备案",
                                                                                  "使用林地审核同意书核发"]  # fmt: skip


def test_an_application_file_saved_in_gbk_is_refused_in_chinese(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    """Before, Python's own English words on the codec followed the path."""
    path = Path(facts_file(tmp_path, FACTS))
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    assert refused(capsys, db, "2026-09-01", "register", "--file", str(path)) == [
        f"无法读取文件 {path}：文件不是 UTF-8 编码的文字，请用 UTF-8 编码另存"
    ]
    assert json.loads(ok(capsys, db, "2026-09-01", "list", "--json")) == []


def test_a_report_is_written_to_its_file_and_one_to_a_folder_not_there_refused_in_chinese(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    """Before, the system's English words followed the path of a report that could not be written."""
    assert ok(capsys, db, "2026-09-01", "list") == "还没有登记帮您办项目。\n"
    report = tmp_path / "2026-08.txt"
    assert ok(capsys, db, "2026-09-01", "report", "--month", "2026-08", "--out", str(report)) == ""
    lines = report.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("2026-08 帮您办项目月报（截至 ")
    assert lines[1:] == ["本月没有在办或办结、终止的帮您办项目。"]
    nowhere = tmp_path / "usb" / "2026-08.txt"  # a stick not in
    assert refused(capsys, db, "2026-09-01", "report", "--month", "2026-08", "--out", str(nowhere)) == [
        f"无法写入文件 {nowhere}：找不到这个文件或文件夹"
    ]


@pytest.mark.parametrize(
    ("name", "cause"),
    [("folder", "所选的是文件夹，不是文件"), ("gbk.tsv", "文件不是 UTF-8 编码的文字，请用 UTF-8 编码另存")],
)
def test_a_list_file_that_is_a_folder_or_not_utf8_is_said_so_and_the_list_kept(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path, name: str, cause: str
) -> None:
    """Before, a folder named as the list was said to be 不存在、无权限或不是 UTF-8 文本: three guesses, none of them
    right; each cause is now the one it is."""
    from counter.projects.service_items import shipped_list_path

    (tmp_path / "folder").mkdir()
    (tmp_path / "gbk.tsv").write_bytes(shipped_list_path().read_text(encoding="utf-8").encode("gbk"))
    path = tmp_path / name
    assert refused(capsys, db, "2026-09-01", "items", "--import", str(path)) == [
        f"目录文件 {path} 无法读取：{cause}。本站点的目录未作改动。"
    ]
    assert len(json.loads(ok(capsys, db, "2026-09-01", "items", "--json"))) == 22


def test_a_list_file_too_large_or_a_pipe_is_refused_unread_and_the_list_kept(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    """A file far larger than a list (a database chosen by mistake) or a pipe named as the list: refused, named,
    unread; the site's list as it was."""
    huge = tmp_path / "huge.tsv"
    with huge.open("wb") as f:
        f.truncate(LIST_FILE_LIMIT + 1)
    assert refused(capsys, db, "2026-09-01", "items", "--import", str(huge)) == [
        f"文件 {huge} 超过 {LIST_FILE_LIMIT} 字节，远大于这类文件应有的大小，未读取：请检查是否选错了文件。"
    ]
    pipe = tmp_path / "list.fifo"
    os.mkfifo(pipe)  # read, it would wait for a writer for ever
    said = refused(capsys, db, "2026-09-01", "items", "--import", str(pipe))
    assert said == [
        f"目录文件 {pipe} 无法读取：所选的不是存放在磁盘上的普通文件（可能是管道或设备），未读取："
        "请选择保存好的文件。本站点的目录未作改动。"
    ]
    assert len(json.loads(ok(capsys, db, "2026-09-01", "items", "--json"))) == 22
