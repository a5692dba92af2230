"""A ``--out`` that cannot take the paper is refused before the paper is made, on every command that makes one.

A paper is numbered and recorded as issued when it is made, and an auditor reads each series of numbers for gaps: a
folder that is not there, a folder that takes no files or a folder named as the file must leave the database as it
was (no number taken, no paper recorded, no step done), and the next good paper takes the number the refused one
would have taken.  Each command is run twice from the same database: once refused then again with a good ``--out``,
once with the good ``--out`` alone; both must issue the same numbers.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from counter.access.desk import Desk
from counter.actions.projects.project_steps import register_project
from counter.actions.site.store import Store
from counter.case.numbers import DeskIdentity
from counter.cli.main import main
from tests.conftest import made_database
from tests.entrusted import ACTS_OPTION, ENTERED_OPTIONS, ENTRUSTMENT, by_command
from tests.projects.samples import APPLIED, FACTS
from tests.test_cli_items import FOOD, ITEMS, accepted_case

#: how a --out can be wrong: where it points, given the test's folder, and what the refusal says of it
Wrong = Callable[[Path, pytest.MonkeyPatch], tuple[Path, str]]


def missing_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    """A stick not in: the folder is not there."""
    out = tmp_path / "usb" / "回执" / "paper.pdf"
    return out, f"文件夹 {out.parent} 不存在"


def folder_taking_no_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    """A folder the desk's account may not write in.  The tests may run as root, who writes anywhere: the system's
    answer for this folder is made to be the one an ordinary account gets."""
    folder = tmp_path / "只读"
    folder.mkdir()
    real = os.access

    def access(path: str | os.PathLike[str], mode: int, **kwargs: Any) -> bool:
        return False if Path(path) == folder and mode & os.W_OK else real(path, mode, **kwargs)

    monkeypatch.setattr(os, "access", access)
    return folder / "paper.pdf", f"文件夹 {folder} 不能写入（没有读写这个文件或文件夹的权限）"


def a_folder_as_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    """The folder named where the file's name should be."""
    out = tmp_path / "回执"
    out.mkdir()
    return out, f"{out} 是一个文件夹，不是文件"


WRONG: dict[str, Wrong] = {
    "missing": missing_folder,
    "read-only": folder_taking_no_files,
    "folder": a_folder_as_the_file,
}


def url(path: Path) -> str:
    return f"sqlite:///{path}"


def everything(path: Path) -> list[str]:
    """The whole database as SQL: what a refused command must leave as it was."""
    with closing(sqlite3.connect(path)) as db:
        return list(db.iterdump())


def numbers(path: Path) -> list[tuple[str, str]]:
    """Every number issued, with its kind: the papers of cases and guides, the 帮您办 forms (a 告知承诺 paper keeps
    its number on its grant: tests/test_cli_pledges.py)."""
    with closing(sqlite3.connect(path)) as db:
        return [
            *db.execute("SELECT kind, doc_no FROM document_record ORDER BY id"),
            *db.execute("SELECT kind, doc_no FROM project_paper ORDER BY id"),
        ]


def refused_then_made(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    db: Path,
    command: list[str],
    wrong: Wrong,
) -> None:
    """``command`` with a wrong ``--out``: refused in Chinese naming the place, nothing written and the database as
    it was; with a good one, the numbers a twin of the database issues without the refusal."""
    twin = tmp_path / "twin.sqlite3"
    with closing(sqlite3.connect(db)) as source, closing(sqlite3.connect(twin)) as copy:
        source.backup(copy)  # with what the write-ahead log still holds
    before = everything(db)
    with monkeypatch.context() as for_now:  # a folder taking no files takes them again after
        bad, said = wrong(tmp_path, for_now)
        assert main([*command, "--out", str(bad), "--db", url(db)]) == 1
    err = capsys.readouterr().err
    assert said in err
    assert "Traceback" not in err
    assert everything(db) == before  # no number, no paper, no step
    assert not bad.is_file()
    assert not (tmp_path / "usb").exists()
    for database, name in ((db, "good.pdf"), (twin, "twin.pdf")):
        assert main([*command, "--out", str(tmp_path / name), "--db", url(database)]) == 0, capsys.readouterr().err
        assert (tmp_path / name).read_bytes().startswith(b"%PDF")
    assert numbers(db) == numbers(twin)


@pytest.mark.parametrize("wrong", WRONG.values(), ids=WRONG.keys())
def test_a_guide_notice_takes_no_number_for_a_wrong_out(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, wrong: Wrong
) -> None:
    db = tmp_path / "desk.sqlite3"
    made_database(db)
    refused_then_made(capsys, monkeypatch, tmp_path, db, ["notice", "008"], wrong)
    [(kind, _)] = numbers(db)
    assert kind == "guide_notice"


@pytest.mark.parametrize("wrong", WRONG.values(), ids=WRONG.keys())
def test_a_case_paper_takes_no_number_for_a_wrong_out(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, wrong: Wrong
) -> None:
    db = tmp_path / "desk.sqlite3"
    made_database(db)
    number = accepted_case(url(db))
    refused_then_made(capsys, monkeypatch, tmp_path, db, ["print", number, "--doc", "receipt"], wrong)
    [(kind, _)] = numbers(db)
    assert kind == "receipt"


def department_desk(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db: Path) -> str:
    """A case accepted by a hall that only receives its items, routed to their departments, and the 市场监管局's
    account ``shenpi`` (its password in the environment) to act on its item."""
    number = accepted_case(url(db))
    password = "Xam-2026-shenpi"
    monkeypatch.setenv("COUNTER_PASSWORD", password)
    for by, login, name, roles in (
        ((), "batu", "巴图", ("--role", "admin", "--role", "clerk")),
        (("--user", "batu"), "shenpi", "审批员", ("--role", "department", "--department", "乌兰浩特市市场监督管理局")),
    ):
        monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
        added = main([*by, "user", "add", login, "--name", name, *roles, "--db", url(db), "--password-stdin"])
        assert added == 0
    assert main(["--user", "batu", "item", "route", number, "--db", url(db)]) == 0
    capsys.readouterr()
    return number


