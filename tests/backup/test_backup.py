"""SQLite backups: online while a desk writes, kept N deep, restored without loss, refused when wrong."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import threading
import traceback
from pathlib import Path

import pytest

from counter.access.desk import Desk
from counter.actions.site.backup import restore_backup
from counter.actions.site.demo import run_demo
from counter.backup.sqlite_files import (
    DEFAULT_KEEP,
    KEEP_SETTING,
    RestoreProblem,
    RestoreRefused,
    backup_files,
    daily_backup_due,
    keep_setting,
    latest_good_backup,
    prune,
    quick_check,
)
from counter.case.numbers import DeskIdentity
from counter.db.engine import make_engine, make_sessions
from counter.db.revision import HEAD
from counter.db.settings_store import put_setting
from counter.host.database.backups import NotSQLite, backup_if_due, backups_folder, make_backup, pg_commands
from tests.backup.conftest import TODAY, DeskDb, case_numbers, count_cases

NOW = dt.datetime(2026, 11, 22, 18, 30, 0)


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_backup_while_another_connection_writes(desk_db: DeskDb, tmp_path: Path) -> None:
    setup = sqlite3.connect(desk_db.path, isolation_level=None)
    setup.execute("PRAGMA journal_mode=WAL")
    setup.execute("CREATE TABLE scratch (n INTEGER)")
    setup.close()
    written = threading.Event()
    stop = threading.Event()

    def writer() -> None:
        conn = sqlite3.connect(desk_db.path, timeout=10, isolation_level=None)
        n = 0
        while not stop.is_set():
            conn.execute("INSERT INTO scratch VALUES (?)", (n,))
            n += 1
            if n == 50:
                written.set()
        conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert written.wait(10)
        outs = [make_backup(desk_db.url, tmp_path / f"copy{i}.sqlite3") for i in range(3)]
    finally:
        stop.set()
        thread.join()
    for out in outs:
        assert integrity(out) == "ok"
        assert not Path(f"{out}-wal").exists()  # a single self-contained file
        copy = sqlite3.connect(out)
        assert copy.execute("SELECT count(*) FROM scratch").fetchone()[0] >= 50
        copy.close()
        assert case_numbers(f"sqlite:///{out}") == desk_db.case_nos
    assert not list(tmp_path.glob(".*.part"))


def test_daily_backup_once_a_day_and_the_newest_n_kept(desk_db: DeskDb) -> None:
    engine = make_engine(desk_db.url)
    with make_sessions(engine).begin() as session:
        put_setting(session, "backup.keep", "3")
    engine.dispose()
    folder = backups_folder()
    assert daily_backup_due(folder, NOW)
    first = backup_if_due(desk_db.url, NOW)
    assert first is not None
    assert first.parent == folder
    assert first.name == "counter-20261122-183000.sqlite3"
    assert not daily_backup_due(folder, NOW)
    assert backup_if_due(desk_db.url, NOW + dt.timedelta(hours=2)) is None
    (folder / "notes.txt").write_text("not a backup", encoding="utf-8")
    for day in range(1, 5):
        assert backup_if_due(desk_db.url, NOW + dt.timedelta(days=day)) is not None
    names = [b.path.name for b in backup_files(folder)]
    assert names == [
        "counter-20261126-183000.sqlite3",
        "counter-20261125-183000.sqlite3",
        "counter-20261124-183000.sqlite3",
    ]
    assert (folder / "notes.txt").exists()  # a file of another name is never pruned
    assert all(quick_check(folder / n) for n in names)


def test_prune_keeps_at_least_one(tmp_path: Path) -> None:
    for stamp in ("20261120-080000", "20261121-080000"):
        (tmp_path / f"counter-{stamp}.sqlite3").write_bytes(b"x")
    assert [p.name for p in prune(tmp_path, 0)] == ["counter-20261120-080000.sqlite3"]
    assert [b.path.name for b in backup_files(tmp_path)] == ["counter-20261121-080000.sqlite3"]


def test_rotation_goes_by_the_order_backups_were_written_not_by_their_names(desk_db: DeskDb) -> None:
    """A desk whose clock once ran ahead left names that sort after every later backup: the new one survives."""
    engine = make_engine(desk_db.url)
    with make_sessions(engine).begin() as session:
        put_setting(session, "backup.keep", "3")
    engine.dispose()
    folder = backups_folder()
    folder.mkdir(parents=True)
    ahead = [folder / f"counter-2031010{day}-090000.sqlite3" for day in range(1, 5)]
    for age, path in enumerate(reversed(ahead), start=1):  # written days ago, while the clock said 2031
        shutil.copy(desk_db.path, path)
        written = (NOW - dt.timedelta(days=age)).timestamp()
        os.utime(path, (written, written))
    made = make_backup(desk_db.url, None, NOW)
    assert made.exists()
    assert [b.path for b in backup_files(folder)] == [made, ahead[3], ahead[2]]
    assert not ahead[0].exists()
    assert not ahead[1].exists()


def test_the_backup_just_made_survives_even_among_files_written_later(desk_db: DeskDb) -> None:
    folder = backups_folder()
    folder.mkdir(parents=True)
    ahead = folder / "counter-20310101-090000.sqlite3"
    shutil.copy(desk_db.path, ahead)
    future = (NOW + dt.timedelta(days=3000)).timestamp()
    os.utime(ahead, (future, future))  # written when the clock said 2034, so its time is ahead too
    engine = make_engine(desk_db.url)
    with make_sessions(engine).begin() as session:
        put_setting(session, "backup.keep", "1")
    engine.dispose()
    made = make_backup(desk_db.url, None, NOW)
    assert made.exists()
    assert not ahead.exists()


def test_two_backups_in_one_second_both_kept(desk_db: DeskDb) -> None:
    a = make_backup(desk_db.url, None, NOW)
    b = make_backup(desk_db.url, None, NOW)
    assert a != b
    assert a.exists()
    assert b.exists()


@pytest.mark.slow
def test_restore_round_trip_keeps_cases_and_the_old_database_beside(desk_db: DeskDb) -> None:
    saved = make_backup(desk_db.url, None, NOW)
    engine = make_engine(desk_db.url)  # after the backup, more intakes are taken
    later = run_demo(make_sessions(engine), Desk(DeskIdentity("XAM01", "8"), "乌兰"), TODAY)
    engine.dispose()
    after = len(desk_db.case_nos) + len({c.case_no for c in later})
    assert count_cases(desk_db.url) == after
    restored = restore_backup(desk_db.url, saved, NOW + dt.timedelta(hours=1))
    assert restored.revision == HEAD
    assert restored.database == desk_db.path
    assert case_numbers(desk_db.url) == desk_db.case_nos
    assert restored.kept is not None
    assert restored.kept.name == "counter.sqlite3.before-restore-20261122-193000"
    assert restored.kept.parent == desk_db.path.parent
    assert count_cases(f"sqlite:///{restored.kept}") == after  # what was there, kept
    assert integrity(desk_db.path) == "ok"
    assert not list(desk_db.path.parent.glob(".*.part"))


def test_restore_onto_a_database_with_a_live_wal(desk_db: DeskDb) -> None:
    saved = make_backup(desk_db.url, None, NOW)
    writer = sqlite3.connect(desk_db.path, isolation_level=None)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("CREATE TABLE after_backup (n INTEGER)")
    writer.execute("INSERT INTO after_backup VALUES (7)")
    writer.close()
    restored = restore_backup(desk_db.url, saved, NOW)
    assert restored.kept is not None
    kept = sqlite3.connect(restored.kept)
    assert kept.execute("SELECT n FROM after_backup").fetchall() == [(7,)]  # the log's content kept too
    kept.close()
    back = sqlite3.connect(desk_db.path)
    names = {r[0] for r in back.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    back.close()
    assert "after_backup" not in names
    assert "case" in names
    assert case_numbers(desk_db.url) == desk_db.case_nos


def _newer_schema(desk_db: DeskDb, out: Path) -> Path:
    shutil.copy(desk_db.path, out)
    conn = sqlite3.connect(out, isolation_level=None)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    return out


@pytest.mark.parametrize("kind", ["newer", "not_sqlite", "not_counter", "no_revision", "missing"])
def test_wrong_files_are_refused_with_nothing_changed(desk_db: DeskDb, tmp_path: Path, kind: str) -> None:
    source = tmp_path / "candidate.sqlite3"
    if kind == "newer":
        _newer_schema(desk_db, source)
        expected = RestoreProblem.NEWER
    elif kind == "not_sqlite":
        source.write_bytes(b"PK\x03\x04 a zip, or anything else" * 100)
        expected = RestoreProblem.NOT_SQLITE
    elif kind == "not_counter":
        other = sqlite3.connect(source)
        other.execute("CREATE TABLE t (x)")
        other.commit()
        other.close()
        expected = RestoreProblem.NOT_COUNTER
    elif kind == "no_revision":  # a counter database whose revision was taken out
        shutil.copy(desk_db.path, source)
        conn = sqlite3.connect(source, isolation_level=None)
        conn.execute("DELETE FROM alembic_version")
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.close()
        expected = RestoreProblem.NOT_COUNTER
    else:
        expected = RestoreProblem.MISSING
    before = files_of(desk_db.path.parent)
    with pytest.raises(RestoreRefused) as refused:
        restore_backup(desk_db.url, source, NOW)
    assert refused.value.problem is expected
    assert files_of(desk_db.path.parent) == before
    assert case_numbers(desk_db.url) == desk_db.case_nos


def damage(path: Path) -> None:
    """Overwrite bytes in the middle of the file, as a failing disk does."""
    size = path.stat().st_size
    with open(path, "r+b") as file:
        file.seek(size // 2)
        file.write(b"\xde\xad\xbe\xef" * 1024)


def test_a_damaged_database_fails_the_quick_check_and_the_latest_good_backup_is_found(desk_db: DeskDb) -> None:
    older = make_backup(desk_db.url, None, NOW)
    newest_good = make_backup(desk_db.url, None, NOW + dt.timedelta(days=1))
    broken = make_backup(desk_db.url, None, NOW + dt.timedelta(days=2))
    damage(broken)
    assert quick_check(desk_db.path)
    assert quick_check(older)
    damage(desk_db.path)
    assert not quick_check(desk_db.path)
    assert not quick_check(broken)
    good = latest_good_backup(backups_folder())
    assert good is not None
    assert good.path == newest_good
    assert good.taken == NOW + dt.timedelta(days=1)
    restored = restore_backup(desk_db.url, good.path, NOW + dt.timedelta(days=3))
    assert quick_check(desk_db.path)
    assert case_numbers(desk_db.url) == desk_db.case_nos
    assert restored.kept is not None
    assert not quick_check(restored.kept)


def test_a_damaged_backup_is_refused(desk_db: DeskDb, tmp_path: Path) -> None:
    copy = make_backup(desk_db.url, tmp_path / "copy.sqlite3")
    damage(copy)
    with pytest.raises(RestoreRefused) as refused:
        restore_backup(desk_db.url, copy, NOW)
    assert refused.value.problem in (RestoreProblem.DAMAGED, RestoreProblem.NOT_SQLITE)
    assert case_numbers(desk_db.url) == desk_db.case_nos


def test_quick_check_of_things_that_are_no_database(tmp_path: Path) -> None:
    assert not quick_check(tmp_path / "nothing.sqlite3")
    (tmp_path / "text.sqlite3").write_text("hello", encoding="utf-8")
    assert not quick_check(tmp_path / "text.sqlite3")


def test_pg_commands_name_the_database_without_the_password() -> None:
    dump, restore = pg_commands("postgresql+psycopg://clerk:secret@db.hall:5433/counter", Path("/tmp/c.dump"))
    assert dump == "pg_dump --format=custom --file=/tmp/c.dump --dbname=postgresql://clerk@db.hall:5433/counter"
    assert restore == (
        "pg_restore --clean --if-exists --no-owner --single-transaction "
        "--dbname=postgresql://clerk@db.hall:5433/counter /tmp/c.dump"
    )
    assert "secret" not in dump + restore


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://counter_server:Xam01-S3cret@db.hall:5432/counter?sslmode=verify-full",
        "postgresql+psycopg://counter_server:Xam@01:S3cret@db.hall/counter",  # an @ and a : in the password
        "postgresql+psycopg://counter_server@db.hall/counter?sslmode=verify-full&password=Xam01-S3cret",
    ],
)
def test_a_backup_asked_of_postgresql_carries_no_password_into_the_log(url: str) -> None:
    """``site.backup`` on a hall's PostgreSQL is refused by NotSQLite, which the server's log keeps with its traceback:
    the URL it carries is the server role's, without the password."""
    with pytest.raises(NotSQLite) as refused:
        make_backup(url)
    logged = "".join(traceback.format_exception(refused.value))
    assert "S3cret" not in logged
    assert "counter_server" in logged  # still says which database it was asked of
    assert "db.hall" in logged


