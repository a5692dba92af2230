"""Replacing the site's keys on purpose, with every seal the old key made still verifiable.

Run by an administrator on the machine that holds the key files (``counter site rotate-key``).  In one unit of work:
the old key seals the trail a last time (where its file is here and it is not being revoked: a key that may have
been read seals nothing more), the old public key is kept as retired from this moment (revoked from the moment
given, if it is), the new public keys become the site's, the trail records both fingerprints, and the new key seals
at once, so the rotation's own entry is sealed.

The new private keys are written beside the old as ``*.next`` before the unit commits and put in place after it
(:func:`counter.sync.keys.install_next_keys`): a crash before the commit leaves the old keys and the old identity,
and ``*.next`` files that the next rotation, seal or export removes; a crash after it leaves ``*.next`` files whose
public half is the stored key, which they put in place (:func:`counter.actions.admin.site.site_signing_key` asks).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.access.roles import Permission
from counter.actions.admin.acting import this_desk
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.audit_seal import seal_with
from counter.actions.admin.guard import require
from counter.actions.admin.site import (
    AUDIT_SUBJECT,
    national_suite_chosen,
    retire_key,
    site_signing_key,
    store_identity,
    this_site,
)
from counter.audit.actions import AuditAction
from counter.audit.chain import at_text
from counter.db.models import utcnow
from counter.db.settings_store import drop_setting, get_setting, put_setting
from counter.host.machine import paths
from counter.sync import sm_seal
from counter.sync.key_change import KEY_CHANGE_SETTING, KeyChange, key_change_text
from counter.sync.keys import (
    KeyUnreadable,
    encryption_key_path,
    encryption_key_text,
    install_next_keys,
    new_encryption_key,
    new_private_key,
    next_key_path,
    public_key_text,
    save_private_key,
)
from counter.sync.site_view import Rotated
from counter.sync.sites import SiteIdentity
from counter.sync.sm2_keys import save_sm2_key, sm2_key_path


def rotate_site_key(
    session: Session,
    desk: Desk | None = None,
    key_path: Path | None = None,
    revoked_since: dt.datetime | None = None,
    now: dt.datetime | None = None,
) -> Rotated:
    """Give this site new keys; the caller commits, then calls :func:`counter.sync.keys.install_next_keys`.

    Raises :class:`~counter.access.not_permitted.NotPermitted` without CHANGE_SETTINGS. ``revoked_since`` (UTC, not
    after now) names the old key revoked from that moment: its seals dated from then on are refused by ``audit verify``.
    ``now``: the machine's moment unless given, never a call's day: the rotation seals the trail, whose seal times
    go forward on the machine's clock (:func:`counter.actions.admin.audit_seal.seal_with`).
    """
    by = this_desk(desk)
    require(session, by.actor, Permission.CHANGE_SETTINGS)
    path = key_path or paths.site_key_path()
    before = this_site(session, path)
    install_next_keys(path, before.public_key)
    at = now or utcnow()
    last_old, old_key = None, None
    if revoked_since is None:
        with contextlib.suppress(KeyUnreadable):  # a key whose file is lost seals nothing more
            # with the old signing key, which every card of the site carried: a peer holding a card from before the
            # site chose the national suite has no SM2 key of it to check an SM2 seal with
            old_key = site_signing_key(session, path)
            last_old = seal_with(session, old_key, before.code, at, path).no
    signing, sealing = new_private_key(), new_encryption_key()
    national = sm_seal.new_private_key() if before.sm2_key else None  # a site on the national suite: its SM2 key too
    after = SiteIdentity(
        before.code, before.name, before.kind, public_key_text(signing), encryption_key_text(sealing),
        sm2_key="" if national is None else sm_seal.public_key_text(national),
    )  # fmt: skip
    retire_key(session, by, before.public_key, at, revoked_since, before.encryption_key, before.sm2_key)
    store_identity(session, after)
    detail = {
        "fingerprint": {"from": before.fingerprint, "to": after.fingerprint},
        "retired_at": at.isoformat(),
        "revoked_since": None if revoked_since is None else revoked_since.isoformat(),
    }
    record_at_desk(session, by, AuditAction.SETTING_CHANGED, AUDIT_SUBJECT, detail)
    _announce(session, by, after, at, old_key)
    new_seal_key = national if national is not None and national_suite_chosen(session) else signing
    first_new = seal_with(session, new_seal_key, after.code, at, path).no
    save_private_key(signing, next_key_path(path))
    save_private_key(sealing, next_key_path(encryption_key_path(path)))
    if national is not None:
        save_sm2_key(national, next_key_path(sm2_key_path(path)))
    return Rotated(before.fingerprint, after.fingerprint, last_old, first_new, revoked_since)


def _announce(
    session: Session, desk: Desk, after: SiteIdentity, at: dt.datetime, old_key: Ed25519PrivateKey | None
) -> None:
    """The new keys stated under the old signing key, for every package from now on to carry to the site's peers
    (:mod:`counter.sync.key_change`); none where the old key is revoked or its file is not here (``old_key`` None):
    then each peer registers the new card by hand, and an earlier statement is withdrawn."""
    before = get_setting(session, KEY_CHANGE_SETTING)
    change = KeyChange(after.code, after.public_key, after.encryption_key, after.sm2_key, at_text(at))
    text = "" if old_key is None else key_change_text(change, old_key)
    if text:
        put_setting(session, KEY_CHANGE_SETTING, text)
    elif before is not None:
        drop_setting(session, KEY_CHANGE_SETTING)
    if (before or "") != text:
        record_at_desk(
            session, desk, AuditAction.SETTING_CHANGED, KEY_CHANGE_SETTING, {"from": before, "to": text or None}
        )
