"""Whose applicants an account may read, whole or masked, and the record of each ID number it was given whole.

The reach of an account: a window account (a clerk's, a supervisor's, an administrator's) reaches every case of the
database it signs in to (the hall's own and those its townships sent up, which its window finishes); a department's
staff (no window role) reach only the cases with an item routed to their department; the single desk, where nobody
signs in, its own file.  An answer carries a person's ID number, phone or address whole only to an account that may
see them (``see_full_id``) and of a case within its reach; a case outside its reach is not read at all (answered as
no case: case numbers are sequential, and "there is one" is itself a fact about someone).

Every answer that gave a person's ID number whole is noted on the unit of work as it is made (:func:`note_read`)
and recorded by the service with the answer (:mod:`counter.service.local`): in the transaction of a write, in one
of its own after a read (a read's unit writes nothing), before the answer leaves.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.access.not_permitted import NotPermitted
from counter.access.roles import Permission, Role
from counter.actions.admin.accounts import own_department
from counter.actions.admin.guard import current_roles, require
from counter.actions.cases.read_notes import note_read, noted_reads, operation_asked
from counter.db import models

__all__ = [
    "CHOOSERS",
    "WHOLE_HALL",
    "bound_department",
    "in_reach",
    "may",
    "may_see_whole",
    "note_read",  # the record of reads is counter.actions.cases.read_notes: kept here for the readers of a case
    "noted_reads",
    "operation_asked",
    "require_whole",
]

#: the roles that reach every case of the database: the window's and the administrator's
WHOLE_HALL = frozenset({Role.CLERK, Role.SUPERVISOR, Role.ADMIN})


def in_reach(work: Session, desk: Desk, case_no: str) -> bool:
    """Whether ``case_no`` is within the reach of ``desk``'s account as it stands now (see the module's docstring)."""
    if not desk.actor.signed_in or current_roles(work, desk.actor) & WHOLE_HALL:
        return True
    department = own_department(work, desk)
    if not department:
        return False
    c, item = models.Case, models.OpenItem
    open_one = select(item.case_id).join(c, c.id == item.case_id)
    if work.scalar(open_one.where(c.case_no == case_no, item.department == department).limit(1)) is not None:
        return True
    return _ever_routed(work, case_no, department)


#: the roles that choose the department whose items they list
CHOOSERS = frozenset({Role.SUPERVISOR, Role.ADMIN})


def bound_department(session: Session, desk: Desk | None) -> str:
    """The department whose items alone the desk's account is listed: a department's staff sees its own, whatever
    department the request names (the applicants of another's are none of theirs); "" for an account that may
    choose (a supervisor's, an administrator's) or one given no department."""
    if desk is None or desk.actor.roles & CHOOSERS:
        return ""
    return own_department(session, desk)


def _ever_routed(work: Session, case_no: str, department: str) -> bool:
    """Whether an item of the case was routed to ``department`` and has been decided since (its open row gone): the
    department keeps the case it decided."""
    from counter.actions.cases.item_steps import item_standings
    from counter.case.not_found import CaseNotFound

    try:
        standings = item_standings(work, case_no, None)  # who decided is no day's: no alert asked
    except CaseNotFound:
        return False
    return any(s.department == department and s.state is not None for s in standings)


def may_see_whole(work: Session, desk: Desk) -> bool:
    """Whether ``desk``'s account may see a person's numbers whole at all (``see_full_id``, as it stands now): asked
    of a case within its reach (:func:`in_reach`) alone."""
    return may(work, desk, Permission.SEE_FULL_ID)


def may(work: Session, desk: Desk, permission: Permission) -> bool:
    """Whether ``desk``'s account holds ``permission`` now: ``take_intake`` for a desk's draft, ``agent_service``
    for a 帮您办 project's contact."""
    try:
        require(work, desk.actor, permission)
    except NotPermitted:
        return False
    return True


def require_whole(work: Session, desk: Desk, case_no: str = "") -> None:
    """For an answer that cannot be masked (a 补正 draft, a known party): :class:`NotPermitted` unless the account may
    see a person whole and take an intake, and ``case_no`` (when it names one) is within its reach."""
    require(work, desk.actor, Permission.TAKE_INTAKE)
    require(work, desk.actor, Permission.SEE_FULL_ID)
    if case_no and not in_reach(work, desk, case_no):
        raise NotPermitted(Permission.SEE_FULL_ID, signed_in=desk.actor.signed_in)
