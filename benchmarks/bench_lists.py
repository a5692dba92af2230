"""The lists a desk and a supervisor open, at league size, each beside the bare SQL returning the same rows.

On a hall database built through the real path (:mod:`benchmarks.big_hall`: township packages taken in by the
hall's sync import, with materials, history, ratings and rectifications), on SQLite and on PostgreSQL:

1. open a case by number: :func:`counter.actions.cases.case_view.read_case`, what the case page (F7, the scanner) calls,
   with the day for its items' alerts (with Python's collector run between reads, as the window runs it),
   for the sample of case numbers spread over the years, first on the database as built (no ``ANALYZE``), then
   after ``ANALYZE``; p95 against 50 ms. Beside it the database's part alone
   (:func:`counter.actions.cases.case_reads.case_view`), and the floor: the bare driver reading the case by number, its
   checklist, its history, the case that continues it, its documents with their prints, its items still with their
   departments, its guide version's number and hash and its site's office settings (what the page shows), by
   hand-written SQL, checked against the page;
2. the F6 day lists: :func:`counter.actions.cases.case_reads.day_lists` for the newest day at a desk (today's cases, the
   first page of the deferrals and corrections coming due and their capped counts), median against 200 ms; floor:
   the same rows and counts by five hand-written statements on the bare driver, the page and the counts on
   PostgreSQL in a transaction under the planner settings the app walks them with
   (:func:`counter.db.case_lists.index_walk`);
3. the open rectifications (F8): :func:`counter.actions.ratings.follow_up.open_rectifications`, its first page as the
   window asks for it, median against 200 ms; floor: the same rows by one hand-written statement on the bare driver;
4. the supervisor's whole list of what is overdue (``counter case list --overdue``):
   :func:`counter.actions.cases.case_reads.case_rows` read to its end, the first row's wait against 200 ms and the
   memory it holds (Python's traced peak) against 16 MiB, whatever the backlog; floor: the bare driver walking the
   same two statements (the F6 page's, without their limit) and merging them as they come.

Ours and the floor are run in turn, round after round, on the same connection settings (SQLite WAL, the app's
pragmas; PostgreSQL on a throwaway cluster of tests/pg_server.py, without JIT compiling as the app's connections,
given a hall's memory for its buffers: ``tests.pg_server.HALL_MEMORY``, as the README asks of a hall's server), so
load on the machine falls on both alike.  ``--url`` measures on the server as it was started.

    .venv/bin/python benchmarks/bench_lists.py [--cases 5000000] [--keep FOLDER] [--only sqlite|postgresql]

``--keep`` keeps (and reuses) the SQLite hall file there, as built: building five million cases takes hours. Each
run works on a copy, so the first measurement is always of a database nobody has run ``ANALYZE`` on. PostgreSQL's
autovacuum may analyse tables while the hall is built, so there "no ANALYZE" means none asked for by the program.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import heapq
import pickle
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg
from sqlalchemy import make_url, text
from sqlalchemy.orm import Session, sessionmaker

from benchmarks.big_hall import BigHall, build, describe
from benchmarks.goals import Verdicts, arguments, percentile
from counter.access.desk import Desk
from counter.actions.cases.case_reads import DUE_COUNT_CAP, DUE_PAGE, case_rows, case_view, day_lists
from counter.actions.cases.case_view import read_case
from counter.actions.ratings.follow_up import open_rectifications
from counter.case.decisions import LAPSE_EVENTS
from counter.case.numbers import DeskIdentity
from counter.case.status import NOTE_CODES_JOIN
from counter.db.engine import make_engine, make_sessions
from counter.documents.case_page import CasePage
from tests.pg_server import HALL_MEMORY, start_cluster, stop_cluster

PAGE = 200  # the first page of the open rectifications, as the 督办 page reads it
OPEN_GOAL_MS = 50.0  # open a case, p95: what the clerk waits for after F7 or the scanner
DAY_LIST_GOAL_MS = 200.0  # the F6 lists
RECTIFICATIONS_GOAL_MS = 200.0
OVERDUE_FIRST_GOAL_MS = 200.0
OVERDUE_MEMORY_GOAL_MIB = 16.0

# --- the floors: hand-written SQL on the bare driver -----------------------------------------------------------

_CASE = 'SELECT id, guide_version_id, site_code, * FROM "case" WHERE case_no = {p}'
_GUIDE = "SELECT version, content_hash FROM guide_version WHERE id = {p}"
_SETTING = "SELECT value FROM setting WHERE key = {p}"
_LATER = 'SELECT case_no FROM "case" WHERE previous_case_id = {p}'
_ITEMS = "SELECT item_code, due_on FROM open_item WHERE case_id = {p}"
_MATERIALS = "SELECT * FROM case_material WHERE case_id = {p} ORDER BY id"
_HISTORY = "SELECT * FROM case_history WHERE case_id = {p} ORDER BY id"
_DOCUMENTS = (
    "SELECT d.id, d.doc_no, d.kind, d.issued_on,"
    " (SELECT count(*) FROM print_record p WHERE p.document_id = d.id),"
    " (SELECT count(*) FROM print_record p WHERE p.document_id = d.id AND NOT p.ok)"
    " FROM document_record d WHERE d.case_id = {p} ORDER BY d.id"
)
_NEXT_DUE = (
    "(SELECT min(m.due_on) FROM case_material m WHERE m.case_id = c.id AND m.due_on IS NOT NULL"
    " AND m.arrived_on IS NULL AND NOT EXISTS (SELECT 1 FROM case_history h WHERE h.case_id = m.case_id"
    " AND h.event IN ({lapses}) AND {find}('{j}' || h.note || '{j}', '{j}' || m.material_code || '{j}') > 0))"
)
_ROW = "c.case_no, c.status, b.name, c.applicant_name, c.received_on, c.desk_no"
_OF_DAY = (
    f'SELECT {_ROW}, {_NEXT_DUE} FROM "case" c JOIN bundle b ON b.code = c.bundle_code'
    " WHERE c.received_on = {p} AND c.site_code = {p} AND c.desk_no = {p} ORDER BY c.id"
)


def _lapsed(material: str, line: str) -> str:
    return (
        f"NOT EXISTS (SELECT 1 FROM case_history {line} WHERE {line}.case_id = {material}.case_id"
        f" AND {line}.event IN ({{lapses}}) AND {{find}}('{{j}}' || {line}.note || '{{j}}',"
        f" '{{j}}' || {material}.material_code || '{{j}}') > 0)"
    )


# a case's earliest deferred material still awaited and not lapsed, walked in due order (ix_case_material_waiting)
_WALK = (
    'FROM case_material m JOIN "case" c ON c.id = m.case_id'
    " WHERE m.due_on IS NOT NULL AND m.arrived_on IS NULL AND m.due_on <= {p} AND {awaiting}"
    f" AND {_lapsed('m', 'h1')} AND NOT EXISTS (SELECT 1 FROM case_material o WHERE o.case_id = m.case_id"
    " AND o.due_on IS NOT NULL AND o.arrived_on IS NULL"
    f" AND (o.due_on < m.due_on OR (o.due_on = m.due_on AND o.id < m.id)) AND {_lapsed('o', 'h2')})"
)
_DEFERRALS = (
    f"SELECT {_ROW}, m.due_on {_WALK}".replace(" WHERE ", " JOIN bundle b ON b.code = c.bundle_code WHERE ", 1)
    + " ORDER BY m.due_on, c.case_no LIMIT {p}"
)
_NOTICES = "WHERE {notice} AND c.correction_due IS NOT NULL AND c.correction_due <= {p}"
_CORRECTIONS = (
    f'SELECT {_ROW}, c.correction_due FROM "case" c JOIN bundle b ON b.code = c.bundle_code {_NOTICES}'
    " ORDER BY c.correction_due, c.case_no LIMIT {p}"
)
# the planner settings the app walks the waiting materials with (counter.db.case_lists.index_walk), in the floor's
# own transaction, which puts them back at its end
_WALK_SETTINGS = (
    "SELECT set_config('enable_seqscan', 'off', true), set_config('enable_sort', 'off', true),"
    " set_config('max_parallel_workers_per_gather', '0', true)"
)
_COUNTED = "SELECT count(*), sum(CASE WHEN due < {p} THEN 1 ELSE 0 END) FROM ({rows} LIMIT {p}) x"
_DEFERRALS_COUNTED = _COUNTED.replace("{rows}", f"SELECT m.due_on AS due {_WALK} ORDER BY m.due_on")
_CORRECTIONS_COUNTED = _COUNTED.replace(
    "{rows}", f'SELECT c.correction_due AS due FROM "case" c {_NOTICES} ORDER BY c.correction_due'
)
_RECTIFICATIONS = (
    "SELECT * FROM (SELECT r.id, g.case_no, g.item_name, g.desk_no, g.clerk, g.level, g.rated_at, r.opened_on,"
    " r.due_on, r.due_beyond_data,"
    " (SELECT h.state_after FROM rectification_history h WHERE h.rectification_id = r.id ORDER BY h.id DESC"
    " LIMIT 1) AS state,"
    " (SELECT max(h.fix_due) FROM rectification_history h WHERE h.rectification_id = r.id) AS fix_due"
    " FROM rectification r JOIN rating g ON g.id = r.rating_id"
    " WHERE NOT EXISTS (SELECT 1 FROM rectification_history c WHERE c.rectification_id = r.id"
    " AND c.state_after IN ('fed_back', 'voided'))) x"
    " ORDER BY CASE WHEN state = 'fix_by_deadline' AND fix_due IS NOT NULL THEN fix_due ELSE due_on END, id"
    f" LIMIT {PAGE}"
)


class Bare:
    """The bare driver on the same database: sqlite3 with the app's pragmas, or psycopg."""

    def __init__(self, url: str) -> None:
        parsed = make_url(url)
        self.postgres = parsed.get_backend_name() == "postgresql"
        if self.postgres:
            conninfo = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
            self.conn: Any = psycopg.connect(conninfo, autocommit=True, options="-c jit=off")  # as the app's
            find, mark = "strpos", "%s"
            awaiting, notice = "c.status = 'awaiting_deferred'", "c.status = 'correction_issued'"
        else:
            self.conn = sqlite3.connect(str(parsed.database), isolation_level=None)
            for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=FULL", "busy_timeout=10000"):
                self.conn.execute(f"PRAGMA {pragma}")
            find, mark = "instr", "?"
            # the app's own steering of SQLite's planner (counter.db.case_lists._due_statements), written by hand
            awaiting, notice = "coalesce(c.status, '') = 'awaiting_deferred'", "likely(c.status = 'correction_issued')"
        lapses = ", ".join(f"'{event}'" for event in sorted(LAPSE_EVENTS))
        self.sql = {
            name: template.format(lapses=lapses, find=find, j=NOTE_CODES_JOIN, p=mark, awaiting=awaiting, notice=notice)
            for name, template in _STATEMENTS.items()
        }

    def rows(self, name: str, *values: object) -> list[tuple[Any, ...]]:
        cursor = self.conn.cursor()
        cursor.execute(self.sql[name], values)
        found = list(cursor.fetchall())
        cursor.close()
        return found

    def open_case(self, case_no: str) -> tuple[int, ...]:
        """The case's continuations, checklist lines, history lines, documents, items with a date, and its guide's
        version."""
        (case,) = self.rows("case", case_no)
        case_id, version_id, site_code = case[:3]
        ((version, _digest),) = self.rows("guide", version_id)
        self.rows("setting", f"office.{site_code}")
        return (
            len(self.rows("later", case_id)), len(self.rows("materials", case_id)),
            len(self.rows("history", case_id)), len(self.rows("documents", case_id)),
            len([due for _, due in self.rows("items", case_id) if due is not None]), version,
        )  # fmt: skip

    @contextmanager
    def _walking(self) -> Iterator[None]:
        """On PostgreSQL, a transaction under the app's planner settings for the walk of what waits."""
        if not self.postgres:
            yield
            return
        with self.conn.transaction():
            self.conn.execute(_WALK_SETTINGS)
            yield

    def day_lists(
        self, day: dt.date, site_code: str, desk_no: str, soon_until: dt.date
    ) -> tuple[list[str], list[str], tuple[int, int]]:
        """The day's cases, the first page coming due, and the two counts capped as the window's are."""
        of_day = [r[0] for r in self.rows("of_day", day, site_code, desk_no)]
        with self._walking():
            due = self.rows("deferrals", soon_until, DUE_PAGE) + self.rows("corrections", soon_until, DUE_PAGE)
            counts = [
                self.rows(name, day, soon_until, DUE_COUNT_CAP)[0] for name in ("due_deferrals", "due_corrections")
            ]
        page = [r[0] for r in sorted(due, key=lambda r: (r[-1], r[0]))[:DUE_PAGE]]
        return of_day, page, (sum(int(n) for n, _ in counts), sum(int(late or 0) for _, late in counts))

    def overdue(self, last_day: dt.date) -> Iterator[tuple[Any, ...]]:
        """Every deferral and correction notice due by ``last_day``, the two walks merged as they come (by due date,
        then number), on PostgreSQL through server-side cursors as the app's; the statements are sent at the first
        row asked for, as the app's are."""
        walks = ("whole_deferrals", "whole_corrections")
        with self._walking():
            if self.postgres:
                cursors = [self.conn.cursor(name=f"overdue_{n}") for n in range(2)]
                for name, cursor in zip(walks, cursors, strict=True):
                    cursor.itersize = 500
                    cursor.execute(self.sql[name], (last_day,))
            else:
                cursors = [self.conn.execute(self.sql[name], (last_day,)) for name in walks]
            try:
                yield from heapq.merge(*cursors, key=lambda r: (r[-1], r[0]))
            finally:
                for cursor in cursors:
                    cursor.close()

    def close(self) -> None:
        self.conn.close()


