"""No number is issued twice: a desk refuses to number an intake while its database is behind what it has issued.

A number printed on a receipt belongs to that applicant for good (the 受理凭证 is the proof of the application,
行政许可法 第三十二条).  Two ways have been seen to hand one out again:

- the database itself disagrees: the desk's counter is below a case, a notice or an audit entry already numbered
  that day (a row lost or edited, a copy put together by hand).  Checked against the database's own records.
- the database lost what it had committed: a damaged write-ahead log is cut off at its first bad frame when SQLite
  opens it, silently, and with it the last cases *and* the counter that numbered them; a backup restored over a
  day's work does the same.  Nothing inside the database can show this, so after each committed intake the number
  is noted outside it (:mod:`counter.host.notes.database_notes`, written durably) and compared here.  So is the last
  number of each notice and decision series (a 补正 or 不予受理 notice, a department's 不予批准 decision), which a
  damaged log loses the same way; :func:`check_series` refuses a document number in a series found behind.

The note is kept by this machine, outside the data folder; without it the second check cannot be made.  So a desk
whose counters have given out numbers refuses to number while its note is missing, cannot be read, or is something
other than a file (a pipe, a device): :func:`_sound_note`.  A desk that has issued nothing (a new database, a new
desk) starts without one.  ``counter db numbers --check`` says what is wrong, and ``--renote`` makes the note again
from the database once someone has checked it is not behind (:mod:`counter.actions.numbers.number_note`).

Either way the intake is refused, naming the last number issued, until someone who can look restores the
database or confirms the numbers; a desk never guesses.  The check runs before the first intake of each desk and
day in a process (a handful of indexed queries), so it also covers a database that changed under a running window.
A training database is left out: its numbers are practice, and it is thrown away at will.

Why the note is written at each commit, not only checked at open, after a restore and at backup: each of those
moments comes after the loss it would have to see.  SQLite cuts a damaged log as it *opens* the database, and a copy
put back by hand brings no word of what it replaced; what a check then compares with can only have been written
before, at the commits the database lost.  A note written at open or at backup is behind by exactly those: a daily
backup put back at the end of a hall's day of 1,000 intakes (``bench_memory.py``'s day) would give out up to 1,000
numbers already on applicants' receipts.  ``counter restore`` itself could carry the replaced database's counters
over, but neither a damaged log nor a hand's copy passes through it.  The cost, measured with ``bench_intake.py
--intakes 100`` on 2 loaded cores (load 6): the note alone (one line appended, one ``fdatasync``) p50 0.24 ms next to
the SQLite intake's 28 ms, 3.7 ms next to PostgreSQL's 24 ms.  The database stays the one store of cases; the note
holds only each desk's and series' last number (:mod:`counter.host.notes.database_notes`), and the modules around it
each guard a way it was seen to fail: processes of one machine between a commit and its note
(:mod:`counter.host.notes.note_turn`), a torn line at a power cut, a note lost (``counter db numbers``).
"""

from __future__ import annotations

import datetime as dt
import logging
import weakref
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from counter.access.roles import Permission
from counter.actions.admin.database_file import database_place
from counter.actions.admin.guard import require
from counter.actions.admin.site import check_series as check_series_of_site
from counter.case.number_faults import NumbersBehind
from counter.case.numbers import CASE_NO
from counter.db.issued_notes import PENDING, PLACE, notes_commits
from counter.db.number_checks import (
    case_exists,
    case_prefix,
    counter_last,
    desk_has_issued,
    highest_case_sequence,
    highest_document_sequence,
    raise_counter,
)
from counter.db.settings_store import is_training
from counter.host.notes.database_notes import (
    DatabaseNote,
    NoteFault,
    NoteProblem,
    SeriesMark,
    load_note,
    note_path,
    read_note,
    series_key,
    turn_path,
)
from counter.host.notes.note_turn import turn_at
from counter.projects.numbers import SEQUENCE_KIND as PROJECT_KIND

if TYPE_CHECKING:
    from counter.access.desk import Desk

log = logging.getLogger(__name__)

CASE_KIND = "case"  # the desk counter's kind for case numbers (counter.actions.intake.take)
DOCUMENT_KIND = "doc"  # and for notice numbers (counter.actions.cases.documents)

#: the counters whose numbers are not noted outside the database: a 帮您办 project's
#: (counter.actions.projects.project_steps)
NOT_NOTED = frozenset({PROJECT_KIND})

_checked: set[tuple[str, str, dt.date]] = set()  # (database, desk, day) found sound in this process


#: each engine's database place, found once (a path resolved, a few system calls): a desk opens a session per intake
_places: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()


def place_of(session: Session) -> str:
    """The database's place, as this machine's note of it is named
    (:func:`counter.host.notes.database_notes.note_path`)."""
    place = session.info.get(PLACE)
    if place is None:
        engine = session.get_bind().engine
        place = _places.get(engine)
        if place is None:
            place = _places[engine] = database_place(engine.url.render_as_string(hide_password=False))
        session.info[PLACE] = place
    return str(place)


def _desk_key(desk: Desk) -> str:
    return f"{desk.identity.site_code}-{desk.identity.desk_no}"


