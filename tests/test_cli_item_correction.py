"""许可法 第三十二条 in its order, from the command line on training days: 008 received only, its 食品经营许可 told
its 补正 by 市监局 before any 受理, then accepted the day the 补正 is complete; no 补正 after a 受理.

The hall received the case on Friday 20 November 2026; 市监局 tells its 补正 on Tuesday the 24th (within its five
working days), and the applicant completes it on Friday the 27th, the day 市监局 accepts.  Each step is driven with
``--today``, as a training run is; every refusal a sentence in Chinese.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from tests.conftest import made_database
from tests.documents.pdf_tools import pdf_text
from tests.test_cli import run
from tests.test_cli_items import FOOD, ITEMS, accepted_case

RECEIVED = dt.date(2026, 11, 20)
MARKET = "乌兰浩特市市场监督管理局"
WHAT = "食品安全管理制度文本缺少进货查验记录制度，请补充后提交。"


def _department(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db: str) -> None:
    """An administrator-clerk ``batu`` and 市监局's 审批员 ``shenpi``, signed in by ``COUNTER_PASSWORD``."""
    password = "Xam-2026-shenpi"
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    assert run(capsys, "user", "add", "batu", "--name", "巴图", "--role", "admin", "--role", "clerk", "--db", db,
               "--password-stdin")[0] == 0  # fmt: skip
    monkeypatch.setenv("COUNTER_PASSWORD", password)
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    assert run(capsys, "--user", "batu", "user", "add", "shenpi", "--name", "审批员", "--role", "department",
               "--department", MARKET, "--db", db, "--password-stdin")[0] == 0  # fmt: skip


def _on(day: dt.date, *args: str) -> tuple[str, ...]:
    return ("--today", day.isoformat(), *args)


def _listed(capsys: pytest.CaptureFixture[str], db: str, number: str, day: dt.date) -> dict[str, dict[str, object]]:
    code, out, err = run(capsys, *_on(day, "--user", "shenpi", "item", "list", number, "--json", "--db", db))
    assert (code, err) == (0, "")
    return {row["code"]: row for row in json.loads(out)}


