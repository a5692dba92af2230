"""Items through their departments from the command line: routed, signed for, paused, extended, decided.

On a real SQLite database, with the case taken as the window takes it; every refusal a sentence in Chinese.
"""

from __future__ import annotations

import datetime as dt
import json
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
from counter.intake.parties import Applicant, ApplicantKind, Parties
from counter.parties.identifiers import make_id_number
from tests.conftest import made_database
from tests.entrusted import ACTS_OPTION, ENTERED_OPTIONS, ENTRUSTMENT, by_command
from tests.test_cli import run

ITEMS = ("152201-YJS008-01", "152201-YJS008-02", "152201-YJS008-03", "152201-YJS008-04")
FOOD = ITEMS[1]


def accepted_case(db: str, day: dt.date | None = None) -> str:
    """A complete 小餐馆 accepted today (or on the training ``day``), taken as the window takes it."""
    engine = make_engine(db)
    sessions = make_sessions(engine)
    with sessions.begin() as s:
        stored = current_guide(s, "XAM-YJS-008")
        assert stored is not None
        applicant = Applicant(ApplicantKind.PERSON, "孟根", make_id_number("152201", dt.date(1980, 1, 1), 59),
                              "15647821234", "乌兰浩特市")  # fmt: skip
        request = IntakeRequest(complete_checklist(stored.bundle, fresh_checklist(stored)), Parties(applicant))
        desk = Desk(DeskIdentity("XAM01", "8"), "乌兰")
        taken = take_intake(s, desk, request, day or dt.date.today(), office_calendar(s))
    engine.dispose()
    return taken.case_no


@pytest.mark.slow
def test_a_case_goes_through_its_departments_from_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    assert run(capsys, "catalog", "list", "--db", db)[0] == 0  # the bundled catalog, imported at first use
    number = accepted_case(db)
    code, _, err = run(capsys, "item", "sign", number, FOOD, "--db", db)  # the window decides no department's item
    assert code == 1
    assert "不能准予或不予批准" in err
    entrusted = [f"--entrust={item}={ENTRUSTMENT}" for item in by_command(ITEMS, db)]  # the departments' written 授权
    assert run(capsys, "site", "authority", ACTS_OPTION, *entrusted, "--db", db)[0] == 0

    code, _, err = run(capsys, "item", "sign", number, FOOD, "--db", db)
    assert code == 1
    assert "未分发" in err  # not routed yet: nothing to sign for
    code, out, _ = run(capsys, "item", "route", number, "--db", db)
    assert code == 0
    assert all(item in out for item in by_command(ITEMS, db))
    code, out, _ = run(capsys, "item", "route", number, "--db", db)
    assert "无需再分发" in out

    for item in ITEMS:
        assert run(capsys, "item", "sign", number, item, "--db", db)[0] == 0
    code, out, _ = run(capsys, "item", "pause", number, FOOD, "--why", "inspection", "--note", "现场核查", "--db", db)
    assert code == 0
    assert "暂停计时" in out
    code, out, _ = run(capsys, "item", "list", number, "--json", "--db", db)
    listed = {i["code"]: i for i in json.loads(out)}
    assert listed[FOOD]["state"] == "paused"
    assert listed[FOOD]["legal_due"] is None
    assert listed[FOOD]["department"] == "乌兰浩特市市场监督管理局"
    code, out, _ = run(capsys, "item", "list", number, "--db", db)  # the line says since when the clock stands
    (paused,) = [line for line in out.splitlines() if line.startswith(FOOD)]
    assert f"  暂停计时（自 {listed[FOOD]['paused_since']} 起）  承诺 —  法定 —" in paused
    assert run(capsys, "item", "resume", number, FOOD, "--db", db)[0] == 0

    code, _, err = run(capsys, "item", "extend", number, ITEMS[2], "--days", "11", "--approved-by", "王立新",
                       "--reason", "需现场勘验", "--db", db)  # fmt: skip
    assert code == 1
    assert "1至10个工作日" in err
    code, _, _ = run(capsys, "item", "extend", number, ITEMS[2], "--days", "10", "--approved-by", "王立新",
                     "--reason", "需现场勘验", "--db", db)  # fmt: skip
    assert code == 0
    code, _, err = run(capsys, "item", "extend", number, ITEMS[2], "--days", "1", "--approved-by", "王立新",
                       "--reason", "再次", "--db", db)  # fmt: skip
    assert code == 1
    assert "不能再次延期" in err

    for item in ITEMS[:-1]:
        assert (
            run(capsys, "item", "approve", number, item, "--result-no", f"XK{item[-2:]}", *ENTERED_OPTIONS, "--db", db)[
                0
            ]
            == 0
        )
    code, out, _ = run(
        capsys, "item", "deny", number, ITEMS[-1], "--reason", "涉税事项另行办理", *ENTERED_OPTIONS, "--db", db
    )
    assert code == 0
    assert "不予批准" in out
    code, out, _ = run(capsys, "item", "list", number, "--db", db)
    assert out.count("准予") == 3
    assert out.count("不予批准") == 1
    code, out, _ = run(capsys, "case", "show", number, "--db", db)
    assert "已办结" in out  # the case closed with its last item
    assert "部门签收：市场主体设立登记" in out  # the steps in its history, in words, the items named as the page does
    assert "暂停计时：食品经营许可（检验、检测、检疫：现场核查）" in out
    assert "延长办理期限：户外招牌设置审批：延长10个工作日，经王立新批准；理由：需现场勘验" in out
    assert "事项不予批准：新办纳税人涉税事项：涉税事项另行办理" in out
    assert "152201-YJS008" not in out.split("经办记录：")[1]  # no item by its code


