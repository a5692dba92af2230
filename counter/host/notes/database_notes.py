"""What this machine remembers of each database it has used, kept outside that database.

One small JSON file per database in the state folder (:func:`counter.host.machine.paths.state_dir`), named by a hash of
the database's place, holds two facts the database cannot vouch for itself:

- **that the database existed here.**  A database file that is missing is either a first start or a database that
  has gone away (the share that holds the data folder is not mounted, the file was moved or deleted).  Both look
  the same from the file system; only a note written when the file was made, somewhere else, tells them apart.
  Without it SQLite would make a new, empty database in its place and the next intake would reuse a number
  already printed on someone's receipt.
- **the last number each desk issued from it.**  A database that comes back behind what it had committed (a
  damaged write-ahead log cut off its last transactions, an old copy put back by hand) would otherwise hand out
  those numbers again.  The note is written after each committed intake, so it is ahead of the database only when
  the database lost something.  Notices and decisions are numbered in series of their own (per desk, kind and day,
  or a department's year), so the last number of each series is noted too (:class:`SeriesMark`), in the same write
  as the case number when one transaction issues both.

The note is made whole (written beside, flushed to disk, renamed, the folder flushed), so a power cut leaves the
old note or the new one, never half of one; it is readable by this user only (it names the database's place and case
numbers).  After each committed intake, though, only what that commit issued is *added* to it: one line appended and
one ``fdatasync``, where a rewrite costs two flushes (the file, then the folder for the rename) and a rename: on a
desk's virtual disk 12 ms against 3.5 ms (p50), next to the database's own commit of one flush.  This keeps the
guarantee:

- the line is on disk before the number is printed (the commit returns after the flush), as the rewritten note was;
- the lines are folded by keeping, key by key, the later number (:func:`_fold`): their order does not matter, so
  nothing needs reading before a line is added, and two processes appending at once lose nothing (``O_APPEND``
  places each write whole at the end);
- a power cut during an append can leave only that last line torn (each begins with a line break, so it never runs
  into the next): it is skipped, and the note falls back to the number before it, which is at worst the behaviour
  of a note not yet written, never a wrong one;
- the folder is not flushed: appending changes no name in it, and ``fdatasync`` flushes the file's new length with
  its data.

Past :data:`APPENDED_BYTES` the note is made whole again, folded into one line, so it stays small.  Processes of one
machine take turns at writing it (:func:`pen_path`, :class:`counter.host.notes.note_turn.NoteTurn`): lines are appended
side by side, and the note is read and made whole by one process alone.  Made whole while another appended, the line
was lost with the file replaced, and so was a whole note made at once by two processes, each with its own numbers:
a desk whose only line it was then found no note of its numbers and refused to number.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import hashlib
import json
import logging
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from counter.case.numbers import CASE_NO
from counter.host.machine.paths import state_dir, state_place
from counter.host.notes.note_turn import turn_at
from counter.util.bounded_read import KIB, TooLarge, read_stream

log = logging.getLogger(__name__)

NOTES_FOLDER = "databases"
#: the size past which a note is made whole again (about a hundred appended lines): little to read at each check
APPENDED_BYTES = 16_384
#: the most a note is read of: a whole note of every desk and series is a few KB, plus what is appended before it is
#: made whole again; anything larger is not a note this program wrote
NOTE_LIMIT = 256 * KIB
#: opened without waiting: a pipe put in a note's place would otherwise hold the desk until someone writes to it
_NO_WAIT = getattr(os, "O_NONBLOCK", 0)


class NoteFault(enum.Enum):
    """Why a database's note could not be read."""

    MISSING = "missing"  # no file: a database this machine never opened, or a note deleted
    UNREADABLE = "unreadable"  # a file, but not a note this program wrote (damaged, too large, not permitted)
    NOT_A_FILE = "not_a_file"  # a pipe, a device, a folder in its place: never read, it has no end or no text


@dataclass(frozen=True, slots=True)
class NoteProblem:
    """The note of a database could not be read: why, where, and what the system said (for the log)."""

    fault: NoteFault
    path: Path
    detail: str = ""


