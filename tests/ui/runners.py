"""Runners for window tests whose database the test opened itself (a copied template, a fixture's engine).

The widgets take a :class:`counter.ui.runner.Runner`; the tests keep their own session factory to arrange and
check what is stored.  :func:`runner_on` hands the widgets that same factory, so both see one database and the
test's engine is the only one (the test disposes of it, as before).
"""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from counter.actions.site.store import Store
from counter.db.engine import Sessions
from counter.service.local import InProcess
from counter.ui.runner import Runner


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


def runner_on(sessions: sessionmaker[Session]) -> Runner:
    return Runner(InProcess(OpenedStore(sessions)))


def runner_for(store: Store) -> Runner:
    """The window's runner on a store the test opened: the service in process, as a desk runs it."""
    return Runner(InProcess(store))


def store_of(runner: Runner) -> Store:
    """The store behind a runner the test made, to arrange and check what is stored without an operation."""
    service = runner.service
    assert isinstance(service, InProcess)
    return service.store
