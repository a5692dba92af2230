"""The items at their departments, at league size: routed and stepped through the real path, then read.

On a hall built through the real path (:mod:`benchmarks.big_hall`: township packages taken in by the hall's sync
import), on SQLite and on PostgreSQL:

1. the items of the newest ``--routed`` cases still in the hall's hands (accepted, 容缺 accepted, in approval: the
   work in hand of a busy league) are routed to their departments, each case in its own unit of work as the window
   routes it (:func:`counter.actions.cases.item_steps.route_items`: the history lines, their audit entries, the case's
   ``open_item`` rows rewritten from its history).  Beside each case, in turn, the floor: the bare driver on a copy
   of the hall as it was, in one transaction as durable, reading the case (locked), its history and its audit
   chain's head, and writing the same history lines, audit entries and ``open_item`` rows.  Per-case medians, for
   the record (no goal is set for it);
2. most of the routed items are signed for at their departments and some of those paused
   (:func:`counter.actions.cases.item_steps.take_item_step`, one step per unit of work), so the queue holds every state
   and paused rows; the step's cost is printed for the record;
3. the reads, ours and the floor in turn, round after round, each floor the bare driver's hand-written SQL returning
   the same rows (checked equal once):
   :func:`counter.actions.cases.item_queue.department_queue` for the department holding the most items (部门待办,
   median and p95; goal median <= 20 ms); :func:`~counter.actions.cases.item_queue.coming_due` with
   :func:`~counter.actions.cases.item_queue.due_counts` (事项督办 as the window reads it: its first page and how many
   there are in all; goal median <= 50 ms); :func:`~counter.actions.cases.item_queue.department_loads` (for the
   record); and
   :func:`counter.db.figure_store.item_lines` for the newest month by each grouping (部门在办/事项逾期 of the
   figures; goal: the slowest grouping's median <= 200 ms).  The reads are measured on the database as routed
   (no ``ANALYZE`` asked for), then after ``ANALYZE``.

SQLite runs with the app's pragmas (WAL, ``synchronous=FULL``); PostgreSQL on a throwaway cluster of
tests/pg_server.py started durable (``fsync`` on, as a hall's server), without JIT compiling as the app's
connections.

    .venv/bin/python benchmarks/bench_items.py [--cases 200000] [--routed 5000] [--rounds 30] [--keep FOLDER]
        [--only sqlite|postgresql]

``--keep`` keeps (and reuses) the SQLite hall file there, as built (bench_lists.py's files are the same); each run
routes a copy.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import pickle
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg
from sqlalchemy import make_url, text
from sqlalchemy.orm import Session, sessionmaker

from benchmarks.big_hall import BigHall, build
from benchmarks.goals import Verdicts, arguments, percentile
from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.item_authority import set_entrustment
from counter.actions.cases.item_queue import (
    DUE_PAGE_MOST,
    QUEUE_MOST,
    coming_due,
    department_loads,
    department_queue,
    due_counts,
)
from counter.actions.cases.item_steps import route_items, take_item_step
from counter.actions.cases.item_track import IN_HAND
from counter.case.item_lines import office_day
from counter.case.item_path import ItemEvent, PauseReason
from counter.case.item_queue import QueueRow
from counter.case.item_step_request import StepRequest
from counter.case.numbers import DeskIdentity
from counter.db.engine import make_engine, make_sessions
from counter.db.figure_store import item_lines
from counter.ratings.figures import Grouping
from tests.pg_server import HALL_MEMORY, start_cluster, stop_cluster

QUEUE_GOAL_MS = 20.0
COMING_DUE_GOAL_MS = 50.0
ITEM_LINES_GOAL_MS = 200.0
PAUSE_EVERY = 12  # one routed item in so many (signed for first) is paused (现场核查)
UNSIGNED_EVERY = 6  # one routed item in so many is left unsigned

# --- the floors: hand-written SQL on the bare driver -----------------------------------------------------------

_ROW = (
    "c.case_no, c.applicant_name, b.name, o.item_code, o.item_name, o.department, o.state, o.routed_on, o.due_on,"
    " o.legal_due, o.promised_due, o.paused_since"
)
_JOINED = 'FROM open_item o JOIN "case" c ON c.id = o.case_id JOIN bundle b ON b.code = c.bundle_code'
# the department's rows ordered and cut alone, then joined to their cases (a busy department holds thousands)
_QUEUE_ORDER = "ORDER BY o.due_on NULLS LAST, o.routed_on, o.case_id, o.item_code"
_QUEUE = (
    f"SELECT {_ROW} FROM (SELECT * FROM open_item o WHERE o.department = {{p}} {_QUEUE_ORDER} LIMIT {{p}}) o"
    f' JOIN "case" c ON c.id = o.case_id JOIN bundle b ON b.code = c.bundle_code {_QUEUE_ORDER}'
)
# the reminders as the window reads them: the first page, ordered and cut alone, then joined; and how many in all
_DUE_ORDER = "ORDER BY o.due_on, o.case_id, o.item_code"
_COMING_DUE = (
    f"SELECT {_ROW} FROM (SELECT * FROM open_item o WHERE o.due_on <= {{p}} {_DUE_ORDER} LIMIT {{p}}) o"
    f' JOIN "case" c ON c.id = o.case_id JOIN bundle b ON b.code = c.bundle_code {_DUE_ORDER}'
)
_DUE_COUNTS = (
    "SELECT count(*), coalesce(sum(CASE WHEN due_on < {p} THEN 1 ELSE 0 END), 0) FROM open_item WHERE due_on <= {p}"
)
_LOADS = (
    "SELECT department, count(*), sum(CASE WHEN due_on < {p} THEN 1 ELSE 0 END) FROM open_item"
    " GROUP BY department ORDER BY department"
)
_LINE_KEYS = {
    Grouping.DAY: "c.received_on",
    Grouping.DESK: "c.site_code, c.desk_no",
    Grouping.CLERK: "c.clerk",
    Grouping.BUNDLE: "c.bundle_code",
    Grouping.SITE: "c.site_code",
}
_LINES = (
    "SELECT {keys}, count(*), coalesce(sum(CASE WHEN o.due_on < {p} THEN 1 ELSE 0 END), 0)"
    ' FROM open_item o JOIN "case" c ON c.id = o.case_id WHERE c.received_on BETWEEN {p} AND {p} GROUP BY {keys}'
)
# the routing's floor: what the step reads and writes, for one case
_CASE = 'SELECT id, status FROM "case" WHERE case_no = {p}'
_HISTORY = "SELECT * FROM case_history WHERE case_id = {p} ORDER BY id"
_CHAIN_HEAD = "SELECT seq, hash FROM audit_entry WHERE chain = {p} ORDER BY seq DESC LIMIT 1"
_UNTRACK = "DELETE FROM open_item WHERE case_id = {p}"


class Bare:
    """The bare driver on one database: sqlite3 with the app's pragmas, or psycopg (no JIT, as the app's)."""

    def __init__(self, url: str) -> None:
        parsed = make_url(url)
        self.postgres = parsed.get_backend_name() == "postgresql"
        if self.postgres:
            conninfo = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
            self.conn: Any = psycopg.connect(conninfo, autocommit=True, options="-c jit=off")
            self.mark = "%s"
        else:
            self.conn = sqlite3.connect(str(parsed.database), isolation_level=None)
            for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=FULL", "busy_timeout=10000"):
                self.conn.execute(f"PRAGMA {pragma}")
            self.mark = "?"
        self.sql = {name: sql.replace("{p}", self.mark) for name, sql in _STATEMENTS.items()}
        for grouping, keys in _LINE_KEYS.items():
            self.sql[f"lines/{grouping.value}"] = _LINES.replace("{keys}", keys).replace("{p}", self.mark)

    def rows(self, name: str, *values: object) -> list[tuple[Any, ...]]:
        cursor = self.conn.cursor()
        cursor.execute(self.sql[name], values)
        found = list(cursor.fetchall())
        cursor.close()
        return found

    def table_rows(self, sql: str, *values: object) -> tuple[list[str], list[tuple[Any, ...]]]:
        cursor = self.conn.cursor()
        cursor.execute(sql.replace("{p}", self.mark), values)
        names = [d[0] for d in cursor.description]
        found = list(cursor.fetchall())
        cursor.close()
        return names, found

    def route(self, case_no: str, chain: str, written: dict[str, tuple[list[str], list[tuple[Any, ...]]]]) -> None:
        """One case routed by hand: the case locked and read with its history and the audit chain's head, then the
        lines, entries and open items the app wrote for it inserted, in one transaction."""
        cursor = self.conn.cursor()
        cursor.execute("BEGIN" if self.postgres else "BEGIN IMMEDIATE")
        try:
            cursor.execute(self.sql["case"] + (" FOR UPDATE" if self.postgres else ""), (case_no,))
            case_id, _status = cursor.fetchone()
            cursor.execute(self.sql["history"], (case_id,))
            cursor.fetchall()
            cursor.execute(self.sql["chain_head"], (chain,))
            cursor.fetchall()
            for table in ("case_history", "audit_entry"):
                self._insert(cursor, table, *written[table])
            cursor.execute(self.sql["untrack"], (case_id,))
            self._insert(cursor, "open_item", *written["open_item"])
            cursor.execute("COMMIT")
        except BaseException:
            cursor.execute("ROLLBACK")
            raise
        finally:
            cursor.close()

    def _insert(self, cursor: Any, table: str, names: list[str], rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        marks = ", ".join([self.mark] * len(names))
        cursor.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", rows)

    def close(self) -> None:
        self.conn.close()


_STATEMENTS = {
    "queue": _QUEUE, "coming_due": _COMING_DUE, "due_counts": _DUE_COUNTS, "loads": _LOADS,
    "case": _CASE, "history": _HISTORY, "chain_head": _CHAIN_HEAD, "untrack": _UNTRACK,
}  # fmt: skip


# --- what is compared ----------------------------------------------------------------------------------------------


def _day(value: object) -> str | None:
    """A date as the bare drivers give it (SQLite: ISO text; psycopg: a date), as ISO text."""
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _plain_ours(row: QueueRow) -> tuple[Any, ...]:
    return (row.case_no, row.applicant_name, row.bundle_name, row.item_code, row.item_name, row.department,
            row.state.value, *(_day(d) for d in (row.routed_on, row.due_on, row.legal_due, row.promised_due,
                                                   row.paused_since)))  # fmt: skip


def _plain_floor(row: Sequence[Any]) -> tuple[Any, ...]:
    return (*row[:7], *(_day(d) for d in row[7:]))


# --- timing ------------------------------------------------------------------------------------------------------


def _ms(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return (time.perf_counter() - start) * 1000


def _read(sessions: sessionmaker[Session], action: Callable[[Session], Any]) -> Callable[[], Any]:
    """The action in its own unit of work, as the window's runner gives it one for each read."""

    def run() -> Any:
        with sessions() as session:
            return action(session)

    return run