@dataclass(frozen=True, slots=True)
class DatabaseNote:
    place: str  # the database: an SQLite file's resolved path, or a server's URL without its password
    made_at: str = ""  # ISO 8601: when this machine first made or opened it
    issued: dict[str, str] = field(default_factory=dict)  # "SITE-DESK" → the last case number issued there
    series: dict[str, SeriesMark] = field(default_factory=dict)  # series_key(...) → its last document number


@dataclass(frozen=True, slots=True)
class SeriesMark:
    """The last number issued in one document series: the counter's day and sequence, and the number printed."""

    day: dt.date
    sequence: int
    number: str


def series_key(desk_key: str, kind: str) -> str:
    """One entry per desk and sequence kind: only the series' latest day is kept (the note stays small)."""
    return f"{desk_key} {kind}"


def _series(raw: object) -> dict[str, SeriesMark]:
    marks: dict[str, SeriesMark] = {}
    if not isinstance(raw, dict):
        return marks
    for key, value in raw.items():
        try:
            marks[str(key)] = SeriesMark(dt.date.fromisoformat(value["day"]), int(value["seq"]), str(value["number"]))
        except (TypeError, KeyError, ValueError):
            log.error("database note: series %s unreadable, left out", key)
    return marks


def note_path(place: str, *, make_folder: bool = True) -> Path:
    """The note's file; the state folder made if it is not there, unless ``make_folder`` is false."""
    return (state_dir() if make_folder else state_place()) / NOTES_FOLDER / _note_name(place)


def turn_path(place: str) -> Path:
    """The file whose turn a commit that issued numbers holds until they are noted, and a check holds alone
    (:mod:`counter.actions.numbers.number_guard`)."""
    return note_path(place).with_suffix(".turn")


def pen_path(place: str) -> Path:
    """The file whose turn a process holds to write the note: shared to append a line, alone to make it whole."""
    return note_path(place).with_suffix(".pen")


@functools.lru_cache(maxsize=16)
def _note_name(place: str) -> str:
    return f"{hashlib.sha256(place.encode('utf-8')).hexdigest()[:24]}.json"


@functools.lru_cache(maxsize=16)
def _appended_path(state: str, place: str) -> str:
    """The note's file as :func:`note_path` names it, for each commit's append."""
    return os.path.join(state, NOTES_FOLDER, _note_name(place))


def _issued(raw: object) -> dict[str, str]:
    return {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}


def read_note(place: str) -> DatabaseNote | None:
    """The note of ``place``; ``None`` when there is none or it cannot be read (:func:`load_note` says which)."""
    found = load_note(place)
    return found if isinstance(found, DatabaseNote) else None


def load_note(place: str) -> DatabaseNote | NoteProblem:
    """The note of ``place``, or why there is none to read.

    Read bounded and without waiting (:func:`_note_text`): what is in the note's place may be anything.  The first
    line is the note made whole; each later line what one commit added, folded in (a torn one skipped).
    """
    path = note_path(place, make_folder=False)  # reading needs no folder: a note that is not there is missing
    try:
        text = _note_text(path)
    except (FileNotFoundError, NotADirectoryError):
        return NoteProblem(NoteFault.MISSING, path)
    except _NotAFile as err:
        log.error("database note of %s is not a file (%s): %s", place, err, path)
        return NoteProblem(NoteFault.NOT_A_FILE, path, str(err))
    except (OSError, ValueError, TooLarge) as err:  # ValueError: not UTF-8
        log.error("database note of %s unreadable: %s", place, err)
        return NoteProblem(NoteFault.UNREADABLE, path, str(err))
    first, *added = text.split("\n")
    try:
        raw = json.loads(first)
    except ValueError as err:
        log.error("database note of %s unreadable: %s", place, err)
        return NoteProblem(NoteFault.UNREADABLE, path, str(err))
    if not isinstance(raw, dict):
        log.error("database note of %s unreadable: not an object", place)
        return NoteProblem(NoteFault.UNREADABLE, path, "not an object")
    issued, series = _issued(raw.get("issued")), _series(raw.get("series"))
    for line in added:
        if not line.strip():
            continue
        try:
            more = json.loads(line)
        except ValueError:  # the line a power cut tore: the note falls back to the numbers before it
            log.warning("database note of %s: a torn line left out", place)
            continue
        if isinstance(more, dict):
            issued, series = _fold(issued, series, _issued(more.get("issued")), _series(more.get("series")))
    return DatabaseNote(str(raw.get("place", place)), str(raw.get("made_at", "")), issued, series)


