"""F7 without the paper: a recent case found by its number's last digits, an ID number, a phone or a name, at league
size, each beside the bare SQL returning the same rows.

On a hall database built through the real path (:mod:`benchmarks.big_hall`: township packages taken in by the
hall's sync import, its applicants a league's people, names as common as in the registers), on SQLite and on
PostgreSQL, :func:`counter.actions.cases.case_reads.cases_found` as the finder calls it (its own unit of work, a desk
whose clerk may see the numbers whole) for a sample of what applicants bring back: the sequence, the ID number, the
phone and the name of cases drawn from the period, and one in ten asked for something the period does not hold (a
sequence no desk reached, an unknown ID number or phone, a name nobody has), which reads the most; a name of three
characters or more is asked without its first (the given name alone: F7 finds any part of a name). Over the default
period (90 days) and a year; p95 of each kind against 200 ms, first on the database as built (no ``ANALYZE``), then
after ``ANALYZE``.

The floor: the bare driver's one statement on the same conditions, returning the same cases (checked), run in turn
with ours so that the load of the moment falls on both.

    .venv/bin/python benchmarks/bench_find.py [--cases 5000000] [--keep FOLDER] [--only sqlite|postgresql]
    .venv/bin/python benchmarks/bench_find.py --url URL [--data-keys FOLDER]   # a hall built before by big_hall.py

A hall built before was sealed under its build's data keys (``WORK/home/keys`` of :func:`benchmarks.big_hall.build`):
``--data-keys`` names that folder, and its keys are put in this process's key folder before anything is read.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import re
import statistics
import sys
import tempfile
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from benchmarks.bench_lists import Bare, _ms, _read, _window_collector, postgres_hall, sqlite_hall
from benchmarks.big_hall import BigHall, copy_data_keys, describe
from benchmarks.goals import Verdicts, arguments, percentile
from counter.access.desk import Desk
from counter.actions.cases.case_reads import cases_found
from counter.case.case_lists import FOUND_AT_MOST
from counter.case.lookup import LOOKBACK_DAYS, SEQUENCE_MARK, Lookup, LookupKind, name_pairs, read_lookup, since
from counter.case.numbers import DeskIdentity
from counter.db.engine import make_engine, make_sessions
from counter.db.sealed import lookup_index, unseal
from counter.host.machine import paths
from counter.parties.identifiers import make_id_number

GOAL_MS = 200.0  # p95 of each kind: what the clerk waits for after Enter, the applicant at the window
PERIODS = (LOOKBACK_DAYS, 365)  # the default, and the widest a clerk may choose
MISSES = 0.1  # the share of lookups for what the period does not hold
KINDS = (LookupKind.NUMBER_TAIL, LookupKind.ID_NUMBER, LookupKind.PHONE, LookupKind.NAME)

_FOUND = (
    'SELECT c.case_no FROM "case" c JOIN bundle b ON b.code = c.bundle_code WHERE c.received_on >= {p} AND {cond}'
    f" ORDER BY c.received_on DESC, c.case_no DESC LIMIT {FOUND_AT_MOST}"
)
_FLOORS = {
    LookupKind.NUMBER_TAIL: _FOUND.replace("{cond}", "c.case_no LIKE {p}"),
    # the numbers are sealed at rest (counter.db.sealed): found by their keyed index, as the app finds them
    LookupKind.ID_NUMBER: _FOUND.replace("{cond}", "c.applicant_id_key = {p}"),
    LookupKind.PHONE: _FOUND.replace("{cond}", "(c.applicant_phone_key = {p} OR c.notify_phone_key = {p})"),
}
# on PostgreSQL the sequence is asked as the app asks it, by the expression its index holds
_TAIL_POSTGRES = _FOUND.replace("{cond}", f"split_part(c.case_no, '{SEQUENCE_MARK}', 4) = {{p}}")
# a name, or any part of it: the period's cases under every pair of its characters, their names then compared
_NAME = _FOUND.replace("{cond}", "c.id IN ({pairs}) AND lower(c.applicant_name) LIKE lower({p}) ESCAPE '/'")
_PAIR = "SELECT case_id FROM case_name_pair WHERE pair = {p} AND received_on >= {p}"
_SAMPLE = (
    'SELECT case_no, applicant_id_no, applicant_phone, notify_phone, applicant_name FROM "case"'
    " WHERE received_on >= {p} ORDER BY id"
)
_NEWEST = 'SELECT max(received_on) FROM "case"'


def _floor_sql(bare: Bare, lookup: Lookup) -> str:
    kind = lookup.kind
    p = "%s" if bare.postgres else "?"
    if kind is LookupKind.NAME:
        pairs = " INTERSECT ".join([_PAIR.format(p=p)] * len(name_pairs(lookup.text)))
        return _NAME.replace("{pairs}", pairs).format(p=p)
    tail = _TAIL_POSTGRES if bare.postgres else _FLOORS[LookupKind.NUMBER_TAIL]
    chosen = {**_FLOORS, LookupKind.NUMBER_TAIL: tail}[kind]
    return chosen.format(p=p)


def _floor_values(bare: Bare, lookup: Lookup, first: dt.date) -> tuple[Any, ...]:
    """The bare statement's values: the period's first day and what the lookup compares, as the app compares it."""
    if lookup.kind is LookupKind.NUMBER_TAIL:
        return first, lookup.text if bare.postgres else f"%{SEQUENCE_MARK}{lookup.text}"
    if lookup.kind is LookupKind.PHONE:
        key = lookup_index(lookup.text) or ""
        return first, key, key
    if lookup.kind is LookupKind.NAME:
        pairs = [value for pair in sorted(name_pairs(lookup.text)) for value in (pair, first)]
        return first, *pairs, "%" + re.sub(r"([/%_])", r"/\1", lookup.text) + "%"
    return first, lookup_index(lookup.text) or ""


def _day(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def sample(bare: Bare, today: dt.date, count: int, seed: int = 0) -> dict[LookupKind, list[str]]:
    """What ``count`` applicants of the last 90 days bring back, of each kind, one in ten for nothing the hall holds."""
    rows = bare.rows("find_sample", today - dt.timedelta(days=LOOKBACK_DAYS))
    rng = random.Random(seed)
    drawn = rng.sample(rows, min(count, len(rows)))
    asked: dict[LookupKind, list[str]] = {kind: [] for kind in KINDS}
    for n, (case_no, id_no, phone, notify, name) in enumerate(drawn):
        if n % round(1 / MISSES) == 0:  # what the period does not hold: the lookups that read the most
            asked[LookupKind.NUMBER_TAIL].append("9999")
            asked[LookupKind.ID_NUMBER].append(make_id_number("152201", dt.date(1949, 10, 1), n % 1000))
            asked[LookupKind.PHONE].append(f"199{n:08d}")
            asked[LookupKind.NAME].append("查无此人")
            continue
        asked[LookupKind.NUMBER_TAIL].append(case_no.rsplit(SEQUENCE_MARK, 1)[1])
        asked[LookupKind.ID_NUMBER].append(unseal(id_no))  # as the applicant says it: sealed at rest
        asked[LookupKind.PHONE].append(unseal(phone) or unseal(notify))
        asked[LookupKind.NAME].append(name[1:] if len(name) > 2 else name)  # a part: the given name without the surname
    return asked


def bench_kind(
    verdicts: Verdicts, label: str, sessions: sessionmaker[Session], bare: Bare, typed: list[str], today: dt.date,
    days: int, kind: LookupKind,
) -> None:  # fmt: skip
    desk = Desk(DeskIdentity("XAM01", "1"), "测试")  # the hall's single desk: numbers whole, as a clerk's
    first = since(today, days)
    ours: list[float] = []
    floor: list[float] = []
    found = 0
    answered = 0  # lookups that found their case: every one drawn from the period must (not the misses)
    with _window_collector() as collect:
        for asked in typed:
            lookup = read_lookup(asked)
            assert lookup is not None, asked
            assert lookup.kind is kind, (asked, lookup)
            read = _read(sessions, partial(cases_found, lookup=lookup, today=today, desk=desk, days=days))
            rows = [row.case_no for row in read()]
            bare_read = partial(_bare_rows, bare, _floor_sql(bare, lookup), _floor_values(bare, lookup, first))
            assert [r[0] for r in bare_read()] == rows, f"the floor must return the same rows for {asked}"
            found += len(rows)
            answered += bool(rows)
            ours.append(_ms(read))
            collect()
            floor.append(_ms(bare_read))
            collect()
    drawn = len(typed) - math.ceil(len(typed) * MISSES)
    # a hall sealed under other data keys than this process's reads placeholders and finds nobody, fast: flattering
    assert answered >= drawn, f"F7 by {kind.value} found {answered} of {drawn} cases drawn from the hall"
    print(f"  {label}: F7 by {kind.value} over {days} days: {len(typed)} lookups, {found / len(typed):.1f} cases each;"
          f" medians {statistics.median(ours):.2f} / floor {statistics.median(floor):.2f} ms")  # fmt: skip
    verdicts.at_most(
        f"{label}: F7 by {kind.value}, {days} days, p95", percentile(ours, 0.95), GOAL_MS,
        floor=percentile(floor, 0.95),
    )  # fmt: skip


def _bare_rows(bare: Bare, sql: str, values: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    cursor = bare.conn.cursor()
    cursor.execute(sql, values)
    found = list(cursor.fetchall())
    cursor.close()
    return found


def bench_hall(verdicts: Verdicts, label: str, hall: BigHall, count: int) -> None:
    engine = make_engine(hall.url)
    sessions = make_sessions(engine)
    bare = Bare(hall.url)
    bare.sql["find_sample"] = _SAMPLE.format(p="%s" if bare.postgres else "?")
    bare.sql["find_newest"] = _NEWEST
    try:
        ((newest,),) = bare.rows("find_newest")
        today = _day(newest)
        asked = sample(bare, today, count)
        print(f"{label}: {hall.cases:,} cases; {count} lookups of each kind among the last {LOOKBACK_DAYS} days"
              f" to {today}")  # fmt: skip
        for state in ("no ANALYZE", "after ANALYZE"):
            if state == "after ANALYZE":
                with engine.begin() as conn:
                    conn.execute(text("ANALYZE"))
            for days in PERIODS:
                for kind in KINDS:
                    bench_kind(verdicts, f"{label}, {state}", sessions, bare, asked[kind], today, days, kind)
    finally:
        bare.close()
        engine.dispose()


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--cases", type=int, default=5_000_000)
    parser.add_argument("--keep", type=Path, help="keep and reuse the SQLite hall file in this folder")
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    parser.add_argument("--url", help="measure a hall built before by big_hall.py (SQLite file or PostgreSQL database)")
    parser.add_argument("--data-keys", type=Path, help="the data keys the hall at --url was sealed under")
    args = parser.parse_args()
    if args.data_keys:
        copy_data_keys(args.data_keys, paths.site_key_path().parent)
    cases = 2_000 if args.smoke else args.cases
    count = 20 if args.smoke else 200
    verdicts = Verdicts(smoke=args.smoke)
    if args.url:
        hall = describe(args.url)
        if hall.url.startswith("sqlite"):  # as built: a kept file may have been analysed by an earlier run
            with make_engine(hall.url).begin() as conn:
                if conn.scalar(text("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")):
                    conn.execute(text("DELETE FROM sqlite_stat1"))
        name = "SQLite" if hall.url.startswith("sqlite") else "PostgreSQL"
        bench_hall(verdicts, f"{name} {hall.cases:,}", hall, count)
        raise SystemExit(verdicts.finish())
    with tempfile.TemporaryDirectory(prefix="bench-find-") as tmp:
        folder = Path(tmp)
        if args.only != "postgresql":
            with sqlite_hall(cases, args.keep, folder) as hall:
                bench_hall(verdicts, f"SQLite {cases:,}", hall, count)
        if args.only != "sqlite":
            with postgres_hall(cases, folder) as hall:
                bench_hall(verdicts, f"PostgreSQL {cases:,}", hall, count)
    raise SystemExit(verdicts.finish())


if __name__ == "__main__":
    main()
