"""A hall's server still starting (SQLSTATE 57P03) is named: the clerk is told to wait, support reads it in the log.

Before, libpq's "the database system is starting up" matched no known fault: the command line saved an
unexpected-error report, and the window said only that the database could not be opened.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from counter.actions.site.store import Store
from counter.cli.main import main
from counter.db.faults import fault_of
from counter.host.database.database_faults import DbFault, StoreFault
from counter.words.database import DB_FAULT
from tests.db.starting_server import STARTING, starting_server


@pytest.fixture
def url() -> Iterator[str]:
    # a short folder: a Unix socket's path has a small limit
    with tempfile.TemporaryDirectory(prefix="pg") as folder, starting_server(Path(folder)) as starting:
        yield starting


class _Orig(Exception):
    def __init__(self, message: str, sqlstate: str | None) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


@pytest.mark.parametrize(
    ("message", "sqlstate"),
    [
        (f"connection failed: FATAL:  {STARTING}", None),  # as libpq reports it at connecting
        ("FATAL:  the database system is in recovery mode", None),
        ("FATAL:  the database system is shutting down", None),
        ("cannot connect now", "57P03"),  # where the driver has the code
    ],
)
def test_each_way_the_server_says_it_takes_no_connection_yet_is_named(message: str, sqlstate: str | None) -> None:
    assert fault_of(OperationalError("SELECT 1", {}, _Orig(message, sqlstate))) is DbFault.NOT_READY


def test_a_command_tells_the_clerk_to_wait_and_logs_it(
    url: str, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture, counter_home: Path
) -> None:
    caplog.set_level(logging.ERROR, logger="counter.cli.common")
    assert main(["--db", url, "case", "list"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == DB_FAULT["not_ready"]
    assert "database fault not_ready" in caplog.text
    assert STARTING in caplog.text
    assert not list(counter_home.rglob("error-*.txt"))  # no unexpected-error report


def test_the_desk_says_so_before_its_window_opens(url: str, caplog: pytest.LogCaptureFixture) -> None:
    from counter.ui.start.app import open_database

    store = Store(url)
    with pytest.raises(StoreFault) as caught:
        store.sessions()
    assert caught.value.fault is DbFault.NOT_READY
    assert caught.value.connection_lost  # a server to wait for: the desk's reconnector keeps trying
    caplog.set_level(logging.ERROR, logger="counter.ui.start.app")
    assert open_database(store) == DB_FAULT["not_ready"]
    assert STARTING in caplog.text
    store.dispose()
