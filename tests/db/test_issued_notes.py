"""The listeners that note a commit's numbers belong to the desk's own session factories, not to the process.

They were registered on SQLAlchemy's ``Session`` and ``Engine`` classes when the numbers guard was imported: every
session and engine of the process, a library's or a test's, ran them.  Now each factory the app makes
(:class:`counter.db.engine.Sessions`, the store's, the command line's and the tests' alike) has them on its own
session class and its engine, and a session made any other way issues no number.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine, event
from sqlalchemy.orm import Session

from counter.actions.numbers.number_guard import note_issued
from counter.actions.site.store import Store
from counter.db import issued_notes
from counter.db.issued_notes import notes_commits
from tests.conftest import made_database
from tests.db.test_number_check_race import DESK

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_importing_the_numbers_guard_listens_to_no_class_of_sqlalchemy() -> None:
    """In a process of its own: what this one has imported before says nothing of what the import does."""
    script = (
        "from sqlalchemy import Engine, event\n"
        "from sqlalchemy.orm import Session\n"
        "import counter.actions.numbers.number_guard\n"
        "from counter.db import issued_notes as n\n"
        "listened = [name for name, fn in n._SESSION_LISTENERS if event.contains(Session, name, fn)]\n"
        "if event.contains(Engine, 'commit', n._database_commits):\n"
        "    listened.append('commit')\n"
        "print(listened)\n"
    )
    found = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"


def test_the_stores_sessions_note_their_commits_and_no_other_session_does(tmp_path: Path) -> None:
    store = Store(made_database(tmp_path / "desk.sqlite3"))
    try:
        sessions = store.sessions()
        engine = sessions.kw["bind"]
        with sessions() as read, sessions.begin() as write:
            assert notes_commits(read)
            assert notes_commits(write)
        assert event.contains(engine, "commit", issued_notes._database_commits)

        assert not notes_commits(Session(engine))  # a session of the process, on the same engine
        assert not event.contains(Session, "after_commit", issued_notes._committed)
        assert not event.contains(Engine, "commit", issued_notes._database_commits)
    finally:
        store.dispose()


def test_a_number_issued_on_a_session_that_notes_nothing_is_refused(tmp_path: Path) -> None:
    """Its commit would not note it, and the desk's next check would find the note behind the database."""
    store = Store(made_database(tmp_path / "desk.sqlite3"))
    try:
        with Session(store.sessions().kw["bind"]) as session, pytest.raises(RuntimeError):
            note_issued(session, DESK, "XAM01-20250310-03-0001")
    finally:
        store.dispose()