def _interleaved(
    rounds: int, ours: Callable[[], object], floor: Callable[[], object]
) -> tuple[list[float], list[float]]:
    mine, theirs = [], []
    for _ in range(rounds):
        mine.append(_ms(ours))
        theirs.append(_ms(floor))
    return mine, theirs


# --- routing and steps -----------------------------------------------------------------------------------------


@dataclasses.dataclass
class Routed:
    case_nos: list[str]
    items: list[tuple[str, str]]  # (case number, item code) of every item routed
    ours_ms: list[float]
    floor_ms: list[float]


def _in_hand(bare: Bare, count: int) -> list[str]:
    """The newest ``count`` cases still in the hall's hands: the work a busy league holds."""
    marks = ", ".join([bare.mark] * len(IN_HAND))
    _names, rows = bare.table_rows(
        f'SELECT case_no FROM "case" WHERE status IN ({marks}) ORDER BY id DESC LIMIT {bare.mark}',
        *sorted(IN_HAND), count,
    )  # fmt: skip
    return [r[0] for r in rows]


def route(sessions: sessionmaker[Session], probe: Bare, floor: Bare, desk: Desk, case_nos: list[str]) -> Routed:
    """Each case routed by the app, then the same rows written by the bare driver on the copy, in turn."""
    now = dt.datetime.now(dt.UTC)
    (top,) = probe.table_rows("SELECT coalesce(max(id), 0) FROM case_history")[1]
    (top_audit,) = probe.table_rows("SELECT coalesce(max(id), 0) FROM audit_entry")[1]
    history_id, audit_id = top[0], top_audit[0]
    items: list[tuple[str, str]] = []
    ours_ms, floor_ms = [], []
    for case_no in case_nos:
        start = time.perf_counter()
        with sessions.begin() as session:
            codes = route_items(session, desk, case_no, now)
        ours_ms.append((time.perf_counter() - start) * 1000)
        items.extend((case_no, code) for code in codes)
        written = {
            "case_history": probe.table_rows("SELECT * FROM case_history WHERE id > {p} ORDER BY id", history_id),
            "audit_entry": probe.table_rows("SELECT * FROM audit_entry WHERE id > {p} ORDER BY id", audit_id),
            "open_item": probe.table_rows(
                'SELECT o.* FROM open_item o JOIN "case" c ON c.id = o.case_id WHERE c.case_no = {p}', case_no
            ),
        }
        lines, entries = written["case_history"][1], written["audit_entry"][1]
        assert len(lines) == len(entries) == len(codes) == len(written["open_item"][1]), "one line, entry, row each"
        if lines:
            history_id = lines[-1][0]
            audit_id = entries[-1][0]
        chain = str(entries[0][written["audit_entry"][0].index("chain")]) if entries else ""
        floor_ms.append(_ms(partial(floor.route, case_no, chain, written)))
    return Routed(case_nos, items, ours_ms, floor_ms)