_STATEMENTS = {
    "case": _CASE, "guide": _GUIDE, "setting": _SETTING,
    "later": _LATER, "materials": _MATERIALS, "history": _HISTORY, "documents": _DOCUMENTS, "items": _ITEMS,
    "newest": 'SELECT received_on, site_code, desk_no FROM "case" ORDER BY id DESC LIMIT 1', "of_day": _OF_DAY,
    "deferrals": _DEFERRALS, "corrections": _CORRECTIONS, "rectifications": _RECTIFICATIONS,
    "due_deferrals": _DEFERRALS_COUNTED, "due_corrections": _CORRECTIONS_COUNTED,
    "whole_deferrals": _DEFERRALS.replace(" LIMIT {p}", ""),
    "whole_corrections": _CORRECTIONS.replace(" LIMIT {p}", ""),
}  # fmt: skip


# --- timing ------------------------------------------------------------------------------------------------------


def _ms(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return (time.perf_counter() - start) * 1000


@contextmanager
def _window_collector() -> Iterator[Callable[[], None]]:
    """Python's collector as the window runs it (:mod:`counter.ui.door.collector`): automatic collection off, and a
    collection by the collector's own thresholds between two reads, as the window's timer does it, never inside
    a read.  Ours and the floor are timed under it alike; with automatic collection the reads' p95 measured the
    collector's pauses over this process's heap (the hall it built), which the window does not pay there."""
    first, second, third = gc.get_threshold()

    def collect() -> None:
        young, middle, old = gc.get_count()
        if young > first:
            gc.collect(0)
            if middle > second:
                gc.collect(1)
                if old > third:
                    gc.collect(2)

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield collect
    finally:
        if was_enabled:
            gc.enable()


def _read(sessions: sessionmaker[Session], action: Callable[[Session], Any]) -> Callable[[], Any]:
    """The action in its own unit of work, as the window's runner gives it one for each read."""

    def run() -> Any:
        with sessions() as session:
            return action(session)

    return run


def _shown(page: CasePage | None) -> tuple[int, ...]:
    """What :meth:`Bare.open_case` counts, of the case page."""
    assert page is not None
    assert page.notices is not None
    view = page.view
    later = 1 if view.later_case_no else 0
    dated = len([item for item in page.items if item.due_on is not None])
    return later, len(view.materials), len(view.history), len(page.notices.lines), dated, view.guide_version


def bench_open(
    verdicts: Verdicts, label: str, sessions: sessionmaker[Session], bare: Bare, numbers: list[str], today: dt.date
) -> None:
    ours: list[float] = []
    database: list[float] = []
    floor: list[float] = []
    with _window_collector() as collect:
        for number in numbers:  # in turn: the load of the moment falls on all three
            ours.append(_ms(_read(sessions, partial(read_case, case_no=number, today=today))))
            collect()
            database.append(_ms(_read(sessions, partial(case_view, case_no=number))))
            collect()
            floor.append(_ms(partial(bare.open_case, number)))
            collect()
    warm = slice(min(20, len(numbers) // 10), None)
    p95, p95_db, p95_floor = (percentile(times[warm], 0.95) for times in (ours, database, floor))
    print(f"  {label}: the case view alone p95 {p95_db:.2f} ms; medians {statistics.median(ours):.2f} /"
          f" {statistics.median(database):.2f} / {statistics.median(floor):.2f} ms")  # fmt: skip
    verdicts.at_most(f"{label}: open a case by number, p95", p95, OPEN_GOAL_MS, floor=p95_floor)


def _newest(bare: Bare) -> tuple[dt.date, str, str]:
    """The newest case's day, site and desk (SQLite gives the day as text)."""
    ((day, site_code, desk_no),) = bare.rows("newest")
    return day if isinstance(day, dt.date) else dt.date.fromisoformat(day), site_code, desk_no


def bench_day_list(
    verdicts: Verdicts, label: str, sessions: sessionmaker[Session], bare: Bare, hall: BigHall, rounds: int
) -> None:
    # the newest case's day and desk: a desk's day with cases (the hall's own desks took none)
    day, site_code, desk_no = _newest(bare)
    desk = Desk(DeskIdentity(site_code, desk_no), "测试")
    with sessions() as session:
        lists = day_lists(session, day, desk)
    of_day, due, counts = bare.day_lists(day, site_code, desk_no, lists.soon_until)
    assert [r.case_no for r in lists.of_day] == of_day, "the floor must return the same rows"
    assert [r.case_no for r in lists.due] == due, "the floor must return the same rows"
    assert (lists.due_count, lists.due_overdue) == counts, "the floor must count the same"
    ours, floor = [], []
    for _ in range(rounds):
        ours.append(_ms(_read(sessions, lambda unit: day_lists(unit, day, desk))))
        floor.append(_ms(lambda: bare.day_lists(day, site_code, desk_no, lists.soon_until)))
    more = "" if lists.due_counted_all else " or more"
    print(f"  {label}: F6 on {day} at {site_code} desk {desk_no}: {len(of_day)} cases of the day,"
          f" the first {len(due)} of {lists.due_count}{more} coming due ({lists.due_overdue} overdue)")  # fmt: skip
    verdicts.at_most(
        f"{label}: F6 day lists, median", statistics.median(ours), DAY_LIST_GOAL_MS, floor=statistics.median(floor)
    )


def bench_rectifications(
    verdicts: Verdicts, label: str, sessions: sessionmaker[Session], bare: Bare, rounds: int
) -> None:
    with sessions() as session:
        page = open_rectifications(session, limit=PAGE)
    assert [r.rectification_id for r in page] == [r[0] for r in bare.rows("rectifications")], "not the same rows"
    ours, floor = [], []
    for _ in range(rounds):
        ours.append(_ms(_read(sessions, lambda unit: open_rectifications(unit, limit=PAGE))))
        floor.append(_ms(lambda: bare.rows("rectifications")))
    print(f"  {label}: the first {len(page)} open rectifications")
    verdicts.at_most(
        f"{label}: open rectifications (F8), first page, median", statistics.median(ours), RECTIFICATIONS_GOAL_MS,
        floor=statistics.median(floor),
    )  # fmt: skip


def _first_and_all(rows: Iterator[Any]) -> tuple[float, float, int]:
    """Milliseconds to the first row and to the last, and how many rows."""
    start = time.perf_counter()
    first = next(rows, None)
    at_first = time.perf_counter()
    count = 0 if first is None else 1 + sum(1 for _ in rows)
    return (at_first - start) * 1000, (time.perf_counter() - start) * 1000, count


def _traced_peak_mib(work: Callable[[], object]) -> float:
    """The most memory Python's allocations held at once while ``work`` ran, above what they held before it."""
    tracemalloc.start()
    try:
        work()
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 2**20


def bench_overdue(verdicts: Verdicts, label: str, sessions: sessionmaker[Session], bare: Bare, rounds: int) -> None:
    ((day, _site, _desk),) = bare.rows("newest")
    today = (day if isinstance(day, dt.date) else dt.date.fromisoformat(day)) + dt.timedelta(days=1)

    def ours() -> tuple[float, float, int]:
        with sessions() as session:
            return _first_and_all(case_rows(session, today, overdue=True))

    def floor() -> tuple[float, float, int]:
        return _first_and_all(bare.overdue(today - dt.timedelta(days=1)))

    mine, theirs = [], []
    for _ in range(max(3, rounds // 5)):  # in turn; each reads the whole backlog
        mine.append(ours())
        theirs.append(floor())
    count = mine[0][2]
    assert all(m[2] == count for m in mine + theirs), "the floor must list the same rows"
    peak, peak_floor = _traced_peak_mib(ours), _traced_peak_mib(floor)
    whole, whole_floor = (statistics.median(t[1] for t in times) for times in (mine, theirs))
    print(f"  {label}: {count:,} overdue listed whole in {whole:.0f} ms (floor {whole_floor:.0f} ms)")
    verdicts.at_most(
        f"{label}: the overdue list's first row (case list --overdue), median", statistics.median(m[0] for m in mine),
        OVERDUE_FIRST_GOAL_MS, floor=statistics.median(t[0] for t in theirs),
    )  # fmt: skip
    verdicts.at_most(
        f"{label}: the overdue list read whole, memory held", peak, OVERDUE_MEMORY_GOAL_MIB, "MiB", floor=peak_floor
    )


def bench_hall(verdicts: Verdicts, label: str, hall: BigHall, rounds: int, opened: int) -> None:
    engine = make_engine(hall.url)
    sessions = make_sessions(engine)
    bare = Bare(hall.url)
    try:
        numbers = list(hall.sample_case_nos)[:opened]
        print(f"{label}: {hall.cases:,} cases, {hall.rectifications:,} rectifications"
              f" ({hall.open_rectifications:,} open), {len(numbers)} case numbers to open")  # fmt: skip
        today = _newest(bare)[0]  # the page is read for a day: its items' alerts
        with sessions() as session:  # once untimed: the first timed pass would pay for reading the file from disk
            for number in numbers:
                page = read_case(session, number, today)
                assert bare.open_case(number) == _shown(page), "the floor must read the same"
        bench_open(verdicts, f"{label}, no ANALYZE", sessions, bare, numbers, today)
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))
        bench_open(verdicts, f"{label}, after ANALYZE", sessions, bare, numbers, today)
        bench_day_list(verdicts, label, sessions, bare, hall, rounds)
        bench_rectifications(verdicts, label, sessions, bare, rounds)
        bench_overdue(verdicts, label, sessions, bare, rounds)
    finally:
        bare.close()
        engine.dispose()


# --- the halls ---------------------------------------------------------------------------------------------------


@contextmanager
def sqlite_hall(cases: int, keep: Path | None, folder: Path) -> Iterator[BigHall]:
    if keep is None:
        yield build(f"sqlite:///{folder / 'hall.sqlite3'}", cases, work=folder / "work")
        return
    keep.mkdir(parents=True, exist_ok=True)
    path, described = keep / f"hall-{cases}.sqlite3", keep / f"hall-{cases}.pickle"
    if not path.exists():
        hall = build(f"sqlite:///{folder / 'hall.sqlite3'}", cases, work=folder / "work")
        shutil.copyfile(folder / "hall.sqlite3", path)
        described.write_bytes(pickle.dumps(hall))
    kept: BigHall = pickle.loads(described.read_bytes())  # written by this program, just above
    copy = folder / "kept.sqlite3"  # the run analyses its hall: the kept file stays as built, never analysed
    shutil.copyfile(path, copy)
    yield dataclasses.replace(kept, url=f"sqlite:///{copy}")


@contextmanager
def postgres_hall(cases: int, folder: Path) -> Iterator[BigHall]:
    cluster = start_cluster(settings=HALL_MEMORY)  # its own folder, which the postgres user may enter; a hall's memory
    try:
        admin = make_engine(cluster.url("postgres"))
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("CREATE DATABASE hall"))
        admin.dispose()
        yield build(cluster.url("hall"), cases, work=folder / "work-pg")
    finally:
        stop_cluster(cluster)


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--cases", type=int, default=5_000_000)
    parser.add_argument("--keep", type=Path, help="keep and reuse the SQLite hall file in this folder")
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    parser.add_argument(
        "--url", help="measure a hall built before by big_hall.py (SQLite file or PostgreSQL database) instead"
    )
    args = parser.parse_args()
    cases = 2_000 if args.smoke else args.cases
    rounds, opened = (3, 60) if args.smoke else (15, 1000)
    verdicts = Verdicts(smoke=args.smoke)
    if args.url:
        hall = describe(args.url)
        if hall.url.startswith("sqlite"):
            # as built: a kept file may have been analysed by an earlier run, and "no ANALYZE" must mean none
            with make_engine(hall.url).begin() as conn:
                if conn.scalar(text("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")):
                    conn.execute(text("DELETE FROM sqlite_stat1"))
        name = "SQLite" if hall.url.startswith("sqlite") else "PostgreSQL"
        bench_hall(verdicts, f"{name} {hall.cases:,}", hall, rounds, opened)
        raise SystemExit(verdicts.finish())
    with tempfile.TemporaryDirectory(prefix="bench-lists-") as tmp:
        folder = Path(tmp)
        if args.only != "postgresql":
            with sqlite_hall(cases, args.keep, folder) as hall:
                bench_hall(verdicts, f"SQLite {cases:,}", hall, rounds, opened)
        if args.only != "sqlite":
            with postgres_hall(cases, folder) as hall:
                bench_hall(verdicts, f"PostgreSQL {cases:,}", hall, rounds, opened)
    raise SystemExit(verdicts.finish())


if __name__ == "__main__":
    main()
