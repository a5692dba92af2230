"""Where the app keeps its data and finds its resources.

``COUNTER_HOME`` overrides the per-user data folder (tests and training machines
use it); otherwise platformdirs picks the platform's place, e.g.
``~/.local/share/counter`` on Linux.
"""

from __future__ import annotations

import os
from pathlib import Path

from counter.host.machine.private_files import narrow_folder

APP_NAME = "counter"


def data_dir() -> Path:
    home = os.environ.get("COUNTER_HOME")
    if home:
        path = Path(home)
    else:
        from platformdirs import user_data_path

        path = user_data_path(APP_NAME, appauthor=False)
    if not path.is_dir():
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    else:
        narrow_folder(path)
    return path


def state_dir() -> Path:
    """This machine's own notes about the databases it has made and the numbers it has issued.

    Deliberately not under the data folder: the data folder (``COUNTER_HOME``) may be a network share, and what
    tells an unmounted share from a first start must still be there when the share is gone.  ``COUNTER_STATE``
    overrides it (tests); otherwise platformdirs' per-user state folder, e.g. ``~/.local/state/counter``.
    """
    path = state_place()
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def state_place() -> Path:
    """Where :func:`state_dir` is, without making it: for a write that needs it to exist already (an append)."""
    state = os.environ.get("COUNTER_STATE")
    if state:
        return Path(state)
    from platformdirs import user_state_path

    return user_state_path(APP_NAME, appauthor=False)


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def site_key_path() -> Path:
    """The file of this site's private signing key: in the data folder, never in the database."""
    return data_dir() / "keys" / "site.key"


def default_db_url() -> str:
    return f"sqlite:///{data_dir() / 'counter.sqlite3'}"


def training_db_url() -> str:
    """The training database (``counter demo``, ``--today``): beside the live one, never it.

    Always an SQLite file in the data folder, also on a hall whose live database is PostgreSQL: what a trainee
    types must not reach the database every desk of the hall shares.
    """
    return f"sqlite:///{data_dir() / 'training.sqlite3'}"
