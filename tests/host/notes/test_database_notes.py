"""The note of the numbers a desk issued stays whole when two processes of one desk write it at once, and is
added to by one appended line per commit, read back whole, a torn last line costing only itself.

The window and ``counter case take`` both note each number they issue.  Writing through one shared temporary file,
one process could truncate and overwrite what the other was about to rename into place: the note became unreadable
JSON, which reads as no note at all — and a missing default database then looks like a first start again.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from pathlib import Path

import pytest

from counter.host.notes.database_notes import (
    APPENDED_BYTES,
    NOTE_LIMIT,
    DatabaseNote,
    NoteFault,
    NoteProblem,
    SeriesMark,
    load_note,
    note_path,
    read_note,
    remember_marks,
    renew_note,
    write_note,
)

PLACE = "/srv/hall/counter.sqlite3"
WRITERS = 4
NUMBERS = 40


def test_notes_written_at_once_are_always_whole() -> None:
    problems: list[BaseException] = []

    def write(desk: int) -> None:
        try:
            for n in range(1, NUMBERS + 1):
                # a long desk key makes each note larger than the last, so an overwritten one leaves a tail behind
                remember_marks(PLACE, {f"XAM01-{desk}" + "-" * n: f"XAM01-20261123-{desk:02d}-{n:04d}"}, {})
                if read_note(PLACE) is None:  # unreadable: as if this machine had never opened the database
                    problems.append(ValueError(f"note unreadable after desk {desk} number {n}"))
        except OSError as err:  # the rename of a temporary file another writer had already renamed
            problems.append(err)

    writers = [threading.Thread(target=write, args=(desk,)) for desk in range(1, WRITERS + 1)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    assert problems == []
    note = read_note(PLACE)
    assert note is not None
    assert note.issued


def test_a_commit_appends_to_the_note_and_every_number_is_read_back() -> None:
    remember_marks(PLACE, {"XAM01-1": "XAM01-20261123-01-0001"}, {})  # made whole: the first note
    path = note_path(PLACE)
    made = path.stat().st_ino
    for n in range(2, 30):
        desk = 1 + n % 3
        remember_marks(PLACE, {f"XAM01-{desk}": f"XAM01-20261123-{desk:02d}-{n:04d}"}, {})
        remember_marks(PLACE, {f"XAM01-{desk}": f"XAM01-20261123-{desk:02d}-{n - 1:04d}"}, {})  # behind: kept out
    assert path.stat().st_ino == made  # appended to, not written beside and renamed: one flush per commit
    note = read_note(PLACE)
    assert note is not None
    assert note.issued == {
        "XAM01-1": "XAM01-20261123-01-0027",
        "XAM01-2": "XAM01-20261123-02-0028",
        "XAM01-3": "XAM01-20261123-03-0029",
    }
    assert len(path.read_text(encoding="utf-8").split("\n")) == 1 + 2 * 28


def test_a_note_is_made_whole_again_past_its_size() -> None:
    n = 0
    sizes: list[int] = []
    while len(sizes) < 3 or sizes[-1] >= sizes[-2]:  # until it shrank: made whole again
        n += 1
        remember_marks(PLACE, {"XAM01-1": f"XAM01-20261123-01-{n:04d}"}, {})
        sizes.append(note_path(PLACE).stat().st_size)
    assert sizes[-2] > APPENDED_BYTES - 100  # it grew to its limit, line by line, first
    assert len(note_path(PLACE).read_text(encoding="utf-8").split("\n")) == 1
    note = read_note(PLACE)
    assert note is not None
    assert note.issued == {"XAM01-1": f"XAM01-20261123-01-{n:04d}"}


def test_a_line_torn_by_a_power_cut_loses_only_itself() -> None:
    day = dt.date(2026, 11, 23)
    remember_marks(PLACE, {"XAM01-1": "XAM01-20261123-01-0001"}, {})
    remember_marks(PLACE, {"XAM01-1": "XAM01-20261123-01-0002"}, {"XAM01-1 C": SeriesMark(day, 1, "C-1")})
    with note_path(PLACE).open("ab") as file:
        file.write(b'\n{"issued": {"XAM01-1": "XAM01-20261123-01-00')  # the power went during the third
    note = read_note(PLACE)
    assert note is not None
    assert note.issued == {"XAM01-1": "XAM01-20261123-01-0002"}
    assert note.series == {"XAM01-1 C": SeriesMark(day, 1, "C-1")}
    remember_marks(PLACE, {"XAM01-1": "XAM01-20261123-01-0004"}, {})  # the next commit's line stands on its own
    note = read_note(PLACE)
    assert note is not None
    assert note.issued == {"XAM01-1": "XAM01-20261123-01-0004"}


def test_a_commit_appends_in_the_state_folder_of_the_moment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The folder is the environment's of the moment: a note appended in the folder of the environment before
    would be read by no one."""
    first, second = tmp_path / "first", tmp_path / "second"
    for n, folder in enumerate((first, second, first), start=1):
        monkeypatch.setenv("COUNTER_STATE", str(folder))
        remember_marks(PLACE, {"XAM01-1": f"XAM01-20261123-01-{n:04d}"}, {})
        remember_marks(PLACE, {"XAM01-1": f"XAM01-20261123-01-{n + 10:04d}"}, {})  # appended, not made whole
        assert note_path(PLACE).is_relative_to(folder)
        note = read_note(PLACE)
        assert note is not None
        assert note.issued == {"XAM01-1": f"XAM01-20261123-01-{n + 10:04d}"}


