"""``counter case take``: an intake from a file, on a real SQLite database, through the window's request and action.

Every outcome is taken through the command and must print what ``counter case show`` prints of the case; every kind
of bad input gives its own message and exit status; a file's uid makes one case however often it is sent.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from counter.cli.main import main
from counter.db.sealed import UNREADABLE
from counter.host.keys.data_key import sm4_key_path
from counter.host.machine.desk_config import DeskConfig, save_desk_config
from counter.host.machine.paths import site_key_path
from counter.words.at_command_line import fault_text
from tests.codes import make_credit_code, make_org_code
from tests.conftest import made_database
from tests.db.test_personal_sealing import damaged

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "docs" / "examples"
#: a word of English (or a code) where a clerk or technician should read Chinese
ASCII_WORD = re.compile(r"[A-Za-z]{2,}")
DAY = "2026-11-20"  # a Friday: the promised five working days end on 11-27


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A database, at a desk whose clerk is named (a desk without one takes no intake)."""
    save_desk_config(DeskConfig(clerk="乌兰"))
    return made_database(tmp_path / "take.sqlite3")


def example(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    return loaded


ACCEPT = example("intake-xiaocanguan.json")
CORRECTION = example("intake-xiaocanguan-correction.json")
ITEM_CODES = ("152201-YJS008-01", "152201-YJS008-02", "152201-YJS008-03", "152201-YJS008-04")


def write(tmp_path: Path, content: dict[str, Any] | str, name: str = "request.json") -> str:
    path = tmp_path / name
    text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return str(path)


def take(capsys: pytest.CaptureFixture[str], db: str, request: str, *extra: str) -> tuple[int, str, str]:
    return run(capsys, "--db", db, "--today", DAY, "case", "take", request, *extra)


def shown(capsys: pytest.CaptureFixture[str], db: str, case_no: str, *extra: str) -> str:
    code, out, _ = run(capsys, "--db", db, "--today", DAY, "case", "show", case_no, *extra)
    assert code == 0
    return out


def taken_json(capsys: pytest.CaptureFixture[str], db: str, request: str) -> dict[str, Any]:
    code, out, err = take(capsys, db, request, "--json")
    assert (code, err) == (0, ""), err
    case: dict[str, Any] = json.loads(out)
    assert case == json.loads(shown(capsys, db, case["case_no"], "--json"))
    return case


# --- the four outcomes --------------------------------------------------------------------


def test_the_example_accept_prints_the_case_as_case_show_does(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, err = take(capsys, db, str(EXAMPLES / "intake-xiaocanguan.json"))
    assert (code, err) == (0, "")
    first_line = out.splitlines()[0]
    case_no = first_line.split("：", 1)[1]
    assert out == shown(capsys, db, case_no)
    # the site holds no item: its window received, and says so in the state, the result and the history
    assert "状态：已收件    结果：收件" in out
    assert "窗口收件：收件" in out
    assert "窗口收件：受理" not in out
    assert "承诺办结：2026-11-27" in out
    assert "受理日期" not in out
    assert "M12 营业执照：共享获取，已确认" in out
    # the JSON says what the text says: no 受理 date where the hall only received (each department accepts)
    case = json.loads(shown(capsys, db, case_no, "--json"))
    assert (case["status_text"], case["received_on"], case["accepted_on"]) == ("已收件", DAY, None)


def test_defer(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    request = copy.deepcopy(ACCEPT)
    request["uid"] = "defe" * 8  # 32 hex digits, the shape a uid has
    request["materials"]["M08"] = {"receipt": "missing"}
    request["deferral"] = {"no_bad_credit": True, "pledge_signed": True}
    case = taken_json(capsys, db, write(tmp_path, request))
    assert (case["outcome"], case["status"]) == ("defer", "awaiting_deferred")
    assert case["deferred_open"] == ["M08"]
    (m08,) = [m for m in case["materials"] if m["code"] == "M08"]
    assert m08["receipt"] == "missing"
    assert m08["due_on"] is not None


def test_the_example_correction(capsys: pytest.CaptureFixture[str], db: str) -> None:
    case = taken_json(capsys, db, str(EXAMPLES / "intake-xiaocanguan-correction.json"))
    assert (case["outcome"], case["status"]) == ("correct", "correction_issued")
    assert (case["correction_due"], case["notify_due"]) == ("2026-12-11", "2026-11-27")
    assert case["agent_name"] == "李𬭚"
    assert case["delivery"] == "post"
    (m01,) = [m for m in case["materials"] if m["code"] == "M01"]
    assert (m01["receipt"], m01["defect_note"]) == ("defective", "申请书未签字，经营范围填写不完整")


@pytest.mark.parametrize("received_on", ["2026-11-12", DAY, "11/12/2026"])
def test_a_file_may_not_state_the_day_its_materials_arrived(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path, received_on: str
) -> None:
    """The day of arrival is the day of the intake: a file naming 2026-11-12 made an application with missing
    materials accepted by law (its 补正 "told" after five working days, 行政许可法 第三十二条第一款第四项)."""
    late = copy.deepcopy(CORRECTION)
    late["received_on"] = received_on
    path = write(tmp_path, late)
    assert problems(capsys, db, path) == {"received_on": "收件日期就是受理当天，由受理时记录，请求文件中不能填写"}
    late.pop("received_on")
    case = taken_json(capsys, db, write(tmp_path, late, "without.json"))
    assert (case["outcome"], case["received_on"], case["accepted_on"]) == ("correct", DAY, None)


@pytest.mark.parametrize(("count", "problem"), [(10**100, "不能大于 99"), (2**63, "不能大于 99"), (100, "不能大于 99")])
def test_a_count_beyond_the_forms_is_named(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path, counter_home: Path, count: int, problem: str
) -> None:
    """A count of a hundred digits ended in an unexpected error (the database's integer overflowed)."""
    request = copy.deepcopy(ACCEPT)
    request.pop("uid")
    code = next(iter(request["materials"]))
    request["materials"][code]["originals"] = count
    request["materials"][code]["copies"] = count
    path = write(tmp_path, request)
    assert problems(capsys, db, path) == {f"materials.{code}.originals": problem, f"materials.{code}.copies": problem}
    assert not list(counter_home.rglob("error-*.txt"))
    request["materials"][code]["originals"] = request["materials"][code]["copies"] = 99  # the most the window takes
    taken_json(capsys, db, write(tmp_path, request))


def test_a_lone_surrogate_written_raw_is_no_utf8(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    """Refused by name already before this change: kept as proof."""
    request = copy.deepcopy(ACCEPT)
    request["applicant"]["name"] = "张\ud800"
    path = tmp_path / "surrogate.json"
    path.write_bytes(json.dumps(request, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    code, out, err = take(capsys, db, str(path))
    assert (code, out) == (1, "")
    assert err.strip() == f"请求文件 {path} 不是 UTF-8 编码的文字"


def test_a_resubmission_answers_the_correction(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    corrected = taken_json(capsys, db, str(EXAMPLES / "intake-xiaocanguan-correction.json"))
    again = copy.deepcopy(CORRECTION)
    again["materials"]["M01"] = {"receipt": "received", "originals": 1, "medium": "paper"}
    again["materials"]["M05"] = {"receipt": "received", "originals": 1, "copies": 1, "medium": "paper"}
    again["previous_case_no"] = corrected["case_no"]
    case = taken_json(capsys, db, write(tmp_path, again))
    assert case["outcome"] == "accept"
    assert case["previous_case_no"] == corrected["case_no"]
    assert json.loads(shown(capsys, db, corrected["case_no"], "--json"))["status"] == "resubmitted"


def test_refuse(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    request = copy.deepcopy(ACCEPT)
    request["uid"] = "4ef05e01" * 4
    bodies = {
        "152201-YJS008-01": "呼伦贝尔市海拉尔区市场监督管理局",
        "152201-YJS008-02": "呼伦贝尔市海拉尔区市场监督管理局",
        "152201-YJS008-03": "呼伦贝尔市海拉尔区城市管理综合行政执法局",
        "152201-YJS008-04": "国家税务总局呼伦贝尔市海拉尔区税务局",
    }
    request["refusal"] = {"ground": "not_in_remit", "turn_to": bodies}
    # a window that only receives refuses nothing: it asks whether the applicant goes on, and waits for the answer
    code, out, _ = take(capsys, db, write(tmp_path, request), "--json")
    assert code == 1
    assert "询问是否坚持按本次申请办理" in out
    request["refusal"]["insists"] = False  # told the finding, the applicant withdraws
    case = taken_json(capsys, db, write(tmp_path, request))
    assert (case["outcome"], case["refusal_ground"]) == ("refuse", "not_in_remit")
    assert case["turn_to"] == "\n".join(f"{code}：{body}" for code, body in bodies.items())


def test_an_applicant_who_insists_is_received_and_the_case_keeps_the_finding(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    """Told the finding, the applicant insists: the materials taken as 收件, the case kept as forwarded on
    insistence (its finding beside an outcome that refuses nothing), and ``case show`` says 已收件."""
    request = copy.deepcopy(ACCEPT)
    request["uid"] = "5ef05e01" * 4
    body = "呼伦贝尔市海拉尔区政务服务中心"
    request["refusal"] = {"ground": "not_in_remit", "turn_to": dict.fromkeys(ITEM_CODES, body), "insists": True}
    case = taken_json(capsys, db, write(tmp_path, request))
    assert (case["outcome"], case["refusal_ground"]) == ("accept", "not_in_remit")
    assert case["accepted_on"] is None  # received, never accepted in a department's name
    assert "已收件" in shown(capsys, db, case["case_no"])


def test_a_refusal_outside_the_remit_names_a_body_for_every_item(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    """One text for the whole bundle is not taken: 第二项 tells where each item goes."""
    request = copy.deepcopy(ACCEPT)
    request["refusal"] = {"ground": "not_in_remit", "turn_to": "呼伦贝尔市海拉尔区市场监督管理局"}
    assert main(["case", "take", write(tmp_path, request), "--json", "--db", db]) == 1
    paths = {p["path"] for p in json.loads(capsys.readouterr().out)["problems"]}
    assert "refusal.turn_to" in paths
    request["refusal"] = {"ground": "not_in_remit", "turn_to": {"152201-YJS008-01": "甲局", "9999": "乙局"}}
    assert main(["case", "take", write(tmp_path, request), "--json", "--db", db]) == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert "refusal.turn_to.9999" in {p["path"] for p in problems}


def test_the_same_uid_twice_makes_one_case(capsys: pytest.CaptureFixture[str], db: str) -> None:
    request = str(EXAMPLES / "intake-xiaocanguan.json")
    first = taken_json(capsys, db, request)
    second = taken_json(capsys, db, request)
    assert first["case_no"] == second["case_no"]
    code, out, _ = run(capsys, "--db", db, "--today", DAY, "case", "list", "--json")
    assert code == 0
    assert [row["case_no"] for row in json.loads(out)] == [first["case_no"]]


def test_the_request_may_come_on_stdin(
    capsys: pytest.CaptureFixture[str], db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    raw = (EXAMPLES / "intake-xiaocanguan.json").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    code, out, _ = take(capsys, db, "-", "--json")
    assert code == 0
    assert json.loads(out)["outcome"] == "accept"


# --- bad input: every problem, its message, its exit status -------------------------------


def problems(capsys: pytest.CaptureFixture[str], db: str, request: str) -> dict[str, str]:
    """The problems of a refused request by path (or code, for the intake's own): the JSON and the text agree."""
    code, out, _ = take(capsys, db, request, "--json")
    assert code == 1
    answer = json.loads(out)
    assert answer["ok"] is False
    lines = answer["problems"]
    code, text_out, text_err = take(capsys, db, request)
    assert (code, text_out) == (1, "")
    assert f"请先处理以下 {len(lines)} 个问题" in text_err
    assert all(line["message"] in text_err for line in lines)
    return {line["path"] or line["code"]: line["message"] for line in lines}


def test_every_field_problem_at_once_at_its_path(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    request = copy.deepcopy(ACCEPT)
    request["materials"]["M01"] = {"receipt": "recieved", "orginals": 1}
    request["materials"]["M04"]["originals"] = -1
    request["applicant"]["phone"] = 13904821234
    request["deferral"] = {"no_bad_credit": "yes", "pledge_signed": True}
    request["refusal"] = {"ground": "no_such_ground"}
    request["colour"] = "red"
    found = problems(capsys, db, write(tmp_path, request))
    assert found == {
        "colour": "没有这一项（拼写有误？）",
        "applicant.phone": "应为文字（加英文双引号）",
        "materials.M01.orginals": "没有这一项（拼写有误？）",
        "materials.M01.receipt": (
            "不是可选的值，可选：pending, received, defective, missing, shared_confirmed, corrected_on_spot"
        ),
        "materials.M04.originals": "不能为负数",
        "deferral.no_bad_credit": "应为true 或 false",
        "refusal.ground": "不是可选的值，可选：no_licence_needed, not_in_remit, false_materials",
    }


def test_what_the_guide_lacks_checklist_and_party_problems_together(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    request = copy.deepcopy(ACCEPT)
    request["answers"] = {"operator": "solo", "agent": "self", "signboard": "no", "colour": "red"}
    request["materials"]["M99"] = {"receipt": "missing"}
    request["materials"]["M10"] = {"receipt": "received", "originals": 1, "medium": "paper"}  # no signboard
    request["materials"]["M05"] = {"receipt": "missing", "copies": 2}
    request["materials"]["M07"] = {"receipt": "received", "originals": 1}
    request["applicant"]["id_no"] = "152201198505050118"
    request["applicant"]["name"] = " "
    found = problems(capsys, db, write(tmp_path, request))
    assert found["answers.operator"] == "不是可选的值，可选：individual, company"
    assert found["answers.colour"] == "指南中没有这个情形，现有情形：operator, agent, signboard"
    assert found["materials.M99"] == "指南中没有这个材料"
    assert found["materials.M10"] == "按所答情形不需要这个材料"
    assert found["materials.M05.copies"] == "收件状态为“未提交”的材料不记录此项"
    assert found["situation_unanswered"] == "尚未确认情形：以什么形式经营？"
    assert found["medium_missing"] == "“经营场所平面布局图和食品加工操作流程图”须注明收取的是纸质材料还是电子材料"
    assert found["applicant.id_no"] == "证件号码有误：校验位错误，请逐位核对号码"
    assert found["applicant.name"] == "必须填写"


def test_a_refusal_without_its_ground(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    """A refusal is a legal act: a file may not leave its ground to be picked for it."""
    request = copy.deepcopy(ACCEPT)
    request["uid"] = ""
    request["refusal"] = {"ground": None}
    found = problems(capsys, db, write(tmp_path, request))
    assert found == {"ground_missing": "不予受理须选定法定理由"}


@pytest.mark.parametrize(
    ("content", "where", "message"),
    [
        ('{"bundle": "xcg",}', "not_json", "不是有效的 JSON（第 1 行第 18 列附近）"),
        ("[1, 2]", "wrong_type", "应为JSON 对象 {…}"),
        ('{"bundle": "xcg", "bundle": "008", "applicant": {}}', "bundle", "同一对象中写了两次，只能写一次"),
        ('{"applicant": {"name": "张海军", "id_no": "152201198505050117"}}', "bundle", "缺少此项"),
        ('{"bundle": "xcg"}', "applicant", "缺少此项"),
        ('{"bundle": "  ", "applicant": {}}', "bundle", "不能为空"),
    ],
)
def test_a_file_that_is_no_intake(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path, content: str, where: str, message: str
) -> None:
    """Nothing is looked up for a file that is not an intake: its problems alone, at their paths."""
    assert problems(capsys, db, write(tmp_path, content)) == {where: message}


def test_parts_of_the_file_not_of_their_shape(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    """A part written as a list or a text, or a material without its receipt: each at its path, nothing taken."""
    request = copy.deepcopy(ACCEPT)
    request["answers"] = ["individual"]
    request["subject"] = "小餐馆"
    request["materials"] = {"M01": "received", "M04": {"originals": 1}}
    found = problems(capsys, db, write(tmp_path, request))
    assert found == {
        "answers": "应为JSON 对象 {…}",
        "subject": "应为JSON 对象 {…}",
        "materials.M01": "应为JSON 对象 {…}",
        "materials.M04.receipt": "缺少此项",
    }
    request = copy.deepcopy(ACCEPT)
    request["applicant"] = "张海军"
    request["materials"] = []
    assert problems(capsys, db, write(tmp_path, request)) == {
        "applicant": "应为JSON 对象 {…}",
        "materials": "应为JSON 对象 {…}",
    }


@pytest.mark.parametrize(
    "content",
    ['{"bundle": "xcg", "guide_version": ' + "9" * 5000 + "}", "[" * 100_000 + "]" * 100_000],
    ids=["a number of 5000 digits", "nested 100000 deep"],
)
def test_json_the_reader_cannot_hold_is_no_json(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path, content: str
) -> None:
    """Text the JSON reader gives up on, rather than misreads, is refused like any text that is no JSON."""
    assert problems(capsys, db, write(tmp_path, content)) == {"not_json": "不是有效的 JSON"}


def test_an_unknown_bundle_and_an_unknown_version(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    request = copy.deepcopy(ACCEPT)
    request["bundle"] = "no such bundle at all"
    assert problems(capsys, db, write(tmp_path, request)) == {"bundle": "未找到一件事：no such bundle at all"}
    request = copy.deepcopy(ACCEPT)
    request["guide_version"] = 7
    assert problems(capsys, db, write(tmp_path, request)) == {"guide_version": "没有这一版指南，现有版本：1"}


def test_an_unknown_previous_case(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    request = copy.deepcopy(CORRECTION)
    request["previous_case_no"] = "XAM01-20261120-01-0999"
    code, out, err = take(capsys, db, write(tmp_path, request))
    assert (code, out) == (1, "")
    assert "补正前办件 XAM01-20261120-01-0999 不存在" in err


def test_a_previous_case_of_another_bundle_is_said_in_the_windows_words(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    """The code the action gives, worded as the window words it, at ``previous_case_no``: never the action's English."""
    corrected = taken_json(capsys, db, str(EXAMPLES / "intake-xiaocanguan-correction.json"))
    items = ("152200-YJS033-01", "152201-YJS033-02", "152201-YJS033-03")  # 033 is no 小餐馆
    other = {
        "bundle": "033",
        "applicant": ACCEPT["applicant"],
        "delivery": {"how": "pickup"},
        "refusal": {"ground": "not_in_remit", "turn_to": dict.fromkeys(items, "兴安盟供电公司"), "insists": False},
        "previous_case_no": corrected["case_no"],
    }
    said = "原办件办理的不是同一件事，不能作为本件的补正前办件"
    assert problems(capsys, db, write(tmp_path, other)) == {"previous_case_no": said}
    assert not ASCII_WORD.search(said)
    code, out, _ = take(capsys, db, write(tmp_path, other), "--json")
    assert code == 1
    assert [p["code"] for p in json.loads(out)["problems"]] == ["previous_other_bundle"]


def test_a_missing_file_and_one_not_utf8(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    code, out, err = take(capsys, db, str(tmp_path / "absent.json"))
    assert (code, out) == (1, "")
    assert err.startswith(f"无法读取请求文件 {tmp_path / 'absent.json'}：")
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"bundle": "开饭店"}'.encode("gb18030"))
    code, out, err = take(capsys, db, str(latin))
    assert (code, out) == (1, "")
    assert err.strip() == f"请求文件 {latin} 不是 UTF-8 编码的文字"


@pytest.mark.parametrize("args", [(), ("a.json", "b.json"), ("a.json", "--today", "20.11.2026"), ("--jsn", "a.json")])
def test_misuse_of_arguments_exits_2(capsys: pytest.CaptureFixture[str], db: str, args: tuple[str, ...]) -> None:
    code, out, err = run(capsys, "--db", db, "case", "take", *args)
    assert (code, out) == (2, "")
    assert err.strip()


def test_no_training_day_on_the_live_database(capsys: pytest.CaptureFixture[str], counter_home: Path) -> None:
    """The window refuses ``--today`` on the live database; a script may not date a live case either."""
    from counter.host.database.database_choice import database_url

    live = database_url(None, training=False)
    request = str(EXAMPLES / "intake-xiaocanguan.json")
    code, out, err = run(capsys, "--db", live, "--today", DAY, "case", "take", request)
    assert (code, out) == (1, "")
    assert "不能带 --today 在正式数据库上收件" in err
    code, out, _ = run(capsys, "--db", live, "case", "list", "--json")
    assert json.loads(out) == []


def test_the_window_draft_at_the_same_desk_outlives_a_scripted_intake(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    """The clerk's half-typed form is another intake: a script's commit at the same desk must not end it."""
    from counter.actions.catalog.guides import find_guide
    from counter.actions.intake.drafts import check_drafts, keep_draft
    from counter.actions.site.store import Store
    from counter.cli.common import desk
    from counter.intake.checklist import start_checklist
    from counter.intake.draft import IntakeDraft
    from counter.intake.parties import Agent, Applicant, ApplicantKind

    taken_json(capsys, db, str(EXAMPLES / "intake-xiaocanguan-correction.json"))  # the catalog is in
    store = Store(db)
    try:
        stored = store.read(lambda unit: find_guide(unit, "8"))
        assert stored is not None
        form = IntakeDraft(
            checklist=start_checklist(stored.bundle, guide_version=stored.version_id),
            applicant=Applicant(ApplicantKind.PERSON, "王䶮", "1522"),
            agent=Agent("", "", ""),
            with_agent=False,
            uid="e" * 32,
        )
        here = desk()
        store.write(lambda unit: keep_draft(unit, here, form))
        taken_json(capsys, db, str(EXAMPLES / "intake-xiaocanguan.json"))
        kept = store.read(lambda unit: check_drafts(unit, here))
        assert [d.draft.uid for d in kept.drafts if d.draft is not None] == [form.uid]
    finally:
        store.dispose()


@pytest.mark.parametrize("damage", ["cut short", "a folder"])
def test_a_damaged_data_key_refuses_the_intake_by_name_and_keeps_every_case(
    capsys: pytest.CaptureFixture[str], db: str, damage: str
) -> None:
    """The site's data key damaged after a first intake: the next is refused in words that name the key (exit 1, as
    any refusal), where it was an unexpected error; the case taken before stays, its ID number read as sealed."""
    first = taken_json(capsys, db, str(EXAMPLES / "intake-xiaocanguan.json"))
    damaged(sm4_key_path(site_key_path(), 1), damage)
    code, out, err = take(capsys, db, str(EXAMPLES / "intake-xiaocanguan-correction.json"))
    assert (code, out) == (1, "")
    assert err.strip() == fault_text("data_key")
    code, out, _ = run(capsys, "--db", db, "--today", DAY, "case", "list", "--json")
    assert [row["case_no"] for row in json.loads(out)] == [first["case_no"]]
    assert json.loads(shown(capsys, db, first["case_no"], "--json"))["applicant_id_no"] == UNREADABLE


def test_a_desk_whose_clerk_nobody_named_takes_no_intake_until_one_is(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Before, such a desk printed "窗口工作人员" on the receipt, the history and the ratings."""
    db = made_database(tmp_path / "new-desk.sqlite3")
    code, out, err = take(capsys, db, str(EXAMPLES / "intake-xiaocanguan.json"))
    assert (code, out) == (1, "")
    assert err.startswith("未办理：本窗口还没有设置工作人员姓名")
    assert "counter desk --clerk" in err
    code, out, _ = run(capsys, "--db", db, "--today", DAY, "case", "list", "--json")
    assert json.loads(out) == []
    assert run(capsys, "desk", "--clerk", "其木格")[0] == 0
    number = taken_json(capsys, db, str(EXAMPLES / "intake-xiaocanguan.json"))["case_no"]
    assert '"clerk": "其木格"' in shown(capsys, db, number, "--json")


def test_every_problem_code_has_its_words() -> None:
    from counter.cli.phrases import CASE_TAKE_EXPECTED, CASE_TAKE_FILE_PROBLEM
    from counter.intake.request_file import Expected, FileProblemCode

    assert set(CASE_TAKE_FILE_PROBLEM) == {code.value for code in FileProblemCode}
    assert set(CASE_TAKE_EXPECTED) == {kind.value for kind in Expected}


def test_a_desk_set_to_another_sites_code_takes_no_case_in_its_series(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    """A hall clerk's desk.json set to TWN02: its intakes were numbered TWN02-…, and TWN02's own case with that
    number was then held at the hall as a duplicate."""
    assert run(capsys, "--db", db, "site", "show")[0] == 0  # the database's site: this desk's, XAM01
    assert run(capsys, "desk", "--site", "TWN02")[0] == 0
    code, out, err = take(capsys, db, str(EXAMPLES / "intake-xiaocanguan.json"))
    assert (code, out) == (1, "")
    assert "本窗口设置的站点代码是 TWN02，但本数据库属于站点 XAM01" in err
    code, out, _ = run(capsys, "--db", db, "--today", DAY, "case", "list", "--json")
    assert json.loads(out) == []  # nothing numbered in another site's series
    assert run(capsys, "desk", "--site", "XAM01")[0] == 0
    code, _, err = take(capsys, db, str(EXAMPLES / "intake-xiaocanguan.json"))
    assert (code, err) == (0, "")


def test_the_first_ground_names_the_licences_it_is_found_of(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    """第一项 per item (行政许可法 第三十二条第一款第一项): the file names the licences; the tax office's 涉税事项 is no
    行政许可 and is never refused under it, and a bundle-wide 第一项 names none."""
    request = copy.deepcopy(ACCEPT)
    request["refusal"] = {"ground": "no_licence_needed"}
    found = problems(capsys, db, write(tmp_path, request))
    assert "须逐项选定不需要取得行政许可的事项" in "".join(found.values())
    request["refusal"] = {"ground": "no_licence_needed", "items": ["152201-YJS008-02", "152201-YJS008-04"]}
    found = problems(capsys, db, write(tmp_path, request))
    assert "“新办纳税人涉税事项”不是行政许可事项" in "".join(found.values())
    request["refusal"] = {"ground": "no_licence_needed", "items": ["152201-YJS008-02", "9999"]}
    assert "refusal.items.9999" in problems(capsys, db, write(tmp_path, request))
    request["refusal"] = {"ground": "no_licence_needed", "items": "152201-YJS008-02"}
    assert problems(capsys, db, write(tmp_path, request))["refusal.items"] == '应为实施编码的列表，写作 ["…", "…"]'
    request["refusal"] = {"ground": "no_licence_needed", "items": ["152201-YJS008-02"]}
    # a hall that only receives finds no licence unneeded: the 市场监督管理局 does, on its own 不予受理
    assert "只负责收件，不作决定" in "".join(problems(capsys, db, write(tmp_path, request)).values())
    assert run(capsys, "office", "--administrative-organ", "yes", "--db", db)[0] == 0  # a 行政机关, the 司法局 says
    for code in ("152201-YJS008-01", "152201-YJS008-02", "152201-YJS008-03"):  # a 行政审批局: the site's own power
        assert run(capsys, "site", "authority", "--hold", code, "--db", db)[0] == 0
    # still refused: the tax office's item stays received (a vertical body's), and a refusal would close it too
    still = "".join(problems(capsys, db, write(tmp_path, request)).values())
    assert "国家税务总局乌兰浩特市税务局" in still


# --- a name the papers cannot draw whole -------------------------------------------------------------


def test_a_name_beyond_the_fonts_is_taken_whole_and_flagged(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    """A name may hold a character no shipped font draws (U+323B0, of CJK Extension J, newer than every one):
    the case is taken with the name whole, and the command says which character prints as □, as the window does."""
    request = copy.deepcopy(ACCEPT)
    request["applicant"]["name"] = "王\U000323b0"
    request["applicant"].pop("legal_rep", None)
    code, out, err = take(capsys, db, write(tmp_path, request), "--json")
    assert code == 0, err
    case = json.loads(out)
    assert case["applicant_name"] == "王\U000323b0"
    flag = "注意：applicant.name中的“\U000323b0”（U+323B0）本机字体无法显示，打印件上将以□代替，请在纸面手写补正"
    assert err.strip() == flag


def test_an_agents_id_a_units_credit_code_and_a_notice_phone_are_named_at_their_paths(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    request = copy.deepcopy(ACCEPT)
    request["answers"]["agent"] = "agent"
    request["agent"] = {"name": "孟根", "id_no": "152201198505050118", "authorisation": "委托书"}
    request["delivery"] = {
        "how": "post",
        "address": "兴安盟乌兰浩特市兴安北大路1号",
        "notify_phone": "１３８４７８２１１８８",
    }
    found = problems(capsys, db, write(tmp_path, request))
    assert found["agent.id_no"] == "证件号码有误：校验位错误，请逐位核对号码"
    assert found["delivery.notify_phone"] == "电话号码应为7-13位数字"  # full-width digits: no gateway dials them
    assert "applicant.phone" not in found  # the applicant's own phone is sound: the notice phone is named
    request = copy.deepcopy(ACCEPT)
    request["applicant"] = {**request["applicant"], "kind": "company", "name": "乌兰浩特市草原餐饮有限公司",
                            "id_no": "91152201MA0Q0E5X3A", "legal_rep": "张海军"}  # fmt: skip
    found = problems(capsys, db, write(tmp_path, request, "unit.json"))
    assert found["applicant.id_no"] == "证件号码有误：第9至17位组织机构代码“MA0Q0E5X3”的校验位错误"


def test_a_request_file_too_large_to_be_one_is_not_read(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    from counter.util.bounded_read import INTAKE_REQUEST_LIMIT

    big = tmp_path / "big.json"
    big.write_bytes(b" " * (INTAKE_REQUEST_LIMIT + 1))
    code, out, err = take(capsys, db, str(big))
    assert (code, out) == (1, "")
    assert str(big) in err


def test_a_companys_case_is_shown_with_its_legal_representative(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    request = copy.deepcopy(ACCEPT)
    request["uid"] = "7d1e0c5a2b3f4e6d8c9a0b1c2d3e4f50"
    code_no = make_credit_code("91152201" + make_org_code("MA0Q1234"))
    request["applicant"] = {**request["applicant"], "kind": "company", "name": "乌兰浩特市草原餐饮有限公司",
                            "id_no": code_no, "legal_rep": "张海军"}  # fmt: skip
    case = taken_json(capsys, db, write(tmp_path, request))
    page = shown(capsys, db, case["case_no"])
    assert "乌兰浩特市草原餐饮有限公司" in page
    assert "法定代表人：张海军" in page.splitlines()