def test_pg_commands_quote_a_socket_folder() -> None:
    dump, _ = pg_commands("postgresql+psycopg://postgres@/counter?host=/run/pg&port=5544", Path("c.dump"))
    assert (
        dump
        == "pg_dump --format=custom --file=c.dump '--dbname=postgresql://postgres@/counter?host=%2Frun%2Fpg&port=5544'"
    )


def test_no_automatic_backup_of_postgresql() -> None:
    assert backup_if_due("postgresql+psycopg://postgres@/counter?host=/tmp", NOW) is None
    assert not backups_folder().exists() or not any(backups_folder().iterdir())


def test_a_killed_backups_copy_is_removed_at_the_next_start(desk_db: DeskDb) -> None:
    """A daily backup killed mid-way leaves a whole copy of the database under a name no backup counts."""
    folder = backups_folder()
    folder.mkdir(parents=True, exist_ok=True)
    left = folder / ".counter-20261121-090000.sqlite3.part"
    shutil.copyfile(desk_db.path, left)
    Path(f"{left}-journal").write_bytes(b"")
    writing = folder / ".counter-20261122-182900.sqlite3.part"  # another process's, being written now
    writing.write_bytes(b"pages")
    mine = folder / "my-copy.sqlite3.part"  # a name automatic backups never write
    mine.write_bytes(b"kept")
    old = (NOW - dt.timedelta(hours=20)).timestamp()
    for path in (left, Path(f"{left}-journal"), mine):
        os.utime(path, (old, old))
    os.utime(writing, ((NOW - dt.timedelta(minutes=1)).timestamp(),) * 2)
    assert backup_if_due(desk_db.url, NOW) is not None
    assert not left.exists()
    assert not Path(f"{left}-journal").exists()
    assert writing.exists()
    assert mine.exists()
    # a day already backed up: the start removes what a killed backup left all the same
    again = folder / ".counter-20261122-190000.sqlite3.part"
    again.write_bytes(b"half")
    os.utime(again, (old, old))
    assert backup_if_due(desk_db.url, NOW + dt.timedelta(hours=1)) is None
    assert not again.exists()