def test_signed_in_accounts_route_and_step_as_themselves(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """``--user`` signs in before the desk is read: the step is the account's, checked against its department."""
    import io

    db = made_database(tmp_path / "cli.sqlite3")
    assert run(capsys, "catalog", "list", "--db", db)[0] == 0
    number = accepted_case(db)
    password = "Xam-2026-shenpi"
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    assert run(capsys, "user", "add", "batu", "--name", "巴图", "--role", "admin", "--role", "clerk", "--db", db,
               "--password-stdin")[0] == 0  # fmt: skip
    monkeypatch.setenv("COUNTER_PASSWORD", password)
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    assert run(capsys, "--user", "batu", "user", "add", "shenpi", "--name", "审批员", "--role", "department",
               "--department", "乌兰浩特市市场监督管理局", "--db", db, "--password-stdin")[0] == 0  # fmt: skip
    code, out, err = run(capsys, "--user", "batu", "item", "route", number, "--db", db)
    assert (code, err) == (0, "")
    assert FOOD in out
    code, out, err = run(capsys, "--user", "shenpi", "item", "sign", number, FOOD, "--db", db)
    assert (code, err) == (0, "")
    code, _, err = run(capsys, "--user", "shenpi", "item", "sign", number, ITEMS[3], "--db", db)
    assert code == 1
    assert "国家税务总局乌兰浩特市税务局" in err  # another department's item: refused, the deciding one named


def test_the_departments_signing_writes_its_acceptance_and_its_desk_reprints_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Where the hall only received the item, ``item sign --out`` saves the department's 受理通知书, made by the 签收
    at the department's own desk (its staff hold no right to print the window's papers); ``item paper`` gives the
    same bytes again."""
    import io

    from tests.documents.pdf_tools import pdf_text

    db = made_database(tmp_path / "cli.sqlite3")
    assert run(capsys, "catalog", "list", "--db", db)[0] == 0
    number = accepted_case(db)
    password = "Xam-2026-shenpi"
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    assert run(capsys, "user", "add", "batu", "--name", "巴图", "--role", "admin", "--role", "clerk", "--db", db,
               "--password-stdin")[0] == 0  # fmt: skip
    monkeypatch.setenv("COUNTER_PASSWORD", password)
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    assert run(capsys, "--user", "batu", "user", "add", "shenpi", "--name", "审批员", "--role", "department",
               "--department", "乌兰浩特市市场监督管理局", "--db", db, "--password-stdin")[0] == 0  # fmt: skip
    assert run(capsys, "--user", "batu", "item", "route", number, "--db", db)[0] == 0
    first, again = tmp_path / "sl.pdf", tmp_path / "sl-again.pdf"
    code, out, err = run(capsys, "--user", "shenpi", "item", "sign", number, FOOD, "--out", str(first), "--db", db)
    assert (code, err) == (0, "")
    assert str(first) in out
    text = pdf_text(first)
    assert "乌兰浩特市市场监督管理局" in text
    assert "受理通知书" in text
    assert f"本机关于{dt.date.today().year}年" in text
    code, _, err = run(capsys, "--user", "shenpi", "item", "paper", number, FOOD, "--doc", "acceptance",
                       "--out", str(again), "--db", db)  # fmt: skip
    assert (code, err) == (0, "")
    assert again.read_bytes() == first.read_bytes()


def test_the_departments_refusal_writes_its_notice_at_its_own_desk(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Where the hall only received the item, ``item refuse --reason … --out`` records the department's 不予受理 and
    saves its 不予受理通知书, in its name; a 不予受理 with no reason is refused by the parser."""
    import io

    from tests.documents.pdf_tools import pdf_text

    db = made_database(tmp_path / "cli.sqlite3")
    assert run(capsys, "catalog", "list", "--db", db)[0] == 0
    number = accepted_case(db)
    password = "Xam-2026-shenpi"
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    assert run(capsys, "user", "add", "batu", "--name", "巴图", "--role", "admin", "--role", "clerk", "--db", db,
               "--password-stdin")[0] == 0  # fmt: skip
    monkeypatch.setenv("COUNTER_PASSWORD", password)
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    assert run(capsys, "--user", "batu", "user", "add", "shenpi", "--name", "审批员", "--role", "department",
               "--department", "乌兰浩特市市场监督管理局", "--db", db, "--password-stdin")[0] == 0  # fmt: skip
    assert run(capsys, "--user", "batu", "item", "route", number, "--db", db)[0] == 0
    paper, again = tmp_path / "bslt.pdf", tmp_path / "bslt-again.pdf"
    why = "经营场所位于本市行政区域以外，不属于本机关管辖。"
    code, out, err = run(capsys, "--user", "shenpi", "item", "refuse", number, FOOD, "--reason", why,
                         "--out", str(paper), "--db", db)  # fmt: skip
    assert (code, err) == (0, "")
    assert "部门不予受理" in out
    text = pdf_text(paper)
    assert "不予受理通知书" in text
    assert "乌兰浩特市市场监督管理局审批业务专用章或部门公章" in text
    assert why in text
    code, _, err = run(capsys, "--user", "shenpi", "item", "paper", number, FOOD, "--doc", "item_refusal",
                       "--out", str(again), "--db", db)  # fmt: skip
    assert (code, err) == (0, "")
    assert again.read_bytes() == paper.read_bytes()


