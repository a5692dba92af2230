"""The hall server's own operations: a desk machine registered, a session opened at sign-in, found, and ended.

They run in process on the server alone (:mod:`counter.server`), which never serves them to a desk over HTTPS: a
desk signs in at the server's door and holds only the token it is given.  Keys and tokens cross as their SHA-256
hashes: the server shows the key or the token once, and the database (its receipts included) keeps neither.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from counter.access.desk_session import DeskSignIn, SessionDesk, SessionEnd
from counter.service.call import Call
from counter.service.operation import Open, read, write
from counter.service.requests import Nothing
from counter.service.retries import RETRY_WINDOW_S

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from counter.db.engine import Sessions

#: the operations' area: the server refuses every operation of it at its operations' door
AREA = "hall."


@dataclass(frozen=True)
class DeskKey:
    """A desk machine's key (its hash) and the desk number it is registered, or set up, under."""

    desk_no: str
    key_hash: str


@dataclass(frozen=True)
class OpenSession:
    """A sign-in at the server: the login and password typed, the desk the machine's key stands for, the hash of the
    token the server will hand over if it succeeds."""

    login: str
    password: str
    desk_no: str
    key_hash: str
    token_hash: str


@dataclass(frozen=True)
class FindSession:
    """A request's token and the key of the desk machine that sent it: a token opens its session only with the key
    of the desk it was issued at, so that a token carried to another machine opens nothing."""

    token_hash: str
    key_hash: str


@dataclass(frozen=True)
class EndSession:
    """A sign-out: the token, with the key of the desk machine that sends it (as :class:`FindSession`), so that a
    token alone, carried off its machine, signs nobody out."""

    token_hash: str
    key_hash: str
    idle: bool = False  # the desk's screen lock signed the account out


def _utc(call: Call) -> dt.datetime:
    """The call's moment in UTC, as the sessions' times are kept: SQLite keeps a time without its offset."""
    return call.now.astimezone(dt.UTC)


def register_desk(work: Session, call: Call, request: DeskKey) -> None:
    """Register a desk machine at the server under its desk number, replacing any key it had; its sessions end."""
    from counter.actions.admin import desk_sessions

    desk_sessions.register_desk(work, request.desk_no, request.key_hash)


# the administrator at the server's own machine, which alone holds the database's credentials
REGISTER_DESK = write(
    "hall.register_desk", Open.IN_ACTION, register_desk, faults=("counter.access.desk_session:DeskRegisteredMeanwhile",)
)


def open_session(work: Sessions, call: Call, request: OpenSession) -> DeskSignIn:
    """Sign in at a registered desk under the lockout; a session of the token's hash when it succeeds.

    The password is checked in a read first, so that no transaction writing is open while it hashes; the
    transaction then counts, locks and records as before, with the check taken while the account's hash is
    unchanged."""
    from counter.actions.admin import desk_sessions

    r = request
    with work() as reading:
        checked = desk_sessions.password_first(reading, r.login, r.password, r.desk_no, r.key_hash)
    with work.begin() as session:
        return desk_sessions.open_session(
            session, r.login, r.password, r.desk_no, r.key_hash, r.token_hash, _utc(call), checked
        )  # fmt: skip


# one transaction of its own, with no receipt: a sign-in is never asked again under its key (a desk signs in
# anew, with a new token), and a receipt per sign-in, an unknown desk's included, let anyone fill the database
OPEN_SESSION = write("hall.open_session", Open.BEFORE_SIGN_IN, open_session, whole=True)


def find_session(work: Sessions, call: Call, request: FindSession) -> SessionDesk | SessionEnd:
    """Whom a token stands for now, its use noted; or why it no longer opens a session (ending it if it must)."""
    from counter.actions.admin import desk_sessions

    with work.begin() as session:
        return desk_sessions.find_session(session, request.token_hash, request.key_hash, _utc(call))


# the token is the credential: the session it opens, or why none
# one short transaction of its own per request, with no receipt: it only marks the session used
FIND_SESSION = write("hall.find_session", Open.IN_ACTION, find_session, whole=True)


def end_session(work: Sessions, call: Call, request: EndSession) -> None:
    """Sign out: the session ends, recorded in its desk's trail."""
    from counter.actions.admin import desk_sessions

    with work.begin() as session:
        desk_sessions.end_session(session, request.token_hash, request.key_hash, request.idle, _utc(call))


# ending an ended session changes nothing: safe to repeat without a receipt
END_SESSION = write("hall.end_session", Open.IN_ACTION, end_session, whole=True)


