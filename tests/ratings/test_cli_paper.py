"""``counter ratings sheet`` and ``counter ratings key-in``: a township desk with no pad prints the 评价表, and keys in
what the applicant ticked, by channel 书面评价."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.cli.main import main
from counter.db import models


def test_the_sheet_is_printed_and_keyed_in_from_the_command_line(
    capsys: pytest.CaptureFixture[str],
    sessions: sessionmaker[Session],
    demo_cases: dict[str, str],
    db_path: Path,
    tmp_path: Path,
) -> None:
    db, case_no = f"sqlite:///{db_path}", demo_cases["受理"]
    nowhere = tmp_path / "usb" / "评价表.pdf"  # a stick not in: named, as for every paper
    assert main(["ratings", "sheet", case_no, "--out", str(nowhere), "--db", db]) == 1
    assert f"文件夹 {nowhere.parent} 不存在" in capsys.readouterr().err
    sheet = tmp_path / "评价表.pdf"
    assert main(["ratings", "sheet", case_no, "--out", str(sheet), "--db", db]) == 0
    assert sheet.read_bytes().startswith(b"%PDF")
    typed = ("--level", "dissatisfied", "--date", "2026-11-20", "--comment", "窗口无人", "--db", db)
    assert main(["ratings", "key-in", case_no, *typed, "--reason", "503"]) == 0
    assert "不满意" in capsys.readouterr().out
    with sessions() as session:
        rating = session.scalars(select(models.Rating)).one()
        assert (rating.channel, rating.comment) == ("written", "窗口无人")
        assert [reason["code"] for reason in json.loads(rating.reasons)] == ["503"]


def test_a_code_not_on_the_sheet_is_refused_in_chinese_and_nothing_is_kept(
    capsys: pytest.CaptureFixture[str], sessions: sessionmaker[Session], demo_cases: dict[str, str], db_path: Path
) -> None:
    typed = ("--level", "dissatisfied", "--date", "2026-11-20", "--reason", "599", "--db", f"sqlite:///{db_path}")
    assert main(["ratings", "key-in", demo_cases["受理"], *typed]) == 1
    assert "测评内容代码" in capsys.readouterr().err
    with sessions() as session:
        assert session.scalars(select(models.Rating)).first() is None


def test_a_sheet_for_no_case_and_a_poor_rating_without_its_reason_are_refused_in_chinese(
    capsys: pytest.CaptureFixture[str],
    sessions: sessionmaker[Session],
    demo_cases: dict[str, str],
    db_path: Path,
    tmp_path: Path,
) -> None:
    db, case_no = f"sqlite:///{db_path}", demo_cases["受理"]
    sheet, unknown = tmp_path / "评价表.pdf", "XAM01-20261120-01-0099"
    assert main(["ratings", "sheet", unknown, "--out", str(sheet), "--db", db]) == 1
    assert capsys.readouterr().err == f"未找到办件 {unknown}，不能发送评价\n"
    assert not sheet.exists()
    typed = ("--level", "very_dissatisfied", "--date", "2026-11-20", "--db", db)
    assert main(["ratings", "key-in", case_no, *typed]) == 1
    assert capsys.readouterr().err == "不满意、非常不满意须勾选至少一项测评内容\n"
    with sessions() as session:
        assert session.scalars(select(models.Rating)).first() is None


def test_a_sheet_keyed_in_twice_or_for_no_case_is_refused_in_chinese(
    capsys: pytest.CaptureFixture[str], sessions: sessionmaker[Session], demo_cases: dict[str, str], db_path: Path
) -> None:
    db, case_no, unknown = f"sqlite:///{db_path}", demo_cases["受理"], "XAM01-20261120-01-0099"
    typed = ("--level", "satisfied", "--date", "2026-11-20", "--db", db)
    assert main(["ratings", "key-in", unknown, *typed]) == 1
    assert capsys.readouterr().err.startswith(f"未找到办件 {unknown}")
    assert main(["ratings", "key-in", case_no, *typed]) == 0
    capsys.readouterr()
    assert main(["ratings", "key-in", case_no, "--level", "very_satisfied", "--date", "2026-11-21", "--db", db]) == 1
    err = capsys.readouterr().err
    assert case_no in err
    assert not any("a" <= c.lower() <= "z" for c in err.replace(case_no, ""))  # said in Chinese
    with sessions() as session:  # the first sheet stands
        assert session.scalars(select(models.Rating.level)).all() == ["satisfied"]