def test_a_restore_onto_a_machine_without_a_database_puts_the_backup_in_place(desk_db: DeskDb, tmp_path: Path) -> None:
    """A desk's computer replaced: its database is made again from the last backup, with nothing to keep beside."""
    saved = make_backup(desk_db.url, None, NOW)
    fresh = tmp_path / "new-computer" / "counter.sqlite3"
    restored = restore_backup(f"sqlite:///{fresh}", saved, NOW)
    assert (restored.database, restored.revision, restored.kept) == (fresh, HEAD, None)
    assert case_numbers(f"sqlite:///{fresh}") == desk_db.case_nos
    assert integrity(fresh) == "ok"
    assert sorted(p.name for p in fresh.parent.iterdir()) == ["counter.sqlite3"]


def test_a_file_named_as_a_backup_of_no_real_time_is_neither_counted_nor_removed(tmp_path: Path) -> None:
    """Only a name of a real date and time is a backup's: another such file is not one of the backups kept, and no
    rotation deletes it."""
    folder = tmp_path / "backups"
    folder.mkdir()
    real = folder / "counter-20261122-183000.sqlite3"
    odd = folder / "counter-20261399-250000.sqlite3"
    for path in (real, odd):
        path.write_bytes(b"x")
    assert [b.path for b in backup_files(folder)] == [real]
    assert daily_backup_due(folder, NOW + dt.timedelta(days=1))
    assert not daily_backup_due(folder, NOW)
    assert prune(folder, 1) == []
    assert odd.exists()


