"""A desk started on a hall's server named in clear says so, and names the setting that would allow it; one whose
opening meets a damaged data key says that."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text

from counter.actions.site.store import Store
from counter.db.url import TRUSTED_NETWORK_ENV
from counter.host.keys.data_key import ensure_data_keys
from counter.host.machine.paths import site_key_path
from counter.service.local import InProcess
from counter.ui.start.app import open_database
from counter.words.database import DB_FAULT
from tests.conftest import made_database


def test_the_window_refuses_a_server_in_clear_and_says_whom_to_call() -> None:
    """The window names no setting (support's command line does: counter.words.at_command_line)."""
    store = Store("postgresql+psycopg://counter_desk:pw@db-host/counter")
    failure = open_database(store)
    assert failure is not None
    assert "拒绝以明文连接" in failure
    assert TRUSTED_NETWORK_ENV not in failure
    assert "请联系运维人员" in failure
    store.dispose()


def test_a_start_whose_sealing_meets_a_damaged_data_key_names_the_key_not_the_database(tmp_path: Path) -> None:
    """A rotation left half done (its values still to move) and its new key lost since: the start's upgrade finishes
    the sealing listed, which refused with a LookupError, an unexpected-error window before the desk opened.  The
    start says the data key, whom to call, and not that the database settings are wrong."""
    url = made_database(tmp_path / "desk.sqlite3")
    ensure_data_keys(site_key_path())
    engine = create_engine(url)
    with engine.begin() as c:
        c.execute(text("INSERT INTO data_sealing (job, key_id) VALUES ('rotate', 2)"))
    engine.dispose()
    store = Store(url)
    try:
        assert open_database(InProcess(store)) == DB_FAULT["data_key"]
    finally:
        store.dispose()
