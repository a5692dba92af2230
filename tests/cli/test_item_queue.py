"""A department's queue and the hall's due list from the command line: ``counter item queue`` and ``counter item due``.

On a real SQLite database, a 小餐馆 case taken as the window takes it and routed to its departments; each command's
JSON and its lines in Chinese, as docs/command-line.md gives them.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.conftest import made_database
from tests.entrusted import ACTS_OPTION, ENTRUSTMENT, by_command
from tests.test_cli import run
from tests.test_cli_items import FOOD, ITEMS, accepted_case

MARKET = "乌兰浩特市市场监督管理局"


def routed_case(capsys: pytest.CaptureFixture[str], db: str) -> tuple[str, dict[str, dict[str, object]]]:
    """A 小餐馆 accepted and routed today, and its items as ``item list --json`` gives them."""
    number = accepted_case(db)
    # the departments' written 授权; the tax office, a vertical body, entrusts no hall (its item is only received)
    entrusted = [f"--entrust={item}={ENTRUSTMENT}" for item in by_command(ITEMS, db)]
    assert run(capsys, "site", "authority", ACTS_OPTION, *entrusted, "--db", db)[0] == 0
    assert run(capsys, "item", "route", number, "--db", db)[0] == 0
    code, out, _ = run(capsys, "item", "list", number, "--json", "--db", db)
    assert code == 0
    return number, {i["code"]: i for i in json.loads(out)}


def test_a_department_sees_its_routed_items_and_the_hall_each_departments_count(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    number, items = routed_case(capsys, db)
    today = dt.date.today().isoformat()

    code, out, _ = run(capsys, "item", "queue", "--department", MARKET, "--json", "--today", today, "--db", db)
    assert code == 0
    rows = json.loads(out)
    assert [r["item"] for r in rows] == [code for code, i in items.items() if i["department"] == MARKET]
    row = next(r for r in rows if r["item"] == FOOD)
    assert row == {
        "case_no": number,
        "item": FOOD,
        "item_name": items[FOOD]["name"],
        "department": MARKET,
        "state": "routed",
        "routed_on": today,
        "due_on": items[FOOD]["promised_due"],
        "legal_due": items[FOOD]["legal_due"],
        "promised_due": items[FOOD]["promised_due"],
        "paused_since": None,
        "alert": items[FOOD]["alert"],  # the queue warns as the case's own item list does
    }
    code, out, _ = run(capsys, "item", "queue", "--department", f" {MARKET} ", "--today", today, "--db", db)
    assert code == 0
    line = f"{number}  {items[FOOD]['name']}  {MARKET}  已分发，待部门签收  {items[FOOD]['promised_due']}"
    assert line in out
    assert out.count("孟根\n") == len(rows)

    code, out, _ = run(capsys, "item", "queue", "--json", "--today", today, "--db", db)
    assert code == 0
    loads = {d["department"]: d for d in json.loads(out)}
    assert loads[MARKET] == {"department": MARKET, "items": len(rows), "overdue": 0}
    assert sum(d["items"] for d in loads.values()) == len(ITEMS)
    code, out, _ = run(capsys, "item", "queue", "--today", today, "--db", db)
    assert code == 0
    assert f"{MARKET}  待办 {len(rows)} 项  已逾期 0 项\n" in out

    code, out, _ = run(capsys, "item", "queue", "--department", "不存在的部门", "--today", today, "--db", db)
    assert (code, out) == (0, "")


def test_the_due_list_names_the_items_past_their_date_and_none_before(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    number, items = routed_case(capsys, db)
    early = min(dt.date.fromisoformat(str(i["promised_due"])) for i in items.values()) - dt.timedelta(days=7)
    code, out, _ = run(capsys, "item", "due", "--json", "--today", early.isoformat(), "--db", db)
    assert (code, json.loads(out)) == (0, [])  # a week before the first date: nothing due by the next working day
    code, out, _ = run(capsys, "item", "due", "--json", "--today", dt.date.today().isoformat(), "--db", db)
    assert code == 0
    assert {r["alert"] for r in json.loads(out)} <= {"due_next", "due_today"}  # routed today: none overdue yet

    late = max(dt.date.fromisoformat(str(i["legal_due"])) for i in items.values()) + dt.timedelta(days=30)
    code, out, _ = run(capsys, "item", "due", "--json", "--today", late.isoformat(), "--db", db)
    assert code == 0
    rows = json.loads(out)
    assert sorted(r["item"] for r in rows) == sorted(ITEMS)
    assert {r["alert"] for r in rows} == {"overdue"}
    assert {r["case_no"] for r in rows} == {number}
    code, out, _ = run(capsys, "item", "due", "--site", "xam01", "--today", late.isoformat(), "--db", db)
    assert code == 0
    food = items[FOOD]
    assert f"{number}  {food['name']}  {MARKET}  已分发，待部门签收  {food['promised_due']}  【已逾期】  孟根\n" in out
    assert out.count("【已逾期】") == len(ITEMS)
    code, out, _ = run(capsys, "item", "due", "--site", "XAM02", "--today", late.isoformat(), "--db", db)
    assert (code, out) == (0, "")


def test_a_day_made_a_holiday_moves_the_dates_on_the_departments_queue(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The office marks off a day within a routed item's period: the department's queue counts on the new calendar,
    as the case's own item list does, and never shows the day now off as the item's date."""
    db = made_database(tmp_path / "cli.sqlite3")
    number, items = routed_case(capsys, db)
    today = dt.date.today().isoformat()
    promised = dt.date.fromisoformat(str(items[FOOD]["promised_due"]))
    assert run(capsys, "holidays", "set", promised.isoformat(), "off", "--db", db)[0] == 0
    code, out, _ = run(capsys, "item", "queue", "--department", MARKET, "--json", "--today", today, "--db", db)
    assert code == 0
    row = next(r for r in json.loads(out) if r["item"] == FOOD)
    assert dt.date.fromisoformat(row["promised_due"]) > promised
    assert row["due_on"] == row["promised_due"]
    code, out, _ = run(capsys, "item", "list", number, "--json", "--db", db)
    assert code == 0
    listed = next(i for i in json.loads(out) if i["code"] == FOOD)
    assert (listed["promised_due"], listed["legal_due"]) == (row["promised_due"], row["legal_due"])
