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


TRAINING = "training"  # present in a training database only: see mark_training


def mark_training(session: Session) -> None:
    """Mark the database as the training one, for good: its paper says so and its cases never leave it.

    Written by the training start when it opens the training file; nothing removes it, so the file stays a
    training database however it is opened later (``--db`` naming it, a copy of it).
    """
    if session.get(models.Setting, TRAINING) is None:
        session.add(models.Setting(key=TRAINING, value="1"))


def is_training(session: Session) -> bool:
    return session.get(models.Setting, TRAINING) is not None