def take_steps(sessions: sessionmaker[Session], desk: Desk, items: list[tuple[str, str]]) -> tuple[list[float], int]:
    """Most items signed for at their departments, one in :data:`PAUSE_EVERY` then paused; the signatures' times."""
    now = dt.datetime.now(dt.UTC)
    times: list[float] = []
    paused = 0
    sign, pause = (
        StepRequest(ItemEvent.SIGNED),
        StepRequest(ItemEvent.PAUSED, PauseReason.INSPECTION, reason="现场核查"),
    )
    for n, (case_no, code) in enumerate(items):
        if n % UNSIGNED_EVERY == UNSIGNED_EVERY - 1:
            continue
        start = time.perf_counter()
        with sessions.begin() as session:
            take_item_step(session, desk, case_no, code, sign, now)
        times.append((time.perf_counter() - start) * 1000)
        if n % PAUSE_EVERY == 0:
            with sessions.begin() as session:
                take_item_step(session, desk, case_no, code, pause, now)
            paused += 1
    return times, paused


# --- the reads ---------------------------------------------------------------------------------------------------


def bench_reads(verdicts: Verdicts, label: str, sessions: sessionmaker[Session], bare: Bare, rounds: int) -> None:
    today = office_day(dt.datetime.now(dt.UTC))
    with sessions() as session:
        loads = department_loads(session, today)
        by = office_calendar(session).add_working_days(today, 1).date
    assert [(d.department, d.items, d.overdue) for d in loads] == [
        (d, n, int(late or 0)) for d, n, late in bare.rows("loads", today)
    ], "the floor must count the same"
    busiest = max(loads, key=lambda d: (d.items, d.department))
    department = busiest.department
    print(f"  {label}: {sum(d.items for d in loads):,} items open at {len(loads)} departments;"
          f" the busiest, {department}, holds {busiest.items:,} ({busiest.overdue:,} overdue)")  # fmt: skip

    def queue(session: Session) -> tuple[QueueRow, ...]:
        return department_queue(session, department, today)

    with sessions() as session:
        mine = [_plain_ours(r) for r in queue(session)]
        coming = [_plain_ours(r) for r in coming_due(session, today, most=DUE_PAGE_MOST)]
        due, _overdue = due_counts(session, today)
    assert mine == [_plain_floor(r) for r in bare.rows("queue", department, QUEUE_MOST)], "not the same rows"
    assert coming == [_plain_floor(r) for r in bare.rows("coming_due", by, DUE_PAGE_MOST)], "not the same rows"
    assert [(due, _overdue)] == [tuple(int(n) for n in r) for r in bare.rows("due_counts", today, by)]
    paused = sum(1 for r in mine if r[6] == "paused")
    print(f"  {label}: the queue shows {len(mine)} rows ({paused} paused); {due:,} items due by {by} or"
          f" overdue, the reminders show the first {len(coming)}")  # fmt: skip

    ours, floor = _interleaved(
        rounds, _read(sessions, queue), lambda: bare.rows("queue", department, QUEUE_MOST)
    )  # fmt: skip
    median, median_floor = statistics.median(ours), statistics.median(floor)
    print(f"  {label}: 部门待办 p95 {percentile(ours, 0.95):.2f} ms (floor {percentile(floor, 0.95):.2f} ms)")
    verdicts.at_most(f"{label}: department queue (部门待办), median", median, QUEUE_GOAL_MS, floor=median_floor)

    def reminders(session: Session) -> object:
        """事项督办 as the window reads it: the first page and the counts (counter.ui.cases.item_queue_page)."""
        return coming_due(session, today, most=DUE_PAGE_MOST), due_counts(session, today)

    def reminders_floor() -> object:
        return bare.rows("coming_due", by, DUE_PAGE_MOST), bare.rows("due_counts", today, by)

    ours, floor = _interleaved(rounds, _read(sessions, reminders), reminders_floor)
    verdicts.at_most(
        f"{label}: coming due (事项督办), median", statistics.median(ours), COMING_DUE_GOAL_MS,
        floor=statistics.median(floor),
    )  # fmt: skip
    ours, floor = _interleaved(
        rounds, _read(sessions, lambda s: department_loads(s, today)), lambda: bare.rows("loads", today)
    )  # fmt: skip
    verdicts.record(f"{label}: department loads, median", statistics.median(ours), floor=statistics.median(floor))
    bench_item_lines(verdicts, label, sessions, bare, rounds, today)


