"""Committing an intake, and opening a case by number among a million, on SQLite.

1. Takes 300 complete intakes of 我要开小餐馆 through the real action (case,
   every checklist line, first history line, the applicant remembered), each in
   its own transaction on a WAL database with ``synchronous=FULL``, and reports
   p50 / p95 of the commit against the 10 ms goal.
2. Fills a database with 1,000,000 cases (12 checklist lines and a history line
   for the first 20,000, plain rows for the rest: opening one case reads only its
   own lines, so the others only need to exist and be indexed), then opens 2,000
   random cases by number with ``case_view`` and reports p50 / p95 against 2 ms.

    .venv/bin/python benchmarks/bench_intake.py [--cases 1000000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from counter.actions.calendar import office_calendar
from counter.actions.catalog import import_source
from counter.actions.demo import complete_checklist, fresh_checklist
from counter.actions.desk import Desk
from counter.actions.intake import IntakeRequest, take_intake
from counter.case.numbers import DeskIdentity, case_no
from counter.db.case_store import case_view
from counter.db.catalog_store import current_guide
from counter.db.engine import make_engine, make_sessions
from counter.db.migrate import upgrade
from counter.identifiers import make_id_number
from counter.intake.parties import Applicant, ApplicantKind, Parties

CATALOG = Path(__file__).resolve().parent.parent / "counter" / "resources" / "catalog"
TODAY = dt.date(2026, 11, 20)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * q) - 1)]


def line(label: str, times: list[float], goal: float) -> None:
    p95 = percentile(times, 0.95)
    print(
        f"{label:<44} n={len(times):>5}  p50={statistics.median(times):.2f} ms  p95={p95:.2f} ms  "
        f"goal p95<={goal} ms: {'ok' if p95 <= goal else 'OVER GOAL'} ({p95 / goal:.2f}x of goal)"
    )


def bench_commit(folder: Path) -> None:
    engine = make_engine(f"sqlite:///{folder / 'commit.sqlite3'}")
    upgrade(engine)
    sessions = make_sessions(engine)
    import_source(sessions, CATALOG)
    with sessions() as s:
        stored = current_guide(s, "XAM-YJS-008")
        calendar = office_calendar(s)
    assert stored is not None
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    desk = Desk(DeskIdentity("XAM01", "8"), "测试")
    times = []
    for n in range(300):
        applicant = Applicant(
            ApplicantKind.PERSON, "测试申请人", make_id_number("152201", dt.date(1980, 1, 1), n), "13900000000"
        )
        request = IntakeRequest(checklist, Parties(applicant))
        start = time.perf_counter()
        with sessions.begin() as s:
            take_intake(s, desk, request, TODAY, calendar)
        times.append((time.perf_counter() - start) * 1000)
    line("commit an intake (SQLite, WAL, sync FULL)", times[20:], 10.0)


def fill(sessions_engine_url: str, count: int, version_id: int) -> list[str]:
    """Insert ``count`` cases with plain SQL in large transactions; return their numbers."""
    engine = make_engine(sessions_engine_url)
    desks = [DeskIdentity("XAM01", str(d)) for d in range(1, 21)]
    numbers: list[str] = []
    day0 = dt.date(2024, 1, 1)
    case_sql = text(
        'INSERT INTO "case" (id, case_no, site_code, desk_no, clerk, bundle_code, guide_version_id, status,'
        " outcome, answers, applicant_kind, applicant_name, applicant_id_no, applicant_phone, applicant_address,"
        " legal_rep, agent_name, agent_id_no, agent_authorisation, delivery, delivery_address, notify_phone,"
        " received_on, accepted_on, refusal_ground, turn_to, denial_reason, dates_beyond_data, created_at)"
        " VALUES (:id, :no, 'XAM01', :desk, '测试', 'XAM-YJS-008', :v, 'accepted', 'accept', '[]', 'person',"
        " '测试申请人', '152201198001010011', '', '', '', '', '', '', 'pickup', '', '', :day, :day, '', '', '',"
        " 0, '2026-01-01 00:00:00')"
    )
    material_sql = text(
        "INSERT INTO case_material (case_id, material_code, name, necessity, receipt, originals, copies, medium,"
        " defect_note) VALUES (:case_id, :code, '材料名称', 'required', 'received', 1, 1, 'paper', '')"
    )
    history_sql = text(
        "INSERT INTO case_history (case_id, at, clerk, desk_no, event, status_after, note)"
        " VALUES (:case_id, '2026-01-01 00:00:00', '测试', :desk, 'taken', 'accepted', 'accept')"
    )
    batch = 50_000
    start = time.perf_counter()
    for first in range(0, count, batch):
        rows, materials, history = [], [], []
        for i in range(first, min(count, first + batch)):
            # 20 desks, 2,000 cases per desk and day: (day, desk, sequence) never repeats
            desk = desks[i % len(desks)]
            day = day0 + dt.timedelta(days=i // 40_000)
            number = case_no(desk, day, (i // len(desks)) % 2000 + 1)
            numbers.append(number)
            rows.append({"id": i + 1, "no": number, "desk": desk.desk_no, "v": version_id, "day": day})
            if i < 20_000:
                materials += [{"case_id": i + 1, "code": f"M{k:02d}"} for k in range(12)]
                history.append({"case_id": i + 1, "desk": desk.desk_no})
        with engine.begin() as conn:
            conn.execute(case_sql, rows)
            if materials:
                conn.execute(material_sql, materials)
                conn.execute(history_sql, history)
    print(f"filled {count:,} cases in {time.perf_counter() - start:.1f} s")
    engine.dispose()
    return numbers


def bench_open(folder: Path, count: int) -> None:
    url = f"sqlite:///{folder / 'million.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine)
    sessions = make_sessions(engine)
    import_source(sessions, CATALOG)
    with sessions() as s:
        stored = current_guide(s, "XAM-YJS-008")
    assert stored is not None
    numbers = fill(url, count, stored.version_id)
    rng = random.Random(3)
    sample = [numbers[rng.randrange(20_000)] for _ in range(1000)] + rng.sample(numbers, 1000)
    rng.shuffle(sample)
    times = []
    for number in sample:
        start = time.perf_counter()
        with sessions() as s:
            view = case_view(s, number)
        times.append((time.perf_counter() - start) * 1000)
        assert view is not None
    line(f"open a case by number ({count:,} cases)", times[50:], 2.0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bench_commit(Path(tmp))
        bench_open(Path(tmp), args.cases)


if __name__ == "__main__":
    main()
