"""The settings of an outward channel (the SMS gateway, the region's platform, the 前置库, the licence library): the
hall's in the database, the secret this machine's, a file of its key folder (:mod:`counter.host.outward.sms_secret`).

The outbox's channels and the intake's licence library keep theirs alike, read with the secret and saved without
it; here, beside the audit trail they are recorded on, so that neither package imports the other for it.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, TypeVar

from counter.actions.admin.audit import record_at_desk
from counter.audit.actions import AuditAction
from counter.db.settings_store import is_training, put_setting
from counter.host.outward.sms_secret import load_secret, save_secret, secret_path
from counter.outbox.secret_shown import SECRET_FIELDS, SECRET_SHOWN, WithSecret, stored_json

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.orm import Session

    from counter.access.desk import Desk

__all__ = ["save_settings", "secret_in_training", "with_secret"]

S = TypeVar("S", bound=WithSecret)


def with_secret(settings: S, name: str, folder: Path | None = None) -> S:
    """``settings`` with this machine's secret, the file ``name`` of its key folder (``folder``: another, for
    tests); empty when there is none."""
    return dataclasses.replace(settings, secret=load_secret(secret_path(name, folder)))  # type: ignore[type-var]


def save_settings(
    session: Session, desk: Desk, key: str, before: WithSecret, after: WithSecret, name: str, folder: Path | None = None
) -> None:
    """Keep a channel's settings checked by the caller: the secret in the key folder's file ``name``, the rest in
    the database under ``key``; the change on the audit trail, each secret as :data:`SECRET_SHOWN`.

    A training database never writes the file: the key folder is this machine's, the one its live database's channels
    read, and a training database's settings read back without it (the front store's and the library's as none), so
    a change there wrote, or with no secret given removed, the live secret.  Each channel refuses a secret given in
    training (:func:`secret_in_training`); the rest of its settings are kept in the training database as before."""
    old, new = dataclasses.asdict(before), dataclasses.asdict(after)  # type: ignore[call-overload]
    if not is_training(session):
        save_secret(after.secret, secret_path(name, folder))
    put_setting(session, key, stored_json(after))
    changed = {
        k: {"from": SECRET_SHOWN, "to": SECRET_SHOWN} if k in SECRET_FIELDS else {"from": old.get(k), "to": v}
        for k, v in new.items()
        if old.get(k) != v
    }
    record_at_desk(session, desk, AuditAction.SETTING_CHANGED, key, changed)


def secret_in_training(session: Session, before: WithSecret, after: WithSecret) -> bool:
    """Whether ``after`` gives a secret other than the one kept, in a training database: refused by each channel,
    since the file it would go to is the live database's (:func:`save_settings`)."""
    return bool(after.secret) and after.secret != before.secret and is_training(session)
