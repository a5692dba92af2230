"""The operations' implementations in process: each a thin function ``(work, call, request) -> response`` that calls
the actions of its area with the request's fields and the call's context (:class:`counter.service.call.Call`: the
desk, its account, the day and the moment).  Imported only by :class:`counter.service.local.InProcess`, by the
dotted name each declaration gives (``runs``), and by an implementation bound beside its declaration when it runs,
so that the faces, importing the declarations, load no action."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from counter.access.desk import Desk
    from counter.service.call import Call


def at_desk(call: Call) -> Desk:
    """The desk an operation that acts at one was asked for; an operation asked without one is a program's fault."""
    if call.desk is None:
        raise ValueError("this operation is asked for a desk")
    return call.desk
