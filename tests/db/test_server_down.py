"""A hall's server that is not there (stopped, a wrong host, the network down) is named, not reported as a crash.

Before, libpq's "connection refused" or "No such file or directory" at connecting matched no known fault: every
command, ``db upgrade`` too, saved an unexpected-error report and told the technician to call support.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from counter.cli.main import main
from counter.db.faults import fault_of
from counter.host.database.database_faults import DbFault
from counter.words.database import DB_FAULT


class _Orig(Exception):
    sqlstate = None  # libpq gives none at connecting


@pytest.mark.parametrize(
    "message",
    [
        'connection is bad: connection to server on socket "/run/pg/.s.PGSQL.5432" failed: No such file or directory\n'
        "\tIs the server running locally and accepting connections on that socket?",
        'connection failed: connection to server at "10.1.2.3", port 5432 failed: Connection refused',
        'connection failed: could not translate host name "db-host" to address: Name or service not known',
        'connection failed: connection to server at "10.1.2.3", port 5432 failed: No route to host',
        'connection failed: connection to server at "10.1.2.3", port 5432 failed: timeout expired',
    ],
    ids=["no-socket", "refused", "no-such-host", "no-route", "timeout"],
)
def test_each_way_a_server_is_not_there_is_named(message: str) -> None:
    assert fault_of(OperationalError("SELECT 1", {}, _Orig(message))) is DbFault.UNREACHABLE


@pytest.fixture
def url() -> Iterator[str]:
    """A server's address with nothing listening: a socket folder of its own, no server in it."""
    with tempfile.TemporaryDirectory(prefix="pg") as folder:
        yield f"postgresql+psycopg://counter@/hall?host={folder}&port=55999"


@pytest.mark.parametrize("command", [["case", "list"], ["db", "upgrade"]], ids=["case-list", "db-upgrade"])
def test_a_command_names_the_fault_and_logs_it(
    url: str,
    command: list[str],
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    counter_home: Path,
) -> None:
    caplog.set_level(logging.ERROR)
    assert main(["--db", url, *command]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert DB_FAULT["unreachable"] in err
    assert "database fault unreachable" in caplog.text
    assert not list(counter_home.rglob("error-*.txt"))  # no unexpected-error report
