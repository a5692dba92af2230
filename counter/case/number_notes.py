"""This desk's note of the numbers it issued, as ``counter db numbers`` reports it: plain data the service carries.

The note is kept outside the database (:mod:`counter.host.notes.database_notes`) so that a database that lost committed
numbers is found behind it (:class:`counter.case.number_faults.NumbersBehind`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Behind:
    """What refuses the next number: the values of :class:`counter.case.number_faults.NumbersBehind`."""

    last_issued: str
    where: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class NoteReport:
    """What ``counter db numbers --check`` tells: the note, what it and the database say, what stops numbering."""

    path: str
    fault: str  # "" when the note was read; else a NoteFault value: missing, unreadable, not_a_file
    detail: str  # what the system said of an unreadable note
    noted: str  # the last case number of this desk in the note ("" none)
    recorded: str  # the last case number the database's counter of this desk gave out ("" none)
    problem: Behind | None  # what refuses the next number, or None when the desk may number


@dataclass(frozen=True, slots=True)
class Renoted:
    path: str  # the note made again
    aside: str  # where what was in its place was kept ("" nothing was)
    noted: str  # the last case number of this desk it now holds ("" none)
