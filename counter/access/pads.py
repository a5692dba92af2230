"""A hall's review pad as a device of its own (评价器): its name, the desk it is paired to, and why an act on it was
refused.

A pad is registered at the hall server like a desk machine, with a key of its own (``counter serve add-pad``), and
paired to one desk by a supervisor; the rating requests that desk asks are then the pad's, answered under its key
alone (国办发〔2019〕51号: the rating is the applicant's, given on the 评价器, never through the window system).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

#: a pad's name as the hall writes it on the device: letters (hanzi too), digits, ``-`` and ``_``, at most 32
PAD_NAME = re.compile(r"\w[\w-]{0,31}")


class PadProblem(StrEnum):
    BAD_NAME = "bad_name"  # not a name :data:`PAD_NAME` takes
    NO_PAD = "no_pad"  # no pad of that name is registered
    RETIRED = "retired"  # the pad was retired: it is paired to nothing again until registered anew
    NO_DESK = "no_desk"  # the desk number is none the hall registered


class PadRefused(Exception):
    """A pad's registration, pairing or retirement refused, with the pad's name (and the desk's number) as asked."""

    def __init__(self, code: PadProblem, pad: str, desk_no: str = "") -> None:
        super().__init__(f"{code.value} {pad} {desk_no}".strip())
        self.code = code
        self.pad = pad
        self.desk_no = desk_no


def check_pad_name(name: str) -> None:
    """:class:`PadRefused` ``bad_name`` for a name the hall cannot write on a device or a command line."""
    if not PAD_NAME.fullmatch(name):
        raise PadRefused(PadProblem.BAD_NAME, name)


@dataclass(frozen=True, slots=True)
class PadView:
    """A registered pad as the supervisor sees it: its name, the desk it is paired to ("" none), retired or not."""

    name: str
    desk_no: str = ""
    retired: bool = False


@dataclass(frozen=True, slots=True)
class PadFound:
    """Whom a pad's key stands for: the pad, and the desk it is paired to ("" none: it shows no request)."""

    name: str
    desk_no: str
