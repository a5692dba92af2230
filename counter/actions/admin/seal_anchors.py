"""The site's trust anchors for sealed papers, added, listed and removed by an administrator.

The certificates are read and kept by :mod:`counter.seals.anchors`.

They are files of the key folder of the machine the service runs on (the desk's own, or the hall server's where a
hall's desks work through it): the machine that takes a province's seals and checks the papers it seals.  Each change
is on the audit trail with the certificate's subject and fingerprint: an anchor decides whose seals the site trusts.
A training database changes none: the folder is this machine's, the one the live papers are checked against.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from counter.access.roles import Permission
from counter.actions.admin.acting import this_desk
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.guard import require
from counter.actions.admin.paper_seals import seals_here
from counter.audit.actions import AuditAction
from counter.db.models import utcnow
from counter.db.settings_store import is_training
from counter.seals import anchors as anchor_files
from counter.seals.anchors import Anchor, AnchorProblem, AnchorRefused

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from counter.access.desk import Desk

__all__ = ["AUDIT_SUBJECT", "add_seal_anchor", "remove_seal_anchor", "seal_anchors"]

log = logging.getLogger(__name__)
AUDIT_SUBJECT = "paper_seal_anchors"


def add_seal_anchor(session: Session, desk: Desk | None, data: bytes, key_path: Path | None = None) -> Anchor:
    """The certificate ``data`` (PEM or DER) added to this machine's anchors; :class:`AnchorRefused` with every
    reason it may not be one (what could not be read, in the log)."""
    by = this_desk(desk)
    require(session, by.actor, Permission.CHANGE_SETTINGS)
    if is_training(session):
        raise AnchorRefused((AnchorProblem.TRAINING,))
    try:
        certificate = anchor_files.read_anchor(data, utcnow())
    except AnchorRefused as err:
        log.warning("seal anchor refused (%s): %s", err, err.__cause__ or "")
        raise
    added = anchor_files.add_anchor(seals_here(key_path), certificate)
    detail = {"added": added.name, "subject": added.subject, "sha256": added.fingerprint}
    record_at_desk(session, by, AuditAction.SETTING_CHANGED, AUDIT_SUBJECT, detail)
    return added


def remove_seal_anchor(session: Session, desk: Desk | None, name: str, key_path: Path | None = None) -> str:
    """The anchor file ``name`` removed from this machine's anchors; its name.  :class:`AnchorRefused` for the
    site's own CA or a name not there."""
    by = this_desk(desk)
    require(session, by.actor, Permission.CHANGE_SETTINGS)
    if is_training(session):
        raise AnchorRefused((AnchorProblem.TRAINING,))
    gone = anchor_files.remove_anchor(seals_here(key_path), name)
    detail = {"removed": name, "subject": gone.subject if gone else "", "sha256": gone.fingerprint if gone else ""}
    record_at_desk(session, by, AuditAction.SETTING_CHANGED, AUDIT_SUBJECT, detail)
    return name


def seal_anchors(key_path: Path | None = None) -> tuple[tuple[Anchor, ...], tuple[str, ...]]:
    """This machine's anchors, and the files among them no reader takes (:func:`counter.seals.anchors.listed`)."""
    return anchor_files.listed(seals_here(key_path))
