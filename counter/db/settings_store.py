"""Named settings kept in the database, so every desk of a hall reads the same.

A setting is read by key (``session.get``), and a row found stays in the session for the rest of its transaction.
A key *not* found does not: the session asks the database again at each read, and an intake asks whether the database
is a training one three times (its number, its note, its paper), and for four settings that are mostly unset.  So a
key found missing is remembered as missing for the rest of the transaction (:func:`_row`), and
:func:`read_settings` reads the few an action needs in one query.  Every write of a setting goes through this module,
which forgets the key's absence.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter.db import models

_ABSENT = "counter.settings_absent"  # session.info: (the transaction, the keys found missing in it)


def _absent(session: Session) -> set[str]:
    """The keys found missing in the session's current transaction (a new transaction starts with none)."""
    transaction = session.get_transaction()
    known = session.info.get(_ABSENT)
    if known is None or known[0] is not transaction:
        known = session.info[_ABSENT] = (transaction, set())
    absent: set[str] = known[1]
    return absent


def _row(session: Session, key: str) -> models.Setting | None:
    if key in _absent(session):
        return None
    row = session.get(models.Setting, key)
    if row is None:
        _absent(session).add(key)  # after the read: the read may have begun the transaction
    return row


def read_settings(session: Session, keys: Iterable[str]) -> None:
    """Read ``keys`` in one query for the rest of the transaction: found or missing, later reads ask nothing.

    Keys already known missing in the transaction are not asked again (:func:`known_missing`); nothing is asked
    when none is left."""
    absent = _absent(session)
    wanted = set(keys) - absent
    if not wanted:
        return
    rows = session.scalars(select(models.Setting).where(models.Setting.key.in_(sorted(wanted)))).all()
    absent.update(wanted - {row.key for row in rows})


def known_missing(session: Session, keys: Iterable[str]) -> None:
    """``keys`` were just found missing by a read of this transaction made elsewhere
    (:mod:`counter.db.intake_reads`): later reads of them ask nothing, as after :func:`read_settings`."""
    _absent(session).update(keys)


def get_setting(session: Session, key: str) -> str | None:
    row = _row(session, key)
    return None if row is None else row.value


def put_setting(session: Session, key: str, value: str) -> None:
    row = _row(session, key)
    if row is None:
        session.add(models.Setting(key=key, value=value))
        _absent(session).discard(key)
    else:
        row.value = value


TRAINING = "training"  # present in a training database only: see mark_training
OFFICE_PREFIX = "office."  # a site's office settings are kept under this and the site's code


def office_key(site_code: str) -> str:
    """The key of a site's office settings (read with the case page's own statement too: counter.db.case_page_reads)."""
    return OFFICE_PREFIX + site_code


def mark_training(session: Session) -> None:
    """Mark the database as the training one, for good: its paper says so and its cases never leave it.

    Written by the training start when it opens the training file; nothing removes it, so the file stays a
    training database however it is opened later (``--db`` naming it, a copy of it).
    """
    if _row(session, TRAINING) is None:
        put_setting(session, TRAINING, "1")


def is_training(session: Session) -> bool:
    return _row(session, TRAINING) is not None
