"""Which database: ``--db URL``, else ``COUNTER_DB_URL``, else the SQLite file in the data folder.

Kept apart from :mod:`counter.db.engine` so start-up can decide without importing SQLAlchemy.
"""

from __future__ import annotations

import os

from counter.host.paths import default_db_url

ENV_URL = "COUNTER_DB_URL"


def resolve_url(explicit: str | None = None) -> str:
    return explicit or os.environ.get(ENV_URL) or default_db_url()
