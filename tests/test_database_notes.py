"""The note of the numbers a desk issued stays whole when two processes of one desk write it at once.

The window and ``counter case take`` both note each number they issue.  Writing through one shared temporary file,
one process could truncate and overwrite what the other was about to rename into place: the note became unreadable
JSON, which reads as no note at all — and a missing default database then looks like a first start again.
"""

from __future__ import annotations

import threading

from counter.host.database_notes import read_note, remember_marks

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
