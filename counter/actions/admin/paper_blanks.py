"""What the site's papers would print blank under its 单位信息 as stored, for the catalog it holds now: told when the
site is set up and when its 单位信息 is saved (:mod:`counter.documents.paper_blanks`)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from counter.actions.admin.office import office_settings
from counter.db.catalog_store import current_guides
from counter.documents.paper_blanks import PaperBlanks, paper_blanks


def blanks_now(session: Session, site_code: str) -> PaperBlanks:
    """The progress page unset, and the departments of the current guides with no 承办人 or phone listed."""
    items = (item for guide in current_guides(session) for item in guide.bundle.items)
    return paper_blanks(office_settings(session, site_code), items)
