"""A desk started on a hall's server named in clear says so, and names the setting that would allow it."""

from __future__ import annotations

from counter.actions.site.store import Store
from counter.db.url import TRUSTED_NETWORK_ENV
from counter.ui.start.app import open_database


def test_the_window_refuses_a_server_in_clear_and_says_whom_to_call() -> None:
    """The window names no setting (support's command line does: counter.words.at_command_line)."""
    store = Store("postgresql+psycopg://counter_desk:pw@db-host/counter")
    failure = open_database(store)
    assert failure is not None
    assert "拒绝以明文连接" in failure
    assert TRUSTED_NETWORK_ENV not in failure
    assert "请联系运维人员" in failure
    store.dispose()
