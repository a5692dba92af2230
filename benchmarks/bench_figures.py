"""``counter figures`` at league size: a month and a year, by each grouping, on SQLite and PostgreSQL.

The hall is built the way a hall's database grows (:mod:`benchmarks.big_hall`: township packages of real intakes,
with materials, history, ratings and rectifications, taken in by the sync import), both halls at once, each in its
own process.  Then, for the last full month and the last 365 days of the data, by day, desk, clerk, bundle and
site, the benchmark times:

- **ours**: :func:`counter.actions.ratings.period_figures.period_figures`, the action ``counter figures`` and the
supervision window call, in a read transaction as the command's store opens it: three grouped queries, the guide
versions named, the lines folded with the domain's rules;
- **floor**: the same counts by hand-written SQL on the same connection — the services by outcome and by the
  standing each case keeps of its rating (what the window reads: the ratings are not joined in either), the
  accepted cases per guide version, the rectifications opened and where they stand — read into tuples, nothing more;
- **the league's lines**: :func:`counter.actions.ratings.league_figures.league_figures` (``counter figures --by county``
on a
  league's database, which holds every hall's cases), beside the floor by site.

Ours and floor alternate, ``--rounds`` times each (the median is reported), so a neighbour's load falls on both.
The goal is an answer within a second for a month, per query: what a county sends the league each month and what a
supervisor opens each morning.  A year's figures are printed beside their floor for the record, with no goal.
Both databases are only read here, so PostgreSQL's throwaway
cluster running with ``fsync=off`` (``tests/pg_server.py``) changes nothing measured; ``ANALYZE`` (and on PostgreSQL
``VACUUM``) runs after the build, as autovacuum would on a server.

    .venv/bin/python benchmarks/bench_figures.py [--cases 5000000] [--rounds 3] [--sqlite FILE] [--pg-url URL]

The month measured is the busiest whole month of the data (:func:`periods`).  ``--sqlite`` / ``--pg-url`` reuse a
hall built before (a 5M build takes the better part of an hour); otherwise both are built and removed.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from benchmarks.goals import Verdicts, arguments
from counter.access.desk import Desk
from counter.access.roles import SINGLE_DESK
from counter.actions.ratings.league_figures import league_figures
from counter.actions.ratings.period_figures import period_figures
from counter.case.league_figures import LeagueGroup
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.db.engine import make_engine, make_sessions
from counter.ratings.figures import Grouping
from tests.pg_server import HALL_MEMORY, PgCluster, start_cluster, stop_cluster

GOAL_MS = 1000.0
DESK = Desk(DeskIdentity("XAM01", "1"), "督查室", actor=SINGLE_DESK)
BIG_HALL = Path(__file__).resolve().parent / "big_hall.py"

# --- the floor: the same counts, written by hand ----------------------------------------------------------------

_KEYS = {  # (services' line, accepted cases' line, rectifications' line)
    Grouping.DAY: ("c.received_on", "c.accepted_on", "x.opened_on"),
    Grouping.DESK: (
        "c.site_code, COALESCE(c.served_desk_no, c.desk_no)",
        "c.site_code, c.desk_no",
        "r.site_code, r.desk_no",
    ),
    Grouping.CLERK: ("COALESCE(c.served_clerk, c.clerk)", "c.clerk", "r.clerk"),
    Grouping.BUNDLE: ("c.bundle_code", "c.bundle_code", "c.bundle_code"),
    Grouping.SITE: ("c.site_code", "c.site_code", "r.site_code"),
}

# the services by the standing each case keeps of its rating (counter.db.service_standing), as the window reads them
_SERVICES = """
SELECT {key}, count(*),
  sum(CASE WHEN c.rating_standing = 'not_sent' THEN 1 ELSE 0 END),
  sum(CASE WHEN c.rating_standing = 'pending' THEN 1 ELSE 0 END),
  sum(CASE WHEN c.rating_standing = 'lapsed' THEN 1 ELSE 0 END),
  sum(CASE WHEN c.rating_standing = 'excluded' THEN 1 ELSE 0 END),
  sum(CASE WHEN c.rating_standing IN ('good', 'bad', 'rectified', 'appealing') THEN 1 ELSE 0 END),
  sum(CASE WHEN c.rating_standing IN ('bad', 'rectified', 'appealing') THEN 1 ELSE 0 END),
  sum(CASE WHEN c.rating_standing = 'rectified' THEN 1 ELSE 0 END),
  sum(CASE WHEN c.rating_standing = 'appealing' THEN 1 ELSE 0 END),
  sum(CASE WHEN c.outcome = 'accept' THEN 1 ELSE 0 END),
  sum(CASE WHEN c.outcome = 'defer' THEN 1 ELSE 0 END),
  sum(CASE WHEN c.outcome = 'correct' THEN 1 ELSE 0 END),
  sum(CASE WHEN c.outcome = 'refuse' THEN 1 ELSE 0 END),
  sum(CASE WHEN c.outcome = 'defer' AND c.status NOT IN ('withdrawn', 'voided') AND EXISTS (
        SELECT 1 FROM case_material m WHERE m.case_id = c.id AND m.due_on IS NOT NULL
        AND ((m.arrived_on IS NULL AND m.due_on < :today) OR m.arrived_on > m.due_on)) THEN 1 ELSE 0 END)
