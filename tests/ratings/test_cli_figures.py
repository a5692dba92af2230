"""``counter figures``: the league's table as text, JSON and CSV, from the demo's cases with ratings; its refusals."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.roles import Actor, Role
from counter.actions.admin.calendar import office_calendar
from counter.actions.ratings.follow_up import decide_appeal, file_appeal
from counter.actions.ratings.record import record_rating, send_to_pad
from counter.cli.main import main
from counter.db import models
from counter.db.account_store import insert_account
from counter.ratings.choice import RatingChoice
from counter.ratings.levels import Level
from counter.ratings.rectification import AppealGround
from tests.ratings.conftest import DESK, Clock

DAY = ["--from", "2026-11-20", "--to", "2026-11-20"]


@pytest.fixture
def rated_db(sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock, db_path: Path) -> str:
    """The demo's cases of 2026-11-20; one rated 非常满意 at desk 8, one 不满意 sent by a clerk named like a formula."""
    formula = dataclasses.replace(DESK, clerk="=HYPERLINK(1)")
    for label, choice, desk in (
        ("受理", RatingChoice(Level.VERY_SATISFIED), DESK),
        ("撤回申请", RatingChoice(Level.DISSATISFIED, ("流程太复杂",)), formula),
    ):
        with sessions.begin() as session:
            pad = send_to_pad(session, demo_cases[label], desk, clock())
            record_rating(session, pad.request_id, choice, desk, clock(), office_calendar(session))
        clock.advance(minutes=5)
    return f"sqlite:///{db_path}"


def figures(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["figures", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_by_clerk_has_stable_keys_and_the_documented_counts(
    capsys: pytest.CaptureFixture[str], rated_db: str
) -> None:
    code, out, _ = figures(capsys, *DAY, "--by", "clerk", "--as-of", "2026-12-31", "--json", "--db", rated_db)
    assert code == 0
    table = json.loads(out)
    assert (table["from"], table["to"], table["by"], table["today"]) == (
        "2026-11-20",
        "2026-11-20",
        "clerk",
        "2026-12-31",
    )
    by_clerk = {line["clerk"]: line for line in table["lines"]}
    assert set(by_clerk) == {"=HYPERLINK(1)", "乌兰"}
    bad = by_clerk["=HYPERLINK(1)"]
    assert (bad["services"], bad["rated"], bad["bad"], bad["bad_rate"], bad["good_rate"]) == (1, 1, 1, 1.0, 0.0)
    # the rectification the bad rating opened is still open at the end of December: overdue
    assert (bad["rectifications_opened"], bad["rectifications_open"], bad["rectifications_overdue"]) == (1, 1, 1)
    total = table["total"]
    assert "clerk" not in total
    assert total["services"] == sum(line["services"] for line in table["lines"])
    assert (total["rated"], total["good"], total["bad"], total["good_rate"]) == (2, 1, 1, 0.5)
    outcomes = ("accepted", "deferred", "correction", "refused", "withdrawn")  # 申请人撤回 is an outcome of its own
    assert sum(total[outcome] for outcome in outcomes) == total["services"]
    assert total["rectification_rate"] == 0.0
    assert list(total) == list(table["lines"][0])[1:]  # the same keys, in the same order, after the line's own


def test_csv_neutralises_what_a_spreadsheet_would_run(capsys: pytest.CaptureFixture[str], rated_db: str) -> None:
    code, out, _ = figures(capsys, *DAY, "--by", "clerk", "--csv", "--db", rated_db)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["clerk"] for row in rows] == ["'=HYPERLINK(1)", "乌兰", ""]  # the total last, unnamed
    assert rows[0]["bad_rate"] == "1.0"
    assert rows[-1]["good_rate"] == "0.5"


def test_the_terminal_table_by_desk(capsys: pytest.CaptureFixture[str], rated_db: str) -> None:
    code, out, _ = figures(capsys, *DAY, "--by", "desk", "--db", rated_db)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("2026-11-20 至 2026-11-20 政务服务统计（按窗口")
    assert lines[1].split()[:4] == ["窗口", "办件", "受理", "容缺受理"]
    assert "好评率" in lines[1]
    assert "即办件占比" in lines[1]
    assert lines[2].startswith("XAM01 8号窗口")
    total = next(i for i, line in enumerate(lines) if line.startswith("合计"))
    assert "50.0%" in lines[total]
    # beneath the table: where the ratings came from, each clerk's share of pad requests answered, the projects'
    # 评价表s counted apart, and what each column sums
    assert lines[total + 1].startswith("按评价渠道（本期给出的首次评价）：政务大厅其他终端 ")
    assert lines[-3] == "帮您办评价（单独渠道）：本期没有评价。"
    assert lines[-2].startswith("办件＝有效评价＋未评价＋评价中＋申诉撤销")


def test_an_empty_period_says_so(capsys: pytest.CaptureFixture[str], rated_db: str) -> None:
    code, out, _ = figures(capsys, "--from", "2025-01-01", "--to", "2025-01-31", "--db", rated_db)
    assert code == 0
    assert out.strip() == "2025-01-01 至 2025-01-31 没有办件，也没有新开的整改。"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--from", "2026-11-31", "--to", "2026-12-01"], "日期应为 YYYY-MM-DD 格式，收到：2026-11-31"),
        (["--from", "2026-12-01", "--to", "2026-11-01"], "起始日期 2026-12-01 晚于截止日期 2026-11-01。"),
        (
            ["--from", "2003-12-01", "--to", "2026-11-01"],
            "超出本程序支持的范围（2004-01-01 至 2099-12-31）",
        ),
        (["--from", "2026-11-01", "--to", "2100-01-01"], "日期 2100-01-01 超出本程序支持的范围"),
        (["--from", "2026-11-01", "--to", "2026-11-30", "--as-of", "11/30"], "日期应为 YYYY-MM-DD 格式"),
    ],
)
def test_misuse_is_refused_in_chinese(
    capsys: pytest.CaptureFixture[str], rated_db: str, args: list[str], said: str
) -> None:
    code, out, err = figures(capsys, *args, "--db", rated_db)
    assert code == 2
    assert out == ""
    assert said in err


