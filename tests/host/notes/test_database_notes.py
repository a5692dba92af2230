"""The note of the numbers a desk issued stays whole when two processes of one desk write it at once, and is
added to by one appended line per commit, read back whole, a torn last line costing only itself.

The window and ``counter case take`` both note each number they issue.  Writing through one shared temporary file,
one process could truncate and overwrite what the other was about to rename into place: the note became unreadable
JSON, which reads as no note at all — and a missing default database then looks like a first start again.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

from counter.host.notes.database_notes import APPENDED_BYTES, SeriesMark, note_path, read_note, remember_marks

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