FROM "case" c
WHERE c.received_on BETWEEN :first AND :last
GROUP BY {key}
"""

# each case with how many of its items were decided on the day it was taken (the 即办 count), on the office's clock
_VERSIONS = """
SELECT {key}, c.guide_version_id, c.answers, COALESCE(d.decided, 0), count(*) FROM "case" c
LEFT JOIN (SELECT h.case_id, count(*) AS decided
      FROM case_history h JOIN "case" t ON t.id = h.case_id
      WHERE t.accepted_on BETWEEN :first AND :last AND t.status <> 'voided'
        AND h.event IN ('item_approved', 'item_denied') AND {office_day} = t.received_on
      GROUP BY h.case_id) d ON d.case_id = c.id
WHERE c.accepted_on BETWEEN :first AND :last AND c.status <> 'voided'
GROUP BY {key}, c.guide_version_id, c.answers, COALESCE(d.decided, 0)
"""
_OFFICE_DAY = {  # the office's zone, UTC+8 (China keeps one offset all year)
    "postgresql": "CAST(timezone('UTC', h.at) + interval '480 minutes' AS date)",
    "sqlite": "date(h.at, '+480 minutes')",
}

_RECTIFICATIONS = """
SELECT {key}, count(*),
  sum(CASE WHEN s.closed = 0 THEN 1 ELSE 0 END),
  sum(CASE WHEN s.closed = 0 AND COALESCE(s.fix_due, x.due_on) < :today THEN 1 ELSE 0 END),
  sum(CASE WHEN s.fed_back = 1 THEN 1 ELSE 0 END),
  sum(CASE WHEN s.voided = 1 THEN 1 ELSE 0 END)
FROM rectification x
JOIN rating r ON r.id = x.rating_id
{bundle_join}
JOIN (SELECT h.rectification_id,
        max(CASE WHEN h.state_after IN ('fed_back', 'voided') THEN 1 ELSE 0 END) AS closed,
        max(CASE WHEN h.state_after = 'fed_back' THEN 1 ELSE 0 END) AS fed_back,
        max(CASE WHEN h.state_after = 'voided' THEN 1 ELSE 0 END) AS voided,
        max(h.fix_due) AS fix_due
      FROM rectification_history h JOIN rectification y ON y.id = h.rectification_id
      WHERE y.opened_on BETWEEN :first AND :last GROUP BY h.rectification_id) s ON s.rectification_id = x.id
