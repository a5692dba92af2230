"""Sync both ways, each beside the bare driver doing the same work: goal at least 5,000 cases a second.

A township holding ``--cases`` cases (default 10,000 and 100,000) writes its package for the hall, and a fresh hall
takes that package in, on SQLite (the app's WAL with ``synchronous=FULL``) and on PostgreSQL (``fsync`` and
``synchronous_commit`` on, as a hall's server runs).  The cases are copies of a training run's real intakes
(:mod:`benchmarks.big_hall`: every outcome, ratings, rectifications, deferrals); the township's own rows are written
by the writer the hall's import uses (a township's intakes leave the same rows, a hundred thousand of them through
the intake window would take hours).  Measured, rounds interleaved with their floors, medians held to the goal:

- **export**: ``export_package`` and its COMMIT — every pending case read, its record made, the JSON written,
  gzipped, sealed to the hall and signed.  Floor: the bare driver reading every row of the same cases, and gzip of
  the same body at the same level.
- **import**: ``import_package`` and its COMMIT on a fresh hall — signature, body, every record checked, every row
  written.  Floor: the bare driver inserting the same rows (read back from the hall that took the package) into a
  fresh hall in one transaction, with the same durability (``COPY`` on PostgreSQL, as the import writes them).
  Each hall is dropped once measured, the floor's too, and the floor's rows let go: no round runs beside what an
  earlier one left, on the server's disk or in the benchmark's memory.
- **replay**: the same package again: answered from its number, goal under a second.

A package holds at most 256 MiB of JSON (:data:`counter.sync.package.MAX_PLAIN`): at 100,000 cases of this kind
(about 3.4 kB each) the export writes a series of packages, and the import takes them in one after another, each in
its own transaction as the window does; the times are the whole series'.

    .venv/bin/python benchmarks/bench_sync.py [--cases 10000 100000] [--rounds 3] [--smoke]
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import orjson
import psycopg
from sqlalchemy import Engine, func, select, text

from benchmarks.big_hall import TOWNSHIPS, Copier, Training, hall_site, placements, training_cases, working_days
from benchmarks.goals import Verdicts, arguments
from counter.actions.sync.packages import export_package, import_package
from counter.db import models
from counter.db.engine import make_engine, make_sessions
from counter.db.sync.cases import apply_cases
from counter.sync.case_reader import CaseReader
from counter.sync.exchange import ImportReport
from counter.sync.package import PackageRejected
from counter.sync.record_json import to_dict
from counter.sync.sender_checks import Sender
from counter.sync.sites import SiteKind
from tests.catalog_db import catalog_file
from tests.pg_server import HALL_MEMORY, MIGRATED, PgCluster, PgDatabases, start_cluster, stop_cluster
from tests.sync.case_records import case_records
from tests.sync.sync_world import Site, introduce, make_site, sqlite_copy

GOAL_RATE = 5000.0  # cases a second, each way (issue 20)
GOAL_REPLAY_S = 1.0
FILL_BATCH = 20_000  # township cases written at a time while filling
#: the tables a case's rows live in, parents first: what the floors read and write
CASE_TABLES = ("case", "case_material", "case_history", "document_record", "print_record", *(
    "rating_request", "rating", "rating_lapse", "rectification", "rectification_history", "rating_appeal"))  # fmt: skip


@dataclass
class Database:
    """One kind of database under test: how to make a fresh hall from the prepared one, and a bare connection."""

    label: str
    #: the hall, its bare driver connection, and its end: each round's hall is dropped once measured, so that no
    #: round writes beside the hundreds of megabytes the earlier rounds left on the server
    fresh_hall: Callable[[], tuple[Site, Callable[[], Any], Callable[[], None]]]
    township: Site
    bare_township: Callable[[], Any]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# --- the sites -------------------------------------------------------------------------------------------------


def _fill(site: Site, copier: Copier, index: int, start: int, count: int, days: list[dt.date], total: int) -> None:
    """Cases ``start``… of the township's ``total``, its own (sender = itself), written by the writer the hall's
    import uses.  The places are those of the largest size measured, whatever is filled first: spread over another
    count the days and numbers of the later cases would fall on those already written."""
    rng = random.Random(index)
    places = placements(site.code, index, total, days, 0)
    for _ in range(start):
        next(places)
    sender = Sender(site.code, frozenset(), frozenset(), _now())
    for first in range(0, count, FILL_BATCH):
        size = min(FILL_BATCH, count - first)
        body = orjson.loads("[" + ",".join(copier.copy(copier.pick(rng), next(places)) for _ in range(size)) + "]")
        reader = CaseReader(body)
        with site.sessions.begin() as session:
            done = apply_cases(session, reader.cases, reader.read, sender)
        assert not done.held, done.held[:3]


def _pending(site: Site) -> int:
    with site.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(models.Case)) or 0)


@contextmanager
def _world(smoke: bool) -> Iterator[tuple[list[Database], Copier, list[dt.date], PgCluster]]:
    """A hall and its keys, a township on each database that has taken the hall's guides, and the training run."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        os.environ["COUNTER_HOME"] = str(work / "home")
        catalog = catalog_file(work / "catalog")
        hall = hall_site(f"sqlite:///{work / 'hall.sqlite3'}", work / "hall")
        cluster = start_cluster(durable=True, settings=HALL_MEMORY)  # a hall's server
        databases = PgDatabases(cluster)
        engines: list[Engine] = []  # the townships' (each round's hall ends its own)
        try:
            lite = make_site(sqlite_copy(catalog, work / "township.sqlite3"), *TOWNSHIPS[0], SiteKind.TOWNSHIP,
                             work / "township")  # fmt: skip
            pg_name = databases.create()
            pg_url = cluster.url(pg_name)
            engines.append(make_engine(pg_url))
            pg = make_site(make_sessions(engines[-1]), *TOWNSHIPS[1], SiteKind.TOWNSHIP, work / "township-pg")
            for township in (lite, pg):
                introduce(hall, township)
                township.take(hall.export(township.code, now=_now()).data, now=_now())
            # the hall on PostgreSQL is introduced while the township is still a desk without accounts: its
            # training run adds them, and from then on it acts as its clerk signed in (training.site)
            pg_template = _pg_hall(databases, work, hall, (lite, pg))
            now = _now()
            training: Training = training_cases(lite, now.date(), now, 8 if smoke else 1)
            copier = Copier(training, now.date())
            last = now.date() - dt.timedelta(days=1)
            days = working_days(last - dt.timedelta(days=4 * 365), last)
            hall.sessions.kw["bind"].dispose()  # the file is whole (its WAL folded in) before it is copied
            template = work / "hall.sqlite3"
            made = iter(range(1_000_000))

            def sqlite_hall() -> tuple[Site, Callable[[], Any], Callable[[], None]]:
                path = work / f"hall-{next(made)}.sqlite3"
                shutil.copy(template, path)
                engine = make_engine(f"sqlite:///{path}")
                site = Site(hall.identity, make_sessions(engine), hall.desk, hall.key_path)

                def gone() -> None:
                    engine.dispose()
                    for left in path.parent.glob(f"{path.name}*"):  # the file, its WAL and shared memory
                        left.unlink()

                return site, lambda: _bare_sqlite(path), gone

            def pg_hall() -> tuple[Site, Callable[[], Any], Callable[[], None]]:
                name = f"hall{next(made)}"
                with databases.admin.connect() as admin:
                    admin.execute(text(f"CREATE DATABASE {name} TEMPLATE {pg_template}"))
                engine = make_engine(cluster.url(name))
                site = Site(hall.identity, make_sessions(engine), hall.desk, hall.key_path)

                def gone() -> None:
                    engine.dispose()
                    with databases.admin.connect() as admin:
                        admin.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))

                return site, lambda: _bare_pg(cluster, name), gone

            yield (
                [
                    Database("SQLite", sqlite_hall, training.site, lambda: _bare_sqlite(work / "township.sqlite3")),
                    Database("PostgreSQL", pg_hall, pg, lambda: _bare_pg(cluster, pg_name)),
                ],
                copier,
                days,
                cluster,
            )
        finally:
            for engine in engines:
                engine.dispose()
            databases.close()
            stop_cluster(cluster)


