"""The record of whole reads as an operation makes them: each noted on its unit of work (:func:`note_read`) and
taken off it by the service, which records them with the answer (:mod:`counter.actions.cases.reach` says when an
answer is whole).  Apart from the reach, so that the papers (:mod:`counter.actions.cases.documents`) note what they
print without importing the steps the reach reads."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.access.read_record import OPERATION_ASKED, IdReadRow
from counter.db.models import utcnow
from counter.db.sealed import lookup_index

#: Session.info: the whole reads noted by the operation running in the unit of work
_NOTED = "counter.reads_noted"


def note_read(work: Session, desk: Desk, operation: str, case_no: str, id_nos: Iterable[str]) -> None:
    """Note that the answer being made gives ``desk``'s account the ID numbers ``id_nos`` (of ``case_no``, or of no
    case: "") whole: one record for each number that is there."""
    noted: list[IdReadRow] = work.info.setdefault(_NOTED, [])
    # the machine's moment, never the call's: the record says when a person's number truly left the database, as the
    # audit trail does; a training desk's day (``--today``) would put a real read on a day nobody read it
    at = utcnow()
    for id_no in id_nos:
        if id_no:
            identity, actor = desk.identity, desk.actor
            key = lookup_index(id_no) or ""
            name = actor.name or desk.clerk
            noted.append(
                IdReadRow(at, actor.login, name, identity.site_code, identity.desk_no, case_no, key, operation)
            )


def operation_asked(work: Session, otherwise: str) -> str:
    """The service's operation ``work`` runs (``otherwise`` for work asked without one: a test's direct call)."""
    return str(work.info.get(OPERATION_ASKED) or otherwise)


def noted_reads(work: Session) -> tuple[IdReadRow, ...]:
    """The reads noted in ``work`` so far, taken off it: the service records them with the answer."""
    return tuple(work.info.pop(_NOTED, ()))
