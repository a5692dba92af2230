"""An operation of the hall's door run at a chosen moment, as the server's own clock would date it then: the
sessions' lockouts, idle ends and pruning are about time, and no request carries it."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from counter.service.call import Call
from counter.service.local import InProcess
from counter.service.operation import Operation

Req = TypeVar("Req")
Res = TypeVar("Res")


def at(service: InProcess, moment: dt.datetime, op: Operation[Req, Res], request: Req, *, key: str = "") -> Res:
    """``op`` asked of ``service`` as if its clock read ``moment``."""
    return service.run(op, request, Call(None, moment.astimezone().date(), moment), key=key)
