"""The paper 评价表 of one service, for a desk with no pad (:mod:`counter.documents.rating_sheet`).

Nothing is stored: the sheet is found again by its 办件编号, and what counts is the rating keyed in from it
(:func:`counter.actions.ratings.record.key_in_sheet`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from counter.access.roles import Permission
from counter.actions.admin.guard import require
from counter.actions.admin.office import office_settings
from counter.db.case_store import case_view
from counter.documents.rating_sheet import rating_sheet_for
from counter.documents.render import render_pdf
from counter.ratings.eval_content import load_eval_content
from counter.ratings.refusals import RatingRefused
from counter.ratings.status import SendRefusal

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from counter.access.desk import Desk


def rating_sheet_pdf(session: Session, desk: Desk, case_no: str, today: dt.date) -> bytes:
    """The 评价表 of the case as a PDF, in the desk's office's name."""
    require(session, desk.actor, Permission.PRINT)
    view = case_view(session, case_no)
    if view is None:
        raise RatingRefused(SendRefusal.NO_CASE, case_no)
    office = office_settings(session, desk.identity.site_code)
    return render_pdf(rating_sheet_for(view.case_no, view.bundle_name, office, load_eval_content(), today))