@dataclass(frozen=True)
class Pruned:
    sessions: int  # ended or expired desk sessions dropped
    receipts: int  # idempotency receipts past their keeping dropped


def prune(work: Sessions, call: Call, request: Nothing) -> Pruned:
    """Drop the desk sessions ended a week ago and the idempotency receipts past a desk's retry window; how many of
    each.

    The receipts kept as long as a desk's transport may ask a write again (:data:`RETRY_WINDOW_S`), no longer."""
    from counter.actions.admin import desk_sessions

    with work.begin() as session:
        return Pruned(*desk_sessions.prune(session, _utc(call), dt.timedelta(seconds=RETRY_WINDOW_S)))


# the server's own scheduled work, asked of no account
# deleting what is past its keeping again deletes nothing: safe to repeat without a receipt
PRUNE = write("hall.prune", Open.IN_ACTION, prune, whole=True)


@dataclass(frozen=True)
class OutboxDepth:
    """One outbox (``sms``, ``platform``, ``front_store``): its rows a sender still tries, its rows failed (waiting
    for a supervisor), and how long its oldest row still tried has waited (None: none waits)."""

    outbox: str
    unsent: int
    failed: int
    oldest_unsent_s: float | None


@dataclass(frozen=True)
class Standby:
    """A standby streaming from the node the server writes to: its replication name, state (``streaming``), part in
    synchronous commit (``sync``, ``quorum``, ``async``), and replay lag in bytes of WAL and in seconds (None:
    unknown, the server's role not granted ``pg_monitor``)."""

    name: str
    state: str
    sync: str
    lag_bytes: int | None
    lag_s: float | None

    @property
    def synchronous(self) -> bool:
        """Whether a commit waits for it (``ANY 1 (…)`` makes it ``quorum``, ``FIRST 1 (…)`` ``sync``)."""
        return self.state == "streaming" and self.sync in ("sync", "quorum")


@dataclass(frozen=True)
class HallHealth:
    """What the server's database says of the hall now: its schema's revision, its outboxes, its open sessions; on
    PostgreSQL the node it writes to (``host:port``: which of a pair is the primary) and its standbys."""

    revision: str | None
    outboxes: tuple[OutboxDepth, ...]
    open_sessions: int
    primary: str | None = None
    standbys: tuple[Standby, ...] = ()

    @property
    def oldest_unsent_s(self) -> float | None:
        """The longest any row still tried has waited, in any outbox."""
        ages = [box.oldest_unsent_s for box in self.outboxes if box.oldest_unsent_s is not None]
        return max(ages) if ages else None


def health(work: Session, call: Call, request: Nothing) -> HallHealth:
    """The database's schema revision, each outbox's depth and oldest unsent row, the desk sessions open now, the
    node written to and its standbys."""
    from counter.db import hall_health

    revision, depths, sessions = hall_health.health(work, _utc(call))
    primary, standbys = hall_health.replication(work)
    outboxes = tuple(OutboxDepth(*depth) for depth in depths)
    return HallHealth(revision, outboxes, sessions, primary, tuple(Standby(*standby) for standby in standbys))


# the server's own question, asked of no account
HEALTH = read("hall.health", Open.IN_ACTION, health)


def check_desk(work: Session, call: Call, request: DeskKey) -> bool:
    """Whether a desk machine's key is its desk's: the set-up's check, with no sign-in and nothing written."""
    from counter.actions.admin import desk_sessions

    return desk_sessions.desk_key_matches(work, request.desk_no, request.key_hash)


# a machine being set up, before anyone signs in at it: the key is the credential
CHECK_DESK = read("hall.check_desk", Open.BEFORE_SIGN_IN, check_desk)


# --- what crosses the server's door (POST /v1/sign-in), beside the operations' own requests ------------------


@dataclass(frozen=True)
class DeskCredentials:
    """What a desk machine sends to sign in: the clerk's login and password, and the desk's number and key as the
    administrator registered them (``counter serve add-desk``)."""

    login: str
    password: str
    desk_no: str
    desk_key: str


@dataclass(frozen=True)
class DeskKeyShown:
    """What a desk machine being set up sends to learn whether its key is its desk's (``POST /v1/desk-check``)."""

    desk_no: str
    desk_key: str


@dataclass(frozen=True)
class SessionOpened:
    """The door's answer: the sign-in's, and the session's token when it succeeded ("" otherwise)."""

    sign_in: DeskSignIn
    token: str = ""