def _pg_hall(databases: PgDatabases, work: Path, hall: Site, townships: Sequence[Site]) -> str:
    """The hall once more on PostgreSQL, with the same keys: a template every round's fresh hall is copied from."""
    name = databases.create(MIGRATED)
    folder = work / "hall-pg"
    shutil.copytree(work / "hall", folder)
    site = hall_site(databases.cluster.url(name), folder)
    for township in townships:
        introduce(site, township)
    site.sessions.kw["bind"].dispose()
    return name


def _bare_sqlite(path: Path) -> sqlite3.Connection:
    """The driver alone, with the app's durability (counter.db.engine's pragmas)."""
    connection = sqlite3.connect(path, isolation_level=None)
    for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=FULL"):
        connection.execute(f"PRAGMA {pragma}")
    return connection


def _bare_pg(cluster: PgCluster, name: str) -> psycopg.Connection[Any]:
    return psycopg.connect(host=str(cluster.folder), port=cluster.port, dbname=name, user="postgres")


# --- the measures ----------------------------------------------------------------------------------------------


def _export(site: Site) -> tuple[float, tuple[bytes, ...]]:
    start = time.perf_counter()
    with site.sessions.begin() as session:
        result = export_package(session, site.desk, _now(), key_path=site.key_path)
    return time.perf_counter() - start, result.packages