@pytest.mark.parametrize(
    ("text", "detail"),
    [('{"issued": {"XAM01-1": ', "Expecting"), ('["XAM01-20261123-01-0001"]', "not an object"), ("\xff", "utf-8")],
    ids=["torn", "a list", "not UTF-8"],
)
def test_a_note_that_is_not_one_is_unreadable_never_missing(text: str, detail: str) -> None:
    """Read as missing, a damaged note would let a desk number again from a database that lost its last numbers."""
    path = note_path(PLACE)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("latin-1"))
    found = load_note(PLACE)
    assert isinstance(found, NoteProblem)
    assert (found.fault, found.path) == (NoteFault.UNREADABLE, path)
    assert detail in found.detail
    assert read_note(PLACE) is None


def test_a_note_too_large_to_be_one_is_unreadable() -> None:
    path = note_path(PLACE)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b" " * (NOTE_LIMIT + 1))
    found = load_note(PLACE)
    assert isinstance(found, NoteProblem)
    assert found.fault is NoteFault.UNREADABLE


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="a named pipe is a POSIX file")
def test_a_pipe_or_a_folder_in_the_notes_place_is_named_and_never_read(tmp_path: Path) -> None:
    path = note_path(PLACE)
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)  # opened to read, a pipe without a writer would hold the desk at its first intake
    found = load_note(PLACE)
    assert isinstance(found, NoteProblem)
    assert (found.fault, found.detail) == (NoteFault.NOT_A_FILE, "fifo")
    path.unlink()
    path.mkdir()
    found = load_note(PLACE)
    assert isinstance(found, NoteProblem)
    assert (found.fault, found.detail) == (NoteFault.NOT_A_FILE, "directory")


def test_a_series_mark_unreadable_is_left_out_and_the_rest_read() -> None:
    day = dt.date(2026, 11, 23)
    remember_marks(PLACE, {"XAM01-1": "XAM01-20261123-01-0001"}, {"XAM01-1 C": SeriesMark(day, 3, "C-3")})
    bad = '{"series": {"XAM01-1 D": {"day": "23 Nov", "seq": 1, "number": "D-1"}}}'
    with note_path(PLACE).open("a", encoding="utf-8") as file:
        file.write('\n{"series": []}\n\n' + bad)  # series not an object, a blank line, a mark's day unreadable
    note = read_note(PLACE)
    assert note is not None
    assert note.issued == {"XAM01-1": "XAM01-20261123-01-0001"}
    assert note.series == {"XAM01-1 C": SeriesMark(day, 3, "C-3")}


def test_a_commit_that_issued_nothing_writes_no_note() -> None:
    remember_marks(PLACE, {}, {})
    assert load_note(PLACE) == NoteProblem(NoteFault.MISSING, note_path(PLACE, make_folder=False))


def test_a_damaged_note_past_its_size_is_never_made_whole_over() -> None:
    """Made whole over, the numbers it held would be gone and the check that refuses to number would pass."""
    path = note_path(PLACE)
    path.parent.mkdir(parents=True, exist_ok=True)
    damaged = b"\x00" * (APPENDED_BYTES + 1)
    path.write_bytes(damaged)
    with pytest.raises(OSError, match="not written over: unreadable"):
        remember_marks(PLACE, {"XAM01-1": "XAM01-20261123-01-0001"}, {})
    assert path.read_bytes().startswith(damaged)  # the line appended, nothing replaced


def test_a_damaged_note_renewed_is_set_aside_for_support_and_made_whole() -> None:
    path = note_path(PLACE)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("not a note", encoding="utf-8")
    now = dt.datetime(2026, 11, 28, 9, 30, tzinfo=dt.UTC)
    aside = renew_note(PLACE, {"XAM01-1": "XAM01-20261123-01-0007"}, {}, now)
    assert aside == path.with_name(f"{path.name}.damaged-20261128093000")
    assert aside.read_text(encoding="utf-8") == "not a note"
    note = read_note(PLACE)
    assert note is not None
    assert (note.made_at, note.issued) == ("2026-11-28T09:30:00+00:00", {"XAM01-1": "XAM01-20261123-01-0007"})
    assert renew_note(PLACE, {"XAM01-1": "XAM01-20261123-01-0005"}, {}, now) is None  # a sound note: nothing aside
    assert read_note(PLACE) == note  # the later number kept


def test_a_note_that_cannot_be_put_in_place_leaves_nothing_beside_it() -> None:
    path = note_path(PLACE)
    path.mkdir(parents=True)  # a folder where the note goes: the rename fails
    (path / "kept").write_text("", encoding="utf-8")
    with pytest.raises(IsADirectoryError):
        write_note(DatabaseNote(PLACE, "2026-11-28T09:30:00+00:00"))
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no temporary file left in the folder
