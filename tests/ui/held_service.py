"""A service whose named operations wait until the test lets them go, as a hall server far away answers: what the
window does while they are in flight is what the test looks at."""

from __future__ import annotations

import threading
from typing import Any, TypeVar

from counter.access.desk import Desk
from counter.service.local import Service
from counter.service.operation import Operation
from counter.ui.door.runner import Runner

Req = TypeVar("Req")
Res = TypeVar("Res")


class Held:
    """The service, the operations named held until :attr:`go` is set."""

    def __init__(self, service: Service, *held: Operation[Any, Any]) -> None:
        self.service = service
        self.clock = service.clock
        self.held = held
        self.go = threading.Event()
        self.asked: list[str] = []

    def call(self, op: Operation[Req, Res], request: Req, desk: Desk | None = None, *, key: str = "") -> Res:
        if op in self.held:
            self.asked.append(op.name)
            assert self.go.wait(10)
        return self.service.call(op, request, desk, key=key)


def held(runner: Runner, *ops: Operation[Any, Any]) -> Held:
    """``runner``'s service from now on, ``ops`` held."""
    service = Held(runner.service, *ops)
    runner.service = service
    return service
