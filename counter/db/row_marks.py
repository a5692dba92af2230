"""Marks of the access-control rows (accounts, settings) written where the rows are, and read back for the check.

The mark is HMAC-SM3 under the trail key (:mod:`counter.audit.row_mac`), read where every entry of the trail reads
it (:func:`counter.host.keys.trail_key.read_trail_key`): a machine without the key writes an empty mark.  Accounts are
written by :mod:`counter.db.account_store` and settings by :mod:`counter.db.settings_store`, each calling here after
its write, in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from counter.audit.row_mac import ACCOUNT_MARKED, ACCOUNT_TABLE, SETTING_TABLE, Values, row_mac
from counter.db import models
from counter.host.keys.trail_key import read_trail_key, trail_key_path
from counter.host.machine import paths


def trail_key() -> bytes | None:
    """This machine's trail key, None where it has none."""
    return read_trail_key(trail_key_path(paths.site_key_path()))


def setting_mark(name: str, value: str, key: bytes | None = None) -> str:
    """The mark of a setting row as it is written ("" without the trail key)."""
    key = trail_key() if key is None else key
    return "" if key is None else row_mac(key, SETTING_TABLE, {"key": name, "value": value})


def _account_values(row: tuple[object, ...]) -> Values:
    values: dict[str, str | bool] = {name: str(value) for name, value in zip(ACCOUNT_MARKED, row, strict=True)}
    values["disabled"] = bool(row[ACCOUNT_MARKED.index("disabled")])
    return values


def _account_columns() -> tuple[object, ...]:
    a = models.Account
    return a.login, a.name, a.staff_no, a.roles, a.department, a.password_hash, a.disabled


def mark_account(session: Session, login: str, key: bytes | None = None) -> None:
    """Write the account's mark from its fields as they now are in the transaction."""
    key = trail_key() if key is None else key
    if key is None:
        return
    row = session.execute(select(*_account_columns()).where(models.Account.login == login)).first()  # type: ignore[call-overload]
    if row is not None:
        mac = row_mac(key, ACCOUNT_TABLE, _account_values(tuple(row)))
        session.execute(update(models.Account).where(models.Account.login == login).values(mac=mac))


def mark_all(session: Session, key: bytes) -> None:
    """Mark every account and setting as it is: when the trail key is made, what the site holds from then on."""
    for (login,) in session.execute(select(models.Account.login)).all():
        mark_account(session, str(login), key)
    for name, value in session.execute(select(models.Setting.key, models.Setting.value)).all():
        mac = setting_mark(str(name), str(value), key)
        session.execute(update(models.Setting).where(models.Setting.key == name).values(mac=mac))


def marked_rows(session: Session) -> Iterator[tuple[str, str, Values, str]]:
    """Every account and setting: (table, its key, its marked fields, its mark)."""
    a = models.Account
    for row in session.execute(select(*_account_columns(), a.mac).order_by(a.login)):  # type: ignore[call-overload]
        values = _account_values(tuple(row)[:-1])
        yield ACCOUNT_TABLE, str(values["login"]), values, str(row[-1])
    s = models.Setting
    for name, value, mac in session.execute(select(s.key, s.value, s.mac).order_by(s.key)):
        yield SETTING_TABLE, str(name), {"key": str(name), "value": str(value)}, str(mac)
