"""Kill the intake process with SIGKILL at random moments and check what is left.

The worker (:mod:`tests.crash.intake_worker`) prints a line only after a commit
has returned, so every ``committed`` line is a case the desk was told is saved.
After each kill the database is opened afresh and checked the way the next
start would find it:

- ``PRAGMA integrity_check`` says ``ok`` and ``PRAGMA foreign_key_check`` finds nothing;
- the schema is at the current revision;
- every case reported as committed is there, under its number, with all its
  checklist lines, its first history line and its audit entry;
- no case at all lacks any of these (none is half-written);
- a draft left behind is readable and would be offered back by the desk
  (:func:`counter.ui.intake.drafts.pending_drafts`), it never belongs to a case
  that was committed, and when the kill came between saving the draft and
  committing the intake, it is that intake's draft.

Some runs are killed during the very first start, on a database that does not
exist yet: what is left must be no database, or one that the next start opens
and completes.  Used by ``tests/crash/test_kills.py`` (a few kills) and by
``scripts/crash_intakes.py`` (hundreds).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from counter.audit.actions import AuditAction
from counter.catalog.model import Bundle
from counter.db import models
from counter.db.catalog_store import guide_version
from counter.db.engine import make_engine, make_sessions
from counter.db.migrate import SchemaState, schema_state
from counter.intake.draft import DraftUnreadable, draft_from_json, fit_checklist
from tests.crash.intake_worker import DESK, start, uid_in
from tests.ui.runners import runner_on

REPO = Path(__file__).resolve().parents[2]
WORKER = "tests.crash.intake_worker"
DELAY_MS = (20, 400)  # how long a worker runs before it is killed, once it is ready
EARLY_SHARE = 0.1  # of the kills on the running desk, those timed from the process start instead
READY_TIMEOUT_S = 60.0


class WorkerFailed(Exception):
    """The worker stopped by itself (not by the kill), or never became ready."""


@dataclass(frozen=True, slots=True)
class Run:
    """What one worker printed before it was killed."""

    lines: tuple[str, ...]
    ready: bool

    def committed(self) -> dict[str, str]:
        """uid → case number, for every ``committed`` line."""
        found: dict[str, str] = {}
        for line in self.lines:
            parts = line.split()
            if len(parts) == 3 and parts[0] == "committed":
                found[parts[2]] = parts[1]
        return found

    def in_progress(self) -> str:
        """The uid of the intake whose draft was saved and whose commit was not reported; empty otherwise."""
        last = self.lines[-1].split() if self.lines else []
        return last[1] if len(last) == 2 and last[0] == "drafted" else ""


@dataclass(frozen=True, slots=True)
class Found:
    """What one check of the database found; ``problems`` is empty when all is well."""

    problems: tuple[str, ...]
    cases: int  # cases in the database
    verified: int  # reported cases found whole
    lost: int  # reported cases missing or not whole
    draft_offered: bool  # the draft of the intake in progress was there and would be offered back


@dataclass
class Tally:
    seed: int
    kills: int = 0
    first_start_kills: int = 0
    first_start_no_database: int = 0
    first_start_empty: int = 0
    first_start_current: int = 0
    committed: int = 0  # cases reported as committed
    verified: int = 0
    lost: int = 0
    unreported: int = 0  # cases committed whose line the kill cut off (stored whole all the same)
    drafts_found: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)
    latest: dict[str, Found] = field(default_factory=dict)  # the last check of each database
    reported: dict[str, dict[str, str]] = field(default_factory=dict)  # database → uid → case number

    def record(self, where: str, url: str, run: Run, found: Found) -> None:
        """Count what a run reported and what the check after it found."""
        self.latest[url] = found
        self.drafts_found += int(found.draft_offered)
        self.problems.extend(f"{where}: {p}" for p in found.problems)
        self.committed = sum(len(r) for r in self.reported.values())
        self.verified = sum(f.verified for f in self.latest.values())
        self.lost = sum(f.lost for f in self.latest.values())
        self.unreported = sum(f.cases - len(self.reported.get(u, {})) for u, f in self.latest.items())

    def summary(self) -> str:
        return "\n".join(
            [
                f"kills:                 {self.kills}",
                f"  during first start:  {self.first_start_kills} "
                f"(left no database {self.first_start_no_database}, empty {self.first_start_empty}, "
                f"complete {self.first_start_current}; each completed by the next start)",
                f"cases committed:       {self.committed} (reported by the desk)",
                f"cases verified:        {self.verified}",
                f"cases lost:            {self.lost}",
                f"cases committed, line cut off by the kill: {self.unreported}",
                f"drafts found:          {self.drafts_found} (intake in progress offered back)",
                f"problems:              {len(self.problems)}",
                f"seed:                  {self.seed}",
                f"time:                  {self.seconds:.1f} s",
            ]
        )


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def prepare_database(path: Path) -> str:
    """A database with the schema and the shipped catalog, as the desk's first start leaves it."""
    url = sqlite_url(path)
    sessions = start(url)
    bind = sessions.kw["bind"]
    bind.dispose()
    return url