WHERE x.opened_on BETWEEN :first AND :last
GROUP BY {key}
"""


def floor(conn: Connection, first: dt.date, last: dt.date, grouping: Grouping, today: dt.date) -> int:
    """The three counts by hand; the rows read, so that an empty answer cannot pass for a fast one."""
    services, versions, rects = _KEYS[grouping]
    bundle_join = (
        'JOIN rating_request q ON q.id = r.request_id JOIN "case" c ON c.id = q.case_id'
        if grouping is Grouping.BUNDLE
        else ""
    )
    params = {"first": first, "last": last, "today": today}
    if conn.dialect.name == "postgresql":  # as the figures read: no JIT compilation (counter.db.figure_store)
        conn.execute(text("SET LOCAL jit = off"))
    rows = [
        *conn.execute(text(_SERVICES.format(key=services)), params),
        *conn.execute(text(_VERSIONS.format(key=versions, office_day=_OFFICE_DAY[conn.dialect.name])), params),
        *conn.execute(text(_RECTIFICATIONS.format(key=rects, bundle_join=bundle_join)), params),
    ]
    return len(rows)


# --- the halls ------------------------------------------------------------------------------------------------


def build_halls(urls: dict[str, str], cases: int, work: Path) -> None:
    """Both halls at once, each by ``big_hall.py`` in its own process (two cores: the builds do not wait on each
    other)."""
    env = dict(os.environ, PYTHONPATH=str(BIG_HALL.parent.parent))
    running = []
    for name, url in urls.items():
        folder = work / name
        folder.mkdir()
        log = (work / f"{name}.log").open("w")
        cmd = [sys.executable, str(BIG_HALL), url, "--cases", str(cases)]
        running.append((name, subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=folder), log))
    for name, process, log in running:
        code = process.wait()
        log.close()
        lines = (work / f"{name}.log").read_text().splitlines()
        print(f"{name}: {lines[-2] if len(lines) > 1 else ''}", flush=True)
        if code:
            raise SystemExit(f"building the {name} hall failed:\n" + "\n".join(lines[-20:]))


def empty_pg_database(cluster: PgCluster) -> str:
    admin = create_engine(cluster.url("postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("CREATE DATABASE hall"))
    admin.dispose()
    return cluster.url("hall")


def _started(cluster: PgCluster | None) -> PgCluster:
    assert cluster is not None, "a cluster is started unless --pg-url names a database"
    return cluster


def analyse(url: str) -> None:
    """What a server's autovacuum does after a day's imports: the planner's statistics, and on PostgreSQL the
    visibility map that lets the figures be counted from the index alone."""
    engine = make_engine(url)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE" if engine.dialect.name == "postgresql" else "ANALYZE"))
    engine.dispose()


# --- the runs -------------------------------------------------------------------------------------------------


def periods(session: Session) -> list[tuple[str, dt.date, dt.date]]:
    """The busiest whole month of the data, and the 365 days that end with it.

    The busiest, not the last: a hall built part-way (a long build stopped between packages) has its newest
    months filled by some townships only, and the last month would be measured with a fraction of a month's cases.
    """
    per_day = session.execute(select(models.Case.received_on, func.count()).group_by(models.Case.received_on)).all()
    assert per_day, "the hall holds no case"
    months: dict[dt.date, int] = {}
    for day, count in per_day:
        first = day.replace(day=1)
        months[first] = months.get(first, 0) + int(count)
    newest = max(day for day, _ in per_day).replace(day=1)
    whole = [m for m in months if m < newest] or list(months)  # the newest month may not be over
    first = max(whole, key=lambda m: (months[m], m))
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return [("month", first, last), ("year", last - dt.timedelta(days=364), last)]


def median_ms(run: Callable[[], object], rounds: int, other: Callable[[], object]) -> tuple[float, float]:
    """(ours, floor) in milliseconds, the median of ``rounds`` each, taken in turn."""
    ours, floors = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        ours.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        other()
        floors.append((time.perf_counter() - start) * 1000)
    return statistics.median(ours), statistics.median(floors)


def bench(name: str, url: str, rounds: int, verdicts: Verdicts) -> None:
    engine = make_engine(url)
    sessions = make_sessions(engine)
    with sessions() as session:
        cases = session.scalar(select(func.count()).select_from(models.Case))
        spans = periods(session)
    print(f"{name}: {cases:,} cases", flush=True)
    for period, first, last in spans:
        today = last + dt.timedelta(days=1)
        with sessions() as session:
            taken = session.scalar(select(func.count()).where(models.Case.received_on.between(first, last)))
        print(f"{name} {period}: {first} … {last}, {taken:,} cases taken", flush=True)
        for grouping in Grouping:
            with sessions() as session:  # one read transaction, as the command's store gives the action
                span = (first, last, grouping, today)

                def ours(s: Session = session, on: tuple[dt.date, dt.date, Grouping, dt.date] = span) -> object:
                    return period_figures(s, *on, desk=DESK)

                def bare(s: Session = session, on: tuple[dt.date, dt.date, Grouping, dt.date] = span) -> int:
                    return floor(s.connection(), *on)

                ours()  # the first run reads the pages from disk for both: not what a supervisor waits on each day
                ours_ms, floor_ms = median_ms(ours, rounds, bare)
            judge(verdicts, f"{name} {period} by {grouping.value}", period, ours_ms, floor_ms)
        with sessions() as session:  # ``counter figures --by county`` on a league: the halls' lines, folded by county
            on = (first, last, LeagueGroup.COUNTY, today)

            def league(s: Session = session, at: tuple[dt.date, dt.date, LeagueGroup, dt.date] = on) -> object:
                return league_figures(s, *at, desk=DESK)

            def by_site(s: Session = session, at: tuple[dt.date, dt.date, LeagueGroup, dt.date] = on) -> int:
                return floor(s.connection(), at[0], at[1], Grouping.SITE, at[3])

            league()
            ours_ms, floor_ms = median_ms(league, rounds, by_site)
        judge(verdicts, f"{name} {period}, the league's lines by county", period, ours_ms, floor_ms)
    engine.dispose()


def judge(verdicts: Verdicts, label: str, period: str, ours_ms: float, floor_ms: float) -> None:
    """A month against its goal; a year recorded beside its floor, with no goal."""
    if period == "month":
        verdicts.at_most(label, ours_ms, GOAL_MS, floor=floor_ms)
    else:
        verdicts.record(label, ours_ms, floor=floor_ms)


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--cases", type=int, default=5_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sqlite", metavar="FILE", help="an SQLite hall built before by big_hall.py")
    parser.add_argument("--pg-url", metavar="URL", help="a PostgreSQL hall built before by big_hall.py")
    parser.add_argument("--only", choices=["SQLite", "PostgreSQL"], help="measure one of the two")
    args = parser.parse_args()
    cases, rounds = (1_000, 1) if args.smoke else (args.cases, args.rounds)
    verdicts = Verdicts(smoke=args.smoke)
    cluster = None if args.pg_url or args.only == "SQLite" else start_cluster(settings=HALL_MEMORY)
    try:
        with tempfile.TemporaryDirectory(prefix="bench-figures-") as tmp:
            work = Path(tmp)
            urls = {}
            if args.only != "PostgreSQL":
                urls["SQLite"] = f"sqlite:///{Path(args.sqlite).resolve() if args.sqlite else work / 'h.db'}"
            if args.only != "SQLite":
                urls["PostgreSQL"] = args.pg_url or empty_pg_database(_started(cluster))
            to_build = {n: u for n, u in urls.items() if not (args.sqlite if n == "SQLite" else args.pg_url)}
            if to_build:
                print(f"building {', '.join(to_build)} with {cases:,} cases", flush=True)
                build_halls(to_build, cases, work)
            for name, url in urls.items():
                analyse(url)
                bench(name, url, rounds, verdicts)
    finally:
        if cluster is not None:
            stop_cluster(cluster)
    raise SystemExit(verdicts.finish())


if __name__ == "__main__":
    main()
