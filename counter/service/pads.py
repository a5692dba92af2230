"""The hall's pad devices (评价器): registered at the server (``hall.register_pad``, the administrator at the
server's own machine), paired to a desk and retired by a supervisor (``pads.pair``, ``pads.retire``), listed.

A pad is no account and signs in nowhere: its key is its credential, shown at each request of the server's pad
routes (:mod:`counter.server.pad_routes`), which alone ask the ``hall.`` operations here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from counter.access.pads import PadFound, PadView
from counter.access.roles import Permission
from counter.service.call import Call, at_desk
from counter.service.operation import Open, read, write
from counter.service.requests import Nothing

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_REFUSED = "counter.access.pads:PadRefused"


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
