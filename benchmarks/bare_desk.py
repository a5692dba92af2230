"""One desk writing intakes with the bare driver: the floor of ``bench_intake.py`` and of ``bench_hall.py``.

:func:`bare_desk` opens it on an SQLite file or a PostgreSQL database: the same transaction as ``take_intake`` writes
(``BareIntake``: the counter's upsert, the case, every checklist line in one ``executemany``, the history line, the
chain head taken and moved on, the audit entry, the party upserted, the desk's draft deleted), with the same
durability (SQLite ``BEGIN IMMEDIATE`` with ``synchronous=FULL``, PostgreSQL as its server is set), then the number
noted outside the database as the intake notes it (``BareNote``).  :func:`durable_postgres` is the server both
benchmarks run it on: a cluster whose commits wait for the disk, as a hall's server does.

``bench_intake.py`` runs one in the benchmark's process, in turns with the action; ``bench_hall.py`` runs many, each
a process of its own, as ``tests/db/hall_worker.py`` does for the action, with the same handshake::

    python -m benchmarks.bare_desk URL CASE_NO MACHINE COUNT

It reads the rows of case ``CASE_NO`` (written by the action) and prints ``ready``; on a line from stdin it writes
``COUNT`` intakes at desk ``5MACHINE`` and prints one JSON line of the same shape as the hall worker's: latencies in
milliseconds, and what the database refused.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


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
    # the party found by the keyed index of its number, sealed at rest as the case's (counter.db.sealed); the floor
    # copies the sealed values as written and seals nothing of its own, so its figure is lower than a sealing desk's
    (party,) = fetch("SELECT * FROM party WHERE id_key = ?", [case["applicant_id_key"]])
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

    def __init__(self, template: Template, mark: Callable[[str], str], desk: str, tag: str) -> None:
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
        changes = ", ".join(f'"{k}" = excluded."{k}"' for k in party if k != "id_key")
        self.party = _insert("party", party, mark) + f" ON CONFLICT (id_key) DO UPDATE SET {changes}"
        # the intake's own draft ended with it, by the desk and the intake's uid (as counter.db.draft_store does)
        self.draft = f"DELETE FROM intake_draft WHERE desk_key = {mark('desk_key')} AND uid = {mark('uid')}"

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
        cursor.execute(self.draft, {"desk_key": chain, "uid": case["uid"]})
        return number


class BareNote:
    """The number noted outside the database after the commit, as the intake notes it
    (:mod:`counter.host.notes.database_notes`): one line appended to a file of the desk's own, one ``fdatasync``.

    Without it the floor would make one durable write fewer than the intake: the note is part of what an intake
    must write (a number is never issued twice, even by a database that lost its last commits), not an extra of
    the program's.  The file is made at the start, in the same folder as the intake's notes (the same disk), so
    each intake only appends.  ``times`` keeps what each note took, for the report.
    """

    def __init__(self, desk_key: str, place: str) -> None:
        from counter.host.notes.database_notes import note_path

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


#: one intake of the floor, its end, and what each of its notes took (ms)
Floor = tuple[Callable[[int], object], Callable[[], None], list[float]]


def sqlite_floor(path: Path, case_no: str, desk: str, tag: str) -> Floor:
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


def postgres_floor(url: str, case_no: str, desk: str, tag: str) -> Floor:
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


def bare_desk(url: str, case_no: str, desk: str, tag: str) -> Floor:
    """The bare desk on the database of ``url`` (SQLite or PostgreSQL), copying the rows of case ``case_no``."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return sqlite_floor(Path(str(parsed.database)), case_no, desk, tag)
    return postgres_floor(url, case_no, desk, tag)


@contextmanager
def durable_postgres() -> Iterator[str]:
    """The URL of a database holding the schema and the shipped catalog, on a cluster of its own started with
    ``fsync`` and ``synchronous_commit`` on (a server that never waits for its disk would flatter every figure beside
    SQLite's); the cluster is stopped and removed at the end."""
    from tests.pg_server import CATALOG, HALL_MEMORY, PgDatabases, start_cluster, stop_cluster

    # in the system's temporary folder: the server's user must enter it; a hall's server, its memory too
    cluster = start_cluster(durable=True, settings=HALL_MEMORY)
    try:
        databases = PgDatabases(cluster)
        url = cluster.url(databases.create(CATALOG))
        databases.close()
        yield url
    finally:
        stop_cluster(cluster)


def main() -> None:
    url, case_no, machine, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    intake, close, _notes = bare_desk(url, case_no, f"5{machine:02d}", f"B{machine:02d}")
    from psycopg import Error as PostgresError

    refused = (sqlite3.Error, PostgresError)
    print("ready", flush=True)
    sys.stdin.readline()
    latencies: list[float] = []
    errors: list[str] = []
    try:
        for n in range(count):
            start = time.perf_counter()
            try:
                intake(n)
                latencies.append((time.perf_counter() - start) * 1000)
            except refused as err:
                errors.append(f"{type(err).__name__}: {str(err).splitlines()[0]}")
    finally:
        close()
    print(json.dumps({"cases": [], "documents": [], "commit_ms": latencies, "errors": errors}), flush=True)


if __name__ == "__main__":
    main()
