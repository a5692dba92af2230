"""``counter holidays early-lapses``: the lapses the holiday notice showed early, for their deciding bodies.

The database is brought to the report's state through the actions (tests/actions/test_early_lapses.py): a 容缺 of
小餐馆 lapsed on 2028-02-04, before the 2028 notice put its date at 02-07.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counter.access.desk import Desk
from counter.case.numbers import DeskIdentity
from counter.db.engine import make_engine, make_sessions
from counter.words.lapses import CORRECTION_PATH
from tests.actions.signed_head import HEAD_PASSWORD, head_of
from tests.actions.test_early_lapses import lapsed_before_the_rule
from tests.actions.test_provisional_lapse import NOTICE_2028, import_2028
from tests.conftest import made_database
from tests.entrusted import RESTAURANT_ITEMS, entrust_in
from tests.test_cli import run


def test_the_list_names_each_early_lapse_its_items_bodies_and_the_way_to_correct_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    engine = make_engine(db)
    sessions = make_sessions(engine)
    desk = Desk(DeskIdentity("XAM01", "8"), "乌兰")
    entrust_in(sessions, desk, *RESTAURANT_ITEMS)
    head = head_of(sessions, desk)
    code, out, _ = run(capsys, "holidays", "early-lapses", "--db", db)
    assert code == 0
    assert "没有" in out
    number = lapsed_before_the_rule(sessions, head, monkeypatch)
    import_2028(sessions, head)
    engine.dispose()

    code, out, _ = run(capsys, "holidays", "early-lapses", "--db", db, "--json")
    assert code == 0
    (row,) = json.loads(out)
    assert (row["case_no"], row["what"], row["lapsed_on"], row["due"], row["first_day"]) == (
        number, "M08", "2028-02-04", "2028-02-07", "2028-02-08"
    )  # fmt: skip
    assert [item["deciding"] for item in row["items"]] == ["乌兰浩特市市场监督管理局"]
    code, out, _ = run(capsys, "holidays", "early-lapses", "--db", db)
    assert code == 0
    assert number in out
    assert "2028-02-07" in out
    assert CORRECTION_PATH in out
    assert "counter" not in out


def test_importing_the_notice_says_how_many_lapses_it_found_early(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The head imports the 2028 notice with ``counter holidays import``: beside the days imported, the command says
    that a lapse was found early and listed for its deciding body (``holidays early-lapses`` names it)."""
    db = made_database(tmp_path / "cli.sqlite3")
    engine = make_engine(db)
    sessions = make_sessions(engine)
    desk = Desk(DeskIdentity("XAM01", "8"), "乌兰")
    entrust_in(sessions, desk, *RESTAURANT_ITEMS)
    head = head_of(sessions, desk)
    lapsed_before_the_rule(sessions, head, monkeypatch)
    engine.dispose()
    notice = tmp_path / "2028.txt"
    notice.write_text(NOTICE_2028, encoding="utf-8")
    monkeypatch.setenv("COUNTER_PASSWORD", HEAD_PASSWORD)
    code, out, err = run(capsys, "--user", "saran", "holidays", "import", str(notice), "--year", "2028", "--db", db)
    assert code == 0, err
    assert out.startswith("已导入 2028 年节假日安排：")
    assert out.splitlines()[-1] == "有 1 项逾期处理早于按公布的安排重算的期限，已列入待实施部门自行纠正的清单。"
