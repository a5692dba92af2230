"""Committing an intake, beside a bare driver writing the same rows with the same durability, on SQLite and PostgreSQL.

What the clerk waits for after pressing 受理: ``take_intake`` of a complete 我要开小餐馆 checklist in its own unit of
work, committed (the desk's counter, the case, its checklist lines, its first history line, the audit entry and its
chain head, the applicant remembered, the number noted outside the database), timed from before the transaction to
after the commit.

The floor is the same transaction written by the bare driver (``sqlite3``, ``psycopg``) on the same database, with the
same durability: the counter's upsert, the case (a copy of one the action wrote, under a number of its own), every
checklist line in one ``executemany``, the history line, the chain head taken and moved on, the audit entry, the party
upserted, the desk's draft deleted; SQLite in WAL mode with ``synchronous=FULL`` and ``BEGIN IMMEDIATE``, PostgreSQL on
a cluster started with ``fsync`` and ``synchronous_commit`` on (``tests/pg_server.py``, ``durable``). After its commit
the floor notes the number outside the database as the intake does (one line appended to a file, one ``fdatasync``:
``BareNote``, its time printed apart): a floor without that durable write would write less than an intake must. The two
take turns, intake by intake, so that whatever else the machine does falls on both; the floor's rows go to a desk number
of their own, in the same tables, so both write into a database of the same size. Goal: p50 and p95 at most 1.5 times
the floor's.

    .venv/bin/python benchmarks/bench_intake.py [--intakes 300] [--smoke]
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.goals import Verdicts, arguments, percentile, summary

GOAL_RATIO = 1.5
WARM_UP = 10  # the first intakes of each side prepare statements and fill caches: left out of the figures
FLOOR_DESK = "9"  # the floor's rows: a desk number the action never uses here
ACTION_DESK = "8"


@dataclass(frozen=True, slots=True)
class Template:
    """The rows one intake wrote, as the floor copies them: column names and values, per table."""

    case: dict[str, Any]
    materials: list[dict[str, Any]]
    history: dict[str, Any]
    audit: dict[str, Any]
    party: dict[str, Any]


def _rows(fetch: Callable[[str, Sequence[Any]], list[dict[str, Any]]], case_no: str) -> Template:
    """The rows of case ``case_no`` (written by the action), without their ids."""
    (case,) = fetch('SELECT * FROM "case" WHERE case_no = ?', [case_no])
    materials = fetch("SELECT * FROM case_material WHERE case_id = ? ORDER BY id", [case["id"]])
    (history,) = fetch("SELECT * FROM case_history WHERE case_id = ?", [case["id"]])
    (audit,) = fetch("SELECT * FROM audit_entry WHERE subject = ?", [case_no])
    (party,) = fetch("SELECT * FROM party WHERE id_no = ?", [case["applicant_id_no"]])
    strip = ("id", "case_id")
    return Template(
        {k: v for k, v in case.items() if k != "id"},
        [{k: v for k, v in m.items() if k not in strip} for m in materials],
        {k: v for k, v in history.items() if k not in strip},
        {k: v for k, v in audit.items() if k != "id"},
        party,
    )


def _insert(table: str, row: dict[str, Any], mark: Callable[[str], str], returning: str = "") -> str:
    names = ", ".join(f'"{k}"' for k in row)
    marks = ", ".join(mark(k) for k in row)
    return f'INSERT INTO "{table}" ({names}) VALUES ({marks})' + (f" RETURNING {returning}" if returning else "")


class BareIntake:
    """One intake's rows written by the bare driver in one transaction; ``mark`` is the driver's named placeholder;
    ``desk`` the desk number its rows go to, ``tag`` what makes its case numbers its own."""

    def __init__(self, template: Template, mark: Callable[[str], str], desk: str = FLOOR_DESK, tag: str = "F") -> None:
        self.t = template
        self.desk, self.tag = desk, tag
        self.counter = (
            "INSERT INTO desk_counter (site_code, desk_no, day, kind, last) VALUES ({s}, {d}, {day}, 'case', 1) "
            "ON CONFLICT (site_code, desk_no, day, kind) DO UPDATE SET last = desk_counter.last + 1 RETURNING last"
        ).format(s=mark("site"), d=mark("desk"), day=mark("day"))
        self.case = _insert("case", template.case, mark, "id")
        self.material = _insert("case_material", {"case_id": 0, **template.materials[0]}, mark)
        self.history = _insert("case_history", {"case_id": 0, **template.history}, mark)
        chain = mark("chain")
        # the chain head is taken with its last hash, as the action reads it to chain the entry
        self.take = (
            f"UPDATE audit_chain SET last_seq = last_seq + 1 WHERE chain = {chain} RETURNING last_seq, last_hash"
        )
        self.head = (
            f"INSERT INTO audit_chain (chain, last_seq, last_hash) VALUES ({chain}, 0, '') ON CONFLICT DO NOTHING"
        )
        self.entry = _insert("audit_entry", template.audit, mark)
        self.moved = f"UPDATE audit_chain SET last_hash = {mark('hash')} WHERE chain = {chain}"
        party = template.party
        changes = ", ".join(f'"{k}" = excluded."{k}"' for k in party if k != "id_no")
        self.party = _insert("party", party, mark) + f" ON CONFLICT (id_no) DO UPDATE SET {changes}"
        self.draft = f"DELETE FROM draft WHERE desk_key = {mark('desk_key')}"  # the form's draft, ended as the intake's

    def run(self, cursor: Any, n: int) -> str:
        """The statements of one intake (the caller begins and commits), numbered ``n`` at the floor's desk; the
        case number it wrote."""
        t, desk = self.t, self.desk
        day = t.case["received_on"]
        cursor.execute(self.counter, {"site": t.case["site_code"], "desk": desk, "day": day})
        sequence = cursor.fetchone()[0]
        number = f"{t.case['site_code']}-{self.tag}{n:06d}-{sequence:04d}"
        case = {**t.case, "case_no": number, "desk_no": desk, "uid": uuid.uuid4().hex}
        cursor.execute(self.case, case)
        case_id = cursor.fetchone()[0]
        cursor.executemany(self.material, [{"case_id": case_id, **m} for m in t.materials])
        cursor.execute(self.history, {**t.history, "case_id": case_id})
        chain = f"{t.case['site_code']}-{desk}"
        cursor.execute(self.take, {"chain": chain})
        head = cursor.fetchone()
        if head is None:  # the floor's first intake: its chain starts
            cursor.execute(self.head, {"chain": chain})
            cursor.execute(self.take, {"chain": chain})
            head = cursor.fetchone()
        entry = {**t.audit, "chain": chain, "seq": head[0], "subject": number, "desk_no": desk}
        cursor.execute(self.entry, entry)
        cursor.execute(self.moved, {"hash": uuid.uuid4().hex * 2, "chain": chain})
        cursor.execute(self.party, {**t.party, "id_no": f"{self.tag}{n:0{18 - len(self.tag)}d}"})
        cursor.execute(self.draft, {"desk_key": chain})
        return number


class BareNote:
    """The number noted outside the database after the commit, as the intake notes it
    (:mod:`counter.host.database_notes`): one line appended to a file of the desk's own, one ``fdatasync``.

    Without it the floor would make one durable write fewer than the intake: the note is part of what an intake
    must write (a number is never issued twice, even by a database that lost its last commits), not an extra of
    the program's.  The file is made at the start, in the same folder as the intake's notes (the same disk), so
    each intake only appends.  ``times`` keeps what each note took, for the report.
    """

    def __init__(self, desk_key: str, place: str) -> None:
        from counter.host.database_notes import note_path

        self.path = note_path(f"{place} {desk_key}")  # beside the intake's note, never the same file
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.desk_key = desk_key
        self.times: list[float] = []
        descriptor = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(descriptor, json.dumps({"place": place, "issued": {}}).encode())
            os.fsync(descriptor)
        finally:
            os.close(descriptor)

    def __call__(self, number: str) -> None:
        start = time.perf_counter()
        line = "\n" + json.dumps({"issued": {self.desk_key: number}, "series": {}}, ensure_ascii=False)
        descriptor = os.open(self.path, os.O_WRONLY | os.O_APPEND)
        try:
            os.write(descriptor, line.encode("utf-8"))
            os.fdatasync(descriptor)
        finally:
            os.close(descriptor)
        self.times.append((time.perf_counter() - start) * 1000)


def take_turns(
    ours: Callable[[int], object], floor: Callable[[int], object], count: int
) -> tuple[list[float], list[float]]:
    """Each side ``count`` times, alternating (the floor first on odd rounds); the times after the warm-up."""
    mine: list[float] = []
    bare: list[float] = []
    for n in range(count + WARM_UP):
        sides = [(mine, ours), (bare, floor)]
        if n % 2:
            sides.reverse()
        for times, work in sides:
            start = time.perf_counter()
            work(n)
            times.append((time.perf_counter() - start) * 1000)
    return mine[WARM_UP:], bare[WARM_UP:]


def report(verdicts: Verdicts, where: str, mine: list[float], bare: list[float], notes: list[float]) -> None:
    print(f"{where}: intake {summary(mine)}")
    print(f"{where}: floor  {summary(bare)}")
    print(f"{where}: the floor's note alone (append, fdatasync) {summary(notes)}")
    p50s = statistics.median(mine), statistics.median(bare)
    verdicts.ratio(f"intake commit p50, {where}", p50s[0], p50s[1], GOAL_RATIO)
    verdicts.ratio(f"intake commit p95, {where}", percentile(mine, 0.95), percentile(bare, 0.95), GOAL_RATIO)


def action_side(url: str) -> tuple[Callable[[int], object], Callable[[], str], Callable[[], None]]:
    """``take_intake`` as the desk runs it, one unit of work per intake; the number of the last case taken; the end."""
    from counter.actions.calendar import office_calendar
    from counter.actions.demo import DEMO_BUNDLE, complete_checklist, fresh_checklist
    from counter.actions.desk import Desk
    from counter.actions.intake import IntakeRequest, take_intake
    from counter.case.numbers import DeskIdentity
    from counter.db.catalog_store import current_guide
    from counter.db.engine import make_engine, make_sessions
    from tests.db.hall_worker import TODAY, applicant

    engine = make_engine(url)
    sessions = make_sessions(engine)
    with sessions() as session:
        stored = current_guide(session, DEMO_BUNDLE)
        calendar = office_calendar(session)
    assert stored is not None
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    desk = Desk(DeskIdentity("XAM01", ACTION_DESK), "测试")
    taken: list[str] = []

    def intake(n: int) -> None:
        request = IntakeRequest(checklist, applicant(0, n), uid=uuid.uuid4().hex)
        with sessions.begin() as session:
            taken.append(take_intake(session, desk, request, TODAY, calendar).case_no)

    return intake, lambda: taken[-1], engine.dispose


#: one intake of the floor, its end, and what each of its notes took (ms)
Floor = tuple[Callable[[int], object], Callable[[], None], list[float]]


def sqlite_floor(path: Path, case_no: str, desk: str = FLOOR_DESK, tag: str = "F") -> Floor:
    connection = sqlite3.connect(path, isolation_level=None)
    for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=FULL", "busy_timeout=10000"):
        connection.execute(f"PRAGMA {pragma}")
    connection.row_factory = sqlite3.Row

    def fetch(sql: str, args: Sequence[Any]) -> list[dict[str, Any]]:
        return [dict(row) for row in connection.execute(sql, args)]

    bare = BareIntake(_rows(fetch, case_no), lambda name: f":{name}", desk, tag)
    connection.row_factory = None
    cursor = connection.cursor()
    note = BareNote(f"{bare.t.case['site_code']}-{desk}", str(path))

    def intake(n: int) -> None:
        cursor.execute("BEGIN IMMEDIATE")
        try:
            number = bare.run(cursor, n)
        except BaseException:
            connection.rollback()
            raise
        cursor.execute("COMMIT")
        note(number)

    return intake, connection.close, note.times


def postgres_floor(url: str, case_no: str, desk: str = FLOOR_DESK, tag: str = "F") -> Floor:
    import psycopg
    from psycopg.rows import dict_row
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    connection = psycopg.connect(dbname=parsed.database, user=parsed.username, **parsed.query)  # type: ignore[arg-type]

    def fetch(sql: str, args: Sequence[Any]) -> list[dict[str, Any]]:
        with connection.cursor(row_factory=dict_row) as cursor:
            return list(cursor.execute(sql.replace("?", "%s"), args))

    bare = BareIntake(_rows(fetch, case_no), lambda name: f"%({name})s", desk, tag)
    connection.commit()
    cursor = connection.cursor()
    note = BareNote(f"{bare.t.case['site_code']}-{desk}", parsed.render_as_string(hide_password=True))

    def intake(n: int) -> None:
        try:
            number = bare.run(cursor, n)
        except BaseException:
            connection.rollback()
            raise
        connection.commit()
        note(number)

    return intake, connection.close, note.times


def prepared(url: str) -> None:
    """A database at the current schema with the shipped catalog, as a desk's first start leaves it."""
    from counter.actions.catalog import import_source
    from counter.db.engine import make_engine, make_sessions
    from counter.db.migrate import upgrade
    from counter.resources import bundled_catalog_dir

    engine = make_engine(url)
    upgrade(engine)
    outcome = import_source(make_sessions(engine), bundled_catalog_dir())
    assert outcome.report is not None, outcome.problems
    engine.dispose()


