"""Whatever a person types after ``counter``, the answer is a message and an exit status, never a traceback.

Hypothesis builds command lines from the real commands and options mixed with
junk: unknown words, bad dates, missing values, odd characters, case numbers
that are not.  Each run must end in 0, 1 or 2 with nothing on stderr that looks
like Python.  Commands that start the window, print on paper or replace the
database are left out: they are tested where their side effects are looked at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counter.cli.main import main
from tests.conftest import made_database

COMMANDS = [
    ["catalog", "list"],
    ["catalog", "show"],
    ["catalog", "validate"],
    ["case", "show"],
    ["case", "list"],
    ["case", "void"],
    ["case", "lapse"],
    ["case", "correction-lapse"],
    ["case", "decide"],
    ["holidays", "list"],
    ["holidays", "set"],
    ["ratings", "export"],
    ["user", "list"],
    ["user", "disable"],
    ["audit", "verify"],
    ["sync", "status"],
    ["sync", "review"],
    ["sync", "import"],
    ["site", "show"],
    ["site", "peers"],
    ["site", "register"],
    ["office"],
    ["desk"],
    ["nonsense"],
    [],
]
WORDS = st.sampled_from(
    [
        "--json", "--today", "--from", "--to", "--format", "json", "csv", "--reason", "--overdue", "--due-soon",
        "--kind", "off", "work", "clear", "2026-13-40", "2026-11-20", "yesterday", "XAM01-20261120-08-0001",
        "XAM01-99999999-99-9999", "xcg", "152201198505050112", "--coding", "gbt39046", "-", "--", "''", "--user",
        "--desk", "0", "--site", "x", "--clerk", "乌兰", "𬭚", "\x00", "a" * 300, "--password-stdin", "--help",
    ]
)  # fmt: skip
JUNK = st.text(alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=12)


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(tmp_path)  # whatever a command line writes lands here
    monkeypatch.setenv("COUNTER_PASSWORD", "wrong-password-1")
    return made_database(tmp_path / "fuzz.sqlite3")


# every example runs against the test's one database and captured output: none needs fresh ones
@pytest.mark.slow
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command=st.sampled_from(COMMANDS), rest=st.lists(st.one_of(WORDS, JUNK), max_size=5))
def test_no_command_line_ends_in_a_traceback(
    capsys: pytest.CaptureFixture[str], db: str, command: list[str], rest: list[str]
) -> None:
    argv = [*command, *rest, "--db", db] if command else [*rest, "--db", db, "--help"]
    try:
        code = main(argv)
    except SystemExit as stop:  # argparse's own --help and usage errors end the process this way
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    assert code in (0, 1, 2), (argv, code, err)
    assert "Traceback" not in err + out, argv
    assert "程序遇到意外错误" not in err, (argv, err)  # an unexpected error is reported, but none should happen
