"""What a technician is told of this machine's note of issued numbers, and the one repair of a note lost.

The note (:mod:`counter.host.notes.database_notes`) is the desk's memory, outside the database, of the last number it
issued; numbering stops while it is lost and the desk has issued numbers (:mod:`counter.actions.numbers.number_guard`).
``counter db numbers --check`` shows where the note is, what is wrong with it, what it and the database each say
this desk issued last, and what to do.  ``counter db numbers --renote`` makes the note again from the database.
It can only be done by someone who has checked that the database is not behind the papers already handed out (the
last receipt printed at this desk against the last case on record): a note made from a database that lost its
last cases would let the desk issue those numbers again.  Whatever was in the note's place is kept beside it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from counter.access.roles import Permission
from counter.actions.admin.guard import require
from counter.actions.numbers.number_guard import CASE_KIND, NOT_NOTED, check_numbers, place_of
from counter.case.number_faults import NumbersBehind
from counter.case.number_notes import Behind, NoteReport, Renoted
from counter.db.number_checks import case_prefix, desk_latest
from counter.host.notes.database_notes import DatabaseNote, SeriesMark, load_note, note_path, renew_note, series_key

if TYPE_CHECKING:
    from counter.access.desk import Desk


def note_report(session: Session, desk: Desk, today: dt.date) -> NoteReport:
    """The state of this desk's note and numbers; reads only."""
    place = place_of(session)
    found = load_note(place)
    key = f"{desk.identity.site_code}-{desk.identity.desk_no}"
    if isinstance(found, DatabaseNote):
        path, fault, detail, noted = str(note_path(place, make_folder=False)), "", "", found.issued.get(key, "")
    else:
        path, fault, detail, noted = str(found.path), found.fault.value, found.detail, ""
    problem = None
    try:
        check_numbers(session, desk, today)
    except NumbersBehind as err:
        problem = Behind(err.last_issued, err.where, err.note)
    if problem is not None and problem.where.startswith("note_") and not fault:
        fault = problem.where.removeprefix("note_")  # a note made anew at start, holding nothing of this desk
    return NoteReport(path, fault, detail, noted, _last_case(session, desk), problem)


def renote(session: Session, desk: Desk, now: dt.datetime) -> Renoted:
    """Make this desk's note again from the database's counters; an administrator's step where accounts exist."""
    require(session, desk.actor, Permission.CHANGE_SETTINGS)
    site, desk_no = desk.identity.site_code, desk.identity.desk_no
    key = f"{site}-{desk_no}"
    cases: dict[str, str] = {}
    series: dict[str, SeriesMark] = {}
    for kind, (day, last) in desk_latest(session, site, desk_no, NOT_NOTED).items():
        if kind == CASE_KIND:
            cases[key] = f"{case_prefix(site, desk_no, day)}{last:04d}"
        else:  # the printed number is not kept with the counter: the mark names the series, its day and sequence
            series[series_key(key, kind)] = SeriesMark(day, last, f"{key} {kind} {day.isoformat()} #{last}")
    place = place_of(session)
    aside = renew_note(place, cases, series, now)
    return Renoted(str(note_path(place, make_folder=False)), str(aside or ""), cases.get(key, ""))


def _last_case(session: Session, desk: Desk) -> str:
    site, desk_no = desk.identity.site_code, desk.identity.desk_no
    latest = desk_latest(session, site, desk_no, NOT_NOTED).get(CASE_KIND)
    return f"{case_prefix(site, desk_no, latest[0])}{latest[1]:04d}" if latest else ""
