"""A named pipe handed as a file is refused at once, in Chinese, with exit 1: never waited on.

``counter holidays import FIFO`` hung until killed: opening a pipe nobody writes to waits for a writer.  Every file a
command reads on the user's word goes through :func:`counter.util.bounded_read.read_bounded` (or the workbook's
check), which opens without waiting and reads only a regular file.  Each command runs in this process on a thread
given ten seconds; a command still waiting is let go by opening the pipe's other end, and fails the test.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from counter.cli.main import main
from counter.util.bounded_read import NotRegularFile, read_bounded
from tests.conftest import made_database

QUICK_S = 10.0
CHINESE = re.compile(r"[\u4e00-\u9fff]")

# each command, given the pipe's path: its arguments after ``--db URL``
COMMANDS: dict[str, Callable[[str], list[str]]] = {
    "holidays import": lambda pipe: ["holidays", "import", pipe, "--year", "2027"],
    "catalog validate": lambda pipe: ["catalog", "validate", pipe],
    "catalog import": lambda pipe: ["catalog", "import", pipe],
    "case take": lambda pipe: ["case", "take", pipe],
    "sync import": lambda pipe: ["sync", "import", pipe],
    "site register": lambda pipe: ["site", "register", pipe],
    "project register": lambda pipe: ["--today", "2026-09-01", "project", "register", "--file", pipe],
    "project items --import": lambda pipe: ["project", "items", "--import", pipe],
    "restore": lambda pipe: ["restore", pipe, "--yes"],
}
# the name each is handed: a catalog is read as a workbook by its ending (a pipe named .toml is no catalog file)
NAMES = {"catalog validate": "catalog.xlsx", "catalog import": "catalog.xlsx", "restore": "backup.sqlite3"}


def run_briefly(argv: list[str], pipe: Path) -> int:
    """``main(argv)``'s exit status; fails the test when it has not returned within :data:`QUICK_S`."""
    code: list[int] = []
    thread = threading.Thread(target=lambda: code.append(main(argv)), daemon=True)
    thread.start()
    thread.join(QUICK_S)
    if thread.is_alive():  # let the waiting open go: a writer comes and leaves at once
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        thread.join(QUICK_S)
        pytest.fail(f"{' '.join(argv)} waited on the pipe")
    return code[0]


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_named_pipe_is_refused_at_once(command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = made_database(tmp_path / "desk.sqlite3")
    pipe = tmp_path / NAMES.get(command, "given.json")
    os.mkfifo(pipe)
    code = run_briefly(["--db", db, *COMMANDS[command](str(pipe))], pipe)
    out, err = capsys.readouterr()
    assert code == 1, out + err
    said = out + err
    assert CHINESE.search(said), said
    assert "regular file" not in said, said  # the English stays in the log
    assert "Errno" not in said, said
    if command != "restore":  # a backup that is no file is named as missing, as it was before
        assert "管道" in said, said


def test_a_pipe_is_refused_unread_and_logged_in_english(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    pipe = tmp_path / "notice.txt"
    os.mkfifo(pipe)
    with pytest.raises(NotRegularFile) as refused:
        read_bounded(pipe, 10)
    assert refused.value.kind == "a named pipe"
    assert "a named pipe, not a regular file" in caplog.text


def test_a_device_is_refused_as_no_regular_file() -> None:
    with pytest.raises(NotRegularFile, match="a character device"):
        read_bounded(Path("/dev/zero"), 10)


def test_a_folder_is_refused_as_a_folder(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        read_bounded(tmp_path, 10)


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    given = tmp_path / "given.json"
    given.write_bytes(b'{"a": 1}')
    assert read_bounded(given, 8) == b'{"a": 1}'
