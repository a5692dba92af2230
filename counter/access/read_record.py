"""A person's ID number read whole, as plain data: what is recorded of each such answer, and what a supervisor asks.

The rule (:mod:`counter.actions.cases.reach`): an answer carries a person's ID number, phone or address whole only
to an account that may see them (``see_full_id``) and only of a case within its reach; every answer that did is
recorded here (who, desk, case, when, by which operation), never with the number.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

#: Session.info: the name of the service's operation the unit of work runs, set where its gate is asked
#: (:mod:`counter.service.local`): a read noted deep in an action (a paper printing a number) names it
OPERATION_ASKED = "counter.operation_asked"

#: how many reads a list gives at most: a day of a busy hall's reads, newest first
READS_MOST = 2000


@dataclass(frozen=True, slots=True)
class IdReadRow:
    """One answer that gave ``login`` (``name``) at ``desk_no`` of ``site_code`` a person's ID number whole.

    ``case_no``: the case's number, or a 帮您办 project's for its contact; "" for a person read without either
    (一证办理, a desk's draft); ``person_key``: the number's keyed index ("" where the machine has no index key);
    ``operation``: the service's operation that answered.
    """

    at: dt.datetime
    login: str
    name: str
    site_code: str
    desk_no: str
    case_no: str
    person_key: str
    operation: str


@dataclass(frozen=True)
class ReadsAsked:
    """The reads a supervisor lists: all, or one account's, or one case's, since a day; newest first."""

    login: str = ""
    case_no: str = ""
    since: dt.date | None = None
    most: int = READS_MOST