def _import(hall: Site, packages: tuple[bytes, ...]) -> tuple[float, list[ImportReport]]:
    """Every package of an export taken in, in order, each in its own transaction."""
    start = time.perf_counter()
    reports = []
    for data in packages:
        with hall.sessions.begin() as session:
            reports.append(import_package(session, hall.desk, data, _now(), key_path=hall.key_path))
    return time.perf_counter() - start, reports


def _plain_body(site: Site) -> bytes:
    """The JSON body the township's export writes (outside the timing: the floor gzips the same bytes)."""
    with site.sessions() as session:
        ids = list(session.scalars(select(models.Case.id).order_by(models.Case.id)))
        return orjson.dumps([to_dict(r) for r in case_records(session, ids)], option=orjson.OPT_SORT_KEYS)


def _read_floor(connect: Callable[[], Any], plain: bytes) -> float:
    """The bare driver reading every row of the township's cases, and gzip of the same body."""
    connection = connect()
    try:
        start = time.perf_counter()
        cursor = connection.cursor()
        for table in CASE_TABLES:
            cursor.execute(f'SELECT * FROM "{table}" ORDER BY id')
            cursor.fetchall()
        gzip.compress(plain, compresslevel=6, mtime=0)
        seconds = time.perf_counter() - start
        connection.rollback() if isinstance(connection, psycopg.Connection) else None
        return seconds
    finally:
        connection.close()


def _rows_written(connect: Callable[[], Any]) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """Every row of a hall that took the package in, by table: what the import floor writes."""
    connection = connect()
    try:
        found = {}
        for table in CASE_TABLES:
            cursor = connection.cursor()
            cursor.execute(f'SELECT * FROM "{table}" ORDER BY id')
            rows = cursor.fetchall()
            found[table] = ([d[0] for d in cursor.description], rows)
        return found
    finally:
        connection.close()


def _write_floor(connection: Any, rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]]) -> float:
    """The bare driver inserting the same rows in one transaction, COMMIT included."""
    try:
        start = time.perf_counter()
        if isinstance(connection, psycopg.Connection):
            with connection.cursor() as cursor:
                for table, (columns, values) in rows.items():
                    names = ", ".join(f'"{c}"' for c in columns)
                    with cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                        for row in values:
                            copy.write_row(row)
            connection.commit()
        else:
            connection.execute("BEGIN IMMEDIATE")
            for table, (columns, values) in rows.items():
                names = ", ".join(f'"{c}"' for c in columns)
                marks = ", ".join("?" * len(columns))
                connection.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', values)
            connection.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        connection.close()


