"""Decisions item by item through the command line, on a real SQLite database.

A 容缺 on 小餐馆 lapses: ``counter case lapse`` refuses before the day after the due date, in Chinese; after
it, only 食品经营许可 is denied, and ``counter print --doc denial --item`` issues that item's 不予批准决定书 in the
市场监督管理局's name.  The other items are then decided with ``counter case decide``.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
from pathlib import Path

import pytest

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.intake.take import take_intake
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.intake_request import IntakeRequest
from counter.case.numbers import DeskIdentity
from counter.db.catalog_store import current_guide
from counter.db.engine import make_engine, make_sessions
from counter.intake.checklist import Receipt, record
from counter.intake.outcome import DeferralRequest
from counter.intake.parties import Applicant, ApplicantKind, Parties
from counter.parties.identifiers import make_id_number
from tests.conftest import made_database
from tests.entrusted import ACTS_OPTION, ENTERED, ENTERED_OPTIONS, ENTRUSTMENT, by_command
from tests.test_cli import run
from tests.test_cli_items import accepted_case

TODAY = dt.date(2026, 11, 20)
FOOD = "152201-YJS008-02"


def deferred_case(db: str) -> tuple[str, dt.date]:
    """A 容缺受理 of 小餐馆 with 食品安全管理制度文本 (M08) to come, taken as the window takes it."""
    engine = make_engine(db)
    sessions = make_sessions(engine)
    with sessions.begin() as s:
        stored = current_guide(s, "XAM-YJS-008")
        assert stored is not None
        checklist = record(complete_checklist(stored.bundle, fresh_checklist(stored)), "M08", Receipt.MISSING)
        parties = Parties(
            Applicant(
                ApplicantKind.PERSON,
                "孟根",
                make_id_number("152201", dt.date(1980, 1, 1), 59),
                "15647821234",
                "乌兰浩特市",
            )
        )
        request = IntakeRequest(checklist, parties, deferral=DeferralRequest(True, True))
        taken = take_intake(s, Desk(DeskIdentity("XAM01", "8"), "乌兰"), request, TODAY, office_calendar(s))
    engine.dispose()
    assert taken.decision.deferred
    return taken.case_no, taken.decision.deferred[0].due


@pytest.mark.slow
def test_a_lapse_from_the_command_line_leaves_the_food_licence_to_its_department_and_not_before_its_day(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    assert run(capsys, "catalog", "list", "--db", db)[0] == 0  # the bundled catalog, imported at first use
    number, due = deferred_case(db)

    code, _, err = run(capsys, "case", "lapse", number, "--db", db, "--today", due.isoformat())
    assert code == 1
    assert "补交期限尚未届满" in err
    assert (due + dt.timedelta(days=1)).isoformat() in err
    code, _, err = run(capsys, "print", number, "--doc", "denial", "--item", FOOD, "--out", str(tmp_path / "x.pdf"),
                       "--db", db)  # fmt: skip
    assert code == 1  # nothing denied yet
    assert err.startswith(f"办件 {number} 事项 {FOOD} 不能出具这种文书：")  # the item asked for, named

    lapse_day = (due + dt.timedelta(days=1)).isoformat()
    code, out, _ = run(capsys, "case", "lapse", number, "--db", db, "--today", lapse_day)
    assert code == 0  # the window records the fact, the materials and the day: a clerk's, the single desk's too
    assert f"不予批准的事项 无；由实施部门作出决定的事项 {FOOD}；" in out  # 市监局's licence: its own to deny
    assert "152201-YJS008-01" not in out
    assert "审批中" in out
    code, _, err = run(capsys, "print", number, "--doc", "denial", "--item", f" {FOOD} ", "--out",
                       str(tmp_path / "y.pdf"), "--db", db, "--today", lapse_day)  # fmt: skip
    assert code == 1  # the window denied nothing in the department's name
    assert err.startswith(f"办件 {number} 事项 {FOOD} 不能出具这种文书：")

    # 市监局 denies its licence by its own decision, at its own desk: signed for, then 不予批准, in its own name
    password = "Xam-2026-shenpi"
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    assert run(capsys, "user", "add", "batu", "--name", "巴图", "--role", "admin", "--role", "clerk", "--role",
               "supervisor", "--db", db, "--password-stdin")[0] == 0  # fmt: skip
    monkeypatch.setenv("COUNTER_PASSWORD", password)
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    assert run(capsys, "--user", "batu", "user", "add", "shenpi", "--name", "审批员", "--role", "department",
               "--department", "乌兰浩特市市场监督管理局", "--db", db, "--password-stdin")[0] == 0  # fmt: skip
    assert run(capsys, "--user", "batu", "item", "route", number, "--db", db)[0] == 0
    assert run(capsys, "--user", "shenpi", "item", "sign", number, FOOD, "--db", db)[0] == 0
    assert run(capsys, "--user", "shenpi", "item", "deny", number, FOOD, "--reason", "容缺材料逾期未补齐",
               "--db", db)[0] == 0  # fmt: skip
    user = ("--user", "batu")

    pdf = tmp_path / "denial.pdf"
    code, out, _ = run(capsys, *user, "print", number, "--doc", "denial", "--item", FOOD, "--out", str(pdf),
                       "--db", db, "--today", lapse_day)  # fmt: skip
    assert code == 0
    doc_no = out.split("\t")[0]
    assert doc_no.startswith("XAM01-26-P")
    assert len(doc_no) <= 30
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    squeezed = "".join(text.split())
    assert "乌兰浩特市市场监督管理局审批业务专用章" in squeezed  # the department's seal place, not the hall's
    assert "或部门公章" in squeezed
    assert "政务服务专用章" not in squeezed
    assert "食品安全管理制度文本" in squeezed
    assert f"{due.year}年{due.month}月{due.day}日前" in squeezed
    assert "乌兰浩特市人民政府申请行政复议" in squeezed  # the county department's 复议 body

    code, _, err = run(capsys, *user, "case", "decide", number, "--item", "152201-YJS008-01", "--approve", "--db", db)
    assert code == 1
    assert "由乌兰浩特市市场监督管理局作出决定" in err  # the window decides no department's item
    items = ("152201-YJS008-01", FOOD, "152201-YJS008-03", "152201-YJS008-04")
    assert (
        run(
            capsys,
            *user,
            "site",
            "authority",
            ACTS_OPTION,
            *(f"--entrust={i}={ENTRUSTMENT}" for i in by_command(items, db)),
            "--db",
            db,
        )[0]
        == 0
    )
    code, _, err = run(capsys, *user, "case", "decide", number, "--item", FOOD, "--approve", "--db", db)
    assert code == 1
    assert "已作出决定" in err
    code, _, err = run(capsys, *user, "case", "decide", number, "--item", "152201-YJS008-01", "--deny", "--db", db)
    assert code == 1
    assert "须写明理由" in err
    code, _, err = run(capsys, *user, "case", "decide", number, "--item", "152201-YJS008-04", "--deny",
                       "--reason", "虚假", "--false-materials", "--db", db)  # fmt: skip
    assert code == 1
    assert "不是行政许可，不能依照行政许可法第七十八条" in err  # the tax item: 第七十八条 is no ground of it
    decided = (dt.date.fromisoformat(lapse_day) + dt.timedelta(days=1)).isoformat()  # a day after the lapse's
    code, _, err = run(capsys, *user, "case", "decide", number, "--item", "152201-YJS008-01", "--approve",
                       "--valid-until", lapse_day, "--db", db, "--today", decided)  # fmt: skip
    assert code == 1
    assert "早于准予决定的日期" in err  # the licence's 有效期限 ends before the grant
    code, _, err = run(capsys, *user, "case", "decide", number, "--item", "152201-YJS008-01", "--approve",
                       "--valid-until", "2031/05/01", "--db", db, "--today", decided)  # fmt: skip
    assert (code, err.strip()) == (2, "--valid-until 应为 YYYY-MM-DD 格式的日期或“长期有效”，收到：2031/05/01")
    valid = {"152201-YJS008-01": ["--valid-until", "2031-05-01"], "152201-YJS008-03": ["--valid-until", "长期有效"]}
    for item in ("152201-YJS008-01", "152201-YJS008-03", "152201-YJS008-04"):
        code, out, _ = run(capsys, *user, "case", "decide", number, "--item", item, "--approve", "--result-no", "A1",
                           *valid.get(item, []), *ENTERED_OPTIONS, "--db", db, "--today", decided)  # fmt: skip
        assert code == 0
    assert "已办结" in out
    code, out, _ = run(capsys, *user, "case", "show", number, "--json", "--db", db)
    shown = json.loads(out)
    assert shown["status"] == "ready"
    events = [h["event"] for h in shown["history"]]
    assert events[1] == "deferral_lapsed"
    granted = [h["note"] for h in shown["history"] if h["event"] == "item_approved"]
    mark = ENTERED.mark()  # entered for the departments: their 文号 and officer kept at the head of the stored note
    assert granted == [f"152201-YJS008-01：{mark}A1〔有效期至2031-05-01〕", f"152201-YJS008-03：{mark}A1〔长期有效〕",
                       f"152201-YJS008-04：{mark}A1"]  # fmt: skip
    denied = next(h for h in shown["history"] if h["event"] == "item_denied")
    assert denied["clerk"] == "审批员"  # the department's own decision, not the window's
    # the intake on its own day, the lapse and the window's decisions on the --today given
    code, out, _ = run(capsys, *user, "case", "show", number, "--db", db)
    steps = [line.strip() for line in out.split("经办记录：")[1].splitlines() if line.strip()]
    assert [line[:10] for line in steps][:2] == [TODAY.isoformat(), lapse_day]
    assert [line[:10] for line in steps][-4:] == [decided] * 4


@pytest.mark.slow
def test_demo_records_the_lapse_after_its_due_date_and_denies_no_departments_item(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The training run on a desk without accounts: the lapse is recorded on the day after the due date, and 食品经营
    许可 is left to 市监局 — no 不予批准决定书 in its name from the window (it printed one before)."""
    db = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    code, _, _ = run(capsys, "demo", "--out", str(tmp_path / "demo"), "--today", "2026-11-20", "--db", db)
    assert code == 0
    assert sorted((tmp_path / "demo").glob("*-denial.pdf")) == []
    cases = json.loads((tmp_path / "demo" / "cases.json").read_text("utf-8"))
    lapsed = next(c for c in cases if any(h["event"] == "deferral_lapsed" for h in c["history"]))
    due = max(dt.date.fromisoformat(m["due_on"]) for m in lapsed["materials"] if m["due_on"])
    (line,) = [h for h in lapsed["history"] if h["event"] == "deferral_lapsed"]
    assert line["at"][:10] == (due + dt.timedelta(days=1)).isoformat()  # dated after the due date
    assert not [h for h in lapsed["history"] if h["event"] == "item_denied"]
    assert lapsed["status"] == "in_approval"  # the other three items go on


