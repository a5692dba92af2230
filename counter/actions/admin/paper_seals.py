"""The electronic seals of the bodies this machine acts for: made by the site's seal CA, used when a paper is
printed as OFD (:mod:`counter.seals.ofd`).

Why here.  The seal's files are keys (:mod:`counter.seals.store`): beside the site's signing key, never in
the database; making one is a change of the site's settings (CHANGE_SETTINGS) recorded in the trail with the
certificate's digest, so the trail says which seal a body had from when.  A paper made in the training database is
never sealed: a 培训样张 bearing a true seal would be a paper of the body.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.access.roles import Permission
from counter.actions.admin.acting import this_desk
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.guard import require
from counter.actions.admin.province_seals import checked, province_settings, province_signer
from counter.actions.admin.site import stored_site
from counter.audit.actions import AuditAction
from counter.db.models import utcnow
from counter.db.sealed_papers import keep_sealed, kept_sealed
from counter.documents.model import DocumentData
from counter.host.machine import paths
from counter.seals import store as seal_store
from counter.seals.province import ProvinceSettings, SealNotTaken
from counter.seals.ses import read_seal
from counter.seals.store import PaperSealMade
from counter.sync import sm2

AUDIT_SUBJECT = "paper_seal"


def seals_here(key_path: Path | None = None) -> Path:
    return seal_store.seals_dir(key_path or paths.site_key_path())


def site_seal_ca(site_name: str, key_path: Path | None = None) -> None:
    """The site's seal CA, made at set-up where there is none on this machine."""
    seal_store.seal_ca(seals_here(key_path), site_name, utcnow())


def make_paper_seal(
    session: Session, desk: Desk | None, body: str, picture: bytes = b"", key_path: Path | None = None
) -> PaperSealMade:
    """A seal for ``body`` on this machine, made by the site's CA (made first where it is not here)."""
    by = this_desk(desk)
    require(session, by.actor, Permission.CHANGE_SETTINGS)
    body = "".join(body.split())
    site = stored_site(session)
    folder, now = seals_here(key_path), utcnow()
    seal_store.seal_ca(folder, site.name if site is not None else by.site_name, now)
    made = seal_store.make_body_seal(folder, body, now, picture or None)
    digest = sm2.sm3(made.certificate).hex()
    record_at_desk(session, by, AuditAction.SETTING_CHANGED, AUDIT_SUBJECT, {"body": body, "certificate": digest})
    return PaperSealMade(body, digest, read_seal(made.seal).valid_end)


def ofd_parts(
    data: DocumentData,
    *,
    wanted: bool,
    key_path: Path | None = None,
    province: Callable[[], ProvinceSettings] = ProvinceSettings,
) -> tuple[bytes, str, str, str]:
    """The paper as OFD (nothing where not ``wanted``), the body whose seal it bears, the body whose paper was made
    unsealed, and why (a :class:`SealFault` where the province's system did not seal it; empty: this machine holds
    no seal of the body): sealed where the seal is here, signed by the province where it keeps the key
    (``province``: its system's settings, read only then), else unsealed and said so; a training paper never sealed."""
    if not wanted:
        return b"", "", "", ""
    from counter.documents.ofd import render_ofd  # fontTools: loaded at the first OFD asked for
    from counter.seals.ofd import sealed_ofd, sealing_body

    body, folder = sealing_body(data), seals_here(key_path)
    seal = None if data.training else seal_store.body_seal(folder, body)
    if seal is None:
        return render_ofd(data), "", "" if data.training else body, ""
    if seal.key is not None:
        return sealed_ofd(data, seal, utcnow()), body, "", ""
    try:
        package = sealed_ofd(data, seal, utcnow(), province_signer(province(), seal))
        fault = checked(package, folder)  # the province's answer came from outside: kept only if any reader trusts it
    except SealNotTaken as err:
        fault = err.fault
    if fault is not None:
        return render_ofd(data), "", body, fault.value
    return package, body, "", ""


def kept_ofd(
    session: Session, document_id: int, digest: str, data: DocumentData, *, wanted: bool, key_path: Path | None = None
) -> tuple[bytes, str, str, str]:
    """:func:`ofd_parts` of a case's paper, its sealed file kept: the one made the first time is given back as it was
    (the same seal time and signature, so the reprint is the same sealed document), while the paper's content
    (``digest``, its PDF's) is the one it was sealed on; a paper first sealed, or changed since, is kept anew.  A
    paper the province did not seal is kept as nothing: its next print asks the province again."""
    if not wanted:
        return b"", "", "", ""
    kept = None if data.training else kept_sealed(session, document_id, digest)
    if kept is not None:
        return kept.ofd, kept.sealed_by, "", ""
    folder = key_path.parent if key_path is not None else None
    package, body, missing, fault = ofd_parts(
        data, wanted=True, key_path=key_path, province=lambda: province_settings(session, folder)
    )
    if body:
        keep_sealed(session, document_id, digest, body, package)
    return package, body, missing, fault