REFUSAL = ("--reason", "经营场所位于本市行政区域以外，不属于本机关管辖。")


@pytest.mark.slow
@pytest.mark.parametrize("step", [("sign",), ("refuse", *REFUSAL)], ids=["sign", "refuse"])
def test_a_departments_step_with_a_wrong_out_is_not_done(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, step: tuple[str, ...]
) -> None:
    """``item sign --out`` and ``item refuse --out``: the step and its paper go together, so neither is done."""
    db = tmp_path / "desk.sqlite3"
    made_database(db)
    number = department_desk(capsys, monkeypatch, db)
    command = ["--user", "shenpi", "item", step[0], number, FOOD, *step[1:]]
    refused_then_made(capsys, monkeypatch, tmp_path, db, command, folder_taking_no_files)
    assert len(numbers(db)) == 1


@pytest.mark.slow
def test_a_departments_paper_takes_no_number_for_a_wrong_out(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    db = tmp_path / "desk.sqlite3"
    made_database(db)
    number = department_desk(capsys, monkeypatch, db)
    assert main(["--user", "shenpi", "item", "sign", number, FOOD, "--db", url(db)]) == 0
    command = ["--user", "shenpi", "item", "paper", number, FOOD, "--doc", "acceptance"]
    refused_then_made(capsys, monkeypatch, tmp_path, db, command, missing_folder)
    [(kind, _)] = numbers(db)
    assert kind.startswith("acceptance")  # the department's own, by its item


@pytest.mark.slow
def test_a_hand_over_with_a_wrong_out_is_not_recorded(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The results handed over and their 送达回证 go together: a 回证 that cannot be written leaves both undone."""
    db = tmp_path / "desk.sqlite3"
    made_database(db)
    number = accepted_case(url(db))
    assert main(["item", "route", number, "--db", url(db)]) == 0
    # a 行政机关, the 司法局 says: the licences entrusted below are accepted at the window, in their bodies' names
    assert main(["office", "--administrative-organ", "yes", "--db", url(db)]) == 0
    assert (
        main(
            [
                "site",
                "authority",
                ACTS_OPTION,
                *(f"--entrust={item}={ENTRUSTMENT}" for item in by_command(ITEMS, url(db))),
                "--db",
                url(db),
            ]
        )
        == 0
    )
    for n, item in enumerate(ITEMS):
        assert main(["item", "sign", number, item, "--db", url(db)]) == 0
        assert main(["item", "approve", number, item, "--result-no", f"XK-{n}", *ENTERED_OPTIONS, "--db", url(db)]) == 0
    capsys.readouterr()
    command = ["hand-over", number, "--way", "post", "--carrier", "中国邮政EMS", "--tracking-no", "1151234567890"]
    refused_then_made(capsys, monkeypatch, tmp_path, db, command, a_folder_as_the_file)
    [(kind, _)] = numbers(db)
    assert kind.startswith("service")  # the first hand-over's


def test_a_project_form_takes_no_number_for_a_folder_taking_no_files(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    db = tmp_path / "desk.sqlite3"
    made_database(db)
    store = Store(url(db))
    at = dt.datetime.combine(APPLIED, dt.time(2), dt.UTC)
    desk = Desk(DeskIdentity("XAM01", "8"), "乌兰")
    project = store.write(lambda unit: register_project(unit, desk, FACTS, APPLIED, at))
    store.dispose()
    command = ["project", "print", project, "--form", "application"]
    refused_then_made(capsys, monkeypatch, tmp_path, db, command, folder_taking_no_files)
    [(kind, _)] = numbers(db)
    assert kind == "project_apply"


@pytest.mark.parametrize("wrong", WRONG.values(), ids=WRONG.keys())
def test_a_rating_sheet_is_refused_before_it_is_made(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, wrong: Wrong
) -> None:
    """The 评价表 takes no number, but is refused in the same words before anything is read."""
    db = tmp_path / "desk.sqlite3"
    made_database(db)
    number = accepted_case(url(db))
    refused_then_made(capsys, monkeypatch, tmp_path, db, ["ratings", "sheet", number], wrong)


def test_a_file_that_may_not_be_replaced_is_named_and_kept(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A paper saved before, now read-only: refused before anything is made, and left as it was."""
    db = tmp_path / "desk.sqlite3"
    made_database(db)
    kept = tmp_path / "notice.pdf"
    kept.write_bytes(b"%PDF kept")
    real = os.access

    def access(path: str | os.PathLike[str], mode: int, **kwargs: Any) -> bool:
        return False if Path(path) == kept and mode & os.W_OK else real(path, mode, **kwargs)

    monkeypatch.setattr(os, "access", access)
    before = everything(db)
    assert main(["notice", "008", "--out", str(kept), "--db", url(db)]) == 1
    assert f"文件 {kept} 已存在，不能改写（没有读写这个文件或文件夹的权限）" in capsys.readouterr().err
    assert kept.read_bytes() == b"%PDF kept"
    assert everything(db) == before


def test_a_blank_form_is_refused_before_it_is_made(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A form takes no number, but its file is checked first, in the same words, as every paper's."""
    db = tmp_path / "desk.sqlite3"
    made_database(db)
    refused_then_made(capsys, monkeypatch, tmp_path, db, ["form", "008", "M01"], a_folder_as_the_file)
