"""A body's seal taken from the province's 电子印章 system, and its papers signed there.

Why so.  Where the province keeps a body's seal, its key never leaves the province: the site takes the seal (checked
against the site's trust anchors before it is kept: a seal whose maker the site does not trust would seal papers no
reader trusts) and, for each paper, sends the digest and assembles what comes back
(:mod:`counter.seals.province`).  The province's answer comes from outside: the sealed paper is checked by
:func:`counter.seals.verify.verify_paper`, the very check ``counter paper verify`` makes, before it is kept or
handed out, so a signature over another digest or by a certificate that leads to no anchor is never kept.

The settings are the hall's, in the database (every desk that seals asks the same system); the secret is this
machine's, a 0600 file of the key folder (:data:`counter.host.outward.province_seals.PROVINCE_SECRET`), as the
other outward systems' are.  A training database asks no province: its papers are never sealed.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from counter.access.roles import Permission
from counter.actions.admin.acting import this_desk
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.guard import require
from counter.actions.admin.outward_settings import save_settings, with_secret
from counter.audit.actions import AuditAction
from counter.db.models import utcnow
from counter.db.settings_store import get_setting, is_training
from counter.host.machine import paths
from counter.host.outward.province_seals import PROVINCE_SECRET, AskedOutcome, ask_seal, ask_signature
from counter.outbox.secret_shown import SECRET_SHOWN
from counter.seals import certificates, der
from counter.seals import store as seal_store
from counter.seals.province import ProvinceRefused, ProvinceSettings, SealFault, SealNotTaken, province_from_json
from counter.seals.ses import read_seal
from counter.seals.store import BodySeal, PaperSealMade
from counter.seals.verify import PaperVerdict, seal_holds, verify_paper
from counter.sync import sm2

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.orm import Session

    from counter.access.desk import Desk
    from counter.seals.ofd import Signer

__all__ = ["PROVINCE_KEY", "checked", "province_settings", "province_signer", "take_province_seal"]

PROVINCE_KEY = "seals.province"  # the province's 电子印章 system (ProvinceSettings as JSON, without its secret)
AUDIT_SUBJECT = "paper_seal"

_ASKED_FAULT = {AskedOutcome.NOT_SET: SealFault.NOT_SET, AskedOutcome.MALFORMED: SealFault.MALFORMED}


def province_settings(session: Session, folder: Path | None = None) -> ProvinceSettings:
    """The hall's province system with this machine's secret (``folder``: another key folder); none in training."""
    if is_training(session):
        return ProvinceSettings()
    stored = province_from_json(get_setting(session, PROVINCE_KEY))
    return with_secret(stored, PROVINCE_SECRET, folder) if stored.configured else stored


def take_province_seal(
    session: Session,
    desk: Desk | None,
    body: str,
    code: str,
    changes: dict[str, Any] | None = None,
    key_path: Path | None = None,
) -> PaperSealMade:
    """The seal of ``body`` (its 统一社会信用代码 or the seal's code ``code``) taken from the province and kept here,
    replacing a former seal of the body; ``changes``: the province system's settings changed first (refused whole,
    :class:`ProvinceRefused`, with any problem).  :class:`SealNotTaken` when the province gave no seal the site may
    keep: nothing is kept then."""
    by = this_desk(desk)
    require(session, by.actor, Permission.CHANGE_SETTINGS)
    folder_keys = key_path.parent if key_path is not None else None
    if changes:
        before = province_settings(session, folder_keys)
        settings = dataclasses.replace(before, **changes)
        if settings.secret == SECRET_SHOWN:  # the settings as read, sent back: the secret kept is kept
            settings = dataclasses.replace(settings, secret=before.secret)
        if settings.problems():
            raise ProvinceRefused(settings.problems())
        save_settings(session, by, PROVINCE_KEY, before, settings, PROVINCE_SECRET, folder_keys)
    body = "".join(body.split())
    asked = ask_seal(province_settings(session, folder_keys), code)
    if asked.outcome is not AskedOutcome.ANSWERED:
        raise SealNotTaken(_ASKED_FAULT.get(asked.outcome, SealFault.SILENT))
    folder, now = seal_store.seals_dir(key_path or paths.site_key_path()), utcnow()
    if not seal_holds(asked.data, body, seal_store.anchors(folder), now):
        raise SealNotTaken(_refusal(asked.data, body))
    kept = seal_store.keep_province_seal(folder, body, asked.data, asked.seal_code)
    digest = sm2.sm3(kept.certificate).hex()
    record_at_desk(
        session, by, AuditAction.SETTING_CHANGED, AUDIT_SUBJECT,
        {"body": body, "certificate": digest, "province_seal": asked.seal_code},
    )  # fmt: skip
    return PaperSealMade(body, digest, read_seal(kept.seal).valid_end)


def _refusal(seal: bytes, body: str) -> SealFault:
    """Why a seal the province gave does not hold: not the body's seal at all, or not made by a maker trusted here."""
    try:
        name = read_seal(seal).name
    except der.DerError:
        return SealFault.MALFORMED
    return SealFault.UNTRUSTED if name == body else SealFault.REFUSED


def province_signer(settings: ProvinceSettings, seal: BodySeal) -> Signer:
    """The signer of a paper by the province's key of ``seal``: the digest e of the TBS_Sign by the certificate the
    seal lists (kept with it), sent; the signature and the signer's certificate back.  :class:`SealNotTaken` where
    the province does not answer with them."""

    def sign(to_sign: bytes) -> tuple[bytes, bytes]:
        try:
            public_key = certificates.read_certificate(seal.certificate).public_key
        except der.DerError as err:  # the certificate kept with the seal is no longer one: nothing to sign by
            raise SealNotTaken(SealFault.REFUSED) from err
        asked = ask_signature(settings, seal.province_code, sm2.signing_digest(public_key, to_sign))
        if asked.outcome is not AskedOutcome.ANSWERED:
            raise SealNotTaken(_ASKED_FAULT.get(asked.outcome, SealFault.SILENT))
        return asked.data, asked.certificate

    return sign


def checked(package: bytes, folder: Path) -> SealFault | None:
    """None where the sealed ``package`` is good by the site's anchors, as any reader would find it; else why not."""
    check = verify_paper(package, seal_store.anchors(folder))
    if check.good:
        return None
    return SealFault.UNTRUSTED if check.verdict is PaperVerdict.UNTRUSTED else SealFault.REFUSED
