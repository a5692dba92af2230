"""The keys a peer's registration replaced: what the hall still checks that peer's earlier seals against.

Why.  A township that rotates its key (``counter site rotate-key``, or a move to the national suite) seals its trail
a last time with the old key, then with the new; its next package, signed with the new key once the hall registered
its new card, carries the seals the hall does not hold yet, the old key's last among them.  Checked against the new
key alone, that seal was held for review as not the township's, and every seal the hall already kept under the old
key read as a row the township never signed (``peer_seal_unsigned``): an honest rotation accused the township for
good.  Registering a peer's new card therefore keeps its replaced keys (public halves) with the moment they were
replaced here, as a setting written through the trail, one per peer.  A seal signed by a former key counts as the
peer's when it is dated no later than that moment: the private half of a replaced key may be in other hands, and a
seal it made after it was replaced is not the peer's.  Packages are never checked against a former key: from the
new card on, the old key is refused (:func:`counter.sync.package.check_package`).

``audit verify`` reads the history as the trail recorded it (:func:`counter.db.setting_trail.recorded_setting`), so
a key planted in the settings table vouches for no row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.actions.admin.audit import record_at_desk
from counter.audit.actions import AuditAction
from counter.audit.chain import parse_at
from counter.audit.setting_state import PEER_SUBJECT
from counter.audit.site_keys import RetiredKey, history_text, parse_history
from counter.case.moments import stored_utc
from counter.db import models
from counter.db.setting_trail import recorded_setting
from counter.db.settings_store import get_setting, put_setting
from counter.sync.key_change import KeyChange, read_key_change
from counter.sync.keys import key_fingerprint
from counter.sync.seal_signature import seal_signed_by_site

PEER_FORMER_KEYS = "sync.peer_former_keys:"  # + the peer's code: its replaced keys, oldest first


def keep_former_key(
    session: Session, desk: Desk, code: str, public_key: str, encryption_key: str, sm2_key: str, until: dt.datetime
) -> None:
    """Keep the keys of ``code``'s registration that a new one replaces at ``until``; the caller commits."""
    key = PEER_FORMER_KEYS + code
    before = get_setting(session, key)
    kept = [k for k in parse_history(before) if k.public_key != public_key]
    after = history_text([*kept, RetiredKey(public_key, stored_utc(until), None, encryption_key, sm2_key)])
    put_setting(session, key, after)
    record_at_desk(session, desk, AuditAction.SETTING_CHANGED, key, {"from": before, "to": after})


def keys_to_check(
    session: Session, sender: str, announced: str
) -> tuple[KeyChange | None, dict[str, str], dict[str, str]]:
    """The keys a package from ``sender`` is checked with (each peer's signing key, and SM2 key where it has one): the
    registered ones, but the new ones ``announced`` in its header where the sender's registered key signed them
    (:func:`counter.sync.key_change.read_key_change`), with that change to register once the package is taken in."""
    p = models.SitePeer
    rows = session.execute(select(p.code, p.public_key, p.sm2_key)).all()
    trusted = {str(code): str(key) for code, key, _sm2 in rows}
    trusted_sm2 = {str(code): str(sm2) for code, _key, sm2 in rows if sm2}
    change = read_key_change(announced, sender, trusted.get(sender, "")) if announced else None
    if change is None or (change.public_key, change.sm2_key) == (trusted[sender], trusted_sm2.get(sender, "")):
        return None, trusted, trusted_sm2  # none, or announced before and registered here already
    others_sm2 = {code: key for code, key in trusted_sm2.items() if code != sender}
    announced_sm2 = {sender: change.sm2_key} if change.sm2_key else {}
    return change, {**trusted, sender: change.public_key}, others_sm2 | announced_sm2


def adopt_key_change(session: Session, desk: Desk, change: KeyChange, at: dt.datetime) -> None:
    """Register the new keys a peer announced under the old one this site holds (:mod:`counter.sync.key_change`), in
    the unit of work that takes in the package carrying them: the old kept as former keys, the trail told as by a
    registration of the peer's new card.  The caller checked the statement and the package; nothing is asked of the
    desk's permissions, since the peer's own old key is the authority here, as it was for its packages."""
    row = session.get(models.SitePeer, change.site)
    if row is None:
        return
    if (row.public_key, row.sm2_key) != (change.public_key, change.sm2_key):
        keep_former_key(session, desk, row.code, row.public_key, row.encryption_key, row.sm2_key, at)
    detail = {
        "code": row.code,
        "name": row.name,
        "kind": row.kind,
        "fingerprint": key_fingerprint(change.public_key, change.encryption_key, change.sm2_key),
        "replaced_fingerprint": key_fingerprint(row.public_key, row.encryption_key, row.sm2_key),
        "announced_at": change.at,
    }
    if row.county:
        detail["county"] = row.county
    row.public_key, row.encryption_key, row.sm2_key = change.public_key, change.encryption_key, change.sm2_key
    record_at_desk(session, desk, AuditAction.SETTING_CHANGED, PEER_SUBJECT + row.code, detail)


def former_keys(session: Session, code: str, as_recorded: bool = False) -> tuple[RetiredKey, ...]:
    """The keys of ``code`` that registrations replaced, oldest first; ``as_recorded``: as the trail has them."""
    key = PEER_FORMER_KEYS + code
    return parse_history(recorded_setting(session, key) if as_recorded else get_setting(session, key))


def signed_by_former(former: Sequence[RetiredKey], at: str, payload: bytes, signature: str) -> bool:
    """Whether a seal dated ``at`` (as its payload says) was signed by one of the peer's ``former`` keys while it
    was that peer's key here."""
    when = parse_at(at)
    if when is None:
        return False
    return any(
        when <= key.until and seal_signed_by_site(key.public_key, key.sm2_key, payload, signature) for key in former
    )
