"""The hall's pad devices (评价器): registered at the server (``hall.register_pad``, the administrator at the
server's own machine), paired to a desk and retired by a supervisor (``pads.pair``, ``pads.retire``), listed.

A pad is no account and signs in nowhere: its key is its credential, shown at each request of the server's pad
routes (:mod:`counter.server.pad_routes`), which alone ask the ``hall.`` operations here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from counter.access.pads import PadFound, PadView
from counter.access.roles import Permission
from counter.ratings.choice import RatingChoice
from counter.ratings.recorded import RatingRecorded
from counter.ratings.views import PadCase, PadDeviceStart
from counter.service.call import Call, at_desk
from counter.service.operation import Open, read, write
from counter.service.requests import Nothing

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_REFUSED = "counter.access.pads:PadRefused"
_RATING = "counter.ratings.refusals:"


@dataclass(frozen=True)
class PadKey:
    """A pad's name and its key's hash, as ``counter serve add-pad`` registers it."""

    name: str
    key_hash: str


@dataclass(frozen=True)
class PadKeyShown:
    """The hash of the key a pad showed at a request."""

    key_hash: str


@dataclass(frozen=True)
class PairPad:
    pad: str
    desk_no: str


@dataclass(frozen=True)
class PadName:
    pad: str


def register_pad(work: Session, call: Call, request: PadKey) -> None:
    """Register a pad under its name with its key's hash, replacing any key it had."""
    from counter.actions.admin import hall_pads

    hall_pads.register_pad(work, request.name, request.key_hash)


# the administrator at the server's own machine, which alone holds the database's credentials
REGISTER_PAD = write("hall.register_pad", Open.IN_ACTION, register_pad, faults=(_REFUSED,))


def find_pad(work: Session, call: Call, request: PadKeyShown) -> PadFound | None:
    """The live pad a key stands for, with its desk; None for a key of no live pad."""
    from counter.actions.admin import hall_pads

    return hall_pads.pad_of_key(work, request.key_hash)


# the key is the credential: asked by the server's pad routes alone
FIND_PAD = read("hall.find_pad", Open.IN_ACTION, find_pad)


def pair_pad(work: Session, call: Call, request: PairPad) -> None:
    """Pair a pad to a desk, replacing the desk's pad; recorded."""
    from counter.actions.admin import hall_pads

    hall_pads.pair_pad(work, at_desk(call), request.pad, request.desk_no, call.now)


PAIR_PAD = write("pads.pair", Permission.RECTIFY, pair_pad, faults=(_REFUSED,))


def retire_pad(work: Session, call: Call, request: PadName) -> None:
    """Retire a pad: its key opens nothing, its desk has none; recorded."""
    from counter.actions.admin import hall_pads

    hall_pads.retire_pad(work, at_desk(call), request.pad, call.now)


RETIRE_PAD = write("pads.retire", Permission.RECTIFY, retire_pad, faults=(_REFUSED,))


def list_pads(work: Session, call: Call, request: Nothing) -> tuple[PadView, ...]:
    """Every pad registered: its desk, retired or not."""
    from counter.actions.admin import hall_pads

    return tuple(hall_pads.list_pads(work))


LIST_PADS = read("pads.list", Permission.RECTIFY, list_pads)


# --- the pad device's requests and answers (the server's pad routes) --------------------------------------------


@dataclass(frozen=True)
class PadAnswer:
    """What the pad sends with the applicant's answer (``POST /v1/pad/answer``, under its key)."""

    request_id: int
    choice: RatingChoice


@dataclass(frozen=True)
class PadLapse:
    """What the pad sends when the applicant left its request unanswered past its time (``POST /v1/pad/unrated``)."""

    request_id: int


@dataclass(frozen=True)
class ByPad:
    """A pad route's ask: the pad its key stood for, as the server found it."""

    pad: PadFound


#: how long a pad showing a request may go unheard: the page asks again every second while it shows one, the pad
#: program every :data:`SHOWN_ASK_S`; past this (and the desk's grace) its desk is told the pad went away, at once
#: rather than when the request's time on the pad ends (a tablet that died with the faces on it)
SHOWN_HEARD_S = 5.0
#: how often the pad program, showing a request, tells the server it is still there
SHOWN_ASK_S = 2.0


@dataclass(frozen=True)
class PadHeard:
    """A pad route's ask, heard: the pad, and how long it may now be silent (its held ask's wait, or
    :data:`SHOWN_HEARD_S` when it took a request to show)."""

    pad: PadFound
    seconds: float


@dataclass(frozen=True)
class AnswerByPad:
    pad: PadFound
    answer: PadAnswer


@dataclass(frozen=True)
class LapseByPad:
    pad: PadFound
    lapse: PadLapse


def pad_heard(work: Session, call: Call, request: PadHeard) -> None:
    """The pad's last contact kept: the desk that asked its rating is told when it stops asking."""
    from counter.actions.admin import hall_pads

    hall_pads.pad_heard(work, request.pad.name, call.now + dt.timedelta(seconds=request.seconds))


# asked at each of the pad's asks for a request: safe to repeat, its answer nothing
PAD_HEARD = write("hall.pad_heard", Open.IN_ACTION, pad_heard, receipt=False)


def pad_start(work: Session, call: Call, request: ByPad) -> PadDeviceStart:
    """What the idle pad shows: its desk, the clerk there now, the office's name in both scripts, the settings."""
    from counter.actions.ratings import pad_device

    return pad_device.pad_start(work, request.pad)


PAD_START = read("hall.pad_start", Open.IN_ACTION, pad_start)


def pad_next(work: Session, call: Call, request: ByPad) -> PadCase | None:
    """The request the pad is to show now (its desk asked it), or None."""
    from counter.actions.ratings import pad_device

    return pad_device.next_request(work, request.pad, call.now)


PAD_NEXT = read("hall.pad_next", Open.IN_ACTION, pad_next)


def pad_answer(work: Session, call: Call, request: AnswerByPad) -> RatingRecorded:
    """The applicant's rating on the pad device, under its key: on its channel, for the case's clerk."""
    from counter.actions.admin.calendar import office_calendar
    from counter.actions.ratings import pad_device

    r = request
    calendar = office_calendar(work)
    return pad_device.record_pad_rating(work, r.pad, r.answer.request_id, r.answer.choice, call.now, calendar)


PAD_ANSWER = write(
    "hall.pad_answer", Open.IN_ACTION, pad_answer, faults=(_RATING + "RatingRefused", _RATING + "ChoiceRefused")
)


def pad_unrated(work: Session, call: Call, request: LapseByPad) -> str:
    """The pad's request left unanswered past its time: recorded as unrated; its case number."""
    from counter.actions.ratings import pad_device

    return pad_device.record_pad_unrated(work, request.pad, request.lapse.request_id, call.now)


PAD_UNRATED = write("hall.pad_unrated", Open.IN_ACTION, pad_unrated, faults=(_RATING + "RatingRefused",))
