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


PAIR_LIBPQ_WAY = "postgresql+psycopg://counter:S3cret@hall-db-a:5432,hall-db-b:5432/counter"


@pytest.mark.parametrize("argv", [["db", "upgrade"], ["backup"], ["case", "list"]], ids=" ".join)
def test_a_pairs_nodes_written_libpqs_way_are_misuse_said_with_the_form_to_write(
    argv: list[str], counter_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``@a:5432,b:5432/`` is libpq's, not SQLAlchemy's (its port read as one number): before, an unexpected error
    with a report for support; now misuse, with the ``host=`` form the 运维手册's step 12 writes, never the password."""
    monkeypatch.setenv("COUNTER_DB_URL", PAIR_LIBPQ_WAY)
    assert cli_main.main(argv) == 2
    err = capsys.readouterr().err
    assert "环境变量 COUNTER_DB_URL 的数据库地址" in err
    assert "?host=名字:端口&host=名字:端口" in err
    assert "S3cret" not in err
    assert not list(counter_home.rglob("error-*.txt"))


def test_a_pairs_nodes_written_libpqs_way_in_db_are_misuse(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main.main(["db", "upgrade", "--db", PAIR_LIBPQ_WAY]) == 2
    err = capsys.readouterr().err
    assert "参数 --db：数据库地址里的几台数据库要各写一个 host= 参数" in err
    assert "S3cret" not in err


def test_a_pairs_address_written_with_host_parameters_is_an_address() -> None:
    pair = "postgresql+psycopg://counter:a,b@/counter?host=hall-db-a:5432&host=hall-db-b:5432"  # a comma in a password
    assert database_choice.checked_address(pair) == pair
    assert database_choice.hosts_after_at(PAIR_LIBPQ_WAY)