def test_a_case_denied_in_every_item_reads_its_reasons_in_case_show(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Every item of a 小餐馆 denied at a window its departments entrusted: ``counter case show`` gives the case's
    不予批准理由, each item's reason in the order decided, as its JSON does."""
    db = made_database(tmp_path / "cli.sqlite3")
    assert run(capsys, "catalog", "list", "--db", db)[0] == 0
    number = accepted_case(db)
    password = "Xam-2026-fuzeren"
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    assert run(capsys, "user", "add", "batu", "--name", "巴图", "--role", "admin", "--role", "supervisor",
               "--db", db, "--password-stdin")[0] == 0  # fmt: skip
    monkeypatch.setenv("COUNTER_PASSWORD", password)
    user = ("--user", "batu")
    items = ("152201-YJS008-01", FOOD, "152201-YJS008-03", "152201-YJS008-04")
    entrust = (f"--entrust={i}={ENTRUSTMENT}" for i in by_command(items, db))
    assert run(capsys, *user, "site", "authority", ACTS_OPTION, *entrust, "--db", db)[0] == 0
    for item in items:
        code, _, err = run(capsys, *user, "case", "decide", number, "--item", item, "--deny", "--reason",
                           f"经审查不符合条件（{item[-2:]}）", *ENTERED_OPTIONS, "--db", db)  # fmt: skip
        assert code == 0, err
    code, out, _ = run(capsys, *user, "case", "show", number, "--json", "--db", db)
    reason = json.loads(out)["denial_reason"]
    assert reason.startswith("经审查不符合条件（01）；")
    code, out, _ = run(capsys, *user, "case", "show", number, "--db", db)
    assert code == 0
    assert f"不予批准理由：{reason}" in out.splitlines()
