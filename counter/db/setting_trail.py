"""The site's identity, its peers and its settings read beside the trail's entries about them.

What :mod:`counter.audit.setting_state` checks: the rows as they are and the ``setting_changed`` entries in the order
they were written.  The caller owns the session; nothing is written.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter.audit.actions import AuditAction
from counter.audit.setting_state import (
    SITE_SUBJECT,
    Fingerprints,
    PeerRow,
    SettingMismatch,
    identity_mismatches,
    peer_code,
    peer_mismatches,
    recorded_value,
    setting_mismatches,
)
from counter.db import models
from counter.db.settings_store import SITE_CODE, SITE_ENCRYPTION_KEY, SITE_KIND, SITE_NAME, SITE_PUBLIC_KEY
from counter.sync.keys import key_fingerprint

_IDENTITY = {"code": SITE_CODE, "name": SITE_NAME, "kind": SITE_KIND}


def fingerprints(public_key: str, encryption_key: str) -> Fingerprints:
    """The fingerprints a pair of public keys may be recorded under; none for text that is no key."""
    try:
        return Fingerprints(key_fingerprint(public_key, encryption_key), key_fingerprint(public_key))
    except ValueError:
        return Fingerprints("", "")


def _entries(session: Session) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every ``setting_changed`` entry's subject and detail, oldest first."""
    e = models.AuditEntry
    stmt = select(e.subject, e.detail).where(e.action == AuditAction.SETTING_CHANGED.value).order_by(e.at, e.id)
    for subject, text in session.execute(stmt):
        yield subject, _detail(text)


def _detail(text: str | None) -> dict[str, Any]:
    """An entry's detail; empty for none, or for text that is not a JSON object."""
    try:
        detail = json.loads(text) if text is not None else {}
    except ValueError:
        return {}
    return detail if isinstance(detail, dict) else {}


def recorded_setting(session: Session, key: str) -> str | None:
    """The value the trail's newest change of the setting ``key`` left (None: never recorded, or removed)."""
    e = models.AuditEntry
    stmt = (
        select(e.detail)
        .where(e.action == AuditAction.SETTING_CHANGED.value, e.subject == key)
        .order_by(e.at.desc(), e.id.desc())
        .limit(1)
    )
    own, value = recorded_value(_detail(session.scalar(stmt)))
    return value if own else None


def setting_mismatches_in(session: Session) -> list[SettingMismatch]:
    """This site's identity and keys, its peers and the settings the trail changed, each held to the trail."""
    identity: list[dict[str, Any]] = []
    peers: dict[str, dict[str, Any]] = {}
    values: dict[str, str | None] = {}
    for subject, detail in _entries(session):
        code = peer_code(subject)
        if subject == SITE_SUBJECT:
            identity.append(detail)
        elif code is not None:
            peers[code] = detail
        else:
            own, value = recorded_value(detail)
            if own:
                values[subject] = value
    setting = models.Setting
    stored: dict[str, str] = dict(session.execute(select(setting.key, setting.value)).all())
    public_key = stored.get(SITE_PUBLIC_KEY)
    keys = fingerprints(public_key, stored.get(SITE_ENCRYPTION_KEY, "")) if public_key else None
    own_identity = {name: stored.get(key, "") for name, key in _IDENTITY.items()}
    rows = [
        PeerRow(p.code, p.name, p.kind, fingerprints(p.public_key, p.encryption_key))
        for p in session.scalars(select(models.SitePeer).order_by(models.SitePeer.code))
    ]
    return [
        *identity_mismatches(identity, own_identity, keys),
        *peer_mismatches(peers, rows),
        *setting_mismatches(values, stored),
    ]
