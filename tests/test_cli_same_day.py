"""``counter case same-day`` and ``counter case figures``: the same-day step and the 24-point figures by command."""

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
from counter.catalog.stored_guide import StoredGuide
from counter.db.catalog_store import current_guide
from counter.db.engine import make_engine, make_sessions
from tests.actions.test_intake_actions import applicant
from tests.conftest import made_database
from tests.same_day_catalog import IMMEDIATE_CODE, add_immediate_guide
from tests.test_cli import run

DAY = "2026-11-20"


@pytest.fixture
def cases(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[str, str, str]:
    """The database, a 即办 case and a restaurant case, both accepted on DAY at desk 8."""
    db = made_database(tmp_path / "cli.sqlite3")
    assert run(capsys, "catalog", "list", "--db", db)[0] == 0  # made, migrated, the catalog loaded
    engine = make_engine(db)
    sessions = make_sessions(engine)
    desk = Desk(DeskIdentity("XAM01", "8"), "乌兰")
    numbers = []
    with sessions.begin() as s:
        add_immediate_guide(s)
    for code in (IMMEDIATE_CODE, "XAM-YJS-008"):
        with sessions.begin() as s:
            stored: StoredGuide | None = current_guide(s, code)
            assert stored is not None
            request = IntakeRequest(complete_checklist(stored.bundle, fresh_checklist(stored)), applicant())
            day = dt.date.fromisoformat(DAY)
            numbers.append(take_intake(s, desk, request, day, office_calendar(s)).case_no)
    engine.dispose()
    return db, numbers[0], numbers[1]


def test_same_day_by_command(capsys: pytest.CaptureFixture[str], cases: tuple[str, str, str], tmp_path: Path) -> None:
    db, immediate, restaurant = cases
    code, _, err = run(capsys, "case", "same-day", restaurant, "--db", db, "--today", DAY)
    assert code == 1
    assert "不全是即办件" in err
    code, _, err = run(capsys, "case", "same-day", immediate, "--db", db, "--today", "2026-11-23")
    assert code == 1
    assert "不是今天受理的" in err
    code, out, _ = run(capsys, "case", "same-day", immediate, "--db", db, "--today", DAY)
    assert code == 0
    assert "已当场办结" in out
    code, out, _ = run(capsys, "case", "show", immediate, "--json", "--db", db)
    shown = json.loads(out)
    assert shown["status"] == "delivered"
    events = [h["event"] for h in shown["history"]]  # 办结 grants each item of the bundle first
    assert events == ["taken", *["item_approved"] * (len(events) - 3), "completed", "delivered"]
    assert len(events) > 3
    code, out, _ = run(capsys, "case", "show", immediate, "--db", db)
    assert out.count("：即办件，窗口当场办结") == 1  # the 办结 line's stored note, read as words
    assert "送达：即办件当场办结，窗口领取，领取人 巴特尔（152201********2112）" in out  # the 送达 on record
    printed = tmp_path / "回证.pdf"
    args = ("--doc", "service", "--hand-over", "1", "--db", db, "--out", str(printed))
    assert run(capsys, "print", immediate, *args)[0] == 0  # its 送达回证, made with the step, reprinted


def test_figures_by_command(capsys: pytest.CaptureFixture[str], cases: tuple[str, str, str]) -> None:
    db, immediate, _ = cases
    code, out, _ = run(capsys, "case", "figures", "--month", "2026-11", "--by", "bundle", "--json", "--db", db)
    assert code == 0
    figures = json.loads(out)
    assert figures["total"]["same_day_share"] == 0  # nothing decided yet, whatever the catalog promises
    assert run(capsys, "case", "same-day", immediate, "--db", db, "--today", DAY)[0] == 0
    code, out, _ = run(capsys, "case", "figures", "--month", "2026-11", "--by", "bundle", "--json", "--db", db)
    figures = json.loads(out)
    assert (figures["month"], figures["by"], figures["same_day_share_goal"]) == ("2026-11", "bundle", 0.2)
    assert figures["same_day_counted_as"] == "decided_on_the_day_taken"
    lines = {line["bundle_code"]: line for line in figures["lines"]}
    assert lines[IMMEDIATE_CODE]["same_day_case_share"] == 1.0  # done at the window on the day
    assert lines["XAM-YJS-008"]["same_day_share"] == 0  # its 涉税 item is 即办 in the catalog, not yet decided
    assert figures["total"]["cases"] == 2
    assert figures["total"]["same_day_share"] == round(5 / 9, 4)
    assert set(figures["total"]) == {
        "cases",
        "same_day_cases",
        "item_cases",
        "same_day_item_cases",
        "measured_item_cases",
        "unmeasured_item_cases",
        "same_day_share",
        "same_day_case_share",
        "promise_reduction",
    }
    code, out, _ = run(capsys, "case", "figures", "--month", "2026-11", "--db", db)
    assert code == 0
    assert "XAM01 8号窗口：受理 2 件，即办件占比 55.6%（目标 20.0%）" in out
    assert "即办件按实际办理计：受理当日即作出决定" in out  # the definition beside the target
    code, out, _ = run(capsys, "case", "figures", "--month", "2026-11", "--json", "--db", db)
    (desk_line,) = json.loads(out)["lines"]  # by desk, as the text: the desk named by its site and number
    assert (desk_line["site_code"], desk_line["desk_no"], desk_line["cases"]) == ("XAM01", "8", 2)
    code, out, _ = run(capsys, "case", "figures", "--month", "2026-11", "--by", "bundle", "--db", db)
    assert code == 0  # by bundle in words: each line under the bundle's name, as the JSON's bundle_name
    assert out.splitlines()[0] == "2026-11 即办件占比与承诺时限压减率（按一件事）"
    named = {line.split("：")[0]: line for line in out.splitlines()[2:5]}
    assert set(named) == {lines[IMMEDIATE_CODE]["bundle_name"], lines["XAM-YJS-008"]["bundle_name"], "合计"}
    assert "受理 1 件，即办件占比 100.0%" in named[lines[IMMEDIATE_CODE]["bundle_name"]]
    code, out, _ = run(capsys, "case", "figures", "--month", "2026-10", "--db", db)
    assert (code, out.strip()) == (0, "2026-10 没有受理的办件。")
    code, _, err = run(capsys, "case", "figures", "--month", "2026-13", "--db", db)
    assert code == 2
    assert "YYYY-MM" in err
