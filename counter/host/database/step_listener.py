"""Who in this process is told of each batch of long work as it ends (a data key rotation): the command that asked.

Why a context variable and not a field of the operation's request: a request crosses the wire as JSON
(:mod:`counter.service.codec`) and a function does not.  In process the command and the work share the thread, and so
the context: the command hears of every batch.  Over the hall server they do not: the work runs in the server's
process, tells no one here, and its batches go to the server's log alone; the command then has only the answer's
summary to give, and says so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from counter.host.database.migration_step import Step

_listener: ContextVar[Callable[[Step], None] | None] = ContextVar("counter_step_listener", default=None)


@contextmanager
def told_of_steps(listener: Callable[[Step], None]) -> Iterator[None]:
    """``listener`` told of each step the work run inside reports (:func:`tell`)."""
    token = _listener.set(listener)
    try:
        yield
    finally:
        _listener.reset(token)


def tell(step: Step) -> None:
    """``step`` told to whoever in this process asked (:func:`told_of_steps`), if anyone did."""
    listener = _listener.get()
    if listener is not None:
        listener(step)