def bench_item_lines(
    verdicts: Verdicts, label: str, sessions: sessionmaker[Session], bare: Bare, rounds: int, today: dt.date
) -> None:
    (newest,) = bare.table_rows('SELECT max(received_on) FROM "case"')[1]
    last = newest[0] if isinstance(newest[0], dt.date) else dt.date.fromisoformat(newest[0])
    first = last.replace(day=1)
    worst: tuple[float, float, Grouping] | None = None
    said = []
    for grouping in Grouping:
        name = f"lines/{grouping.value}"
        with sessions() as session:
            lines = item_lines(session, first, last, grouping, today)
        width = len(_LINE_KEYS[grouping].split(","))
        theirs = sorted(
            (tuple(_day(v) if isinstance(v, dt.date) else str(v) for v in r[:width]), int(r[width]), int(r[width + 1]))
            for r in bare.rows(name, today, first, last)
        )  # fmt: skip
        assert sorted((line.part, line.open, line.overdue) for line in lines) == theirs, f"not the same: {grouping}"

        def ours(session: Session, by: Grouping = grouping) -> object:
            return item_lines(session, first, last, by, today)

        mine, floor = _interleaved(rounds, _read(sessions, ours), partial(bare.rows, name, today, first, last))
        median, median_floor = statistics.median(mine), statistics.median(floor)
        said.append(f"{grouping.value} {median:.1f} ({median_floor:.1f})")
        if worst is None or median > worst[0]:
            worst = (median, median_floor, grouping)
    assert worst is not None
    print(f"  {label}: items at their departments, {first} … {last}, medians (floor), ms: {'; '.join(said)}")
    verdicts.at_most(
        f"{label}: the month's items at their departments (figures), slowest grouping ({worst[2].value}), median",
        worst[0], ITEM_LINES_GOAL_MS, floor=worst[1],
    )  # fmt: skip


