"""``case decide`` and ``item approve|deny`` entering a department's decision for it (代为录入): ``--dept-no`` and
``--officer`` are asked, the refusal names what is missing, ``case show`` says both, and the 不予批准决定书 prints
them."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest

from tests.actions.test_item_steps import FOOD
from tests.entrusted import ENTERED, ENTERED_OPTIONS, RESTAURANT_ITEMS
from tests.test_cli_case_received import _taken, run

WHY = "经核查，经营场所与申请不符。"
SIGN = RESTAURANT_ITEMS[2]


def test_case_decide_asks_the_departments_number_and_officer_and_case_show_and_the_paper_say_them(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    db, number = _taken(tmp_path, entrusted=True)
    password = "Xam-2026-fuzeren"  # a 不予批准 at the window is its supervisor's
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    roles = ("--role", "admin", "--role", "clerk", "--role", "supervisor")
    assert run(capsys, "user", "add", "batu", "--name", "巴图", *roles, "--db", db, "--password-stdin")[0] == 0
    monkeypatch.setenv("COUNTER_PASSWORD", password)
    deny = ("--user", "batu", "case", "decide", number, "--item", FOOD, "--deny", "--reason", WHY)
    code, _, err = run(capsys, *deny, "--db", db)
    assert code == 1
    assert "须写明该部门决定的文号和作出决定的承办人，尚未填写：部门文号、承办人。" in err
    code, _, err = run(capsys, *deny, "--officer", ENTERED.officer, "--db", db)
    assert code == 1
    assert "尚未填写：部门文号。" in err
    code, _, err = run(capsys, *deny, *ENTERED_OPTIONS, "--db", db)
    assert code == 0, err
    code, out, _ = run(capsys, "--user", "batu", "case", "show", number, "--db", db)
    assert code == 0
    assert f"（部门文号{ENTERED.department_no}，承办人{ENTERED.officer}）" in out
    pdf = tmp_path / "denial.pdf"
    code, _, err = run(  # the department's paper, made under the item's rule
        capsys, "--user", "batu", "item", "paper", number, FOOD, "--doc", "denial", "--out", str(pdf), "--db", db
    )
    assert code == 0, err
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    squeezed = "".join(text.split())
    assert f"本机关决定文号：{ENTERED.department_no}；承办人：{ENTERED.officer}。" in squeezed
    assert f"承办人：{ENTERED.officer}" in squeezed


def test_an_items_grant_entered_at_the_window_is_refused_without_them_and_taken_with_them(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db, number = _taken(tmp_path, entrusted=True)
    assert run(capsys, "item", "route", number, "--db", db)[0] == 0
    assert run(capsys, "item", "sign", number, SIGN, "--db", db)[0] == 0  # a 签收 is no act with a 文号 of its own
    approve = ("item", "approve", number, SIGN, "--result-no", "XK-03")
    code, _, err = run(capsys, *approve, "--db", db)
    assert code == 1
    assert "尚未填写：部门文号、承办人。" in err
    code, out, err = run(capsys, *approve, *ENTERED_OPTIONS, "--db", db)
    assert code == 0, err
    assert f"事项 {SIGN}" in out
