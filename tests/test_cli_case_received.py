"""``counter case show`` and ``case list`` name a case the hall only received as its page does: 已收件, not 已受理."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from counter.access.desk import Desk
from counter.case.numbers import DeskIdentity
from counter.cli.main import main
from counter.db.engine import make_engine, make_sessions
from tests.actions.test_correction_life import correction_request
from tests.actions.test_intake_actions import full_request, take
from tests.actions.test_item_steps import FOOD
from tests.conftest import made_database
from tests.entrusted import ACTS_OPTION, ENTERED_OPTIONS, ENTRUSTMENT, RESTAURANT_ITEMS, by_command, entrust_in

DESK = Desk(DeskIdentity("XAM01", "8"), "乌兰")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _taken(tmp_path: Path, *, entrusted: bool, correction: bool = False) -> tuple[str, str]:
    """A desk database with one 我要开小餐馆 case accepted on 20 November 2026 (or told to correct a material), its
    items entrusted to the hall or (nothing recorded) only received by it."""
    db = made_database(tmp_path / "cli.sqlite3")
    engine = make_engine(db)
    sessions = make_sessions(engine)
    if entrusted:
        entrust_in(sessions, DESK, *RESTAURANT_ITEMS)
    request = correction_request(sessions) if correction else full_request(sessions)
    number = take(sessions, DESK, request, dt.date(2026, 11, 20))
    engine.dispose()
    return db, number


def _said(capsys: pytest.CaptureFixture[str], db: str, number: str) -> tuple[str, str, str, str]:
    """The state as ``case show`` says it in text and JSON, and as ``case list`` does in text and JSON."""
    code, out, _ = run(capsys, "case", "show", number, "--db", db)
    assert code == 0
    text = next(line for line in out.splitlines() if line.startswith("状态："))
    code, out, _ = run(capsys, "case", "show", number, "--json", "--db", db)
    assert code == 0
    shown = json.loads(out)["status_text"]
    code, out, _ = run(capsys, "case", "list", "--db", db, "--today", "2026-11-20")
    line = next(line for line in out.splitlines() if line.startswith(number))
    code, out, _ = run(capsys, "case", "list", "--json", "--db", db, "--today", "2026-11-20")
    listed = next(row["status_text"] for row in json.loads(out) if row["case_no"] == number)
    return text, shown, line.split()[1], listed


def test_a_case_the_hall_only_received_reads_received(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db, number = _taken(tmp_path, entrusted=False)
    text, shown, line, listed = _said(capsys, db, number)
    assert text.startswith("状态：已收件 ")
    assert shown == line == listed == "已收件"
    code, out, _ = run(capsys, "case", "show", number, "--db", db)
    assert code == 0
    assert "收件日期：2026-11-20  承诺办结：" in out
    assert "受理日期" not in out  # each department's, on its 签收: none of the hall's


def test_a_case_the_hall_accepted_reads_accepted(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db, number = _taken(tmp_path, entrusted=True)
    text, shown, line, listed = _said(capsys, db, number)
    assert text.startswith("状态：已受理 ")
    assert shown == line == listed == "已受理"
    code, out, _ = run(capsys, "case", "show", number, "--db", db)
    assert code == 0
    assert "收件日期：2026-11-20  受理日期：2026-11-20  承诺办结：" in out


@pytest.mark.parametrize(("entrusted", "status"), [(False, "已告知补齐材料"), (True, "已出具补正通知（未受理）")])
def test_routing_refused_names_the_state_as_the_page_does(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, entrusted: bool, status: str
) -> None:
    """``item route`` of a case told to correct a material: refused, its state named as ``case show`` names it."""
    db, number = _taken(tmp_path, entrusted=entrusted, correction=True)
    text, *_ = _said(capsys, db, number)
    code, _, err = run(capsys, "item", "route", number, "--db", db)
    assert code == 1
    assert f"现在的状态是“{status}”" in err
    assert text.startswith(f"状态：{status} ")


def _entrusted_after_receipt(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[str, str]:
    """A case the hall only received, its 收件凭证 made so; the departments entrust the hall with its items after."""
    db, number = _taken(tmp_path, entrusted=False)
    receipt = tmp_path / "receipt.pdf"
    assert run(capsys, "print", number, "--doc", "receipt", "--out", str(receipt), "--db", db)[0] == 0
    entrusted = [f"--entrust={item}={ENTRUSTMENT}" for item in by_command(RESTAURANT_ITEMS, db)]
    assert run(capsys, "site", "authority", ACTS_OPTION, *entrusted, "--db", db)[0] == 0
    return db, number


def test_an_item_decided_says_the_state_as_the_page_does(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """``case decide`` of one item of a case the hall only received: the case stays 已收件, as ``case show`` says."""
    db, number = _entrusted_after_receipt(capsys, tmp_path)
    decide = ("case", "decide", number, "--item", FOOD, "--approve", "--result-no", "JY1", *ENTERED_OPTIONS)
    code, out, err = run(capsys, *decide, "--db", db)
    assert code == 0, err
    assert out.strip().endswith("办件状态：已收件")
    assert _said(capsys, db, number)[1] == "已收件"