def bench_hall(verdicts: Verdicts, label: str, hall: BigHall, floor_url: str, routed: int, rounds: int) -> None:
    engine = make_engine(hall.url)
    sessions = make_sessions(engine)
    probe, floor = Bare(hall.url), Bare(floor_url)
    desk = Desk(DeskIdentity(hall.hall, "1"), "分发员")
    try:
        case_nos = _in_hand(probe, routed)
        print(f"{label}: {hall.cases:,} cases; routing the items of the newest {len(case_nos):,} in hand")
        done = route(sessions, probe, floor, desk, case_nos)
        per_item = len(done.items) / max(1, len(case_nos))
        print(f"  {label}: {len(done.items):,} items routed ({per_item:.1f} a case), per case p95"
              f" {percentile(done.ours_ms, 0.95):.2f} ms (floor {percentile(done.floor_ms, 0.95):.2f} ms)")  # fmt: skip
        verdicts.record(
            f"{label}: routing a case's items (route_items), median", statistics.median(done.ours_ms),
            floor=statistics.median(done.floor_ms),
        )  # fmt: skip
        # the departments' signatures recorded at the hall's window under their written 授权, as a hall without
        # department desks takes them: the step asks the authority rule as every department's does
        with sessions.begin() as session:
            for code in sorted({code for _, code in done.items}):
                set_entrustment(session, desk, hall.hall, code, "兴政服授〔2026〕1号")
        steps, paused = take_steps(sessions, desk, done.items)
        print(f"  {label}: {len(steps):,} items signed for, {paused:,} of them paused")
        verdicts.record(f"{label}: signing for an item (take_item_step), median", statistics.median(steps))
        bench_reads(verdicts, f"{label}, no ANALYZE", sessions, probe, rounds)
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))
        bench_reads(verdicts, f"{label}, after ANALYZE", sessions, probe, rounds)
    finally:
        probe.close()
        floor.close()
        engine.dispose()


