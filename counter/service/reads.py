"""The record of whole ID numbers read, as a supervisor lists it (``counter audit reads``).

Each answer that gave an account a person's ID number whole is recorded by the service as it answers
(:mod:`counter.actions.cases.reach`); this lists them: who, at which desk, of which case, when, by which operation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter.access.read_record import IdReadRow, ReadsAsked
from counter.access.roles import Permission
from counter.service.call import Call
from counter.service.operation import read

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def list_reads(work: Session, call: Call, request: ReadsAsked) -> tuple[IdReadRow, ...]:
    """The answers that gave an account a person's ID number whole, newest first: all, an account's or a case's, since a
    day; never the number itself."""
    from counter.db.read_log import list_reads as listed

    return listed(work, request)


LIST_READS = read("reads.list_reads", Permission.SEE_FIGURES, list_reads)