def check_numbers(session: Session, desk: Desk, today: dt.date, *, series: bool = False) -> None:
    """Raise :class:`NumbersBehind` when the next number of this desk could be one already issued; ``series``:
    first :class:`OtherSeries` when the desk numbers in another site's series (:func:`check_series_of_site`)."""
    if series:
        check_series_of_site(session, desk)
    if is_training(session):
        return
    place = place_of(session)
    key = (place, _desk_key(desk), today)
    if key in _checked:
        return
    # the note and the database compared while no other process of this machine is between a commit and its note
    with turn_at(turn_path(place)):
        _check(session, desk, today, place)
    _checked.add(key)


def _check(session: Session, desk: Desk, today: dt.date, place: str) -> None:
    site, desk_no = desk.identity.site_code, desk.identity.desk_no
    note = _sound_note(session, desk, place, in_turn=True)
    behind = _case_behind(session, desk, note)
    if behind is not None:
        log.error("database %s is behind: case %s was issued here and is not in it", place, behind[0])
        raise NumbersBehind(behind[0], "note")
    # the highest number on record first, then the counter: each statement sees what was committed when it began
    # (PostgreSQL's READ COMMITTED), and a desk at the same number elsewhere commits a case and its counter
    # together; read the other way round, a commit between the two reads looked like a counter left behind
    highest = highest_case_sequence(session, site, desk_no, today)
    last = counter_last(session, site, desk_no, today, CASE_KIND)
    if highest > last:
        number = f"{case_prefix(site, desk_no, today)}{highest:04d}"
        log.error("desk counter %s %s %s at %d, below case number %s", site, desk_no, today, last, number)
        raise NumbersBehind(number, "records")
    highest_document = highest_document_sequence(session, site, desk_no, today)  # first, as above
    if highest_document > counter_last(session, site, desk_no, today, DOCUMENT_KIND):
        number = _notice_number(site, desk_no, today, highest_document)
        log.error("desk counter %s %s %s below notice number %s issued that day", site, desk_no, today, number)
        raise NumbersBehind(number, "records")
    for _kind, mark in _series_behind(session, desk, note):
        log.error("database %s is behind: document %s was issued here and is not in it", place, mark.number)
        raise NumbersBehind(mark.number, "note")


def _notice_number(site: str, desk_no: str, day: dt.date, sequence: int) -> str:
    """A notice number of the desk's day (:func:`counter.case.numbers.doc_no`), its kind's letter left out: the
    counter is one for every kind of notice."""
    return f"{site}-{day:%y%m%d}-…-{int(desk_no):02d}{sequence:04d}"


def _sound_note(session: Session, desk: Desk, place: str, *, in_turn: bool = False) -> DatabaseNote | None:
    """This machine's note of the database, when numbering may rely on it; :class:`NumbersBehind` when it cannot.

    A note that is there and cannot be read, or is not a file, refuses: it was not left so by this program (a
    note is written whole, a torn line skipped).  A note that is missing, or holds nothing of this desk, refuses
    only once the desk's counters have given out a number the note keeps: then it is a note lost (deleted, a home
    folder put back), and a database behind it would go unseen.  ``None``: no note, and nothing issued yet.

    Unless ``in_turn`` (the caller holds the turn at the note alone), a note that knows nothing of the desk is read
    again in that turn before it refuses: another process of this machine may be between the commit of the desk's
    first number and its note.
    """
    found = load_note(place)
    if isinstance(found, NoteProblem) and found.fault is not NoteFault.MISSING:
        raise NumbersBehind("", f"note_{found.fault.value}", str(found.path))
    note = found if isinstance(found, DatabaseNote) else None
    if not _knows_desk(note, desk) and desk_has_issued(
        session, desk.identity.site_code, desk.identity.desk_no, NOT_NOTED
    ):
        if not in_turn:
            with turn_at(turn_path(place)):
                return _sound_note(session, desk, place, in_turn=True)
        path = found.path if isinstance(found, NoteProblem) else note_path(place, make_folder=False)
        log.error("database %s: desk %s issued numbers; no note of them here", place, _desk_key(desk))
        raise NumbersBehind("", f"note_{NoteFault.MISSING.value}", str(path))
    return note


def _knows_desk(note: DatabaseNote | None, desk: Desk) -> bool:
    """Whether ``note`` holds a number this desk issued: its last case number, or a document series of its own."""
    if note is None:
        return False
    key = _desk_key(desk)
    prefix = series_key(key, "")  # "SITE-DESK ": never another desk's, whose number only begins the same
    return key in note.issued or any(series.startswith(prefix) for series in note.series)


def _case_behind(session: Session, desk: Desk, note: DatabaseNote | None) -> tuple[str, dt.date, int] | None:
    """The case number noted outside the database as this desk's last, when the database has neither the case nor
    a counter that reached it: the number, its day and its sequence."""
    noted = note.issued.get(_desk_key(desk)) if note else None
    match = CASE_NO.match(noted) if noted else None
    if noted is None or match is None:
        return None
    day = dt.date(int(match["day"][:4]), int(match["day"][4:6]), int(match["day"][6:]))
    site, desk_no, sequence = desk.identity.site_code, desk.identity.desk_no, int(match["seq"])
    if case_exists(session, noted) or counter_last(session, site, desk_no, day, CASE_KIND) >= sequence:
        return None
    return noted, day, sequence