# --- the halls ---------------------------------------------------------------------------------------------------


@contextmanager
def sqlite_hall(cases: int, keep: Path | None, folder: Path) -> Iterator[tuple[BigHall, str]]:
    """The hall (a copy of the kept one, with ``--keep``) and a copy of it for the floor's routing."""
    if keep is None:
        hall = build(f"sqlite:///{folder / 'hall.sqlite3'}", cases, work=folder / "work")
    else:
        keep.mkdir(parents=True, exist_ok=True)
        path, described = keep / f"hall-{cases}.sqlite3", keep / f"hall-{cases}.pickle"
        if not path.exists():
            built = build(f"sqlite:///{folder / 'hall.sqlite3'}", cases, work=folder / "work")
            shutil.copyfile(folder / "hall.sqlite3", path)
            described.write_bytes(pickle.dumps(built))
        kept: BigHall = pickle.loads(described.read_bytes())  # written by this program (or bench_lists.py)
        shutil.copyfile(path, folder / "hall.sqlite3")
        hall = dataclasses.replace(kept, url=f"sqlite:///{folder / 'hall.sqlite3'}")
    shutil.copyfile(folder / "hall.sqlite3", folder / "floor.sqlite3")
    yield hall, f"sqlite:///{folder / 'floor.sqlite3'}"


@contextmanager
def postgres_hall(cases: int, folder: Path) -> Iterator[tuple[BigHall, str]]:
    cluster = start_cluster(durable=True, settings=HALL_MEMORY)  # routing commits: as durable as SQLite's FULL
    try:
        admin = make_engine(cluster.url("postgres"))
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("CREATE DATABASE hall"))
            hall = build(cluster.url("hall"), cases, work=folder / "work-pg")
            conn.execute(text("CREATE DATABASE floor TEMPLATE hall"))
        admin.dispose()
        yield hall, cluster.url("floor")
    finally:
        stop_cluster(cluster)


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--routed", type=int, default=5_000, help="cases in hand whose items are routed")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--keep", type=Path, help="keep and reuse the SQLite hall file in this folder")
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    args = parser.parse_args()
    cases, routed, rounds = (3_000, 50, 3) if args.smoke else (args.cases, args.routed, args.rounds)
    verdicts = Verdicts(smoke=args.smoke)
    with tempfile.TemporaryDirectory(prefix="bench-items-") as tmp:
        folder = Path(tmp)
        if args.only != "postgresql":
            with sqlite_hall(cases, args.keep, folder) as (hall, floor_url):
                bench_hall(verdicts, f"SQLite {cases:,}", hall, floor_url, routed, rounds)
        if args.only != "sqlite":
            with postgres_hall(cases, folder) as (hall, floor_url):
                bench_hall(verdicts, f"PostgreSQL {cases:,}", hall, floor_url, routed, rounds)
    raise SystemExit(verdicts.finish())


if __name__ == "__main__":
    main()
