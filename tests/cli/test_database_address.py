"""``COUNTER_DB_URL`` holding a file's path is misuse, said as ``--db``'s is: with the address it would be, exit 2.

Before, ``--db /srv/counter/counter.sqlite3`` was refused so, but the same path in ``COUNTER_DB_URL`` reached the
engine, which failed on it: every command that opened the database said 程序遇到意外错误 and saved a report for
support, for a setting the technician could fix in a line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import counter.cli.main as cli_main
from counter.host.database import database_choice

SAID = "环境变量 COUNTER_DB_URL 应为数据库地址，不是文件路径：SQLite 文件写作 sqlite:///{path}"


@pytest.mark.parametrize(
    "argv",
    [
        ["case", "list"],
        ["db", "upgrade"],
        ["backup"],
        ["catalog", "list"],
        ["user", "list"],
        ["audit", "verify"],
    ],
    ids=" ".join,
)
def test_a_path_in_the_variable_is_misuse_for_every_command(
    argv: list[str],
    tmp_path: Path,
    counter_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "hall.sqlite3"
    monkeypatch.setenv("COUNTER_DB_URL", str(path))
    assert cli_main.main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == SAID.format(path=path)
    assert not path.exists()  # nothing made where the path points
    assert not list(counter_home.rglob("error-*.txt"))  # no report for support: nothing unexpected happened


def test_a_relative_path_is_shown_as_the_address_it_would_be(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COUNTER_DB_URL", "hall.sqlite3")
    assert cli_main.main(["case", "list"]) == 2
    assert capsys.readouterr().err.strip() == SAID.format(path="hall.sqlite3")


def test_db_given_is_followed_without_reading_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--db`` wins over the variable, as it always has: a wrong variable does not stop a command that names its
    database."""
    monkeypatch.setenv("COUNTER_DB_URL", str(tmp_path / "wrong.sqlite3"))
    assert cli_main.main(["db", "upgrade", "--db", f"sqlite:///{tmp_path / 'right.sqlite3'}"]) == 0
    assert (tmp_path / "right.sqlite3").exists()
    assert "COUNTER_DB_URL" not in capsys.readouterr().err


def test_an_address_in_the_variable_is_followed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'hall.sqlite3'}"
    monkeypatch.setenv("COUNTER_DB_URL", url)
    assert database_choice.database_url() == url


def test_one_check_for_the_option_and_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rule is one function: ``--db`` (read by the parser) and the variable (read where the database is chosen)."""
    with pytest.raises(database_choice.NotAnAddress) as given:
        database_choice.database_url("/srv/counter.sqlite3")
    assert (given.value.given, given.value.variable) == ("/srv/counter.sqlite3", "")
    monkeypatch.setenv("COUNTER_DB_URL", "/srv/counter.sqlite3")
    with pytest.raises(database_choice.NotAnAddress) as variable:
        database_choice.database_url()
    assert (variable.value.given, variable.value.variable) == ("/srv/counter.sqlite3", "COUNTER_DB_URL")
    assert (
        database_choice.checked_address("postgresql+psycopg://counter@/counter")
        == "postgresql+psycopg://counter@/counter"
    )
