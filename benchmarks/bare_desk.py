"""One desk machine writing intakes with the bare driver: the floor of ``bench_hall.py``'s runs of many desks.

Runs as a process of its own, as ``tests/db/hall_worker.py`` does for the action, with the same handshake::

    python -m benchmarks.bare_desk URL PATH_OR_EMPTY CASE_NO MACHINE COUNT

It reads the rows of case ``CASE_NO`` (written by the action) and prints ``ready``; on a line from stdin it writes
``COUNT`` intakes of the same rows in one transaction each (``bench_intake.BareIntake``: SQLite ``BEGIN IMMEDIATE``
with ``synchronous=FULL``, PostgreSQL as the server is set; each number noted after its commit, ``BareNote``), at
desk ``5MACHINE``, and prints one JSON line of the same shape as the hall worker's: latencies in milliseconds, and
what the database refused.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_intake import postgres_floor, sqlite_floor


def main() -> None:
    url, path, case_no, machine, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    desk, tag = f"5{machine:02d}", f"B{machine:02d}"
    if path:
        intake, close, _notes = sqlite_floor(Path(path), case_no, desk, tag)
        from sqlite3 import Error as DriverError
    else:
        intake, close, _notes = postgres_floor(url, case_no, desk, tag)
        from psycopg import Error as DriverError  # type: ignore[assignment]
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
            except DriverError as err:
                errors.append(f"{type(err).__name__}: {str(err).splitlines()[0]}")
    finally:
        close()
    print(json.dumps({"cases": [], "documents": [], "commit_ms": latencies, "errors": errors}), flush=True)


if __name__ == "__main__":
    main()
