"""``counter project print``: the leaflets without a project, a project's form as a PDF file, and a form the
project's state does not allow refused in Chinese with nothing written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from counter.access.desk import Desk
from counter.actions.projects.project_steps import register_project
from counter.actions.site.store import Store
from counter.case.numbers import DeskIdentity
from counter.cli.main import main
from tests.conftest import made_database
from tests.documents.pdf_tools import pdf_text
from tests.projects.samples import APPLIED, FACTS


def test_project_print(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = made_database(tmp_path / "desk.sqlite3")
    store = Store(db)
    at = dt.datetime.combine(APPLIED, dt.time(2), dt.UTC)
    desk = Desk(DeskIdentity("XAM01", "8"), "乌兰")
    number = store.write(lambda unit: register_project(unit, desk, FACTS, APPLIED, at))
    store.dispose()

    out = tmp_path / "application.pdf"
    assert main(["project", "print", number, "--form", "application", "--out", str(out), "--db", db]) == 0
    assert f"{number}-3\t{out}" in capsys.readouterr().out
    text = pdf_text(out)
    assert "“帮您办”代办帮办服务申请表" in text
    assert number in text

    flow = tmp_path / "flow.pdf"
    assert main(["project", "print", "--form", "flowchart", "--out", str(flow), "--db", db]) == 0
    assert "需补充材料的" in pdf_text(flow)

    done = tmp_path / "completion.pdf"
    assert main(["project", "print", number.lower(), "--form", "completion", "--out", str(done), "--db", db]) == 1
    err = capsys.readouterr().err
    assert f"项目 {number} 当前为“申请”，不能打印办结单；办结单在以下状态可以打印：办结。" in err
    assert not done.exists()

    assert main(["project", "print", "--form", "pledge", "--out", str(done), "--db", db]) == 1
    assert "打印承诺书需要写项目编号。" in capsys.readouterr().err
    assert (
        main(["project", "print", "XAM01-20260901-P08-0099", "--form", "pledge", "--out", str(done), "--db", db]) == 1
    )
    assert "没有编号为 XAM01-20260901-P08-0099 的帮您办项目" in capsys.readouterr().err
    missing = tmp_path / "usb" / "a.pdf"
    assert main(["project", "print", "--form", "catalogue", "--out", str(missing), "--db", db]) == 1
    assert not (tmp_path / "usb").exists()
