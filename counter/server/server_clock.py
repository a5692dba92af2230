"""The server's clock on a served write: the moment and the day a desk sends with its request become the server's.

A served write records its ``at`` or ``now`` in the case's, the rating's or the audit's history, and does its work on
its ``today`` (a case's number and received day, whether a deferral has lapsed); sent by the desk, they are whatever
the desk's clock (or a forger) says: a decision dated before its case was taken, a deferral denied before it lapsed.
At the server the record's time is the server's, as its account is the session's (:func:`counter.server.app.desk_of`).
In process nothing changes: a training desk's ``--today`` moves its clock, and a township's desk is its own clock.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

#: the request fields that carry the moment a write is recorded at
MOMENTS = frozenset({"at", "now"})
#: the request fields that carry the day a write is done on: a case's number and received day, a lapse's reckoning
DAYS = frozenset({"today"})


def server_now(sent: dt.datetime) -> dt.datetime:
    """The server's now, in the zone the desk wrote its own (or as naive local time when it wrote none)."""
    return dt.datetime.now(sent.tzinfo) if sent.tzinfo is not None else dt.datetime.now()


def at_server_clock(
    asked: Any,
    now: Callable[[dt.datetime], dt.datetime] = server_now,
    today: Callable[[], dt.date] = dt.date.today,
) -> Any:
    """``asked`` with each of its moments (:data:`MOMENTS`, a datetime) set to the server's now and its day
    (:data:`DAYS`, a date) to the server's today; a request without one, or whose moment is left to the action
    (None), as it came."""
    if not dataclasses.is_dataclass(asked) or isinstance(asked, type):
        return asked
    changes: dict[str, dt.date] = {}
    for one in dataclasses.fields(asked):
        value = getattr(asked, one.name)
        if one.name in MOMENTS and isinstance(value, dt.datetime):
            changes[one.name] = now(value)
        elif one.name in DAYS and isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            changes[one.name] = today()
    return dataclasses.replace(asked, **changes) if changes else asked
