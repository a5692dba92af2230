"""Named settings kept in the database, so every desk of a hall reads the same."""

from __future__ import annotations

from sqlalchemy.orm import Session

from counter.db import models


def get_setting(session: Session, key: str) -> str | None:
    row = session.get(models.Setting, key)
    return None if row is None else row.value


def put_setting(session: Session, key: str, value: str) -> None:
    row = session.get(models.Setting, key)
    if row is None:
        session.add(models.Setting(key=key, value=value))
    else:
        row.value = value
