"""A desk started on a hall's server named in clear says so, and names the setting that would allow it."""

from __future__ import annotations

from counter.actions.site.store import Store
from counter.db.url import TRUSTED_NETWORK_ENV
from counter.ui.app import open_database


def test_the_window_names_the_setting_for_a_server_in_clear() -> None:
    store = Store("postgresql+psycopg://counter_desk:pw@db-host/counter")
    failure = open_database(store)
    assert failure is not None
    assert "拒绝以明文连接" in failure
    assert f"{TRUSTED_NETWORK_ENV}=1" in failure
    store.dispose()