def test_every_line_adds_up_with_an_appeal_pending_and_one_upheld(
    capsys: pytest.CaptureFixture[str], rated_db: str, sessions: sessionmaker[Session], clock: Clock
) -> None:
    """办件 = 有效评价 + 未评价 + 评价中 + 申诉撤销, in the JSON and the terminal's columns; 申诉中 is still a 差评."""
    with sessions() as session:
        bad = session.scalars(select(models.Rating.id).where(models.Rating.level == Level.DISSATISFIED.value)).one()
    with sessions.begin() as session:
        file_appeal(session, bad, "=HYPERLINK(1)", "评价人当场说明按错了等级", clock(), desk=DESK)
    code, out, _ = figures(capsys, *DAY, "--by", "desk", "--json", "--db", rated_db)
    assert code == 0
    total = json.loads(out)["total"]
    assert (total["rated"], total["bad"], total["appealing"], total["excluded"]) == (2, 1, 1, 0)
    good = session_rating(sessions, Level.VERY_SATISFIED)
    with sessions.begin() as session:  # struck out by a supervisor, whose account is gone before the command runs
        insert_account(session, "baoyin", "宝音", "", frozenset({Role.SUPERVISOR}), "x", clock())
    baoyin = dataclasses.replace(DESK, actor=Actor("baoyin", "宝音", frozenset({Role.SUPERVISOR})))
    with sessions.begin() as session:
        decide_appeal(session, good, "宝音", AppealGround.MISTAKEN, "评价人与本窗口办件无关，已核实", True, clock(),
                      desk=baoyin)  # fmt: skip
        session.execute(delete(models.Account))
    code, out, _ = figures(capsys, *DAY, "--by", "desk", "--json", "--db", rated_db)
    table = json.loads(out)
    for line in (*table["lines"], table["total"]):
        assert line["services"] == line["rated"] + line["unrated"] + line["pending"] + line["excluded"]
    assert (table["total"]["rated"], table["total"]["excluded"], table["total"]["appealing"]) == (1, 1, 1)
    assert sum(table["channels"].values()) == 1  # the rating removed on appeal counts in no channel either
    code, out, _ = figures(capsys, *DAY, "--by", "desk", "--db", rated_db)
    table_lines = out.splitlines()
    total = next(i for i, line in enumerate(table_lines) if line.startswith("合计"))
    header, *rows = [line.split() for line in table_lines[1 : total + 1]]
    at = {heading: header.index(heading) for heading in ("办件", "有效评价", "未评价", "评价中", "申诉撤销")}
    for row in rows:
        cells = row[-len(header) :]  # the label may hold a space ("XAM01 8号窗口")
        services, rated, not_rated, pending, struck = (int(cells[at[h]]) for h in at)
        assert services == rated + not_rated + pending + struck


def session_rating(sessions: sessionmaker[Session], level: Level) -> int:
    with sessions() as session:
        return session.scalars(select(models.Rating.id).where(models.Rating.level == level.value)).one()


def test_by_day_in_json_and_by_bundle_as_text_each_line_named(
    capsys: pytest.CaptureFixture[str], rated_db: str
) -> None:
    """The default grouping, by day, gives each line's day in JSON; the table by bundle starts each line with the
    bundle's name, as the JSON names it."""
    code, out, _ = figures(capsys, *DAY, "--json", "--db", rated_db)
    assert code == 0
    table = json.loads(out)
    assert table["by"] == "day"
    assert [line["day"] for line in table["lines"]] == ["2026-11-20"]
    assert "day" not in table["total"]
    code, out, _ = figures(capsys, *DAY, "--by", "bundle", "--json", "--db", rated_db)
    names = [line["bundle_name"] for line in json.loads(out)["lines"]]
    assert names
    code, out, _ = figures(capsys, *DAY, "--by", "bundle", "--db", rated_db)
    assert code == 0
    firsts = [line.split()[0] for line in out.splitlines()[2 : 2 + len(names)]]
    assert firsts == [name.split()[0] for name in names]
