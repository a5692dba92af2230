"""A command whose reader stops reading (``counter catalog list | head -1``): it ends quietly, with the status a
shell gives a program its pipe's reader left (128 + SIGPIPE), never an English traceback.

Run as a process of its own, its standard output a pipe whose reading end is already closed: every write to it
fails, as once ``head`` has its line."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import made_database

pytestmark = pytest.mark.program

EXIT_PIPE_CLOSED = 128 + signal.SIGPIPE


def run_into_closed_pipe(*argv: str) -> tuple[int, str]:
    """``python -m counter ARGV`` writing into a pipe nobody reads: its status and what it wrote to stderr."""
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "counter", *argv],
            check=False,
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(write)
    return done.returncode, done.stderr


@pytest.mark.parametrize("command", [("catalog", "list"), ("catalog", "list", "--json"), ("holidays", "list")])
def test_a_reader_gone_ends_the_command_quietly_as_a_closed_pipe_does(tmp_path: Path, command: tuple[str, ...]) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    status, err = run_into_closed_pipe(*command, "--db", db)
    assert (status, err) == (EXIT_PIPE_CLOSED, "")


def test_the_version_into_a_closed_pipe_ends_the_same_way() -> None:
    assert run_into_closed_pipe("--version") == (EXIT_PIPE_CLOSED, "")
