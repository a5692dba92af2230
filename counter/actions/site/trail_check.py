"""The check of the whole trail (``counter audit verify``): its chains, its seals, and the rows it vouches for.

Kept apart from :mod:`counter.actions.admin.audit`, which every action imports to record: the check also reads what the
actions derive from the history (the departments' queue, :func:`counter.actions.cases.item_track.queue_drift`).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from sqlalchemy.orm import Session

from counter.actions.admin.site import RETIRED_KEYS, SM2_KEY
from counter.actions.cases.item_track import queue_drift
from counter.actions.sync.sync_seals import sent_seal_changed, township_signed
from counter.audit.chain import parse_at
from counter.audit.peer_seals import (
    SEALS_AT_HALL,
    SET_ASIDE,
    PeerSealProblem,
    parse_seals_at_hall,
    parse_set_aside,
    peer_seal_problems,
)
from counter.audit.row_mac import check_marks
from counter.audit.seal import SealBody, SealCheck, StoredSeal, check_seals, unanchored
from counter.audit.site_keys import SealVerdict, parse_history, seal_verdict
from counter.audit.state import MismatchCode, RowMismatch, SubjectKind, cross_check
from counter.audit.verify import AuditReport, RestoreNote, StoredEntry, TrailProblem, TrailProblemCode, verify_chains
from counter.db import audit_seals, audit_state, audit_store, peer_seals
from counter.db.audit_derived import statuses_off_history
from counter.db.row_marks import marked_rows
from counter.db.setting_trail import recorded_setting
from counter.db.settings_store import SITE_CODE, SITE_ENCRYPTION_KEY, SITE_PUBLIC_KEY, get_setting
from counter.host.keys.seal_anchors import anchors_path, read_anchor_log
from counter.host.keys.trail_key import read_trail_key, trail_key_path
from counter.host.machine import paths
from counter.sync.keys import KeyUnreadable, key_fingerprint, load_private_key, public_key_text
from counter.sync.seal_signature import SealAlg, seal_alg, seal_signed_by

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # entries checked, entries in all
# the site's other public keys: the card's fingerprint covers them, and verify prints that one
SITE_CARD_KEYS = (SITE_ENCRYPTION_KEY, SM2_KEY)


def verify_trail(session: Session, on_progress: Progress | None = None, key_path: Path | None = None) -> AuditReport:
    """Check the whole trail: every chain, every seal, and the cases, ratings and accounts against it.

    Every problem found is in the report.  The seals are checked against the
    site's public key in the database; where this machine holds the key file
    (``key_path``, the data folder's by default) its key must be that one too.
    """
    total = audit_store.entry_count(session)
    heads = audit_store.chain_heads(session)

    def chains() -> Iterator[tuple[str, Iterator[StoredEntry]]]:
        for chain in audit_store.entry_chains(session):
            yield chain, audit_store.chain_entries(session, chain)

    progress = None if on_progress is None else (lambda done: on_progress(done, total))
    path = key_path or paths.site_key_path()
    trail_key = read_trail_key(trail_key_path(path))
    report = verify_chains(chains(), heads, progress, trail_key)
    public_key = get_setting(session, SITE_PUBLIC_KEY) or ""
    retired = parse_history(recorded_setting(session, RETIRED_KEYS))  # as the trail has it, not the settings row

    sm2_key = get_setting(session, SM2_KEY) or ""
    # an SM2 seal is checked against the SM2 keys only, each retired with the Ed25519 key it was the pair of
    sm2_retired = [dataclasses.replace(key, public_key=key.sm2_key) for key in retired]

    def signed(body: SealBody, seal: StoredSeal) -> SealVerdict:
        at = parse_at(body.at)
        if at is None:
            return SealVerdict.FORGED
        payload, alg = seal.payload.encode("utf-8"), seal_alg(seal.signature)
        current, keys = (sm2_key, sm2_retired) if alg is SealAlg.SM2 else (public_key, list(retired))
        return seal_verdict(at, current, keys, lambda key: seal_signed_by(key, payload, seal.signature, alg))

    sealed = check_seals(
        audit_seals.all_seals(session),
        signed,
        lambda chain, numbers: audit_seals.hashes_at(session, chain, numbers),
        audit_seals.last_seqs(session),
    )
    problems = [*report.problems, *_seal_problems(sealed)]
    if public_key and _key_file_differs(path, public_key):
        problems.append(TrailProblem(TrailProblemCode.SEAL_KEY, "", 0))
    digests = audit_seals.seal_digests(session)
    anchored = read_anchor_log(anchors_path(path))
    if anchored.unreadable:  # not "verified against the anchors" when none were read
        log.error("seal anchors %s unreadable: %s", anchors_path(path), anchored.unreadable)
        problems.append(TrailProblem(TrailProblemCode.SEAL_ANCHORS_UNREADABLE, "", 0))
    peer_restores: list[tuple[str, int]] = []
    problems += _sent_seal_problems(session, digests, anchored.withdrawn, peer_restores)
    problems += [TrailProblem(TrailProblemCode.SEAL_ANCHOR, "", no) for no in unanchored(anchored.anchors, digests)]
    marks = None if trail_key is None else check_marks(trail_key, marked_rows(session))
    if marks is not None:  # accounts and settings edited in SQL: their marks under the trail key no longer hold
        problems += [TrailProblem(TrailProblemCode.ROW_MARK, row, 0) for row in marks.altered]
    return dataclasses.replace(
        report,
        problems=tuple(problems),
        mismatches=tuple(row_mismatches(session)),
        seals=sealed.seals,
        unsealed=sealed.unsealed,
        seal_key=_fingerprint(public_key, *(get_setting(session, key) or "" for key in SITE_CARD_KEYS)),
        restores=tuple(RestoreNote(r.back_to, r.first, r.last) for r in anchored.restores),
        peer_restores=tuple(peer_restores),
        unmarked_rows=-1 if marks is None else marks.unmarked,
    )


def _sent_seal_problems(
    session: Session,
    digests: Mapping[int, str],
    withdrawn: Mapping[int, set[str]],
    peer_restores: list[tuple[str, int]],
) -> list[TrailProblem]:
    """A seal of this site the hall holds and this site no longer has as sent (``digests``: this site's seals), unless
    a restore on this machine withdrew it (``withdrawn``); on a hall, a township's seals that show it sealed a
    rewritten trail again (:mod:`counter.audit.peer_seals`); the numbers a township sealed again after a restore it
    signed go to ``peer_restores`` instead."""
    found = []
    gone = sent_seal_changed(session, digests)
    at_hall = parse_seals_at_hall(get_setting(session, SEALS_AT_HALL))
    if gone is not None and at_hall is not None and at_hall[1] in withdrawn.get(gone, set()):
        gone = None  # the hall holds a seal a restore here withdrew, not one rewritten
    if gone is not None:
        found.append(TrailProblem(TrailProblemCode.SEAL_SENT, "", gone))
    codes = {PeerSealProblem.TWO_SEALS: TrailProblemCode.PEER_SEAL_TWO,
             PeerSealProblem.BROKEN_LINK: TrailProblemCode.PEER_SEAL_LINK,
             PeerSealProblem.UNSIGNED: TrailProblemCode.PEER_SEAL_UNSIGNED,
             PeerSealProblem.DOWNGRADED: TrailProblemCode.PEER_SEAL_DOWNGRADED}  # fmt: skip
    held = peer_seals.held_seals(session, township_signed(session))
    set_aside = parse_set_aside(recorded_setting(session, SET_ASIDE))  # as the trail has it, not the settings row
    for f in peer_seal_problems(held, set_aside):
        if f.problem is PeerSealProblem.RESTORED:
            peer_restores.append((f.site, f.no))
        else:
            found.append(TrailProblem(codes[f.problem], f.site, f.no, digest=f.digest))
    return found


def _seal_problems(sealed: SealCheck) -> Iterator[TrailProblem]:
    for chain in sealed.broken:
        yield TrailProblem(TrailProblemCode.SEAL_BROKEN, chain.chain, chain.first, chain.until)
    for no in sealed.forged:
        yield TrailProblem(TrailProblemCode.SEAL_FORGED, "", no)
    for no in sealed.revoked:
        yield TrailProblem(TrailProblemCode.SEAL_REVOKED, "", no)
    for no in sealed.backdated:
        yield TrailProblem(TrailProblemCode.SEAL_BACKDATED, "", no)
    for no in sealed.downgraded:
        yield TrailProblem(TrailProblemCode.SEAL_DOWNGRADED, "", no)
    for first, last in sealed.missing:
        yield TrailProblem(TrailProblemCode.SEAL_MISSING, "", first, last if last != first else 0)


def row_mismatches(session: Session) -> Iterator[RowMismatch]:
    """Every case, rating and account not as the trail last recorded it, and what is derived from the history."""
    recorded, mentioned = audit_state.recorded_states(session)
    since = audit_state.states_since(session)
    own = get_setting(session, SITE_CODE)  # None on a database that has none yet: every row is then its own
    for kind in SubjectKind:
        rows = audit_state.current_rows(session, kind, own, since)
        yield from cross_check(kind, rows, recorded[kind], mentioned[kind])
    # what a hall's desk role may still write, read against the insert-only history it is derived from
    for case_no in statuses_off_history(session):
        yield RowMismatch(MismatchCode.STATUS_OFF_HISTORY, SubjectKind.CASE, case_no)
    for case_no in queue_drift(session):
        yield RowMismatch(MismatchCode.QUEUE_OFF_HISTORY, SubjectKind.CASE, case_no)


def _key_file_differs(path: Path, public_key: str) -> bool:
    """Whether a key file is here and is not the site's key (a missing or unreadable file says nothing)."""
    try:
        key = load_private_key(path)
    except KeyUnreadable:
        return False
    return public_key_text(key) != public_key


def _fingerprint(public_key: str, encryption_key: str, sm2_key: str) -> str:
    """The fingerprint of the site card whose signing key is ``public_key``, as the card prints it and the site's
    peers hold it (over its encryption and SM2 keys too): the one an administrator compares verify's with."""
    try:
        return key_fingerprint(public_key, encryption_key, sm2_key) if public_key else ""
    except ValueError:
        return ""