def test_a_departments_staff_list_only_the_cases_with_an_item_of_theirs_open(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The 市场监督管理局's 审批员 lists the hall's cases: the one routed to it, not the one still at the window, whose
    applicant is none of theirs; the window's account lists both."""
    import io

    db = made_database(tmp_path / "cli.sqlite3")
    assert run(capsys, "catalog", "list", "--db", db)[0] == 0
    routed, waiting = accepted_case(db), accepted_case(db)
    password = "Xam-2026-shenpi"
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    assert run(capsys, "user", "add", "batu", "--name", "巴图", "--role", "admin", "--role", "clerk", "--db", db,
               "--password-stdin")[0] == 0  # fmt: skip
    monkeypatch.setenv("COUNTER_PASSWORD", password)
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    assert run(capsys, "--user", "batu", "user", "add", "shenpi", "--name", "审批员", "--role", "department",
               "--department", "乌兰浩特市市场监督管理局", "--db", db, "--password-stdin")[0] == 0  # fmt: skip
    assert run(capsys, "--user", "batu", "item", "route", routed, "--db", db)[0] == 0

    def listed(login: str) -> list[str]:
        code, out, err = run(capsys, "--user", login, "case", "list", "--json", "--db", db)
        assert (code, err) == (0, "")
        return sorted(row["case_no"] for row in json.loads(out))

    assert listed("shenpi") == [routed]
    assert listed("batu") == sorted([routed, waiting])