class _NotAFile(OSError):
    """Something other than a regular file is in the note's place."""


def _regular(descriptor: int) -> os.stat_result:
    """The file's status; :class:`_NotAFile` for a pipe, a device, a folder: never read or written as a note."""
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode):
        raise _NotAFile(_kind(info.st_mode))
    return info


def _kind(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "fifo"), (stat.S_ISCHR, "character device"), (stat.S_ISDIR, "directory"))
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def _note_text(path: Path) -> str:
    """The note's text: opened without waiting, checked to be a regular file, read to at most :data:`NOTE_LIMIT`.

    ``Path.read_text`` on a pipe put in its place waits for a writer that never comes, and on ``/dev/zero`` (a link
    to it) never ends: the desk would hang at its first intake.
    """
    descriptor = os.open(path, os.O_RDONLY | _NO_WAIT | getattr(os, "O_BINARY", 0))
    try:
        # checked before a file object is made of it: Python refuses a folder's with an error of its own, and the
        # folder would read as a damaged note, not as what is in the note's place
        if _regular(descriptor).st_size > NOTE_LIMIT:
            raise TooLarge(NOTE_LIMIT)
        with open(descriptor, "rb", closefd=False) as file:
            return read_stream(file, NOTE_LIMIT).decode("utf-8")
    finally:
        os.close(descriptor)


def _fold(
    issued: dict[str, str], series: dict[str, SeriesMark], cases: dict[str, str], marks: dict[str, SeriesMark]
) -> tuple[dict[str, str], dict[str, SeriesMark]]:
    """What is noted, with ``cases`` and ``marks`` added: key by key, the later number is kept, whatever the order."""
    issued, series = dict(issued), dict(series)
    for desk_key, number in cases.items():
        noted = issued.get(desk_key)
        if noted is None or _order(noted) < _order(number):
            issued[desk_key] = number
    for key, mark in marks.items():
        old = series.get(key)
        if old is None or (old.day, old.sequence) < (mark.day, mark.sequence):
            series[key] = mark
    return issued, series


def _series_text(series: dict[str, SeriesMark]) -> dict[str, dict[str, object]]:
    return {k: {"day": m.day.isoformat(), "seq": m.sequence, "number": m.number} for k, m in series.items()}


def write_note(note: DatabaseNote) -> None:
    """Replace the note whole and durably: written beside, flushed, renamed, the folder flushed."""
    path = note_path(note.place)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    series = _series_text(note.series)
    body = json.dumps(
        {"place": note.place, "made_at": note.made_at, "issued": note.issued, "series": series}, ensure_ascii=False
    )
    import tempfile  # here, where a note is written: reading one (every start) does not need it

    # a temporary file of its own (0600): two processes of one desk writing through one name could each truncate
    # what the other was about to rename, leaving a note that reads as none
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(body)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    if os.name == "posix":  # the rename itself survives a power cut only once the folder is on disk
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def remember_database(place: str, now: dt.datetime) -> None:
    """Write the note of ``place`` now if this machine has none (a database made or first opened here).

    A note that is there but cannot be read is left as it is: written over, the numbers it holds would be gone, and
    the check that refuses to number without them would pass (:mod:`counter.actions.numbers.number_guard`).
    """
    with turn_at(pen_path(place)):
        found = load_note(place)
        if isinstance(found, NoteProblem) and found.fault is NoteFault.MISSING:
            write_note(DatabaseNote(place, now.isoformat(timespec="seconds")))


