"""``counter holidays import|list`` as an administrator meets them: a notice that moves open cases' dates, the days
listed in words, a notice saved in the wrong encoding refused in Chinese.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.actions.test_provisional_dates import NOTICE_2027
from tests.conftest import made_database
from tests.test_cli import run

TAKEN = "XAM01-20261228-01-0001"  # the demo's first case: 受理, promised in 5 working days, by 2027-01-05
LONGER = NOTICE_2027.replace("1月1日（周五）至3日（周日）放假，共3天", "1月1日（周五）至4日（周一）放假，共4天")


def test_a_notice_that_adds_a_day_off_names_the_cases_whose_dates_it_moves(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    assert run(capsys, "demo", "--out", str(tmp_path / "demo"), "--today", "2026-12-28", "--db", db)[0] == 0
    code, out, _ = run(capsys, "case", "show", TAKEN, "--json", "--db", db)
    assert json.loads(out)["promised_on"] == "2027-01-05"
    schedule = tmp_path / "2027.txt"
    schedule.write_text(LONGER, encoding="utf-8")

    code, out, _ = run(capsys, "holidays", "import", str(schedule), "--year", "2027", "--db", db)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "已导入 2027 年节假日安排：放假 30 天，调休上班 5 天。"
    moved = lines[2:]
    assert lines[1] == f"按新的节假日安排重新计算，{len(moved)} 件办件的期限顺延（以较晚的日期为准）："
    assert f"  {TAKEN}" in moved
    code, out, _ = run(capsys, "case", "show", TAKEN, "--json", "--db", db)
    assert json.loads(out)["promised_on"] == "2027-01-06"  # the Monday off: a working day later

    code, out, _ = run(capsys, "holidays", "list", "--db", db)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "节假日数据覆盖至：2027-12-31"
    assert "2027-01-04  放假  2027.txt" in lines
    assert "2027-01-31  调休上班  2027.txt" in lines


def test_a_notice_saved_in_gbk_is_refused_in_chinese_and_nothing_is_imported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Notepad on a Chinese Windows saves as GBK: before, Python's own English words on the codec were printed."""
    db = made_database(tmp_path / "cli.sqlite3")
    schedule = tmp_path / "2027.txt"
    schedule.write_bytes(NOTICE_2027.encode("gbk"))
    code, out, err = run(capsys, "holidays", "import", str(schedule), "--year", "2027", "--db", db)
    assert (code, out) == (1, "")
    assert err == f"无法读取节假日安排文件 {schedule}：文件不是 UTF-8 编码的文字，请用 UTF-8 编码另存\n"
    code, out, _ = run(capsys, "holidays", "list", "--json", "--db", db)
    assert "2027.txt" not in out


def test_a_file_far_larger_than_a_notice_is_refused_unread(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A video or a database picked by mistake: named, with the limit, and nothing imported."""
    db = made_database(tmp_path / "cli.sqlite3")
    schedule = tmp_path / "2027.txt"
    schedule.write_bytes(NOTICE_2027.encode("utf-8") + b" " * (1024 * 1024))
    code, out, err = run(capsys, "holidays", "import", str(schedule), "--year", "2027", "--db", db)
    assert (code, out) == (1, "")
    assert err == f"文件 {schedule} 超过 1048576 字节，远大于这类文件应有的大小，未读取：请检查是否选错了文件。\n"
    code, out, _ = run(capsys, "holidays", "list", "--json", "--db", db)
    assert "2027.txt" not in out
