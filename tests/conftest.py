"""Test set-up shared by the whole suite.

Qt runs headless on the offscreen platform; the app's data folder is a temporary
one per test, so no test touches the user's real database.
"""

from __future__ import annotations

import atexit
import functools
import gc
import hashlib
import logging
import os
import shutil
import tempfile
import time
import weakref
from collections.abc import Collection, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from sqlalchemy.engine import Engine

# PySide6 loaded as the desk loads it, every Qt type made with its module: counter.ui says so before pytest-qt
# imports PySide6, which it does once this file has been read
import counter.ui  # noqa: F401

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# every program the tests start (python -m counter, the crash and hall workers) fails on a warning of SQLAlchemy's,
# as this process does by filterwarnings = error (counter.db.engine.SQL_WARNINGS_ENV)
os.environ["COUNTER_SQL_WARNINGS"] = "error"
# the app's folders before a test's own (counter_home) take over, as they do for the fixtures made once per run:
# never the user's own data (the desk's settings), what the app notes of its databases outside them
# (counter.host.notes.database_notes) or the machine's desk settings in /etc/counter; one folder for the process,
# removed when it ends
_RUN_HOME = Path(tempfile.mkdtemp(prefix="counter-tests-"))
atexit.register(shutil.rmtree, _RUN_HOME, ignore_errors=True)
os.environ["COUNTER_HOME"] = str(_RUN_HOME / "home")
os.environ["COUNTER_STATE"] = str(_RUN_HOME / "state")
os.environ["COUNTER_MACHINE_CONFIG"] = str(_RUN_HOME / "machine" / "desk.toml")
# the suite's thousands of throwaway SQLite files need not outlive a power cut: no fsync at each commit, in this
# process and the programs it starts; the tests marked ``durable`` run with the desk's FULL sync (SQLITE_SYNC_ENV)
os.environ["COUNTER_TEST_SQLITE_SYNC"] = "off"