def _order(number: str) -> tuple[str, int]:
    """A case number's place in its desk's series: the day, then the sequence."""
    match = CASE_NO.match(number)
    return (match["day"], int(match["seq"])) if match else ("", 0)


def remember_marks(place: str, cases: dict[str, str], series: dict[str, SeriesMark]) -> None:
    """Note what one committed transaction issued, in one write: case numbers by desk, document numbers by series.

    A number already noted as later is kept: two processes of one desk (the window and ``counter case take``) may
    both write; the later number wins when the note is read (:func:`_fold`).  So the line is appended without
    reading the note first (see the module's docstring); a note not yet made, or grown past
    :data:`APPENDED_BYTES`, is made whole instead.
    """
    if not cases and not series:
        return
    with turn_at(pen_path(place), shared=True):
        size = _append(place, cases, series)
    if size is not None and size <= APPENDED_BYTES:
        return
    with turn_at(
        pen_path(place)
    ):  # alone: read, folded and replaced with no line appended, nor the note made, meanwhile
        found = load_note(place)
        if isinstance(found, NoteProblem) and found.fault is not NoteFault.MISSING:
            # never made whole over what cannot be read: the check refuses to number until someone has looked
            raise OSError(f"database note {found.path} not written over: {found.fault.value}")
        made = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        note = found if isinstance(found, DatabaseNote) else DatabaseNote(place, made)
        # what this commit appended is in ``note`` already; folded again, it changes nothing
        issued, marks = _fold(note.issued, note.series, cases, series)
        write_note(DatabaseNote(note.place, note.made_at, issued, marks))


def renew_note(place: str, cases: dict[str, str], series: dict[str, SeriesMark], now: dt.datetime) -> Path | None:
    """Make the note of ``place`` whole again with ``cases`` and ``series`` added: the repair of a note lost or
    damaged, once someone has checked the database is not behind what was issued (``counter db numbers``).

    A sound note keeps what it holds (the later number wins, :func:`_fold`).  Whatever else is in its place — a file
    that cannot be read, a pipe, a link — is not deleted but renamed beside it, for support to look at: the path it
    was set aside to, or ``None`` when nothing was.
    """
    with turn_at(pen_path(place)):
        found = load_note(place)
        aside = None
        if isinstance(found, NoteProblem) and found.fault is not NoteFault.MISSING:
            aside = found.path.with_name(f"{found.path.name}.damaged-{now:%Y%m%d%H%M%S}")
            os.replace(found.path, aside)  # the entry itself: a link is moved, not what it points to
            log.warning("database note %s set aside as %s (%s)", found.path, aside, found.fault.value)
        note = found if isinstance(found, DatabaseNote) else DatabaseNote(place, now.isoformat(timespec="seconds"))
        issued, marks = _fold(note.issued, note.series, cases, series)
        write_note(DatabaseNote(note.place, note.made_at, issued, marks))
    return aside


_LINE = json.JSONEncoder(ensure_ascii=False).encode


def _append(place: str, cases: dict[str, str], series: dict[str, SeriesMark]) -> int | None:
    """Append one line to the note of ``place``, flushed; the note's size after it, or ``None`` when there is no
    note file to append to (it is then made whole, its folder flushed)."""
    line = "\n" + _LINE({"issued": cases, "series": _series_text(series)})
    data = line.encode("utf-8")
    try:
        # no O_CREAT: a note that is not there is made whole, so that its name is on disk before anything is added
        # nor is the state folder made: a note to append to is in it (an intake's commit asks no more of the disk)
        path = _appended_path(os.fspath(state_place()), place)
        descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | _NO_WAIT | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return None
    try:
        _regular(descriptor)  # a pipe or a device in the note's place takes no line (and a pipe would hold the commit)
        written = 0
        while written < len(data):
            written += os.write(descriptor, data[written:])
        getattr(os, "fdatasync", os.fsync)(descriptor)  # data and length on disk, not times; fsync on Windows
        return os.lseek(descriptor, 0, os.SEEK_END)  # the size, without a stat's result made
    finally:
        os.close(descriptor)
