"""A service whose named operations fail as a hall fails them (the database locked or away, the hall server gone, a
refusal), for the window's tests of what a widget does then: the rest of the desk's operations answer as before."""

from __future__ import annotations

from typing import Any, TypeVar

from counter.access.desk import Desk
from counter.host.database.database_faults import DbFault, StoreFault
from counter.service.local import Service
from counter.service.operation import Operation
from counter.ui.door.runner import Runner

Req = TypeVar("Req")
Res = TypeVar("Res")

#: the database another desk holds: the fault a hall meets most
LOCKED = StoreFault(DbFault.LOCKED, "lock timeout", "OperationalError")


class Failing:
    """``service``, the operations named raising ``err`` until :meth:`mend`; the others answered by ``service``."""

    def __init__(self, runner: Runner, err: Exception, *failing: Operation[Any, Any]) -> None:
        self.runner = runner
        self.service: Service = runner.service
        self.clock = self.service.clock
        self.err = err
        self.failing = failing
        self.asked: list[str] = []
        runner.service = self

    def call(self, op: Operation[Req, Res], request: Req, desk: Desk | None = None, *, key: str = "") -> Res:
        if op in self.failing:
            self.asked.append(op.name)
            raise self.err
        return self.service.call(op, request, desk, key=key)

    def mend(self) -> None:
        """The database (the server) answers again."""
        self.runner.service = self.service

    def __getattr__(self, name: str) -> Any:
        return getattr(self.service, name)


def failing(runner: Runner, err: Exception, *ops: Operation[Any, Any]) -> Failing:
    """``runner``'s service from now on, ``ops`` failing with ``err``."""
    return Failing(runner, err, *ops)