# How hard the properties try, for the whole run rather than test by test.  `ci` is what the test command runs;
# `dev` gives a quick answer while working (the quick tier: ten examples); `thorough` is for a change to a parser,
# a package or the rules.  Choose with HYPOTHESIS_PROFILE=… or `--hypothesis-profile …`.  No deadline: the machines
# the tests run on are shared, and a slow example is a matter for the benchmarks, not a failure of the property.
settings.register_profile("ci", max_examples=100, deadline=None)
settings.register_profile("dev", max_examples=10, deadline=None)
settings.register_profile("thorough", max_examples=1_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# a real CUPS server, for the tests that print; a real PostgreSQL server, for the database tests
pytest_plugins = ["tests.cups_server", "tests.pg_server"]

REPO = Path(__file__).resolve().parent.parent
SHIPPED_CATALOG = REPO / "counter" / "resources" / "catalog"

#: The tiers of the test command (test.sh): each heavy kind of test is marked by where it lives, so that a new test
#: in its folder or file is marked too.  ``./test.sh quick`` leaves these and ``pg`` out; ``./test.sh`` all but
#: ``release``.
TIERS_BY_PATH: dict[str, tuple[str, ...]] = {
    "tests/packaging/": ("packaging",),
    # the Windows installer, built and run under wine: minutes of compression and wine's slow first start
    "tests/packaging/test_windows.py": ("release",),
    "tests/benchmarks/": ("bench",),
    "tests/crash/": ("load", "durable", "program"),
    "tests/db/test_hall_load.py": ("load",),
    "tests/db/test_draft_race.py": ("load",),
    "tests/db/test_number_check_race.py": ("load",),
    "tests/sync/test_sync_scaling.py": ("load",),
    "tests/actions/test_period_figures.py": ("load",),
    "tests/db/test_list_plans.py": ("load",),
    "tests/server/test_window_descriptors.py": ("load",),
    "tests/ui/pad/test_one_screen.py": ("screens",),
    "tests/ui/pad/test_two_screens.py": ("screens",),
    "tests/ui/fit/test_fit.py": ("screens",),
    "tests/test_resources.py": ("program",),
    "tests/test_private_files.py": ("program",),
    "tests/test_number_guard.py": ("program", "durable"),
    "tests/test_database_file.py": ("program",),
    "tests/test_bounded_reads.py": ("program",),
    "tests/host/machine/test_quick_exit.py": ("program",),
    "tests/ui/door/test_runner_let_go.py": ("program",),
    "tests/ui/start/test_single_desk.py": ("program", "durable"),
    "tests/ui/start/test_startup.py": ("program",),
    "tests/ui/test_window_language.py": ("program",),
    "tests/ui/start/test_training_window.py": ("program",),
    "tests/ui/keyboard/test_hanzi_input.py": ("program",),
    "tests/db/test_catalog_first_use.py": ("program",),
    # a whole training day built per test, and first starts of the window from the prepared file: seconds each
    "tests/test_training.py": ("slow",),
    "tests/server/test_fuzz_operations.py": ("slow",),  # every operation as every role: about a minute
    "tests/ui/start/test_prepared_start.py": ("slow",),
    # walks of every window the fit tests open, key by key and control by control: a quarter of the quick tier's
    # UI time for checks that change only with a window's layout
    "tests/ui/fit/test_tab_through.py": ("slow",),
    "tests/ui/fit/test_names.py": ("slow",),
    # vulture over the whole app in a process of its own: seconds, for a check that changes only when a name loses
    # its last caller
    "tests/test_dead_code.py": ("slow",),
    # a hall server or a device silent or dripping for the seconds the desk is to say so within: wall-clock waits
    "tests/ui/door/test_server_reaching.py": ("slow",),
    "tests/ui/intake/test_server_slow.py": ("slow",),
    "tests/host/devices/test_device_http.py": ("slow",),
    # the help of every command laid out and measured, for a check that changes only with an option's words
    "tests/cli/test_every_argument_helped.py": ("slow",),
}
#: left out of ``./test.sh quick`` (test.sh names them); ``pg`` too, for the same code runs there against SQLite


@pytest.hookimpl(tryfirst=True)  # before pytest's own, which deselects by these markers (-m)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test with its tiers: by its file (TIERS_BY_PATH), and ``pg`` when it uses the PostgreSQL server."""
    for item in items:
        path = item.path.relative_to(REPO).as_posix()
        for prefix, markers in TIERS_BY_PATH.items():
            if path.startswith(prefix):
                for marker in markers:
                    item.add_marker(marker)
        # a fixture that needs the server, or a test run against each backend (BACKENDS), on "postgresql" (or on a
        # kind of it: "postgresql-icu")
        callspec = getattr(item, "callspec", None)
        params = callspec.params.values() if callspec is not None else ()
        on_pg = any(isinstance(value, str) and value.startswith("postgresql") for value in params)
        if on_pg or "pg_cluster" in getattr(item, "fixturenames", ()):
            item.add_marker("pg")


def pytest_collection_finish(session: pytest.Session) -> None:
    """What collection loaded (the app, Qt, SQLAlchemy, the libraries and every test module) is frozen out of the
    garbage collector's full collections, which would otherwise walk it again each time during the run."""
    gc.collect()
    gc.freeze()


@pytest.fixture(scope="session")
def worker_id(request: pytest.FixtureRequest) -> str:
    """The parallel worker's name (``gw0``…), ``master`` in a serial run: pytest-xdist's own fixture, given here too
    so that a test of a server of its own (PostgreSQL, CUPS) also runs with ``-p no:xdist``, where the plugin and
    its fixtures are not loaded."""
    workerinput: dict[str, str] | None = getattr(request.config, "workerinput", None)
    return "master" if workerinput is None else workerinput["workerid"]


@pytest.fixture(autouse=True)
def umask_kept() -> Iterator[None]:
    """The process's umask as it was before the test: the program's start (``counter.__main__``, run in process by
    some tests) narrows it to 077 for good, and a later test on the same worker would make its folders 0700, which
    another system user (the test's PostgreSQL, run as ``postgres``) may not enter."""
    before = os.umask(0o022)
    os.umask(before)
    yield
    os.umask(before)


@pytest.fixture(autouse=True)
def sqlite_sync(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite syncs FULL, as on a desk, for the tests marked ``durable``; the rest run with sync off."""
    if request.node.get_closest_marker("durable") is not None:
        from counter.db.engine import SQLITE_SYNC_ENV

        monkeypatch.delenv(SQLITE_SYNC_ENV, raising=False)


def costly_examples(share: int, suppress_health_check: Collection[HealthCheck] = ()) -> settings:
    """One in `share` of the profile's examples, for a property whose every example writes files or hashes.

    The budget still follows the profile (a `thorough` run tries these harder too), read when the test module is
    imported, after the profile is loaded.
    """
    return settings(max_examples=max(1, settings().max_examples // share), suppress_health_check=suppress_health_check)


@pytest.fixture(autouse=True)
def garbage_of_the_test() -> Iterator[None]:
    """What the test left in cycles is collected when it ends, and what lives on is frozen (``gc.freeze``).

    Each full collection then walks what one test made, not again everything every earlier test left alive
    (engines' caches, modules loaded on the way): without it the quick tier's two workers spent 19 s of their 250 s
    of CPU in full collections, 6 s with it.  An autouse fixture of the root, it is set up before the test's own
    fixtures and ends after them, when what they held is let go.
    """
    yield
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def log_files_taken_down() -> Iterator[None]:
    """The log files a test set up (the app's ``counter.log`` in the test's own data folder, as ``main()`` sets it up;
    a server's rotating file) are taken off the root logger and closed when the test ends.

    Left there, they point into a folder removed with the test's files.  While they stay open that goes unseen; once
    anything closes them (``logging.shutdown`` at a quick exit, a library's logging configuration) the next line of a
    later test opens the file again in a folder that is gone, and that test fails on a log line, not on what it tests:
    some 190 tests of one worker did so.
    """
    root = logging.getLogger()
    before = {id(handler) for handler in root.handlers}
    yield
    for handler in [h for h in root.handlers if isinstance(h, logging.FileHandler) and id(h) not in before]:
        root.removeHandler(handler)
        handler.close()


@pytest.fixture(autouse=True)
def engines_disposed() -> Iterator[weakref.WeakSet[Engine]]:
    """Every engine a test used is disposed when the test ends, its pooled connections closed.

    Test code makes engines freely (a copy of a site's database, a migrated file) and drops them; their pooled
    SQLite connections would be closed by the garbage collector at some later test, which Python 3.13 reports as
    a ResourceWarning there.  Disposing is harmless for an engine that lives on: it opens a new pool when next used.
    The program's own engines are closed by the program (tests/test_cli.py counts the connections).
    """
    from sqlalchemy import event
    from sqlalchemy.engine import Connection

    used: weakref.WeakSet[Engine] = weakref.WeakSet()

    def on_connect(conn: Connection) -> None:
        used.add(conn.engine)

    event.listen(Engine, "engine_connect", on_connect)
    yield used
    event.remove(Engine, "engine_connect", on_connect)
    for engine in list(used):
        engine.dispose()


#: the password cost of every test but those marked ``real_password_cost``: the same scrypt code path, at 1/32 of the
#: program's memory and time (a hall's test signs in dozens of times; at 0.4 s a hash that is minutes of a run)
TEST_PASSWORD_COST = (2**12, 8, 1)


@pytest.fixture(autouse=True)
def password_cost(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Passwords hashed at :data:`TEST_PASSWORD_COST`, unless the test is marked ``real_password_cost``.

    The tests of the cost itself (the stored parameters, the rehash of an old-cost hash at sign-in) are marked and
    run at the program's cost.  A command run in a child process always hashes at the program's cost.
    """
    if request.node.get_closest_marker("real_password_cost") is None:
        from counter.access import passwords

        monkeypatch.setattr(passwords, "COST", passwords.ScryptCost(*TEST_PASSWORD_COST))


@pytest.fixture(autouse=True)
def counter_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("COUNTER_HOME", str(home))
    monkeypatch.delenv("COUNTER_DB_URL", raising=False)
    monkeypatch.delenv("COUNTER_PRINT", raising=False)  # each test prints the way the machine would
    # the machine's desk settings: none, whatever the computer running the tests has in /etc/counter
    monkeypatch.setenv("COUNTER_MACHINE_CONFIG", str(tmp_path / "machine" / "desk.toml"))
    monkeypatch.setenv("COUNTER_STATE", str(tmp_path / "state"))  # what this machine knows of its databases
    return home


@pytest.fixture
def in_ulanhot() -> Iterator[None]:
    """The machine's clock in China's zone, as the desks keep it: a time read in the wrong zone is 8 hours off."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


def made_database(path: Path, *, catalog: bool = True) -> str:
    """The URL of a new, migrated SQLite file at ``path``, as ``counter db upgrade`` makes one, and (``catalog``) with
    the bundled catalog the first command after it imports.

    A command never makes a database named by ``--db`` that is not there (counter.actions.admin.database_file).  The
    file is a copy of one this test process made once through the same actions (:func:`_migrated_template`,
    :func:`_catalogued_template`): the first use's import is a second and a half of a command-line test otherwise.
    """
    url = f"sqlite:///{path}"
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_catalogued_template() if catalog else _migrated_template(), path)
    return url


@functools.cache
def _migrated_template() -> Path:
    """A database migrated from empty, made once per test process in a folder of its own: a test about something
    else than the migrations (a runner, a service, a gate) copies it rather than run every migration again, a sixth
    of a second each time."""
    from counter.actions.site.store import Store

    path = Path(tempfile.mkdtemp(prefix="template-", dir=_RUN_HOME)) / "migrated.sqlite3"
    store = Store(f"sqlite:///{path}", create=True)
    store.sessions()
    store.dispose()
    return path


def _catalogued_template() -> Path:
    """A migrated database with the catalog the test runs with imported (the shipped one, or a test's own small one
    set by ``COUNTER_RESOURCES``), made once per test process and catalog in a folder of its own: a template kept for
    whichever catalog the process met first would give a later test the other catalog's bundles."""
    from counter.resources import bundled_catalog_dir

    folder = bundled_catalog_dir()
    digest = hashlib.sha256()
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(file.relative_to(folder).as_posix().encode() + b"\0" + file.read_bytes())
    return _catalogued_template_of(digest.hexdigest())


@functools.cache
def _catalogued_template_of(catalog: str) -> Path:
    """The template for the catalog whose files digest to ``catalog``, made from the catalog folder in use."""
    from counter.actions.catalog.imports import sync_bundled
    from counter.actions.site.store import Store
    from counter.host.machine.desk_at import desk_at
    from counter.host.machine.desk_config import DeskConfig
    from counter.resources import bundled_catalog_dir

    path = Path(tempfile.mkdtemp(prefix="counter-template-")) / "template.sqlite3"
    store = Store(f"sqlite:///{path}", create=True)
    # recorded as imported at a desk as set up by default, whatever desk the first test to ask has set up
    sync_bundled(store.sessions(), bundled_catalog_dir(), desk=desk_at(DeskConfig()))
    store.dispose()
    return path


@pytest.fixture(scope="session")
def shipped_catalog_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file with the shipped catalog imported, made once for the run (all its workers): copy it, never
    write it (:mod:`tests.catalog_db`)."""
    from tests.catalog_db import shipped_catalog

    return shipped_catalog(tmp_path_factory)


@pytest.fixture(scope="session")
def migrated_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file migrated from empty, as ``upgrade`` leaves it, made once for the run: copy it, never write it."""
    from tests.catalog_db import migrated_schema

    return migrated_schema(tmp_path_factory)


@pytest.fixture
def desk_log(counter_home: Path) -> Iterator[Path]:
    """The app's log handler, set up in this test's data folder and taken down after it: its file."""
    from counter.host.machine.logs import LOG_FILE, setup_logging
    from counter.host.machine.paths import log_dir

    root = logging.getLogger()

    def take_down() -> None:
        for handler in [h for h in root.handlers if isinstance(h, logging.FileHandler)]:
            root.removeHandler(handler)
            handler.close()

    take_down()
    setup_logging()
    yield log_dir() / LOG_FILE
    take_down()


def copy_database(source: Path, target: Path) -> None:
    """A copy of the SQLite database at ``source`` at ``target``, with this machine's note of the numbers its desks
    issued (counter.host.notes.database_notes), as ``counter db numbers --renote`` makes it after a database was moved.

    A template made once per run holds cases numbered under the run's state folder; each test has its own, where a
    copy with numbers and no note is refused any new number (counter.actions.numbers.number_guard).
    """
    import datetime as dt
    import sqlite3

    from counter.actions.admin.database_file import database_place
    from counter.actions.numbers.number_guard import CASE_KIND, NOT_NOTED
    from counter.db.number_checks import case_prefix
    from counter.host.notes.database_notes import SeriesMark, renew_note, series_key

    shutil.copyfile(source, target)
    with sqlite3.connect(target) as conn:
        rows = conn.execute("SELECT site_code, desk_no, day, kind, last FROM desk_counter WHERE last > 0 ORDER BY day")
        latest = {(site, desk, kind): (dt.date.fromisoformat(day), int(last)) for site, desk, day, kind, last in rows}
    conn.close()
    cases: dict[str, str] = {}
    series: dict[str, SeriesMark] = {}
    for (site, desk, kind), (day, last) in latest.items():
        if kind == CASE_KIND:
            cases[f"{site}-{desk}"] = f"{case_prefix(site, desk, day)}{last:04d}"
        elif kind not in NOT_NOTED:
            series[series_key(f"{site}-{desk}", kind)] = SeriesMark(day, last, f"{kind} {day} #{last}")
    if cases or series:
        renew_note(database_place(f"sqlite:///{target}"), cases, series, dt.datetime.now(dt.UTC))