def _median_rate(cases: int, seconds: list[float]) -> float:
    return cases / statistics.median(seconds)


def measure(db: Database, cases: int, rounds: int, verdicts: Verdicts) -> None:
    """Export and import of the township's ``cases`` cases, ``rounds`` times each, every round beside its floor."""
    plain = _plain_body(db.township)
    ours: list[float] = []
    floor: list[float] = []
    data: tuple[bytes, ...] = ()
    for n in range(rounds):
        seconds, data = _export(db.township)
        ours.append(seconds)
        floor.append(_read_floor(db.bare_township, plain))
        print(f"{db.label:<10} {cases:>7,} export round {n + 1}: {seconds:6.2f} s (floor {floor[-1]:.2f} s),"
              f" {len(data)} package(s)")  # fmt: skip
    verdicts.at_least(f"{db.label} export {cases:,}", _median_rate(cases, ours), GOAL_RATE, "cases/s",
                      floor=_median_rate(cases, floor))  # fmt: skip
    ours, floor = [], []
    replay = float("inf")  # the same package sent again to the last round's hall
    for n in range(rounds):
        hall, bare, gone = db.fresh_hall()
        try:
            seconds, reports = _import(hall, data)
            # the cases, and the acknowledgement of the hall's updates
            assert sum(r.applied for r in reports) >= cases, reports
            assert not any(r.held for r in reports), reports
            # read for the floor after each round, and let go after the floor's: held through the later rounds'
            # imports, the millions of objects of 100,000 cases' rows made each round slower than the one before
            rows = _rows_written(bare)
            if n == rounds - 1:  # the last round's hall is sent the same package again
                replay, replayed = _import(hall, data)
                assert all(r.replayed for r in replayed), replayed
        except PackageRejected as refused:  # a package beyond what the hall takes: no import to time
            print(f"{db.label:<10} {cases:>7,} import refused: {refused}")
            verdicts.at_least(f"{db.label} import {cases:,} (package refused)", 0.0, GOAL_RATE, "cases/s")
            return
        finally:
            gone()
        ours.append(seconds)
        _spare, bare_floor, spare_gone = db.fresh_hall()
        try:
            floor.append(_write_floor(bare_floor(), rows))
        finally:
            spare_gone()
        del rows
        print(f"{db.label:<10} {cases:>7,} import round {n + 1}: {seconds:6.2f} s (floor {floor[-1]:.2f} s)")
    verdicts.at_least(f"{db.label} import {cases:,}", _median_rate(cases, ours), GOAL_RATE, "cases/s",
                      floor=_median_rate(cases, floor))  # fmt: skip
    verdicts.at_most(f"{db.label} replay {cases:,}", replay, GOAL_REPLAY_S, "s")


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--cases", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    sizes = [300] if args.smoke else sorted(args.cases)
    rounds = 1 if args.smoke else args.rounds
    verdicts = Verdicts(smoke=args.smoke)
    with _world(args.smoke) as (databases, copier, days, _cluster):
        for db in databases:
            filled = 0
            index = TOWNSHIPS.index((db.township.code, db.township.identity.name))
            for size in sizes:
                if size > filled:
                    start = time.perf_counter()
                    _fill(db.township, copier, index, filled, size - filled, days, sizes[-1])
                    filled = size
                    print(f"{db.label}: township holds {_pending(db.township):,} cases"
                          f" (filled in {time.perf_counter() - start:.0f} s); {os.cpu_count()} cores")  # fmt: skip
                measure(db, _pending(db.township), rounds, verdicts)
    raise SystemExit(verdicts.finish())


if __name__ == "__main__":
    main()
