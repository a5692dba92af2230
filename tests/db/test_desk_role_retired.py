"""The desk role is retired: a hall's desks ask the hall server, whose role owns the tables, and never PostgreSQL.

``counter db grant-desk`` and ``db upgrade --desk-role``, which made one, refuse in Chinese and say what to do
instead, before anything is opened: no database is made, no role granted.  The move of a hall that has one is the
运维手册's, run as written on a real server (tests/db/test_hall_setup_doc.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from counter.cli.main import main


@pytest.mark.parametrize(
    "command",
    [["db", "grant-desk", "counter_desk"], ["db", "grant-desk", "counter_desk", "--password-stdin"],
     ["db", "upgrade", "--desk-role", "counter_desk"]],
)  # fmt: skip
def test_the_old_options_refuse_and_say_what_instead(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'hall.sqlite3'}"
    assert main([*command, "--db", url]) == 2
    err = capsys.readouterr().err
    assert "本命令什么也没有做" in err
    assert "counter serve" in err  # what the desks ask instead
    assert "从窗口角色改为服务端" in err  # where the manual retires an old hall's role
    assert not (tmp_path / "hall.sqlite3").exists()  # refused before the database was opened, or made


def test_the_upgrade_alone_still_makes_and_migrates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'hall.sqlite3'}"
    assert main(["db", "upgrade", "--db", url]) == 0
    assert "数据库结构已是最新" in capsys.readouterr().out
