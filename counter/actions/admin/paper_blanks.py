"""What the site's papers would print blank under its 单位信息 as stored, for the catalog it holds now, and whose
papers go out as paper only for want of an electronic seal on this machine: told when the site is set up and when
its 单位信息 is saved (:mod:`counter.documents.paper_blanks`)."""

from __future__ import annotations

import dataclasses

from sqlalchemy.orm import Session

from counter.actions.admin.office import office_settings
from counter.actions.admin.paper_seals import seals_here
from counter.db.catalog_store import current_guides
from counter.documents.paper_blanks import PaperBlanks, acting_bodies, paper_blanks
from counter.seals.store import body_seal


def blanks_now(session: Session, site_code: str) -> PaperBlanks:
    """The progress page unset, the departments of the current guides with no 承办人 or phone listed, and the bodies
    with no electronic seal on this machine."""
    items = [item for guide in current_guides(session) for item in guide.bundle.items]
    office = office_settings(session, site_code)
    folder = seals_here()
    unsealed = tuple(body for body in acting_bodies(office, items) if body_seal(folder, body) is None)
    return dataclasses.replace(paper_blanks(office, items), no_seal=unsealed)
