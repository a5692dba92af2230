"""``counter project … --today DATE``: the 帮您办 moves take the training day after the command, as the case commands
do; and a new 授权委托书 by command (``project sign --items``), checked as the application was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counter.cli.main import main
from tests.cli.test_project_commands import facts_file
from tests.conftest import made_database
from tests.projects.samples import FACTS


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_every_move_takes_the_training_day_after_it(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = made_database(tmp_path / "training.sqlite3")
    code, out, err = _run(capsys, "project", "register", "--db", db, "--file", facts_file(tmp_path, FACTS),
                          "--json", "--today", "2026-09-01")  # fmt: skip
    assert (code, err) == (0, ""), err
    number = json.loads(out)["project_no"]
    assert number.split("-")[1] == "20260901"  # numbered on the training day
    for move in (("accept", number), ("agents", number, "乌兰"), ("sign", number, "--day", "2026-09-02")):
        code, _, err = _run(capsys, "project", *move, "--db", db, "--today", "2026-09-02")
        assert (code, err) == (0, ""), err
    code, _, err = _run(capsys, "project", "plan", number, "--from-list", "2,7", "--db", db, "--today", "2026-09-03")
    assert (code, err) == (0, ""), err
    code, out, _ = _run(capsys, "project", "show", number, "--json", "--db", db, "--today", "2026-09-03")
    shown = json.loads(out)
    assert (shown["applied_on"], shown["accepted_on"], shown["signed_on"]) == ("2026-09-01", "2026-09-02", "2026-09-02")
    assert shown["mandate"] == list(FACTS.requested)
    assert [line["at"][:10] for line in shown["history"]] == ["2026-09-01", *["2026-09-02"] * 3, "2026-09-03"]


def test_a_new_mandate_by_command_is_checked(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = made_database(tmp_path / "training.sqlite3")
    code, out, _ = _run(capsys, "--db", db, "--today", "2026-09-01", "project", "register", "--file",
                        facts_file(tmp_path, FACTS), "--json")  # fmt: skip
    number = json.loads(out)["project_no"]
    for move in (("accept", number), ("agents", number, "乌兰"), ("sign", number)):
        assert _run(capsys, "--db", db, "--today", "2026-09-01", "project", *move)[0] == 0
    code, out, err = _run(capsys, "--db", db, "--today", "2026-09-02", "project", "sign", number, "--items", "1,2,7")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "企业投资项目核准与备案只能选其一：列入政府核准目录的项目办核准，其他项目办备案（企业投资项目核准和备案管理条例第三条）。"
    ]
    code, _, err = _run(capsys, "--db", db, "--today", "2026-09-02", "project", "sign", number, "--items", "二")
    assert code == 2
    assert "--items 应为参考目录的序号" in err
