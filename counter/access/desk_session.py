"""A clerk's session at the hall server, as plain data: what sign-in answers, and whom a token stands for.

The server builds the :class:`counter.access.desk.Desk` each operation runs for from :class:`SessionDesk` alone: the
account as stored, the desk whose key the machine showed at sign-in, the site the server's database belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from counter.access.account_views import SignInResult
from counter.access.roles import Role


class SessionEnd(StrEnum):
    """Why a token no longer opens a session."""

    UNKNOWN = "unknown"  # never issued, or a desk's key replaced since
    SIGNED_OUT = "signed_out"
    EXPIRED = "expired"  # its longest life is over
    IDLE = "idle"  # no request for longer than the idle limit
    ACCOUNT_DISABLED = "account_disabled"  # disabled or gone since sign-in


class DeskRegisteredMeanwhile(Exception):
    """Another registration committed while this one ran, of the same desk number or the hall's first (which makes
    the site's identity): that one stands and this one was not kept, so the key made for it opens nothing.  Asked
    again, it registers the desk anew."""

    def __init__(self, desk_no: str) -> None:
        super().__init__(desk_no)
        self.desk_no = desk_no


@dataclass(frozen=True, slots=True)
class SessionDesk:
    """Whom a live token stands for: the account as stored now and the desk and site it signed in at."""

    login: str
    name: str
    roles: frozenset[Role]
    staff_no: str
    desk_no: str
    site_code: str
    site_name: str


@dataclass(frozen=True, slots=True)
class DeskSignIn:
    """A sign-in at the server's door: the result as a desk's sign-in gives it; ``desk_known``: False when the
    machine's desk key is not the one registered for its desk number (the password is then not tried)."""

    result: SignInResult
    desk_known: bool = True
    staff_no: str = ""


#: the longest a session lasts from its sign-in: a working day with its overtime; the next day signs in again
LONGEST_HOURS = 12
#: a session with no request for this long is over: the desk's screen lock comes sooner (counter.ui), so only a
#: machine left on, or a token carried off it, meets this limit
IDLE_MINUTES = 30