def test_how_many_backups_are_kept_is_read_as_a_number_of_at_least_one_or_the_default(tmp_path: Path) -> None:
    database = tmp_path / "counter.sqlite3"
    conn = sqlite3.connect(database)
    conn.execute("CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT)")
    conn.commit()
    for value, kept in (("3", 3), ("0", 1), ("-5", 1), ("七", DEFAULT_KEEP), ("", DEFAULT_KEEP), (None, DEFAULT_KEEP)):
        conn.execute("DELETE FROM setting")
        conn.execute("INSERT INTO setting VALUES (?, ?)", (KEEP_SETTING, value))
        conn.commit()
        assert keep_setting(database) == kept, value
    conn.execute("DELETE FROM setting")
    conn.commit()
    assert keep_setting(database) == DEFAULT_KEEP
    conn.close()
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).close()  # a database, and no counter's: no setting table
    assert keep_setting(other) == DEFAULT_KEEP
    (tmp_path / "text.sqlite3").write_text("hello", encoding="utf-8")
    assert keep_setting(tmp_path / "text.sqlite3") == DEFAULT_KEEP
    assert keep_setting(tmp_path / "nothing.sqlite3") == DEFAULT_KEEP


def test_a_daily_backup_that_cannot_be_written_leaves_the_desk_working_and_logs_why(
    desk_db: DeskDb, caplog: pytest.LogCaptureFixture
) -> None:
    """The backups folder cannot be made (a file stands in its place): no backup, no exception at the desk's start,
    the log says why; the database is as it was."""
    folder = backups_folder()
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_bytes(b"not a folder")
    before = count_cases(desk_db.url)
    with caplog.at_level("ERROR", logger="counter.host.database.backups"):
        assert backup_if_due(desk_db.url, NOW) is None
    assert [r.getMessage().startswith("daily backup failed: ") for r in caplog.records] == [True]
    assert folder.read_bytes() == b"not a folder"
    assert count_cases(desk_db.url) == before


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:", "sqlite:///file:hall?mode=memory&uri=true"])
def test_a_database_in_memory_has_no_file_to_back_up(url: str) -> None:
    assert backup_if_due(url, NOW) is None
    with pytest.raises(NotSQLite):
        make_backup(url)


