"""``counter db upgrade`` on a hall's PostgreSQL: it waits a bounded time for the tables it alters, says which
migration runs, and gives up whole when another connection keeps a table.

The other connection is real: a second session on the same server that has read the case table in a transaction it
keeps open (a desk left running mid-read, a backup under way), which is what an upgrade meets when the desks were
not stopped first.  The migration that alters the table is the tests' own (:mod:`tests.db.later_schema`), on top of
the released baseline.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from counter.actions.site.store import Store
from counter.cli.main import main
from counter.db.engine import make_engine
from counter.db.migrate import SchemaState, pending_revisions, schema_state
from counter.db.revision import HEAD
from counter.ui.start.app import open_database
from tests.db.later_schema import later_schema
from tests.pg_server import MIGRATED, FreshDatabases


@pytest.fixture
def older_hall(fresh_pg: FreshDatabases, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> tuple[str, str]:
    """A hall's database at the baseline, and the program's head one migration past it, which alters the case table.

    The database is copied first: the run's template is the released schema's, never the test's."""
    url = fresh_pg.url(MIGRATED)
    return url, later_schema(monkeypatch, tmp_path)


def test_an_upgrade_meeting_a_held_table_gives_up_and_changes_nothing(
    older_hall: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    url, later = older_hall
    holder = make_engine(url)
    with holder.connect() as desk:  # a desk's read, its transaction still open
        desk.execute(text('SELECT count(*) FROM "case"'))
        assert main(["db", "upgrade", "--lock-timeout", "0.5", "--db", url]) == 1
        # a desk's window started on the older schema with the owner's login tries the same upgrade, and says so
        assert "关闭所有窗口" in (open_database(Store(url, lock_timeout_s=0.5)) or "")
        desk.rollback()
    said = capsys.readouterr()
    assert "数据库升级没有进行，数据库没有任何改动" in said.err
    assert "请先关闭所有窗口" in said.err
    assert "Error" not in said.err  # named, not a driver's class and text
    assert f"升级数据库结构 1/1：{later}" in said.out  # what it was doing when it gave up
    engine = make_engine(url)
    assert schema_state(engine) == (SchemaState.OLDER, HEAD)
    with engine.connect() as conn:
        assert "later" not in {c["name"] for c in inspect(conn).get_columns("case")}
    engine.dispose()
    holder.dispose()


def test_the_upgrade_names_each_migration_as_it_runs_and_leaves_the_desks_wait_alone(
    older_hall: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    url, later = older_hall
    engine = make_engine(url)
    with engine.begin() as conn:  # a hall of an empty schema: every migration runs
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    assert main(["db", "upgrade", "--db", url]) == 0
    lines = capsys.readouterr().out.splitlines()
    pending = pending_revisions(None)
    count = len(pending)
    expected = [
        line
        for number, revision in enumerate(pending, 1)
        for line in (f"升级数据库结构 {number}/{count}：{revision} ……", f"完成 {number}/{count}：{revision}，用时")
    ]  # each migration's start, then its end, before the next starts
    assert [re.sub(r"用时 [\d.]+ 秒$", "用时", line) for line in lines[:-1]] == expected
    assert pending[0] == "0001_baseline"  # every migration, from the first release's schema
    assert pending[-2:] == [HEAD, later]
    assert lines[-1] == f"数据库结构已是最新（{later}）。"

    # the wait is the upgrade's transaction's only: a desk's session afterwards waits its own bound
    # (counter.db.engine.Bounds), and runs statements within one the upgrade did without
    store = Store(url, lock_timeout_s=0.5)
    assert store.read(lambda unit: unit.scalar(text("SHOW lock_timeout"))) == "5s"
    assert store.read(lambda unit: unit.scalar(text("SHOW statement_timeout"))) == "1min"
    store.dispose()


def test_the_lock_timeout_is_checked(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "upgrade", "--lock-timeout", "-1"]) == 2
    assert "0 到 3600" in capsys.readouterr().err


def test_a_desks_file_is_told_each_migration_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    later = later_schema(monkeypatch, tmp_path)
    url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    assert main(["db", "upgrade", "--db", url]) == 0
    lines = capsys.readouterr().out.splitlines()
    pending = pending_revisions(None)
    count = len(pending)
    assert pending[-1] == later
    assert [line.split("，")[0] for line in lines] == [
        *(
            line
            for number, revision in enumerate(pending, 1)
            for line in (f"升级数据库结构 {number}/{count}：{revision} ……", f"完成 {number}/{count}：{revision}")
        ),
        f"数据库结构已是最新（{later}）。",
    ]
