"""Named settings kept in the database, so every desk of a hall reads the same.

A setting is read by key, and what a transaction read is remembered for the rest of it: the value found, or that
the key is missing (:func:`_known`).  An intake asks whether the database is a training one three times (its number,
its note, its paper), and for four settings that are mostly unset; without this the session asked the database again
at each read of a key not found.  :func:`read_settings` reads the few an action needs in one query, and
:func:`known_values` takes what a read made elsewhere found (:mod:`counter.db.intake_reads`), so that an intake
reads its settings in its one statement, found or not.  Every
write of a setting goes through this module, which keeps what it remembers true.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter.db import models
from counter.db.row_marks import setting_mark

_KNOWN = "counter.settings_known"  # Session.info: (the transaction, each key read in it: its value, None when missing)


def _known(work: Session) -> dict[str, str | None]:
    """The keys read in the unit's current transaction, with their values (a new transaction starts with none)."""
    transaction = work.get_transaction()
    known = work.info.get(_KNOWN)
    if known is None or known[0] is not transaction:
        known = work.info[_KNOWN] = (transaction, {})
    values: dict[str, str | None] = known[1]
    return values


def _row(session: Session, key: str) -> models.Setting | None:
    """The setting's row, to change it (what is remembered is taken from it)."""
    row = session.get(models.Setting, key)
    _known(session)[key] = None if row is None else row.value  # after the read: the read may have begun the transaction
    return row


def read_settings(work: Session, keys: Iterable[str]) -> None:
    """Read ``keys`` in one query for the rest of the transaction: found or missing, later reads ask nothing.

    Keys already read in the transaction are not asked again; nothing is asked when none is left."""
    known = _known(work)
    wanted = set(keys) - known.keys()
    if not wanted:
        return
    setting = models.Setting
    rows = work.execute(select(setting.key, setting.value).where(setting.key.in_(sorted(wanted))))
    found = {str(key): str(value) for key, value in rows}
    known.update({key: found.get(key) for key in wanted})


def known_values(work: Session, values: Mapping[str, str | None]) -> None:
    """``values`` were just read by a read of this transaction made elsewhere (``None``: the key is missing): later
    reads of them ask nothing, as after :func:`read_settings`."""
    _known(work).update(values)


def known_missing(work: Session, keys: Iterable[str]) -> None:
    """``keys`` were just found missing by a read of this transaction made elsewhere (:func:`known_values`)."""
    _known(work).update(dict.fromkeys(keys))


def get_setting(work: Session, key: str) -> str | None:
    known = _known(work)
    if key in known:
        return known[key]
    read_settings(work, (key,))
    return known[key]


def put_setting(session: Session, key: str, value: str) -> None:
    """Write the setting, marked under the trail key where this machine holds it (:mod:`counter.db.row_marks`)."""
    row = _row(session, key)
    mac = setting_mark(key, value)
    if row is None:
        session.add(models.Setting(key=key, value=value, mac=mac))
    else:
        row.value, row.mac = value, mac
    _known(session)[key] = value


def drop_setting(session: Session, key: str) -> None:
    """Remove the setting ``key``, if set."""
    row = _row(session, key)
    if row is not None:
        session.delete(row)
    _known(session)[key] = None


TRAINING = "training"  # present in a training database only: see mark_training
OUTAGE = "outage"  # present in a hall desk's outage store only: it numbers from OUTAGE_FIRST (counter.case.numbers)
OFFICE_PREFIX = "office."  # a site's office settings are kept under this and the site's code
AUTHORITY_PREFIX = "authority."  # what a site holds of its items (counter.actions.cases.item_authority), likewise
SITE_KIND = "site.kind"  # this site's kind, one part of its identity (counter.actions.admin.site keeps it whole)
SITE_CODE, SITE_NAME = (
    "site.code",
    "site.name",
)  # its code and name: what names its office (counter.actions.admin.office)
# its public keys, as its card gives them: counter.actions.admin.site keeps them with its identity
SITE_PUBLIC_KEY, SITE_ENCRYPTION_KEY = "site.public_key", "site.encryption_key"
TOWNSHIP = "township"  # the kind of a township centre (counter.sync.sites.SiteKind.TOWNSHIP)


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


def is_training(work: Session) -> bool:
    return get_setting(work, TRAINING) is not None


def is_township(work: Session) -> bool:
    """Whether this site is a township centre, read from its stored kind alone: what a guide page or a paper needs
    to know of the identity, without the site's keys and their library (counter.actions.admin.site)."""
    return get_setting(work, SITE_KIND) == TOWNSHIP