def test_a_path_given_where_a_url_is_asked_is_named_as_given() -> None:
    """A plain path is not a URL: no backup of it, refused with the path as typed (nothing in it to hide)."""
    with pytest.raises(NotSQLite) as refused:
        make_backup("/var/lib/counter/counter.sqlite3")
    assert str(refused.value) == "/var/lib/counter/counter.sqlite3"


def test_the_daily_backup_of_a_database_gone_writes_nothing_and_the_desk_goes_on(
    desk_db: DeskDb, caplog: pytest.LogCaptureFixture
) -> None:
    """The share's file moved away after the desk opened it: no empty database is copied as the day's backup."""
    desk_db.path.rename(desk_db.path.with_name("moved.sqlite3"))
    assert backup_if_due(desk_db.url, NOW) is None
    assert backup_files(backups_folder()) == []
    assert not desk_db.path.exists()
    assert "daily backup failed: no_database" in caplog.text


def test_a_part_copy_gone_while_the_folder_is_read_is_passed_over(desk_db: DeskDb) -> None:
    """A name listed, then gone before its age is read (another desk's backup renamed it): the others are removed."""
    folder = backups_folder()
    folder.mkdir(parents=True, exist_ok=True)
    left = folder / ".counter-20261121-090000.sqlite3.part"
    left.write_bytes(b"half")
    old = (NOW - dt.timedelta(hours=20)).timestamp()
    os.utime(left, (old, old))
    gone = folder / ".counter-20261121-100000.sqlite3.part"
    gone.symlink_to(folder / ".counter-20261121-100000.sqlite3.renamed")  # listed, but nothing to read its age of
    assert backup_if_due(desk_db.url, NOW) is not None
    assert not left.exists()
    assert gone.is_symlink()
    assert len(backup_files(folder)) == 1


def test_a_damaged_database_is_kept_with_its_log_when_a_backup_replaces_it(desk_db: DeskDb) -> None:
    """A desk still holding the damaged file open keeps its -wal: kept beside the file, byte for byte, for support.

    (With no other connection the online copy tried first folds the log into the file as it closes: kept in it.)
    """
    saved = make_backup(desk_db.url, None, NOW)
    writer = sqlite3.connect(desk_db.path, isolation_level=None)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("CREATE TABLE after_backup (n INTEGER)")
    writer.execute("INSERT INTO after_backup VALUES (7)")
    wal = Path(f"{desk_db.path}-wal")
    log_bytes = wal.read_bytes()
    damage(desk_db.path)
    restored = restore_backup(desk_db.url, saved, NOW + dt.timedelta(hours=1))
    writer.close()
    assert restored.kept is not None
    assert Path(f"{restored.kept}-wal").read_bytes() == log_bytes
    assert not quick_check(restored.kept)
    assert case_numbers(desk_db.url) == desk_db.case_nos
    assert quick_check(desk_db.path)


def test_pg_commands_name_both_nodes_of_a_database_pair_as_libpq_reads_them() -> None:
    """The servers' address of a pair (运维手册 五, step 12): pg_dump must find whichever node is the primary."""
    pair = (
        "postgresql+psycopg://counter:Xam01-S3cret@/counter?host=hall-db-a:5432&host=hall-db-b:5433"
        "&target_session_attrs=read-write&sslmode=verify-full&sslrootcert=/etc/counter/hall-ca.crt"
    )
    dump, restore = pg_commands(pair, Path("c.dump"))
    target = (
        "'--dbname=postgresql://counter@/counter?host=hall-db-a%2Chall-db-b&port=5432%2C5433"
        "&sslmode=verify-full&sslrootcert=%2Fetc%2Fcounter%2Fhall-ca.crt&target_session_attrs=read-write'"
    )
    assert dump == f"pg_dump --format=custom --file=c.dump {target}"
    assert restore.endswith(f" {target} c.dump")
    assert "S3cret" not in dump + restore
