"""Runners for window tests whose database the test opened itself (a copied template, a fixture's engine).

The widgets take a :class:`counter.ui.door.runner.Runner`; the tests keep their own session factory to arrange and
check what is stored.  :func:`runner_on` hands the widgets that same factory, so both see one database and the
test's engine is the only one (the test disposes of it, as before).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.site.store import Store
from counter.case.moments import moment_on
from counter.db.engine import Sessions
from counter.service.call import Clock
from counter.service.local import InProcess
from counter.service.operation import Operation
from counter.ui.door.runner import CAUSE, Runner

Req = TypeVar("Req")
Res = TypeVar("Res")


class OpenedStore(Store):
    """A store over a session factory that is already open and migrated."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        bind = sessions.kw["bind"]
        super().__init__(bind.url.render_as_string(hide_password=False))
        # the desk's own factory (``Sessions``: its writes, its plain unit of work) on the test's engine
        self._opened = sessions if isinstance(sessions, Sessions) else Sessions(bind)

    def sessions(self) -> Sessions:
        return self._opened

    @property
    def opened(self) -> bool:
        return True

    def dispose(self) -> None:
        """The test that opened the engine disposes of it."""


#: the desk's day of the window test running now, as its ``today`` fixture moves it (None: the machine's): what the
#: pages show and what the service in process dates its operations by, one clock as on a training desk
desk_day: Callable[[], dt.date] | None = None
#: the desk's moment where a test moves the time of day too (the pad's timeouts), else None
desk_moment: Callable[[], dt.datetime] | None = None


@dataclass(frozen=True)
class TestDeskClock(Clock):
    """The service's clock on the test's desk time, read at each call: a test moves it, the operations follow.
    ``source``: this runner's own desk day (a panel's fixed day), else the running test's (:data:`desk_moment`,
    :data:`desk_day`)."""

    source: Callable[[], dt.date] | None = None

    def today(self) -> dt.date:
        if self.source is None and desk_moment is not None:
            return self.now().date()
        day = self.source or desk_day
        return day() if day is not None else dt.date.today()

    def today_of(self, now: dt.datetime) -> dt.date:
        return self.today()

    def now(self) -> dt.datetime:
        if self.source is None and desk_moment is not None:
            return desk_moment().astimezone()
        return moment_on(self.today(), dt.datetime.now().astimezone())


def runner_on(sessions: sessionmaker[Session], today: Callable[[], dt.date] | None = None) -> Runner:
    return Runner(InProcess(OpenedStore(sessions), clock=TestDeskClock(source=today)))


def runner_for(store: Store) -> Runner:
    """The window's runner on a store the test opened: the service in process, as a desk runs it."""
    return Runner(InProcess(store, clock=TestDeskClock()))


def store_of(runner: Runner) -> Store:
    """The store behind a runner the test made, to arrange and check what is stored without an operation."""
    service = runner.service
    assert isinstance(service, InProcess)
    return service.store


def answer_of(
    runner: Runner, op: Operation[Req, Res], request: Req, desk: Desk | None = None, message: str = CAUSE
) -> Res:
    """``op``'s answer through the window's door, to a test's own call: where no event loop turns, the runner hands it
    over before the submit returns; its fault is raised here, as the widget's ``failed`` would be handed it."""
    answers: list[Res] = []
    faults: list[Exception] = []
    runner.submit(op, request, desk, message, owner=runner, answered=answers.append, failed=faults.append)
    if faults:
        raise faults[0]
    assert len(answers) == 1, "asked where an event loop turns: wait for the answer instead"
    return answers[0]