def run_worker(url: str, delay_s: float, from_ready: bool = True) -> Run:
    """Start the worker, let it run ``delay_s`` (from ``ready``, or from the start), kill it with SIGKILL."""
    with tempfile.TemporaryFile("w+") as errors:
        proc = subprocess.Popen(
            [sys.executable, "-m", WORKER, url],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            encoding="utf-8",
        )
        assert proc.stdout is not None
        stdout = proc.stdout
        lines: list[str] = []
        ready = threading.Event()

        def read() -> None:
            for raw in stdout:
                line = raw.rstrip("\n")
                lines.append(line)
                if line == "ready":
                    ready.set()

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        if from_ready and not ready.wait(READY_TIMEOUT_S) and proc.poll() is None:
            proc.kill()
            proc.wait()
            raise WorkerFailed("the worker did not become ready")
        time.sleep(delay_s)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        code = proc.wait()
        reader.join()
        stdout.close()
        if code != -signal.SIGKILL:
            errors.seek(0)
            raise WorkerFailed(f"the worker ended by itself with {code}: {errors.read()[-2000:]}")
        return Run(tuple(lines), ready.is_set())


def check_database(url: str, reported: dict[str, str], run: Run | None) -> Found:
    """Everything the next start relies on, checked on the database as the kill left it."""
    engine = make_engine(url)
    try:
        return _check(make_sessions(engine), reported, run)
    finally:
        engine.dispose()


def _check(sessions: sessionmaker[Session], reported: dict[str, str], run: Run | None) -> Found:
    problems: list[str] = []
    with sessions() as session:
        conn = session.connection()
        integrity = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
        if integrity != ["ok"]:
            problems.append(f"integrity_check: {integrity[:5]}")
        broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            problems.append(f"foreign_key_check: {broken[:5]}")
    state, revision = schema_state(sessions.kw["bind"])
    if state is not SchemaState.CURRENT:
        problems.append(f"schema is {state.value} ({revision})")
    whole, uids, case_problems = _cases(sessions)
    problems.extend(case_problems)
    verified = lost = 0
    for uid, number in reported.items():
        if uids.get(uid) == number and number in whole:
            verified += 1
        else:
            lost += 1
            problems.append(
                f"case {number} ({uid}) reported as committed is {'not whole' if uid in uids else 'missing'}"
            )
    offered, draft_problems = _draft(sessions, set(uids), run)
    problems.extend(draft_problems)
    return Found(tuple(problems), len(uids), verified, lost, offered)


def _cases(sessions: sessionmaker[Session]) -> tuple[set[str], dict[str, str], list[str]]:
    """The numbers of the cases stored whole, uid → number of every case, and what is wrong with the others."""
    problems: list[str] = []
    whole: set[str] = set()
    uids: dict[str, str] = {}
    bundles: dict[int, Bundle | None] = {}
    with sessions() as session:
        counted = select(models.CaseMaterial.case_id, func.count()).group_by(models.CaseMaterial.case_id)
        lines = dict(session.execute(counted).all())
        first_history = select(models.CaseHistory.case_id, func.min(models.CaseHistory.id)).group_by(
            models.CaseHistory.case_id
        )
        first_ids = dict(session.execute(first_history).all())
        first_events = select(models.CaseHistory.id, models.CaseHistory.event).where(
            models.CaseHistory.id.in_(first_ids.values())
        )
        events = dict(session.execute(first_events).all())
        audited = set(
            session.scalars(
                select(models.AuditEntry.subject).where(models.AuditEntry.action == AuditAction.CASE_TAKEN.value)
            )
        )
        rows = session.execute(
            select(
                models.Case.id, models.Case.case_no, models.Case.uid, models.Case.guide_version_id, models.Case.answers
            )
        )
        for case_id, number, uid, version_id, answers in rows:
            uids[uid] = number
            if version_id not in bundles:
                stored = guide_version(session, version_id)
                bundles[version_id] = stored.bundle if stored else None
            bundle = bundles[version_id]
            if bundle is None:
                problems.append(f"case {number}: guide version {version_id} missing")
                continue
            expected = len(bundle.materials_for(dict(tuple(pair) for pair in json.loads(answers))))
            wrong: list[str] = []
            if lines.get(case_id, 0) != expected or expected == 0:
                wrong.append(f"{lines.get(case_id, 0)} of {expected} checklist lines")
            first = first_ids.get(case_id)
            if first is None or events.get(first) != "taken":
                wrong.append("no first history line")
            if number not in audited:
                wrong.append("no audit entry")
            if wrong:
                problems.append(f"case {number} half-written: {', '.join(wrong)}")
            else:
                whole.add(number)
    return whole, uids, problems


