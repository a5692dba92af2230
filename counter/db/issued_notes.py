"""The numbers a commit issued, noted outside the database once the database has them.

:mod:`counter.actions.numbers.number_guard` keeps in the session's ``info`` what the open transaction numbered
(:data:`PENDING`) and where its database's note is (:data:`PLACE`); the listeners here take the turn at the note as
the database commits, write the note after the commit, and end the turn with the transaction however it ended
(:mod:`counter.host.notes.note_turn`).  They are listened to on each session factory :class:`counter.db.engine.Sessions`
makes, and on its engine, when it is made (:func:`note_commits`): every factory of the app's, the window's, the
command line's and the tests' alike, gets them, and no other session or engine of the process does.
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection, Engine, event
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker

from counter.host.notes.database_notes import remember_marks, turn_path
from counter.host.notes.note_turn import take_turn

log = logging.getLogger(__name__)

PENDING = "counter.numbers_issued"  # session.info: what the open transaction issued, noted once it commits
PLACE = "counter.database_place"  # session.info: the database's place, where the session's numbers are noted
_TURN = "counter.note_turn"  # the turn at the note, held from the database's commit until the note is written
_WANTS_TURN = "counter.note_turn_wanted"  # connection.info: the place whose turn its next commit takes


def note_commits(sessions: sessionmaker[Session], engine: Engine) -> None:
    """Every commit of a session of ``sessions`` (on ``engine``) notes what it issued: listened to once for all the
    factory's sessions (a desk opens one per intake), and on this engine's commits alone."""
    for name, listener in _SESSION_LISTENERS:
        event.listen(sessions.class_, name, listener)  # the factory's own subclass of its session class
    if not event.contains(engine, "commit", _database_commits):
        event.listen(engine, "commit", _database_commits)


def notes_commits(session: Session) -> bool:
    """Whether ``session``'s commits note what it issued: a session made by a factory :func:`note_commits` wired."""
    return event.contains(type(session), "after_commit", _committed)


def _committing(session: Session) -> None:
    """A commit that issued numbers takes the turn at the note as the database commits (its rows already sent, so
    the turn is held no longer than the commit and the note): no check sees them before they are noted."""
    cases, series = session.info.get(PENDING, ({}, {}))
    if cases or series:
        held = session.connection().info  # the database connection's: its commit takes the turn there
        held[_WANTS_TURN] = session.info[PLACE]
        session.info[_TURN] = held


def _database_commits(connection: Connection) -> None:
    place = connection.info.pop(_WANTS_TURN, None)
    if place is not None:
        # commits do not wait for each other, only for a check
        connection.info[_TURN] = take_turn(turn_path(place), shared=True)


def _committed(session: Session) -> None:
    """Every commit notes what it issued, if anything."""
    cases, series = session.info.pop(PENDING, ({}, {}))
    if not cases and not series:
        return
    try:
        remember_marks(session.info[PLACE], cases, series)
    except OSError:  # the numbers are taken and printed; the next start's check is only weaker for it
        log.exception("numbers %s not noted outside the database", [*cases.values(), *series])


def _rolled_back(session: Session) -> None:
    session.info.pop(PENDING, None)


def _ended(session: Session, transaction: SessionTransaction) -> None:
    """The turn ends with the transaction, however it ended: after a commit's note (after_commit comes first), on a
    rollback, on a commit that failed and was closed without one."""
    if transaction.parent is not None:
        return
    held = session.info.pop(_TURN, None)
    if held is not None:
        held.pop(_WANTS_TURN, None)
        turn = held.pop(_TURN, None)
        if turn is not None:
            turn.release()


#: the session's listeners, by the event each listens to
_SESSION_LISTENERS = (
    ("before_commit", _committing),
    ("after_commit", _committed),
    ("after_rollback", _rolled_back),
    ("after_transaction_end", _ended),
)