def compare(verdicts: Verdicts, where: str, url: str, floor_of: Callable[[str], Any], count: int) -> None:
    ours, last, end = action_side(url)
    try:
        ours(-1)  # a case for the floor to copy
        floor, close, notes = floor_of(last())
        try:
            mine, bare = take_turns(ours, floor, count)
        finally:
            close()
    finally:
        end()
    report(verdicts, where, mine, bare, notes[WARM_UP:])


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--intakes", type=int, default=300, help="per side and database")
    args = parser.parse_args()
    count = 20 if args.smoke else args.intakes
    verdicts = Verdicts(smoke=args.smoke)
    from tests.pg_server import CATALOG, PgDatabases, start_cluster, stop_cluster

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # the numbers noted outside the database (counter.host.database_notes) go to this run's own state folder
        os.environ["COUNTER_HOME"] = str(folder / "home")
        os.environ["COUNTER_STATE"] = str(folder / "state")
        path = folder / "desk.sqlite3"
        url = f"sqlite:///{path}"
        prepared(url)
        print(f"{count} intakes per side, {os.cpu_count()} cores; interleaved")
        compare(verdicts, "SQLite WAL synchronous=FULL", url, lambda case_no: sqlite_floor(path, case_no), count)
        cluster = start_cluster(durable=True)  # in the system's temporary folder: the server's user must enter it
        try:
            databases = PgDatabases(cluster)
            pg_url = cluster.url(databases.create(CATALOG))
            databases.close()
            where = "PostgreSQL fsync=on synchronous_commit=on"
            compare(verdicts, where, pg_url, lambda case_no: postgres_floor(pg_url, case_no), count)
        finally:
            stop_cluster(cluster)
    raise SystemExit(verdicts.finish())


if __name__ == "__main__":
    main()