@pytest.mark.slow
def test_the_department_tells_its_correction_before_any_acceptance_and_accepts_the_day_it_is_complete(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    db = made_database(tmp_path / "training.sqlite3")
    assert run(capsys, "catalog", "list", "--db", db)[0] == 0
    number = accepted_case(db, RECEIVED)
    _department(capsys, monkeypatch, db)
    assert run(capsys, *_on(RECEIVED, "--user", "batu", "item", "route", number, "--db", db))[0] == 0
    shenpi = ("--user", "shenpi")

    # after the 受理 no 补正 is offered: not as a pause (the parser has no such reason), nor as a step
    signed_first = ITEMS[0]  # 市监局's 设立登记, accepted as it came
    assert run(capsys, *_on(dt.date(2026, 11, 23), *shenpi, "item", "sign", number, signed_first, "--db", db))[0] == 0
    code, _, err = run(capsys, *_on(dt.date(2026, 11, 23), *shenpi, "item", "pause", number, signed_first,
                                    "--why", "correction", "--db", db))  # fmt: skip
    assert code == 2
    assert "correction" in err  # argparse: not among the choices
    code, _, err = run(capsys, *_on(dt.date(2026, 11, 23), *shenpi, "item", "correct", number, signed_first,
                                    "--what", WHAT, "--db", db))  # fmt: skip
    assert code == 1
    assert "已受理，不能再要求补正" in err
    assert "第四十五条" in err

    # the 补正, instead of a 受理, with its paper in 市监局's name
    asked_on = dt.date(2026, 11, 24)
    supplement = tmp_path / "bz.pdf"
    code, out, err = run(capsys, *_on(asked_on, *shenpi, "item", "correct", number, FOOD, "--what", WHAT,
                                      "--out", str(supplement), "--db", db))  # fmt: skip
    assert (code, err) == (0, "")
    assert "部门已告知补正，待申请人补正" in out
    text = pdf_text(supplement)
    assert "补正材料通知书" in text
    assert f"{MARKET}审批业务专用章或部门公章" in text
    assert WHAT in text
    assert "告知日期2026年11月24日" in text
    assert "本机关于补正齐全之日予以受理" in text
    assert "继续计算" not in text  # no limit has started: it starts at the 受理
    assert "视为放弃" not in text
    listed = _listed(capsys, db, number, asked_on)
    assert listed[FOOD]["state"] == "correcting"
    assert (listed[FOOD]["legal_due"], listed[FOOD]["promised_due"]) == (None, None)  # no limit runs yet
    code, out, _ = run(capsys, *_on(asked_on, *shenpi, "item", "queue", "--department", MARKET, "--db", db))
    assert code == 0
    assert "部门已告知补正，待申请人补正  未计时" in out  # waiting for the applicant: no clock, not a pause
    code, _, err = run(capsys, *_on(asked_on, *shenpi, "item", "correct", number, FOOD, "--what", "另需户口簿",
                                    "--db", db))  # fmt: skip
    assert code == 1
    assert "补正须一次告知全部内容" in err

    # the 补正 complete on the 27th: the 受理 is dated that day, the limits run from it
    complete = dt.date(2026, 11, 27)
    acceptance = tmp_path / "sl.pdf"
    code, out, err = run(capsys, *_on(complete, *shenpi, "item", "sign", number, FOOD, "--out", str(acceptance),
                                      "--db", db))  # fmt: skip
    assert (code, err) == (0, "")
    text = pdf_text(acceptance)
    assert "受理通知书" in text
    assert "本机关于2026年11月24日一次性告知需要补正的全部内容" in text
    assert "本机关于2026年11月27日予以受理" in text
    assert "受理日期2026年11月27日" in text
    listed = _listed(capsys, db, number, complete)
    assert listed[FOOD]["state"] == "signed"
    assert str(listed[FOOD]["promised_due"]) > str(listed[signed_first]["promised_due"])  # from the 27th, not the 23rd
    code, _, err = run(capsys, *_on(complete, *shenpi, "item", "correct", number, FOOD, "--what", "另需户口簿",
                                    "--db", db))  # fmt: skip
    assert code == 1
    assert "不能再次要求补正" in err  # accepted on its complete 补正: none after it
    code, _, err = run(capsys, *_on(complete, *shenpi, "item", "pause", number, FOOD, "--why", "inspection",
                                    "--db", db))  # fmt: skip
    assert (code, err) == (0, "")  # 第四十五条's pauses stay


@pytest.mark.slow
def test_a_correction_after_the_five_working_days_of_the_halls_receipt_is_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    db = made_database(tmp_path / "training.sqlite3")
    assert run(capsys, "catalog", "list", "--db", db)[0] == 0
    number = accepted_case(db, RECEIVED)
    _department(capsys, monkeypatch, db)
    assert run(capsys, *_on(RECEIVED, "--user", "batu", "item", "route", number, "--db", db))[0] == 0
    # received Friday the 20th: 23, 24, 25, 26, 27 November; Monday the 30th is late
    code, _, err = run(capsys, *_on(dt.date(2026, 11, 30), "--user", "shenpi", "item", "correct", number, FOOD,
                                    "--what", WHAT, "--db", db))  # fmt: skip
    assert code == 1
    assert "自窗口收到申请材料已超过五个工作日" in err


@pytest.mark.slow
def test_a_refusal_on_the_second_ground_names_the_body_with_power_and_the_materials_way(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    db = made_database(tmp_path / "training.sqlite3")
    assert run(capsys, "catalog", "list", "--db", db)[0] == 0
    number = accepted_case(db, RECEIVED)
    _department(capsys, monkeypatch, db)
    assert run(capsys, *_on(RECEIVED, "--user", "batu", "item", "route", number, "--db", db))[0] == 0
    day = ("--today", "2026-11-23", "--user", "shenpi")
    code, _, err = run(capsys, *day, "item", "refuse", number, FOOD, "--ground", "not_in_remit", "--db", db)
    assert code == 1
    assert "须写明有权机关的名称" in err
    code, _, err = run(capsys, *day, "item", "refuse", number, FOOD, "--db", db)  # another ground, no reason
    assert code == 1
    assert "请写明理由" in err
    paper = tmp_path / "bslt.pdf"
    body = "科尔沁右翼前旗市场监督管理局"
    code, _, err = run(capsys, *day, "item", "refuse", number, FOOD, "--ground", "not_in_remit", "--authority", body,
                       "--out", str(paper), "--db", db)  # fmt: skip
    assert (code, err) == (0, "")
    text = pdf_text(paper)
    assert f"申请事项依法不属于本机关职权范围，请向{body}申请。" in text
    assert f"有权机关{body}" in text
    assert "已退回兴安盟政务服务中心" in text
    assert f"向{body}提出申请" in text
    assert "第三十二条第一款第（二）项" in text


def _taken(db: str, bundle_code: str, day: dt.date) -> str:
    """A complete case of ``bundle_code`` received on ``day``, taken as the window takes it."""
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

    engine = make_engine(db)
    with make_sessions(engine).begin() as s:
        stored = current_guide(s, bundle_code)
        assert stored is not None
        applicant = Applicant(ApplicantKind.PERSON, "孟根", make_id_number("152201", dt.date(1980, 1, 1), 59),
                              "15647821234", "乌兰浩特市")  # fmt: skip
        request = IntakeRequest(complete_checklist(stored.bundle, fresh_checklist(stored)), Parties(applicant))
        number = take_intake(s, Desk(DeskIdentity("XAM01", "8"), "乌兰"), request, day, office_calendar(s)).case_no
    engine.dispose()
    return number


@pytest.mark.slow
def test_a_refusal_whose_paper_cannot_be_made_is_not_taken(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The 残疾人联合会's 复议 body is the site's to name (the catalog leaves it so): until it is, its 不予受理通知书
    cannot be made, and the 不予受理 is its paper — refused in words, the item still waiting for its department."""
    db = made_database(tmp_path / "training.sqlite3")
    assert run(capsys, "catalog", "list", "--db", db)[0] == 0
    number = _taken(db, "XAM-YJS-070", RECEIVED)
    federation = "乌兰浩特市残疾人联合会"
    _department(capsys, monkeypatch, db)
    monkeypatch.setattr("sys.stdin", io.StringIO("Xam-2026-shenpi\n"))
    assert run(capsys, "--user", "batu", "user", "add", "canlian", "--name", "残联干事", "--role", "department",
               "--department", federation, "--db", db, "--password-stdin")[0] == 0  # fmt: skip
    assert run(capsys, *_on(RECEIVED, "--user", "batu", "item", "route", number, "--db", db))[0] == 0
    card = "152201-YJS070-01"  # 残疾人证
    code, _, err = run(capsys, *_on(dt.date(2026, 11, 23), "--user", "canlian", "item", "refuse", number, card,
                                    "--reason", "申请人户籍不在本市", "--db", db))  # fmt: skip
    assert code == 1
    assert "不能出具这种文书" in err
    assert federation in err  # the body whose 复议 body is to be named
    assert "程序遇到意外错误" not in err
    assert _listed(capsys, db, number, dt.date(2026, 11, 23))[card]["state"] == "routed"  # nothing kept
