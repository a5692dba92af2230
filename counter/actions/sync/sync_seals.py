"""A township's seals on their way to the hall, and the hall's copy of them (:mod:`counter.audit.peer_seals`).

The township sends, with its cases, each of its seals newer than the newest the hall says it holds
(``sync.seals_at_hall``, in the hall's every update).  Until a hall has said so, none: a hall whose program reads no
seals would refuse the package whole (format 5), and the township's cases must still reach it.  The hall keeps each
seal whose signature is the township's registered key, and says in its next update which it holds.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from sqlalchemy.orm import Session

from counter.actions.admin.peer_former_keys import former_keys, signed_by_former
from counter.actions.admin.site import peer_keys, peer_sm2_keys
from counter.audit.peer_seals import SEALS_AT_HALL, parse_seals_at_hall, seals_at_hall_text, sent_seal_gone
from counter.audit.seal import parse_payload, payload_digest
from counter.db import audit_seals, peer_seals
from counter.db.settings_store import get_setting
from counter.sync.records import SealRecord, SettingRecord
from counter.sync.seal_signature import seal_signed_by_site


def seal_records(session: Session) -> list[SealRecord]:
    """This site's seals the hall does not hold yet, and again the newest it holds (so that one sealed again here
    shows at the hall at once); none while the hall has not said it keeps them."""
    at_hall = parse_seals_at_hall(get_setting(session, SEALS_AT_HALL))
    if at_hall is None:
        return []
    records = []
    for seal in audit_seals.all_seals(session):
        body = parse_payload(seal.payload)
        if body is not None and body.no >= max(at_hall[0], 1):
            records.append(SealRecord(body.no, seal.payload, seal.signature))
    return records


def seals_at_hall_record(session: Session, township: str) -> SettingRecord:
    """The hall's word to ``township``: the newest of its seals held here (number 0 when none yet)."""
    return SettingRecord(SEALS_AT_HALL, seals_at_hall_text(*peer_seals.newest_held(session, township)))


def keep_township_seal(session: Session, township: str, record: SealRecord) -> bool | None:
    """Keep a seal ``township`` sent: whether it is new here; None when it is not the township's seal, signed with
    its registered key, under the number it claims."""
    body = parse_payload(record.payload)
    key, sm2_key = peer_keys(session).get(township, ""), peer_sm2_keys(session).get(township, "")
    if body is None or body.no != record.no or body.site != township or not key:
        return None
    payload = record.payload.encode("utf-8")
    if not seal_signed_by_site(key, sm2_key, payload, record.signature) and not signed_by_former(
        former_keys(session, township), body.at, payload, record.signature
    ):
        return None
    return peer_seals.keep_seal(
        session, township, record.no, payload_digest(record.payload), body.prev, record.payload, record.signature
    )


def township_signed(session: Session) -> Callable[[str, int, str, str, str], bool]:
    """Whether a held row (site, number, digest, payload, signature) is that site's seal under that number and
    digest, signed with its registered key (or a key its registration replaced, for a seal dated before then:
    :mod:`counter.actions.admin.peer_former_keys`), as :func:`keep_township_seal` kept it; a row written into the hall's
    database by other means is not."""
    keys, sm2_keys = peer_keys(session), peer_sm2_keys(session)
    former = {code: former_keys(session, code, as_recorded=True) for code in keys}

    def signed(site: str, no: int, digest: str, payload: str, signature: str) -> bool:
        body, key = parse_payload(payload), keys.get(site, "")
        if body is None or body.site != site or body.no != no or payload_digest(payload) != digest or not key:
            return False
        data = payload.encode("utf-8")
        return seal_signed_by_site(key, sm2_keys.get(site, ""), data, signature) or signed_by_former(
            former.get(site, ()), body.at, data, signature
        )

    return signed


def sent_seal_changed(session: Session, digests: Mapping[int, str] | None = None) -> int | None:
    """The number of this site's seal its hall holds, when it is no longer here as sent; None when it is.

    ``digests``: this site's seals (:func:`counter.db.audit_seals.seal_digests`), where the caller read them already.
    """
    here = audit_seals.seal_digests(session) if digests is None else digests
    return sent_seal_gone(parse_seals_at_hall(get_setting(session, SEALS_AT_HALL)), here)