def _draft(sessions: sessionmaker[Session], case_uids: set[str], run: Run | None) -> tuple[bool, list[str]]:
    """Whether the intake in progress would be offered back; what is wrong with the desk's drafts.

    The desk keeps a draft per intake until its case is taken: an intake killed before its commit leaves its draft
    beside those of the intakes killed before, each offered back, none of a committed case."""
    from counter.db.draft_store import load_drafts
    from tests.ui.drafts_read import kept  # the desk's own check, as at start-up

    problems: list[str] = []
    in_progress = run.in_progress() if run else ""
    offers = kept(runner_on(sessions), DESK)
    for offer in offers:
        if offer.draft is None:
            problems.append(f"a draft could not be read: {offer.problem} {offer.detail}")
        elif not offer.offer_text():
            problems.append("a draft would not be offered")
    with sessions() as session:
        stored = load_drafts(session, DESK.draft_key)
    found: set[str] = set()
    for _, _, content in stored:
        try:
            draft = draft_from_json(content)
            with sessions() as session:
                guide = guide_version(session, draft.guide_version_id)
            if guide is None:
                problems.append("a draft's guide version is missing")
            else:
                fit_checklist(draft, guide.bundle)
        except DraftUnreadable as bad:
            problems.append(f"a draft could not be read: {bad}")
            continue
        found.add(uid_in(draft.applicant.address))
    problems.extend(f"the draft of intake {uid} outlived its commit" for uid in sorted(found & case_uids))
    left = bool(in_progress) and in_progress not in case_uids
    if left and in_progress not in found:
        problems.append(f"the draft of intake {in_progress}, saved and not committed, is gone")
    return left and in_progress in found, problems


def first_start_state(path: Path) -> str:
    """``none`` (no database file), ``empty`` (a file without any table) or the schema's state."""
    if not path.exists():
        return "none"
    engine = make_engine(sqlite_url(path))
    try:
        state, _ = schema_state(engine)
        if state is SchemaState.EMPTY:
            with engine.connect() as conn:
                tables = inspect(conn).get_table_names()
            return "empty" if not tables else f"half a schema: {tables[:5]}"
        return state.value
    finally:
        engine.dispose()


def kill_first_start(folder: Path, rng: random.Random, ready_s: float, tally: Tally) -> None:
    """Kill a desk's very first start at a random moment, then start again and check the database."""
    path = folder / f"first-{tally.first_start_kills:04d}.sqlite3"
    url = sqlite_url(path)
    run_worker(url, rng.uniform(0.2, 1.1) * ready_s, from_ready=False)
    tally.kills += 1
    tally.first_start_kills += 1
    state = first_start_state(path)
    if state == "none":
        tally.first_start_no_database += 1
    elif state == "empty":
        tally.first_start_empty += 1
    elif state == SchemaState.CURRENT.value:
        tally.first_start_current += 1
    else:
        tally.problems.append(f"{path.name}: a killed first start left {state}")
        return
    again = run_worker(url, rng.uniform(*DELAY_MS) / 1000)  # the next start completes it, and takes intakes
    tally.kills += 1
    reported = tally.reported.setdefault(url, {})
    reported.update(again.committed())
    tally.record(path.name, url, again, check_database(url, reported, again))


def measure_first_start(folder: Path) -> float:
    """Seconds from launch to ``ready`` on a database that does not exist yet."""
    started = time.monotonic()
    run = run_worker(sqlite_url(folder / "measure.sqlite3"), 0.0)
    if not run.ready:
        raise WorkerFailed("the first start never became ready")
    return time.monotonic() - started


def first_start_steps(kills: int, first_starts: int, rng: random.Random) -> set[int]:
    """The steps of a run that kill a first start.

    A first start takes two kills, so a run of ``kills`` has ``kills - first_starts``
    steps; a first start placed beyond them would never be reached.
    """
    steps = max(kills - first_starts, first_starts)
    return set(rng.sample(range(steps), min(first_starts, steps)))


def crash_run(kills: int, seed: int, folder: Path, first_starts: int, say: Callable[[str], None] = print) -> Tally:
    """``kills`` SIGKILLs in all, ``first_starts`` of them on first starts; the tally of what was found."""
    rng = random.Random(seed)
    tally = Tally(seed)
    began = time.monotonic()
    say(f"seed {seed}")
    url = prepare_database(folder / "desk.sqlite3")
    ready_s = measure_first_start(folder)
    first_at = first_start_steps(kills, first_starts, rng)
    reported = tally.reported.setdefault(url, {})
    step = 0
    while tally.kills < kills:
        if step in first_at:
            kill_first_start(folder, rng, ready_s, tally)
        else:
            early = rng.random() < EARLY_SHARE
            run = run_worker(url, rng.uniform(*DELAY_MS) / 1000, from_ready=not early)
            tally.kills += 1
            reported.update(run.committed())
            tally.record(f"kill {tally.kills}", url, run, check_database(url, reported, run))
        step += 1
        if tally.kills % 25 == 0 or tally.kills == kills:
            say(f"{tally.kills} kills, {tally.committed} cases reported, {len(tally.problems)} problems")
    tally.seconds = time.monotonic() - began
    return tally
