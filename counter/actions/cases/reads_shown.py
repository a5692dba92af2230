"""A case's reads as the account that asks is given them (:mod:`counter.actions.cases.reach`): not at all for a case
outside its reach (answered as no case), its applicants' ID numbers whole to an account that may see them (each
one recorded as read by the operation named), masked to any other.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from counter.actions.cases import case_reads, reach
from counter.actions.cases.case_view import read_case
from counter.actions.cases.received_cases import is_received
from counter.case.lookup import FoundCase, Lookup
from counter.case.view import CaseView
from counter.db.catalog_store import guide_version
from counter.documents.case_page import CasePage

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from counter.access.desk import Desk


def _id_nos(view: CaseView) -> tuple[str, str]:
    return (view.applicant_id_no, view.agent_id_no)


def case_page(session: Session, desk: Desk | None, case_no: str, today: dt.date, operation: str) -> CasePage | None:
    """The case's page (:func:`read_case`); None for a case outside the account's reach, as for no case."""
    if desk is not None and not reach.in_reach(session, desk, case_no):
        return None
    page = read_case(session, case_no, today)
    if page is None or desk is None:
        return page
    if reach.may_see_whole(session, desk):
        reach.note_read(session, desk, operation, page.view.case_no, _id_nos(page.view))
        return page
    # whoever may not see them whole is never sent them: masked here, not only on the desk's screen
    return dataclasses.replace(page, view=page.view.masked())


def cases_found(
    session: Session, desk: Desk | None, lookup: Lookup, today: dt.date, days: int, operation: str
) -> list[FoundCase]:
    """F7's answer (:func:`counter.actions.cases.case_reads.cases_found`), a department's staff finding only their
    department's cases (:func:`reach.bound_department`)."""
    department = reach.bound_department(session, desk)
    found = case_reads.cases_found(session, lookup, today, desk, days, department=department)
    if desk is not None and found and reach.may_see_whole(session, desk):  # given whole: each one recorded
        for row in found:
            reach.note_read(session, desk, operation, row.case_no, (row.id_no,))
    return found


def case_view(
    session: Session, desk: Desk, case_no: str, operation: str
) -> tuple[CaseView | None, bool, bool, dict[str, str]]:
    """The case as the command line shows it, whether its numbers are whole, whether the hall only received it (its
    state said as its page says it: :mod:`counter.actions.cases.received_cases`), and its guide's item names by code
    (its history names them as the case page does); no case for one outside the account's reach, as for no case."""
    if not reach.in_reach(session, desk, case_no):
        return None, False, False, {}
    view = case_reads.case_view(session, case_no)
    if view is None:
        return None, False, False, {}
    whole = reach.may_see_whole(session, desk)
    if whole:
        reach.note_read(session, desk, operation, view.case_no, _id_nos(view))
    return (view if whole else view.masked()), whole, is_received(session, view.case_no), _item_names(session, view)


def _item_names(session: Session, view: CaseView) -> dict[str, str]:
    """The names of the case's guide's items by code (none when its guide version is not in this database)."""
    stored = guide_version(session, view.guide_version_id)
    return {} if stored is None else {item.code: item.name for item in stored.bundle.items}
