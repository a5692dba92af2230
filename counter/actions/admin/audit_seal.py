"""Sealing the audit trail: the heads of every chain signed with the site's key, on the machine that holds it.

The design and what a seal does and does not protect are in
:mod:`counter.audit.seal`.  A seal is made by ``counter audit seal``, and by
:func:`seal_if_key_here` wherever the machine holding the key does something a
supervisor answers for (a sync export, a backup): the trail is then anchored as
often as packages leave, without anyone remembering to.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from sqlalchemy.orm import Session

from counter.actions.admin.site import national_suite_chosen, site_signing_key, site_sm2_key, this_site
from counter.audit.chain import GENESIS
from counter.audit.seal import parse_payload, payload_digest, seal_payload
from counter.audit.seal_made import SealMade
from counter.db import audit_seals
from counter.db.models import utcnow
from counter.db.row_marks import mark_all
from counter.host.keys.seal_anchors import AnchorsUnwritable, add_anchor, anchors_path, read_anchor_log
from counter.host.keys.trail_key import ensure_trail_key, read_trail_key, trail_key_path
from counter.host.machine import paths
from counter.sync.keys import KeyUnreadable
from counter.sync.seal_signature import SealKey, sign_seal

log = logging.getLogger(__name__)


def seal_trail(session: Session, key_path: Path | None = None, now: dt.datetime | None = None) -> SealMade:
    """Sign the last entry of every chain, now; the caller commits.

    Raises :class:`KeyUnreadable` where this machine has no key file, or one that
    is not the site's (:attr:`KeyProblem.OTHER_SITE`): a desk cannot seal.
    """
    return seal_with(session, seal_key(session, key_path), this_site(session, key_path).code, now, key_path)


def seal_key(session: Session, key_path: Path | None = None) -> SealKey:
    """The key this site's new seals are signed with: its SM2 key on the national suite, its Ed25519 key otherwise
    (:mod:`counter.sync.seal_signature`); each checked against the site's identity (:class:`KeyUnreadable`)."""
    key = site_signing_key(session, key_path)
    return site_sm2_key(session, key_path) if national_suite_chosen(session) else key


def seal_with(
    session: Session,
    key: SealKey,
    site_code: str,
    now: dt.datetime | None = None,
    key_path: Path | None = None,
) -> SealMade:
    """:func:`seal_trail` with the site's key already loaded and checked (:func:`seal_key`), as a sync export has
    it: an SM2 key signs with SM2 and SM3, an Ed25519 key with Ed25519.  The seal before it is anchored beside the
    key file (:mod:`counter.host.keys.seal_anchors`).

    The machine's own key folder (``key_path`` None: where every entry written here looks for it) also gets the trail
    key if it has none yet: from the first seal on, the entries written here are chained under HMAC-SM3
    (:mod:`counter.host.keys.trail_key`), and the accounts and settings are marked under it
    (:mod:`counter.db.row_marks`).
    """
    if key_path is None or key_path == paths.site_key_path():
        trail_key = trail_key_path(paths.site_key_path())
        if read_trail_key(trail_key) is None:  # made now: the accounts and settings as they are get their marks
            made = ensure_trail_key(trail_key)
            if made is not None:  # else a damaged file stands there, kept for support: sealed without it
                mark_all(session, made)
    tips = audit_seals.chain_tips(session)
    newest = audit_seals.newest_seal(session)
    body = None if newest is None else parse_payload(newest.payload)
    anchors = anchors_path(key_path or paths.site_key_path())
    unanchored = ""
    if newest is not None and body is not None:
        try:
            add_anchor(anchors, body.no, payload_digest(newest.payload))
        except AnchorsUnwritable as err:  # sealed all the same: see counter.host.keys.seal_anchors
            log.error("seal %d not anchored, the new seal made without: %s", body.no, err)
            unanchored = str(err.path)
    no = 1 if body is None else body.no + 1
    prev = GENESIS if newest is None else payload_digest(newest.payload)
    # the machine's moment unless given, never a call's day: a seal says when the trail truly was sealed, and
    # ``audit verify`` holds seal times to go forward (a training desk's day ahead would break the next seal's)
    at = now or utcnow()
    anchor_log = read_anchor_log(anchors)  # a number a restore withdrew, used again: the seal says so, for the hall
    restored = anchor_log.restores[-1].back_to if anchor_log.restores and no in anchor_log.withdrawn else None
    payload = seal_payload(no, site_code, at, prev, tips, restored)
    audit_seals.add_seal(session, at, payload, sign_seal(key, payload.encode("utf-8")))
    return SealMade(no, len(tips), sum(seq for seq, _ in tips.values()), payload_digest(payload), unanchored)


def seal_if_key_here(session: Session) -> SealMade | None:
    """A seal where this machine holds the site's key; None (nothing done) on a desk without it."""
    try:
        return seal_trail(session)
    except KeyUnreadable:
        return None