def _series_behind(session: Session, desk: Desk, note: DatabaseNote | None) -> list[tuple[str, SeriesMark]]:
    """The document series of this desk whose counter in the database is below the last number noted outside it."""
    if note is None:
        return []
    site, desk_no = desk.identity.site_code, desk.identity.desk_no
    prefix = series_key(_desk_key(desk), "")
    return [
        (key[len(prefix) :], mark)
        for key, mark in sorted(note.series.items())
        if key.startswith(prefix) and counter_last(session, site, desk_no, mark.day, key[len(prefix) :]) < mark.sequence
    ]


def check_series(session: Session, desk: Desk, day: dt.date, kind: str) -> None:
    """Raise :class:`NumbersBehind` when the document series ``kind`` of ``day`` is behind its last noted number.

    Read before each notice or decision is numbered: a small file and one indexed query, next to rendering a PDF
    nothing, and so a database set back under a running window is found at its next notice.
    """
    if is_training(session):
        return
    place = place_of(session)
    note = _sound_note(session, desk, place)
    mark = note.series.get(series_key(_desk_key(desk), kind)) if note else None
    if mark is not None and mark.day == day:
        site, desk_no = desk.identity.site_code, desk.identity.desk_no
        if counter_last(session, site, desk_no, day, kind) < mark.sequence:
            log.error("database %s is behind: document %s was issued here and is not in it", place, mark.number)
            raise NumbersBehind(mark.number, "note")


def note_issued(session: Session, desk: Desk, number: str) -> None:
    """Once the transaction that issued case ``number`` has committed, note it outside the database."""
    if not is_training(session):
        _pending(session)[0][_desk_key(desk)] = number


def note_document_issued(session: Session, desk: Desk, day: dt.date, kind: str, sequence: int, number: str) -> None:
    """Once the transaction that issued document ``number`` (``sequence`` of series ``kind``, ``day``) has committed,
    note it outside the database: in the same write as the transaction's case number and other documents."""
    if not is_training(session):
        _pending(session)[1][series_key(_desk_key(desk), kind)] = SeriesMark(day, sequence, number)


def _pending(session: Session) -> tuple[dict[str, str], dict[str, SeriesMark]]:
    """What the open transaction issued, noted in one write after it commits (:mod:`counter.db.issued_notes`).

    One write (and one fsync) per commit whatever it numbered; a transaction rolled back notes nothing.
    """
    if not notes_commits(session):
        # a number issued here would never be noted, and the next check would refuse the desk for it
        raise RuntimeError("numbers issued on a session whose commits note nothing (counter.db.issued_notes)")
    place_of(session)  # where the commit notes them
    pending: tuple[dict[str, str], dict[str, SeriesMark]] = session.info.setdefault(PENDING, ({}, {}))
    return pending


def skip_issued(session: Session, desk: Desk, today: dt.date) -> str | None:
    """After a restore (or a damaged log), number on *above* what this desk issued, never over it again.

    The cases taken after the backup are not in the database and are entered again under new numbers; the numbers
    on their first papers stay theirs.  So the desk's counter for the noted day is raised to the noted number (and
    each document series' counter to its noted number), and
    today's counters to the highest case and notice numbers the database itself holds (a counter behind its own
    records has no other way forward); the check then accepts them (:func:`check_numbers`).  An administrator's step
    where accounts exist; the last number skipped, or ``None`` when no counter was behind.
    """
    require(session, desk.actor, Permission.CHANGE_SETTINGS)
    site, desk_no = desk.identity.site_code, desk.identity.desk_no
    skipped = None
    note = read_note(place_of(session))
    behind = _case_behind(session, desk, note)
    if behind is not None:
        noted, day, sequence = behind
        raise_counter(session, site, desk_no, day, CASE_KIND, sequence)
        skipped = noted
    highest = highest_case_sequence(session, site, desk_no, today)
    if highest > counter_last(session, site, desk_no, today, CASE_KIND):
        raise_counter(session, site, desk_no, today, CASE_KIND, highest)
        skipped = skipped or f"{case_prefix(site, desk_no, today)}{highest:04d}"
    documents = highest_document_sequence(session, site, desk_no, today)
    notice = None
    if documents > counter_last(session, site, desk_no, today, DOCUMENT_KIND):
        raise_counter(session, site, desk_no, today, DOCUMENT_KIND, documents)
        notice = _notice_number(site, desk_no, today, documents)
    for kind, mark in _series_behind(session, desk, note):
        raise_counter(session, site, desk_no, mark.day, kind, mark.sequence)
        skipped = skipped or mark.number
    skipped = skipped or notice  # a number noted as printed names it better, with its kind's letter
    if skipped is not None:
        log.warning(
            "desk %s %s counters raised to %s: numbers issued before are not issued again", site, desk_no, skipped
        )
    return skipped
